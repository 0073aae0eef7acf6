import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';

const timings: Record<string, number> = {};

test.afterAll(({ backend }) => {
  if (Object.keys(timings).length === 0) return;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/first-numbers-ms-${backend}.json`, JSON.stringify(timings, null, 2));
  console.log('[e2e] navigation -> first numbers on screen (ms):', JSON.stringify(timings));
});

test('opens with the scene, the numbers and a clean console', async ({ app, page, backend }) => {
  await app.open();
  const state = await app.snapshot();
  expect(state.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(state.scenario.eta).toBe('quadratic');
  expect(state.backend?.thread).toBe('worker');
  if (backend === 'auto') {
    // Headless CI has only SwiftShader: auto must pick WASM and say why.
    expect(state.backend?.active).toBe('wasm');
    expect(state.backend?.reason).toMatch(/software-rendered/);
    await expect(page.getByTestId('backend-badge')).toContainText('WASM');
    await expect(page.getByTestId('backend-badge')).toContainText('software-rendered');
  } else {
    expect(state.backend?.active).toBe(backend);
  }

  const models = await app.numbers();
  expect(models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
  for (const m of models) {
    expect(m.trtr).toBeGreaterThan(0);
    expect(m.tstr).toBeGreaterThan(0);
    expect(m.utility).toBeCloseTo(Math.abs(m.tstr - m.trtr), 12);
  }
  // The table shows the same numbers the engine computed.
  await expect(app.cell('ols', 'trtr')).toHaveText(models[0]!.trtr.toPrecision(3));
  await expect(page.locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expect(page.locator('.recharts-line')).toHaveCount(1 + 2 * 3);
  expect(page.url()).toContain('v=3&lab=simulated&task=regression');
  expect(page.url()).toContain('&eta=quadratic&');
  expect(page.url()).toContain('&shift=0.7&');
  timings[`default link, ${backend}`] = state.firstResultsMs!;
  app.expectCleanConsole();
});

test('moving the shift slider changes TSTR but not TRTR', async ({ app, page }) => {
  await app.open();
  const before = await app.numbers();
  const slider = app.slider('shift');
  // The empty link opens on the first look, shift 0.7 (src/store/firstLook.ts).
  await expect(slider).toHaveValue('0.7');
  await slider.focus();
  for (let i = 0; i < 8; i++) await slider.press('ArrowRight');
  await expect(slider).toHaveValue('1.5');
  await expect.poll(() => app.snapshot().then((s) => s.scenario.shift)).toBe(1.5);
  await app.waitForResults();
  expect(page.url()).toContain('shift=1.5');
  const after = await app.numbers();
  after.forEach((m, i) => {
    expect(m.trtr).toBe(before[i]!.trtr);
    expect(m.tstr).not.toBe(before[i]!.tstr);
  });
  app.expectCleanConsole();
});

test('a copied link opened in a new page shows identical numbers', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open(
    '?eta=linear&n=300&m=150&shift=-1.2&scale=1.6&bias=0.4&models=ols;poly:degree=3;knn:k=7&R=5&seed=2026',
  );
  await app.slider('sigma').focus();
  await app.slider('sigma').press('ArrowLeft');
  await app.waitForResults();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveText(/copied/i);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('sigma=0.45');

  const other = await app.another();
  await other.page.goto(link);
  await other.waitForResults();
  expect((await other.snapshot()).scenario).toEqual((await app.snapshot()).scenario);
  expect(await other.numbers()).toEqual(await app.numbers());
  await expect(other.cell('knn:k=7', 'utility')).toHaveText(await app.cell('knn:k=7', 'utility').innerText());
  await expect(other.page.getByTestId('notice')).toHaveCount(0);
  app.expectCleanConsole();
  other.expectCleanConsole();
});

test('a hostile link shows a notice and a valid scene', async ({ app, page }) => {
  const junk = encodeURIComponent('<img src=x onerror=alert(1)>');
  await page.goto(
    app.withBackend(
      `/?v=99&shift=1e999&n=abc&eta=${junk}&models=knn:k=9999;forest&sigma=NaN&${'z'.repeat(3000)}=1&seed=-5&R=3`,
    ),
  );
  await app.waitForResults();
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('newer version');
  await expect(notice).toContainText('shift = 1e999 is above the maximum 3');
  await expect(notice).toContainText('not a number');
  const state = await app.snapshot();
  expect(state.scenario).toMatchObject({
    shift: 3,
    n: 200,
    eta: 'quadratic',
    sigma: 0.5,
    models: 'knn:k=200',
    seed: 0,
  });
  await expect(notice).toContainText('unknown model "forest"');
  for (const m of await app.numbers()) {
    expect(Number.isFinite(m.trtr) && Number.isFinite(m.tstr) && Number.isFinite(m.utility)).toBe(true);
  }
  expect(page.url()).toContain('shift=3');
  expect(page.url()).not.toContain('zzz');
  await page.getByRole('button', { name: /dismiss/i }).click();
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll('img[src=x]').length)).toBe(0);
  app.expectCleanConsole();
});

test('window.playground is read-only', async ({ app, page }) => {
  await app.open();
  const result = await page.evaluate(() => {
    const before = window.playground.scenario.shift;
    try {
      (window.playground.scenario as { shift: number }).shift = 2;
    } catch {
      /* frozen: strict-mode assignment throws */
    }
    try {
      (window as unknown as { playground: unknown }).playground = {};
    } catch {
      /* no setter */
    }
    return { before, after: window.playground.scenario.shift, frozen: Object.isFrozen(window.playground) };
  });
  expect(result).toEqual({ before: 0.7, after: 0.7, frozen: true });
});
