/**
 * The digits lab as a user runs it: the built app in headless Chromium on WASM (first visit, assets fetched and
 * checked; then a second visit, assets from Cache Storage), the default scenario to its first numbers and to its
 * end with the page's main-thread long tasks; a VAE fit; 20 runs of a small network scenario and the engine's
 * live tensors before and after; and the same default scenario the CLI way as typed, beside the plain
 * scikit-learn script (bench/reference/digits.py: the same sizes, softmax, kNN and the MLP; it has no CNN).
 */
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { INSTRUMENT, PREVIEW_URL } from './browser';
import { findPython } from './sklearn';

export interface DigitsFigures {
  readonly link: string;
  /** Seconds from opening the lab to the digits loaded: first visit (fetched) and second (Cache Storage). */
  readonly assetsS: number | null;
  readonly cachedAssetsS: number | null;
  /** Seconds from opening the default link to the first model's numbers, and to the last replicate. */
  readonly firstNumbersS: number | null;
  readonly doneS: number | null;
  /** The default run's numbers in the page (mean TRTR and TSTR per model). */
  readonly models: readonly { id: string; trtr: number | null; tstr: number | null }[];
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** The VAE (gen=vae, default latent and epochs, n = 2,000) from the digits loaded to its last epoch. */
  readonly vaeS: number | null;
  /** The engine's live tensors after one small network run and after 20 more. */
  readonly tensorsAfter1: number | null;
  readonly tensorsAfter21: number | null;
  /** `npm run cli -- run --scenario "?lab=mnist"` as typed, and bench/reference/digits.py, in the same call. */
  readonly cliS: number | null;
  readonly sklearnS: number | null;
  readonly sklearnModels: Readonly<Record<string, { trtr: number; tstr: number }>> | null;
}

const DEFAULT = '?lab=mnist&backend=wasm';
const LIMIT_MS = 180_000;

async function secondsUntil(page: Page, test: string, began: number): Promise<number | null> {
  try {
    await page.waitForFunction(test, undefined, { timeout: LIMIT_MS, polling: 50 });
    return (Date.now() - began) / 1000;
  } catch {
    return null;
  }
}

const READY = `window.playground?.digits?.status === 'ready'`;
const NUMBERS = `(window.playground?.results?.models ?? []).some((m) => m.trtr !== null)`;
const DONE = `window.playground?.results?.done === true && window.playground.status === 'done'`;

async function tensors(page: Page): Promise<number | null> {
  return page.evaluate(() => window.playgroundEngine?.tensors() ?? null);
}

export async function benchDigits(browser: Browser): Promise<DigitsFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  try {
    let began = Date.now();
    await page.goto(`${PREVIEW_URL}/${DEFAULT}`);
    const assetsS = await secondsUntil(page, READY, began);
    const firstNumbersS = await secondsUntil(page, NUMBERS, began);
    const doneS = await secondsUntil(page, DONE, began);
    const models = await page.evaluate(() =>
      (window.playground.results?.models ?? []).map((m) => ({ id: m.id, trtr: m.trtr, tstr: m.tstr })),
    );
    const longTasks = await page.evaluate(() => window.__bench.longTasks);

    began = Date.now();
    await page.goto(`${PREVIEW_URL}/${DEFAULT}&models=knn:k=5&R=1`);
    const cachedAssetsS = await secondsUntil(page, READY, began);
    await secondsUntil(page, DONE, began);

    await page.goto(`${PREVIEW_URL}/?lab=mnist&backend=wasm&gen=vae&models=knn:k=5&R=1`);
    await secondsUntil(page, READY, Date.now());
    began = Date.now();
    const vaeS = await secondsUntil(page, `window.playground?.results?.generatorEpochs >= 20`, began);
    await secondsUntil(page, DONE, began);

    // 20 runs of a small scenario with both networks, each from a new seed (the control's button).
    await page.goto(
      `${PREVIEW_URL}/?lab=mnist&backend=wasm&n=200&m=200&R=1&models=mlp:width=32,depth=1,epochs=2,lr=0.001,batch=64;cnn:filters=4,epochs=1,lr=0.005,batch=64`,
    );
    await secondsUntil(page, DONE, Date.now());
    const tensorsAfter1 = await tensors(page);
    for (let i = 0; i < 20; i++) {
      const link = await page.evaluate(() => window.playground.link);
      await page.getByRole('button', { name: 'New seed' }).click();
      await page.waitForFunction((old) => window.playground.link !== old, link);
      await secondsUntil(page, DONE, Date.now());
    }
    const tensorsAfter21 = await tensors(page);

    const cli = spawnSync('npm', ['run', 'cli', '--', 'run', '--scenario', '?lab=mnist'], {
      encoding: 'utf8',
    });
    const cliStarted = Date.now();
    const cliRun = spawnSync('npm', ['run', 'cli', '--', 'run', '--scenario', '?lab=mnist'], {
      encoding: 'utf8',
    });
    const cliS = cli.status === 0 && cliRun.status === 0 ? (Date.now() - cliStarted) / 1000 : null;
    const python = findPython();
    const reference = python
      ? spawnSync(python, ['bench/reference/digits.py', '--test', '1000', '--json'], { encoding: 'utf8' })
      : null;
    const parsed =
      reference?.status === 0
        ? (JSON.parse(reference.stdout) as {
            seconds: number;
            models: Record<string, { trtr: number; tstr: number }>;
          })
        : null;
    return {
      link: DEFAULT,
      assetsS,
      cachedAssetsS,
      firstNumbersS,
      doneS,
      models,
      longTasks: longTasks.filter((d) => d > 50).length,
      longestTaskMs: Math.max(0, ...longTasks),
      vaeS,
      tensorsAfter1,
      tensorsAfter21,
      cliS,
      sklearnS: parsed?.seconds ?? null,
      sklearnModels: parsed?.models ?? null,
    };
  } finally {
    await context.close();
  }
}
