/**
 * The built app in headless Chromium (the e2e tests' browser and flags), on each tfjs backend: S1 through the
 * page (batched and one replicate at a time), S2 and S3 through the sweep view, main-thread long tasks and
 * frame times while S1 runs, time from a slider change to the first numbers, and live tensors / JS heap over
 * 100 consecutive runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumExecutable, WEBGL_FLAGS } from '../e2e/browser';
import { paramSpec } from '../src/scenario/schema';
import { PRESETS } from '../src/teaching/presets';
import type { Workload } from './workloads';

export type BrowserBackend = 'webgl' | 'wasm' | 'cpu';

export interface BrowserFigures {
  readonly backend: BrowserBackend;
  /** What actually ran (a forced backend that cannot start falls back). */
  readonly active: string;
  /** Helper workers the engine used (one per spare core; none on WebGL). */
  readonly helpers: number;
  /** S1 as shipped: batched, with the helpers. */
  readonly s1BatchedS: number;
  /** S1 batched on the engine worker alone (helpers off): what the helpers add. */
  readonly s1SingleThreadS: number;
  readonly s1OneAtATimeS: number;
  readonly s2S: number | null;
  readonly s3S: number | null;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly frameP95Ms: number;
  /**
   * Slider change -> the new scenario's first numbers in the page's state (replicate 1's first model: faster
   * models come out before slower ones finish), median of 5 on S1 and the default page, of 3 on each preset.
   */
  readonly firstNumbersS1Ms: number;
  readonly firstNumbersDefaultMs: number;
  readonly firstNumbersPresetsMs: Readonly<Record<string, number>>;
  readonly leak: {
    runs: number;
    tensorsBefore: number;
    tensorsAfter: number;
    heapBeforeMB: number;
    heapAfterMB: number;
  };
}

const PORT = Number(process.env.BENCH_PORT ?? 4188);
const BASE = `http://127.0.0.1:${PORT}`;
export const PREVIEW_URL = BASE;

/** Installed before the app's scripts: long tasks and frame intervals on the main thread. */
export const INSTRUMENT = `
  // tsx compiles the functions given to page.evaluate with esbuild's keepNames helper.
  window.__name = window.__name || ((fn) => fn);
  window.__bench = { longTasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const tick = (t) => { window.__bench.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

declare global {
  interface Window {
    __bench: { longTasks: number[]; frames: number[] };
  }
}

export async function startPreview(dist = 'dist'): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', dist, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not start on ${BASE}`);
}

export function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  // --expose-gc: the leak check collects garbage before it reads the heap, as the Node one does.
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...WEBGL_FLAGS, '--js-flags=--expose-gc'],
  });
}

const TIMEOUT = 20 * 60_000;

async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const p = window.playground;
      return p.status === 'done' && p.results?.done === true && p.results.link === p.link;
    },
    undefined,
    { timeout: TIMEOUT, polling: 50 },
  );
}

/** Reruns the current scenario from the first replicate (Reset) and returns the engine's seconds for the whole run. */
async function rerun(page: Page): Promise<number> {
  await page.evaluate(() => {
    window.__bench.longTasks = [];
    window.__bench.frames = [];
  });
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => window.playground.status !== 'done', undefined, { polling: 10 });
  await waitDone(page);
  return (await page.evaluate(() => window.playground.results!.elapsedMs)) / 1000;
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const median = (values: readonly number[]) => percentile(values, 0.5);

/**
 * Nudges a slider (→ then ←; shift where the scenario shows it, else the noise sd, else the first slider) and
 * times each change, from the key press (a keydown listener on the page) until the new scenario's first numbers
 * (any model fitted in replicate 1) are in the page's state.
 */
async function firstNumbers(page: Page, times = 5): Promise<number> {
  const sliders = [
    'input[data-param="shift"]',
    'input[data-param="sigma"]',
    'input[type="range"][data-param]',
  ];
  let slider = page.locator(sliders[0]!);
  for (const selector of sliders) {
    slider = page.locator(selector).first();
    if (await slider.isVisible()) break;
  }
  const measured: number[] = [];
  for (let i = 0; i < times; i++) {
    await slider.focus();
    const before = await page.evaluate(() => {
      const w = window as unknown as { __keyAt: number | null };
      w.__keyAt = null;
      document.addEventListener('keydown', () => (w.__keyAt = performance.now()), {
        once: true,
        capture: true,
      });
      return window.playground.link;
    });
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    const handle = await page.waitForFunction(
      (link) => {
        const p = window.playground;
        const keyAt = (window as unknown as { __keyAt: number | null }).__keyAt;
        const fresh =
          p.link !== link && p.results?.link === p.link && p.results.models.some((m) => m.fitted > 0);
        return fresh && keyAt !== null ? performance.now() - keyAt : false;
      },
      before,
      { timeout: TIMEOUT, polling: 5 },
    );
    // The next change comes while this run is still going, as when a user drags: it must cancel it at once.
    measured.push((await handle.jsonValue()) as number);
  }
  await waitDone(page);
  return median(measured);
}

/** Runs a sweep through the sweep view; wall seconds from the click to the last point. */
async function sweepThroughPage(page: Page, workload: Workload, backend: BrowserBackend): Promise<number> {
  const [x, y] = workload.axes;
  const url = (axis: typeof x, prefix: string) =>
    axis
      ? `&${prefix}=${paramSpec(axis.param).url}&${prefix}_from=${axis.from}&${prefix}_to=${axis.to}&${prefix}_n=${axis.steps}`
      : '';
  await page.goto(`${BASE}/?${workload.link}&backend=${backend}&view=sweep${url(x, 'sx')}${url(y, 'sy')}`);
  await waitDone(page);
  const started = Date.now();
  await page.getByTestId('sweep-run').click();
  const confirm = page.getByTestId('sweep-confirm');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, {
    timeout: TIMEOUT,
    polling: 100,
  });
  return (Date.now() - started) / 1000;
}

const step = (backend: string, what: string) =>
  process.stderr.write(`[bench]   chromium ${backend}: ${what}\n`);

export async function benchBrowser(
  browser: Browser,
  backend: BrowserBackend,
  s1: Workload,
  sweeps: readonly Workload[],
  leakRuns = 100,
): Promise<BrowserFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${BASE}/?${s1.link}&backend=${backend}`);
  await waitDone(page);
  const active = await page.evaluate(() => window.playground.backend?.active ?? '?');

  const spare = await page.evaluate(() => window.playgroundEngine!.setHelpers(null));
  step(backend, 'S1 batched');
  const s1BatchedS = await rerun(page);
  const { longTasks, frames } = await page.evaluate(() => window.__bench);
  const helpers = active === 'webgl' ? 0 : spare;
  let s1SingleThreadS = s1BatchedS;
  if (helpers > 0) {
    step(backend, 'S1 batched, helpers off');
    await page.evaluate(() => window.playgroundEngine!.setHelpers(0));
    s1SingleThreadS = await rerun(page);
    await page.evaluate(() => window.playgroundEngine!.setHelpers(null));
  }
  await page.evaluate(() => window.playgroundEngine!.setBatching(false));
  step(backend, 'S1 one at a time');
  const s1OneAtATimeS = await rerun(page);
  await page.evaluate(() => window.playgroundEngine!.setBatching(true));
  step(backend, 'slider -> first numbers');
  const firstNumbersS1Ms = await firstNumbers(page);

  await page.goto(`${BASE}/?backend=${backend}`);
  await waitDone(page);
  const firstNumbersDefaultMs = await firstNumbers(page);
  const firstNumbersPresetsMs: Record<string, number> = {};
  for (const preset of Object.keys(PRESETS)) {
    step(backend, `slider -> first numbers, preset ${preset}`);
    await page.goto(`${BASE}/?preset=${preset}&backend=${backend}`);
    await waitDone(page);
    firstNumbersPresetsMs[preset] = await firstNumbers(page, 3);
  }

  // 100 consecutive small runs with every model family: live tensors in the worker, JS heap on the page.
  const small = s1.link
    .replace(/&n=\d+/, '&n=100')
    .replace(/&m=\d+/, '&m=100')
    .replace(/&test=\d+/, '&test=1000')
    .replace(/&R=\d+/, '&R=2')
    .replace(/epochs=\d+/, 'epochs=20');
  await page.goto(`${BASE}/?${small}&backend=${backend}`);
  await waitDone(page);
  const memory = () =>
    page.evaluate(async () => ({
      tensors: await window.playgroundEngine!.tensors(),
      collected: (globalThis as { gc?: () => void }).gc?.(),
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    }));
  step(backend, `${leakRuns} runs for the leak check`);
  const before = await memory();
  for (let i = 0; i < leakRuns; i++) {
    const before = await page.evaluate(() => window.playground.link);
    await page.locator('input[data-param="shift"]').focus();
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction((link) => window.playground.link !== link, before, { polling: 5 });
    await waitDone(page);
  }
  const after = await memory();

  let s2S: number | null = null;
  let s3S: number | null = null;
  for (const workload of sweeps) {
    step(backend, `${workload.name} through the sweep view`);
    const seconds = await sweepThroughPage(page, workload, backend);
    if (workload.name === 'S2') s2S = seconds;
    else s3S = seconds;
  }
  await context.close();
  return {
    backend,
    active,
    helpers,
    s1BatchedS,
    s1SingleThreadS,
    s1OneAtATimeS,
    s2S,
    s3S,
    longTasks: longTasks.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...longTasks),
    frameP95Ms: percentile(frames, 0.95),
    firstNumbersS1Ms,
    firstNumbersDefaultMs,
    firstNumbersPresetsMs,
    leak: {
      runs: leakRuns,
      tensorsBefore: before.tensors,
      tensorsAfter: after.tensors,
      heapBeforeMB: before.heap / 2 ** 20,
      heapAfterMB: after.heap / 2 ** 20,
    },
  };
}
