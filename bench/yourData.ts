/**
 * The your-data lab at scale, in the built app: a 100,000-row × 50-column CSV (about 45 MB) and a 20,000-row
 * synthetic version chosen with the file inputs and parsed in the engine worker. Then (1) the default models on
 * every row: the estimate beside Evaluate, the gate, and its "at most N rows per file" evaluated to the
 * leaderboard; (2) OLS and ridge, R = 2, on every row. Measured: seconds from choosing the files to both read,
 * seconds to each leaderboard, and the page's main-thread long tasks (> 50 ms) throughout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { INSTRUMENT, PREVIEW_URL } from './browser';
import { findPython } from './sklearn';

export interface YourDataFigures {
  readonly rows: number;
  readonly columns: number;
  readonly megabytes: number;
  readonly parseS: number;
  /** The estimate shown beside Evaluate for the default models on every row, and the gate's offer. */
  readonly estimateText: string;
  readonly gateRows: number | null;
  /** Seconds from the gate's "at most N rows per file" to the leaderboard (null: unfinished in time). */
  readonly sampledS: number | null;
  /** OLS and ridge, R = 2, on every row (no gate): seconds to the leaderboard. */
  readonly linearS: number | null;
  /** The same fits the scikit-learn way on the same files (bench/reference/yourdata.py), in the same call. */
  readonly sklearnS: number | null;
  readonly longTasks: number;
  readonly longestTaskMs: number;
}

/** A seeded table: 49 numeric features and y = a linear function of them plus noise. */
export function bigCsv(rows: number, features: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const header = [...Array.from({ length: features }, (_, j) => `x${j + 1}`), 'y'].join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: features }, () => uniform() * 2 - 1);
    const y = x.reduce((s, v, j) => s + v * ((j % 5) - 2), 0) + (uniform() - 0.5);
    lines.push([...x, y].map((v) => v.toFixed(6)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** How long the bench waits for a leaderboard before it reports the evaluation as unfinished. */
export const EVALUATE_LIMIT_S = 120;

async function leaderboardSeconds(page: Page): Promise<number | null> {
  const began = Date.now();
  try {
    await page.getByTestId('leaderboard').waitFor({ timeout: EVALUATE_LIMIT_S * 1000 });
    return (Date.now() - began) / 1000;
  } catch {
    return null;
  }
}

/**
 * The files are written to disk and chosen by path, as a user chooses them: Playwright's in-memory upload builds
 * the File in the page's own JavaScript (a 45 MB buffer cost a 5.9 s main-thread task that a user never has).
 */
async function chooseFiles(page: Page, real: string, synthetic: string): Promise<number> {
  const began = Date.now();
  await page.getByLabel('Real training data').setInputFiles(real);
  await page.getByLabel('Synthetic data', { exact: true }).setInputFiles(synthetic);
  await page.getByTestId('loaded-file').nth(1).waitFor({ timeout: 120_000 });
  return (Date.now() - began) / 1000;
}

export async function benchYourData(browser: Browser, rows = 100_000): Promise<YourDataFigures> {
  const features = 49;
  const dir = mkdtempSync(join(tmpdir(), 'your-data-'));
  const real = join(dir, 'big.csv');
  const synthetic = join(dir, 'big-synthetic.csv');
  writeFileSync(real, bigCsv(rows, features, 1));
  writeFileSync(synthetic, bigCsv(Math.round(rows / 5), features, 2));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  try {
    // The default models on every row: the estimate, the gate, and its offer of fewer rows.
    await page.goto(`${PREVIEW_URL}/?lab=data`);
    await page.getByRole('region', { name: 'Your data' }).waitFor();
    await page.evaluate(() => (window.__bench.longTasks = []));
    const parseS = await chooseFiles(page, real, synthetic);
    await page.getByTestId('data-estimate').waitFor();
    const estimateText = (await page.getByTestId('data-estimate').textContent()) ?? '';
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    let gateRows: number | null = null;
    let sampledS: number | null = null;
    const offer = page.getByTestId('data-gate-rows');
    if (await offer.isVisible()) {
      gateRows = Number((await offer.textContent())!.replace(/[^\d]/g, ''));
      await offer.click();
      sampledS = await leaderboardSeconds(page);
    }
    const longTasks = await page.evaluate(() => window.__bench.longTasks);
    // OLS and ridge on every row, R = 2 (no gate), on the files the page kept in IndexedDB across the load.
    await page.goto(`${PREVIEW_URL}/?lab=data&models=ols;ridge:alpha=1&R=2`);
    await page.evaluate(() => (window.__bench.longTasks = []));
    await page.getByTestId('loaded-file').nth(1).waitFor({ timeout: 120_000 });
    await page.getByTestId('data-estimate').waitFor();
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    const linearS = await leaderboardSeconds(page);
    longTasks.push(...(await page.evaluate(() => window.__bench.longTasks)));
    await page.getByRole('button', { name: 'Forget my data' }).click();
    const interpreter = findPython();
    const python = interpreter
      ? spawnSync(interpreter, ['bench/reference/yourdata.py', real, synthetic, '--json'], {
          encoding: 'utf8',
        })
      : null;
    const sklearnS = python?.status === 0 ? (JSON.parse(python.stdout) as { seconds: number }).seconds : null;
    return {
      rows,
      columns: features + 1,
      megabytes: statSync(real).size / 2 ** 20,
      parseS,
      estimateText,
      gateRows,
      sampledS,
      linearS,
      sklearnS,
      longTasks: longTasks.filter((d) => d > 50).length,
      longestTaskMs: Math.max(0, ...longTasks),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
