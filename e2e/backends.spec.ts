import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';
import { PlaygroundPage } from './fixtures/playground';

const timings: Record<string, number> = {};

test.afterAll(() => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/first-numbers-ms-by-backend.json', JSON.stringify(timings, null, 2));
  console.log('[e2e] navigation -> first numbers on screen (ms):', JSON.stringify(timings));
});

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
  test(`backend=${backend} starts that backend and gives the same numbers as every other`, async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await app.open(`?backend=${backend}&eta=sine&shift=1&R=5`);
    const state = await app.snapshot();
    expect(state.backend?.active).toBe(backend);
    expect(state.backend?.thread).toBe('worker');
    if (backend === 'webgl') {
      expect(state.backend?.contextLost).toBe(false);
      expect(state.backend?.renderer).toMatch(/SwiftShader/);
      expect(state.backend?.software).toBe(true);
      await expect(page.getByTestId('backend-badge')).toContainText('software GPU');
    }
    // Same link, same numbers on any backend: the reference run is the CPU backend.
    const reference = new PlaygroundPage(await page.context().newPage());
    await reference.open(`?backend=cpu&eta=sine&shift=1&R=5`);
    expect(await app.numbers()).toEqual(await reference.numbers());
    timings[`backend=${backend}`] = state.firstResultsMs!;
    app.expectCleanConsole();
  });
}

test('an MLP trains on WebGPU (a software adapter here), the other models give the CPU backend`s numbers', async ({
  page,
}) => {
  // Small: SwiftShader's WebGPU reads back slowly (the training curve reads the loss every epoch).
  const link = '&n=100&m=100&test=300&R=2&models=ols;knn:k=5;mlp:width=8,depth=1,epochs=20,lr=0.01';
  const app = new PlaygroundPage(page);
  await page.goto(`/?backend=webgpu${link}`);
  await page.waitForFunction(
    () => window.playground.status === 'done' && window.playground.results?.done === true,
    undefined,
    { timeout: 120_000 },
  );
  const state = await app.snapshot();
  // Headless Chromium's adapter is SwiftShader's (--enable-unsafe-webgpu, e2e/browser.ts): used when asked for.
  expect(state.backend).toMatchObject({
    requested: 'webgpu',
    active: 'webgpu',
    started: true,
    software: true,
  });
  expect(state.backend?.renderer).toMatch(/swiftshader/);
  await expect(page.getByTestId('backend-badge')).toContainText('WEBGPU');
  const reference = new PlaygroundPage(await page.context().newPage());
  await reference.open(`?backend=cpu${link}`);
  const [gpu, cpu] = [await app.numbers(), await reference.numbers()];
  // OLS and kNN are float64 JavaScript (kNN's float32 GPU candidates are proven or rescanned): the same bits.
  expect(gpu.slice(0, 2)).toEqual(cpu.slice(0, 2));
  // The MLP trains in float32 on both, the same network to rounding: the same risk to a few percent.
  for (const key of ['trtr', 'tstr'] as const) {
    expect(Math.abs(gpu[2]![key] - cpu[2]![key]) / cpu[2]![key]).toBeLessThan(0.05);
  }
  app.expectCleanConsole();
});

test('auto never picks a software WebGPU adapter', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('?models=ols;mlp:width=4,depth=1,epochs=5,lr=0.01&R=2&n=50&m=50&test=200');
  const state = await app.snapshot();
  // The MLP trains on the dense WebAssembly kernel there, so tfjs need not even start.
  expect(state.backend).toMatchObject({ requested: 'auto', active: 'wasm' });
  expect(state.backend?.reason).toMatch(/software-rendered/);
  expect(
    await page.evaluate(
      async () =>
        !!(await (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()),
    ),
  ).toBe(true);
});

test('the headless CLI gives the browser`s numbers for the same link', async ({ page }) => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const app = new PlaygroundPage(page);
  const query = '?v=2&eta=sine&shift=1.2&scale=0.8&models=ols;poly:degree=3;knn:k=7&R=4&test=2000&seed=11';
  await app.open(query);
  const { stdout } = await promisify(execFile)('npx', [
    'tsx',
    'src/cli/main.ts',
    'run',
    '--scenario',
    query,
    '--json',
  ]);
  const cli = (
    JSON.parse(stdout) as { summary: { model: string; trtr: number; tstr: number; utility: number }[] }
  ).summary;
  const browser = await app.numbers();
  expect(cli.map((m) => ({ id: m.model, trtr: m.trtr, tstr: m.tstr, utility: m.utility }))).toEqual(browser);
});

test('without Web Workers the engine runs on the page`s thread, in half-frame slices, with the same numbers', async ({
  page,
}) => {
  const link =
    '?backend=wasm&p=2&eta=quadratic&n=500&m=500&test=5000&R=2&models=ols;knn:k=5;krr:alpha=0.5,gamma=0.5;mlp:width=32,depth=2,epochs=400,lr=0.01';
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const app = new PlaygroundPage(page);
  await page.goto(`/${link}`);
  await app.waitForResults();
  const state = await app.snapshot();
  expect(state.backend?.thread).toBe('main');
  // Reset and time the rerun alone (page load and tfjs's start are long tasks of their own).
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => window.playground.status !== 'done');
  await app.waitForResults();
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  // Fits yield every 8 ms (the MLP's 400 epochs in one go take about 2x this bound here); a loose ceiling, the
  // slice is what keeps it low.
  console.log('[e2e] main-thread fallback, longest task ms:', Math.round(longest));
  expect(longest).toBeLessThan(200);

  const worker = new PlaygroundPage(await page.context().newPage());
  await worker.open(link);
  expect((await worker.snapshot()).backend?.thread).toBe('worker');
  expect(await app.numbers()).toEqual(await worker.numbers());
});
