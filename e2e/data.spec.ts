/**
 * The data view for every p (p = 2 on a canvas: heatmaps and boundaries; p > 2: a chosen pair of features) and
 * the training view's live MLP curves. Screenshots at 1280 and 390 px go to test-results/screenshots/view-*.png.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';

/** Share of the canvas's pixels that differ from its top-left (background) pixel, and its distinct colours. */
async function canvasInk(page: Page): Promise<{ ink: number; colours: number; width: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-chart="data"] canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b] = [data[0], data[1], data[2]];
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) ink++;
      colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
    }
    return { ink: ink / (data.length / 4), colours: colours.size, width: canvas.width };
  });
}

/** The chart frame and everything in it stay inside the viewport's width (nothing sticks out sideways). */
async function fitsAcross(page: Page, width: number): Promise<boolean> {
  return page
    .locator('[data-chart]')
    .evaluate(
      (frame, w) =>
        [frame, ...frame.querySelectorAll('*')].every((e) => e.getBoundingClientRect().right <= w + 0.5) &&
        frame.scrollWidth <= frame.clientWidth,
      width,
    );
}

/** How many times the data canvas has been drawn. */
async function drawnCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-chart="data"] canvas').getAttribute('data-drawn'));
}

test('p = 2 regression: eta and each fit as heatmaps on a crisp canvas, a model picker', async ({
  app,
  page,
}) => {
  await app.open('?p=2&eta=quadratic&shift=1&models=ols;poly:degree=2;knn:k=10&R=3&view=data');
  const canvas = page.locator('[data-chart="data"] canvas');
  await expect(canvas).toBeVisible();
  await expect(canvas).toHaveAttribute('data-panels', 'eta,real,synthetic');
  const { ink, colours, width } = await canvasInk(page);
  expect(ink).toBeGreaterThan(0.3);
  expect(colours).toBeGreaterThan(200);
  // Device pixels: the canvas is as sharp as the screen.
  const css = await canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  expect(width).toBe(Math.round(css * dpr));
  const snapshot = await app.snapshot();
  expect(snapshot.results?.done).toBe(true);

  // Another model: the panels are redrawn; a streamed replicate alone does not redraw.
  const before = await drawnCount(page);
  await page.getByTestId('surface-model').selectOption({ label: 'kNN (k=10)' });
  await expect.poll(() => drawnCount(page)).toBe(before + 1);
  await expect(canvas).toHaveAttribute('aria-label', /kNN \(k=10\) trained on real/);
  await page.getByTestId('surface-model').selectOption({ label: 'Quadratic' });
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-data-p2-desktop.png` });

  // The dark theme redraws the canvas in its colours.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.waitForTimeout(200);
  const background = await canvas.evaluate((c: HTMLCanvasElement) =>
    Array.from(c.getContext('2d')!.getImageData(1, 1, 1, 1).data),
  );
  expect(background.slice(0, 3)).toEqual([0x1d, 0x21, 0x26]);
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-data-p2-dark-desktop.png` });

  // A phone: one panel at a time, picked by a toggle.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(canvas).toHaveAttribute('data-panels', 'real');
  await page.getByRole('button', { name: 'Trained on synthetic' }).click();
  await expect(canvas).toHaveAttribute('data-panels', 'synthetic');
  expect(await fitsAcross(page, 390)).toBe(true);
  expect((await canvasInk(page)).ink).toBeGreaterThan(0.3);
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-data-p2-phone.png` });
  app.expectCleanConsole();
});

test('p = 2 classification: the decision boundaries of the fit and of the truth', async ({ app, page }) => {
  await app.open('?task=classification&p=2&eta=linear&flip10=0.3&models=logistic:C=1;knn:k=15&R=2&view=data');
  const canvas = page.locator('[data-chart="data"] canvas');
  await expect(canvas).toHaveAttribute('data-panels', 'eta,real,synthetic');
  // Boundary segments drawn per panel: the truth's, and the fits' (logistic: P = 1/2).
  const boundaries = (await canvas.getAttribute('data-boundaries'))!.split(',').map(Number);
  expect(boundaries).toHaveLength(3);
  for (const count of boundaries) expect(count).toBeGreaterThan(10);
  // Both classes' regions are there: dark (P near 0) and light (P near 1) cividis pixels in the eta panel.
  const extremes = await canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, Math.floor(c.width / 3), c.height);
    let dark = 0;
    let light = 0;
    for (let i = 0; i < data.length; i += 4) {
      const lum = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
      const yellow = data[i]! > 200 && data[i + 1]! > 190 && data[i + 2]! < 140;
      const navy = data[i + 2]! > data[i]! + 30 && lum < 90;
      if (yellow) light++;
      if (navy) dark++;
    }
    return { dark, light };
  });
  expect(extremes.dark).toBeGreaterThan(500);
  expect(extremes.light).toBeGreaterThan(500);
  await expect(page.locator('.legend-note')).toContainText('boundary');
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-data-p2-classification-desktop.png` });
  app.expectCleanConsole();
});

test('p = 3: a scatter of the chosen pair of features', async ({ app, page }) => {
  await app.open('?p=3&shift=1.5&R=2&view=data');
  const chart = page.locator('[data-chart="data"]');
  await expect(chart.locator('canvas')).toHaveCount(0);
  const x = page.getByTestId('pair-x');
  const y = page.getByTestId('pair-y');
  await expect(x).toHaveValue('0');
  await expect(y).toHaveValue('1');
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(400);
  const firstX = async () => (await chart.locator('.recharts-scatter-symbol').first().boundingBox())!.x;
  const before = await firstX();
  await x.selectOption('2');
  const svg = chart.locator('svg.recharts-surface').first();
  await expect(svg).toContainText('x₃');
  await expect(svg).not.toContainText('x₁');
  expect(await firstX()).not.toBe(before);
  // Picking the other axis's feature swaps the pair.
  await y.selectOption('2');
  await expect(y).toHaveValue('2');
  await expect(x).toHaveValue('1');
  await expect(svg).toContainText('x₂');
  await expect(svg).toContainText('x₃');
  await expect(page.locator('.legend-note')).toContainText('x₂ against x₃ of 3 features');
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-data-p3-desktop.png` });
  app.expectCleanConsole();
});

test('training view: MLP curves on real and synthetic data, growing while the nets train', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  // A long training: the curves must be seen part-way, before the first replicate is in (the dense kernel
  // trains this net in a second or more on a laptop core; a smaller one would finish between two redraws).
  await page.goto(app.withBackend('/?models=ols;mlp:width=64,depth=3,epochs=5000&R=1&view=training'));
  const chart = page.locator('.training-chart');
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const real = Number((await chart.getAttribute('data-points-real')) ?? 0);
        if (real > 0 && (await chart.getAttribute('data-complete')) !== 'true') seen.add(String(real));
        return seen.size;
      },
      { timeout: 60_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(2);

  await app.open('?models=ols;mlp:width=8,depth=1,epochs=100&view=training');
  await expect(chart).toHaveAttribute('data-complete', 'true');
  expect(Number(await chart.getAttribute('data-points-real'))).toBe(51);
  expect(Number(await chart.getAttribute('data-points-synthetic'))).toBe(51);
  for (const side of ['real', 'synthetic']) {
    const d = await chart.locator(`.training-line.${side} path.recharts-curve`).first().getAttribute('d');
    expect(d?.split(/[LC]/).length ?? 0).toBeGreaterThan(20);
  }
  await expect(page.locator('.training-table tbody tr')).toHaveCount(1);
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-training-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  expect(await fitsAcross(page, 390)).toBe(true);
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-training-phone.png` });
  app.expectCleanConsole();
});

test('training view without an MLP offers to add one', async ({ app, page }) => {
  await app.open('?view=training&R=2');
  const add = page.getByTestId('add-mlp');
  await expect(add).toBeVisible();
  await page.locator('.view-card').screenshot({ path: `${SHOTS}/view-training-empty-desktop.png` });
  await add.click();
  await app.waitForResults();
  const snapshot = await app.snapshot();
  expect(snapshot.scenario.models).toMatch(/;mlp:width=16,depth=2,epochs=200,lr=0.01$/);
  await expect(page.locator('.training-chart')).toHaveAttribute('data-complete', 'true');
  app.expectCleanConsole();
});
