/**
 * Sharing and export, charts: every chart as PNG and SVG (canvas pictures included), the export menu and the QR
 * code dialog at 1280 and 390 px (screenshots in test-results/screenshots/export-*.png), and no request leaving
 * the page's origin. export-files.spec.ts checks the data files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';
import { QUERY, SHOTS, openMenu, parseSvg, renderAlone, saved, watchRequests } from './fixtures/exports';

test.describe.configure({ timeout: 120_000 });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('each chart exports as a PNG and a standalone SVG', async ({ app, page }) => {
  const foreign = watchRequests(page);
  await app.open(QUERY);
  const state = await app.snapshot();
  for (const [view, id] of [
    ['data', 'data'],
    ['generalization', 'risks'],
  ] as const) {
    await page.getByRole('tab', { name: new RegExp(view, 'i') }).click();
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await expect(figure.locator('svg.recharts-surface').first()).toBeVisible();
    const title = (await figure.locator('.chart-title').textContent())!;
    const png = figure.getByTestId('export-png');
    await expect(png).toHaveAttribute('aria-label', `Export ${title} as PNG`);
    await expect(figure.getByTestId('export-svg')).toHaveAttribute('aria-label', `Export ${title} as SVG`);

    const image = await saved(page, () => png.click());
    expect(image.name).toMatch(new RegExp(`^${id}-[0-9a-f]{8}\\.png$`));
    expect([...image.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the on-screen size at least (IHDR width and height).
    const box = (await figure.locator('.chart-body svg.recharts-surface').first().boundingBox())!;
    expect(image.data.readUInt32BE(16)).toBeGreaterThanOrEqual(2 * box.width);
    expect(image.data.readUInt32BE(20)).toBeGreaterThanOrEqual(2 * box.height);
    writeFileSync(`${SHOTS}/export-chart-${id}.png`, image.data);

    const vector = await saved(page, () => figure.getByTestId('export-svg').click());
    expect(vector.name).toBe(image.name.replace(/\.png$/, '.svg'));
    const text = vector.data.toString('utf8');
    expect(text).not.toContain('var(--');
    const svg = await parseSvg(page, text);
    expect(svg).toMatchObject({ error: false, root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
    expect(svg.width).toBeGreaterThan(100);
    expect(svg.height).toBeGreaterThan(100);
    expect(svg.texts[0]).toBe(title);
    if (id === 'risks') {
      // The legend (HTML in recharts) is in the file as text, and every model's label is on the axis.
      expect(svg.texts.some((t) => /TRTR/.test(t))).toBe(true);
      for (const m of state.results!.models) expect(svg.texts).toContain(m.label);
    }
    expect(await renderAlone(app, text, `${SHOTS}/export-chart-${id}-svg.png`)).toBeGreaterThan(2000);
  }
  expect(foreign).toEqual([]);
  app.expectCleanConsole();
});

test('a canvas picture inside a chart frame goes into both files', async ({ app, page }) => {
  await app.open(QUERY);
  const figure = page.locator('figure[data-chart="data"]');
  await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 80;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#cc3311';
    context.fillRect(0, 0, 120, 80);
    canvas.setAttribute('data-test-canvas', '');
    document.querySelector('figure[data-chart="data"] .chart-body')!.append(canvas);
  });
  const vector = await saved(page, () => figure.getByTestId('export-svg').click());
  const svg = await parseSvg(page, vector.data.toString('utf8'));
  expect(svg.error).toBe(false);
  expect(svg.images).toBe(1);
  expect(vector.data.toString('utf8')).toContain('data:image/png;base64,');
  const image = await saved(page, () => figure.getByTestId('export-png').click());
  expect([...image.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await page.evaluate(() => document.querySelector('[data-test-canvas]')!.remove());
  app.expectCleanConsole();
});

for (const width of [1280, 390]) {
  test(`menu and QR dialog at ${width} px`, async ({ app, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const foreign = watchRequests(page);
    await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
    await app.open(QUERY);
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    const before = await scrollWidth();
    await openMenu(page);
    const panel = page.locator('#export-panel');
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // The open menu widens nothing (the page's own width at 390 px is layout.spec's business).
    expect(await scrollWidth()).toBe(before);
    for (const id of [
      'export-results-csv',
      'export-results-json',
      'export-summary-csv',
      'export-sweep-csv',
      'export-sweep-json',
      'save-scenario',
      'show-qr',
    ])
      await expect(page.getByTestId(id)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-menu-${width}.png` });

    await page.getByTestId('show-qr').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(page.getByTestId('qr-close')).toBeFocused();
    const state = await app.snapshot();
    const link = `${new URL(page.url()).origin}/?${state.shareLink}`;
    await expect(dialog.locator('.qr-link')).toHaveText(link);
    const code = dialog.locator('svg.qr-code, canvas');
    await expect(code).toBeVisible();
    const size = (await code.boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(Math.min(300, width - 80));
    expect(size.x).toBeGreaterThanOrEqual(0);
    expect(size.x + size.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/export-qr-${width}.png` });

    // The page's shortcuts do not act behind the dialog (→ would pause and step); Escape closes it and focus
    // returns to the menu.
    const paused = state.paused;
    await page.keyboard.press('ArrowRight');
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('export-menu')).toBeFocused();
    expect((await app.snapshot()).paused).toBe(paused);

    // Copy link copies the same full link.
    await page.getByTestId('copy-link').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(foreign).toEqual([]);
    app.expectCleanConsole();
  });
}
