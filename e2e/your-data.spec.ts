/**
 * The your-data lab end to end (issue 15): a real file and two synthetic ones (faithful, broken) go in through the
 * file inputs, the schema shows (the ID column left out), Evaluate gives a leaderboard with the faithful file
 * first and numbers equal to evaluateFiles run here in Node on the same bytes; a file the reader refuses gives its
 * message and the page stays usable; no request leaves the page (the fixture) and nothing is POSTed; the files
 * come back after a reload and "Forget my data" clears them; a share link's fingerprints are compared with the
 * files chosen (or dropped); an example loads in one click and the printable report downloads. Screenshots at
 * 1280 and 390 px go to test-results/screenshots/your-data-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { evaluateFiles, leaderboard } from '../src/data/evaluate';
import { encode, fingerprint, inferSchema, readTable } from '../src/data/index';
import { splitSpecs } from '../src/engine/learners/catalog';
import { formatNumber } from '../src/scenario/formatNumber';
import { menuItem } from './fixtures/exports';
import { expect, test } from './fixtures/test';
import { YOUR_DATA } from './fixtures/yourData';

const SHOTS = 'test-results/screenshots';
const MODELS = 'ols;knn:k=10';
const LINK = `?lab=data&R=3&seed=5&models=${MODELS}&view=generalization`;
const bytes = (text: string) => new TextEncoder().encode(text);
const upload = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function expected() {
  const read = (f: { name: string; text: string }) => readTable(f.name, bytes(f.text));
  const files = {
    real: await read(YOUR_DATA.real),
    synthetic: [await read(YOUR_DATA.faithful), await read(YOUR_DATA.broken)],
  };
  const encoded = encode(files, inferSchema(files), { missing: 'impute' });
  const settings = {
    task: 'regression' as const,
    models: splitSpecs(MODELS),
    replicates: 3,
    seed: 5,
    testFraction: 0.25,
  };
  const reports = await evaluateFiles(encoded, ['faithful.csv', 'broken.csv'], settings);
  return { reports, board: leaderboard(reports) };
}

async function loadFiles(page: Page) {
  await page.getByLabel('Real training data').setInputFiles(upload(YOUR_DATA.real.name, YOUR_DATA.real.text));
  await page
    .getByLabel('Synthetic data', { exact: true })
    .setInputFiles([
      upload(YOUR_DATA.faithful.name, YOUR_DATA.faithful.text),
      upload(YOUR_DATA.broken.name, YOUR_DATA.broken.text),
    ]);
  await expect(page.getByTestId('loaded-file')).toHaveCount(3);
}

test('your data: files in, leaderboard and numbers as in Node, errors, privacy, forget', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') posts.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`/${app.withBackend(LINK)}`);
  await expect(page.getByRole('region', { name: 'Your data' })).toBeVisible();
  await loadFiles(page);

  // The schema: the target detected (y), the ID column flagged and left out.
  const idRow = page.locator('.schema-table tr', { hasText: 'row_id' });
  await expect(idRow).toHaveAttribute('data-role', 'left-out');
  await expect(page.getByLabel('Use row_id')).not.toBeChecked();

  // A file the reader refuses: its message names it; the loaded files stay.
  await page
    .getByLabel('Real test data (optional)')
    .setInputFiles(upload(YOUR_DATA.headerOnly.name, YOUR_DATA.headerOnly.text));
  await expect(page.getByTestId('data-errors')).toContainText('header-only.csv');
  await expect(page.getByTestId('loaded-file')).toHaveCount(3);

  // The link carries names and fingerprints, never data.
  const link = await page.evaluate(() => window.playground.link);
  const real = await fingerprint(bytes(YOUR_DATA.real.text));
  expect(link).toContain(`files=r:${real}:real.csv;s:`);
  expect(link).not.toContain('x1');

  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByTestId('leaderboard')).toBeVisible({ timeout: 90_000 });
  const { reports, board } = await expected();
  // Faithful first by U; the numbers shown are the Node ones, formatted.
  const names = await page.locator('[data-testid="leaderboard"] tbody th').allTextContents();
  expect(names).toEqual(['faithful.csv', 'broken.csv']);
  expect(board[0]!.utilityPlace).toBe(1);
  await expect(page.getByTestId('mean-u')).toHaveText(board.map((b) => formatNumber(b.meanUtility)));
  await expect(page.getByTestId('sra')).toHaveText(board.map((b) => formatNumber(b.sra)));
  // The views show the chosen dataset's summary, exactly as evaluateFiles gives it in Node.
  const shown = await page.evaluate(() => window.playground.results!.models);
  reports[0]!.summary.models.forEach((m, k) => {
    expect(shown[k]!.trtr).toBeCloseTo(m.trtr!.mean, 12);
    expect(shown[k]!.tstr).toBeCloseTo(m.tstr!.mean, 12);
  });
  await expect(page.getByTestId('c2st')).toHaveText(formatNumber(reports[0]!.fidelity.c2stAuc));
  await expect(page.getByTestId('privacy-verdict')).toHaveText(reports[0]!.privacy.verdict);
  await page.getByLabel('Dataset shown').selectOption({ label: 'broken.csv' });
  await expect
    .poll(() => page.evaluate(() => window.playground.results!.models[0]!.tstr))
    .toBeCloseTo(reports[1]!.summary.models[0]!.tstr!.mean, 12);

  // The results export is the chosen dataset's (broken.csv): its summary numbers as evaluateFiles gives them.
  const exported = await menuItem(page, 'export-results-json');
  const json = JSON.parse(exported.data.toString('utf8')) as unknown;
  const text = JSON.stringify(json);
  const tstr = reports[1]!.summary.models[0]!.tstr!.mean;
  expect(text).toContain(String(tstr));
  await page.keyboard.press('Escape');

  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/your-data-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/your-data-390.png`, fullPage: true });
  await page
    .getByRole('region', { name: 'Your data' })
    .screenshot({ path: `${SHOTS}/your-data-390-lab.png` });
  // Nothing wider than the phone: wide tables scroll in their own box.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.data-lab *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
      .map((e) => `${e.tagName}.${e.className}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Kept across a reload (IndexedDB); "Forget my data" clears them, and they stay gone after a reload.
  await page.reload();
  await expect(page.getByTestId('loaded-file')).toHaveCount(3);
  await page.getByRole('button', { name: 'Forget my data' }).click();
  await expect(page.getByTestId('loaded-file')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your data' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('loaded-file')).toHaveCount(0);

  expect(posts, 'no upload of any kind').toEqual([]);
  app.expectCleanConsole();
});

test('a share link names its files; a dropped file that differs is said to differ', async ({ app, page }) => {
  const real = await fingerprint(bytes(YOUR_DATA.real.text));
  const other = 'f'.repeat(64);
  await page.goto(`/${app.withBackend(`${LINK}&files=r:${real}:real.csv;s:${other}:faithful.csv`)}`);
  await expect(page.getByTestId('link-files')).toContainText('faithful.csv (synthetic');
  await page.getByLabel('Real training data').setInputFiles(upload(YOUR_DATA.real.name, YOUR_DATA.real.text));
  // Dropped on the synthetic box rather than chosen: the same path.
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'faithful.csv', { type: 'text/csv' }));
    return transfer;
  }, YOUR_DATA.faithful.text);
  await page.locator('.file-drop[data-role="synthetic"]').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('loaded-file')).toHaveCount(2);
  await expect(page.getByTestId('link-files')).toContainText(
    'faithful.csv differs from the synthetic file the link was made with',
  );
  await expect(page.getByTestId('link-files')).not.toContainText('real.csv differs');
  await page.getByRole('button', { name: 'Forget my data' }).click();
});

test('an example one click away, evaluated, and its printable report', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.goto(`/${app.withBackend(LINK)}`);
  await page.getByRole('button', { name: 'Example: classification' }).click();
  await expect(page.getByTestId('loaded-file')).toHaveCount(3);
  await expect(page.locator('.schema-settings select').nth(1)).toHaveValue('classification');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.locator('[data-testid="leaderboard"] tbody tr')).toHaveCount(2, { timeout: 90_000 });
  // The Generalization view shows the chosen dataset's models.
  await expect(page.locator('#view-panel')).toContainText('TSTR');
  // No population and no scenario n, m here: the gap's decomposition (its "finite n, m" part) is not drawn.
  await expect(page.getByTestId('decomposition-chart')).toHaveCount(0);
  await expect(page.locator('#view-panel')).not.toContainText('finite n =');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^synthetic-utility-report-\d{4}-\d{2}-\d{2}\.html$/);
  const { readFileSync } = await import('node:fs');
  const html = readFileSync((await file.path())!, 'utf8');
  expect(html).toContain('<h2>Leaderboard</h2>');
  expect(html).toContain('penguins gaussian seed 5.csv');
  expect(html).toContain('Privacy:');
  expect(html).not.toMatch(/<script|https?:\/\//);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/your-data-example-1280.png`, fullPage: true });
  app.expectCleanConsole();
});

test('the Your data button opens the lab from the simulated one, without widening a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Your data' }).click();
  await expect(page.getByRole('region', { name: 'Your data' })).toBeVisible();
  expect(await page.evaluate(() => window.playground.link)).toMatch(/^v=3&lab=data&/);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Your data' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/your-data-button-390.png` });
});

/** A seeded regression table: `cols` features, y linear in them plus noise. */
function bigCsv(rows: number, cols: number, seed: number): string {
  let s = seed;
  const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [[...Array.from({ length: cols }, (_, j) => `x${j + 1}`), 'y'].join(',')];
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: cols }, () => u() * 2 - 1);
    lines.push(
      [...x, x.reduce((a, v, j) => a + v * (j % 3), 0) + u() - 0.5].map((v) => v.toFixed(4)).join(','),
    );
  }
  return lines.join('\n');
}

test('a large file: the estimate beside Evaluate, the gate, and at most N rows per file', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/${app.withBackend('?lab=data&seed=3')}`);
  await page.getByLabel('Real training data').setInputFiles(upload('big.csv', bigCsv(60_000, 12, 1)));
  await page
    .getByLabel('Synthetic data', { exact: true })
    .setInputFiles(upload('big-synthetic.csv', bigCsv(30_000, 12, 2)));
  await expect(page.getByTestId('loaded-file')).toHaveCount(2);
  // The default models (two kNN searches among them) on 45,000 rows, 10 replicates: over the gate.
  await expect(page.getByTestId('data-estimate')).toHaveText(/^about \d+ (s|min|h) \(estimate\)$/);
  expect(await page.evaluate(() => window.playground.scenario.models)).toBe(
    'ols;ridge:alpha=1;knn:k=5;knn:k=25',
  );
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByTestId('data-gate-summary')).toContainText('Nothing has been computed yet');
  await expect(page.getByTestId('data-gate-summary')).toContainText('45,000 real and 30,000 synthetic rows');
  await expect(page.getByTestId('leaderboard')).toHaveCount(0);
  const offer = page.getByTestId('data-gate-rows');
  const rows = Number((await offer.textContent())!.match(/At most ([\d,]+) rows/)![1]!.replace(/,/g, ''));
  expect(rows).toBeGreaterThanOrEqual(500);
  expect(rows).toBeLessThan(45_000);
  await offer.click();
  await expect(page.getByTestId('leaderboard')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('data-gate')).toHaveCount(0);
  expect(await page.evaluate(() => window.playground.link)).toContain(`max_rows=${rows}`);
  expect(await page.evaluate(() => window.playground.results!.models.length)).toBe(4);
  // This lab has no population to draw or sweep: its views are the two that show the chosen dataset.
  await expect(page.getByRole('tab')).toHaveText(['Generalization', 'Ranking']);
  await page.getByRole('button', { name: 'Forget my data' }).click();
  app.expectCleanConsole();
});
