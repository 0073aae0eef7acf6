/**
 * The digits lab in the built app: real MNIST digits loaded from the page's own assets (progress, Cache Storage),
 * the engine's numbers for the link (computed again here in Node on the same assets), the gallery and the
 * confusion matrices, hostile links, a corrupt asset, and the lab switch in the header. Screenshots at 1280 and
 * 390 px go to test-results/screenshots/digits-*.png.
 */
import { mkdirSync } from 'node:fs';
import { withNodeDigits } from '../src/cli/digits';
import { runExperiment } from '../src/engine/run';
import { planFromScenario } from '../src/scenario/labs/index';
import { decodeScenario } from '../src/scenario/url';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';
const SMALL = '?lab=mnist&n=300&m=300&test=1000&R=2&models=knn:k=1;knn:k=5&seed=2';

test.describe.configure({ timeout: 120_000 });

test('the digits lab: MNIST digits, the engine’s numbers, a gallery and confusion matrices', async ({
  app,
  page,
}) => {
  await page.goto(`/${app.withBackend(`${SMALL}&view=data`)}`);
  await page.waitForFunction(() => window.playground.results?.done === true, undefined, { timeout: 90_000 });
  const state = await app.snapshot();
  expect(state.digits.status).toBe('ready');
  expect(state.digits.total).toBeGreaterThan(10_000_000);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // The numbers are the engine's for the same link on the same digits, computed here in Node (kNN: exact).
  const plan = await withNodeDigits(planFromScenario(decodeScenario(SMALL).scenario));
  const { summary, records } = await runExperiment(plan, { fidelity: false });
  const shown = state.results!.models;
  summary.models.forEach((m, k) => {
    expect(shown[k]!.trtr).toBeCloseTo(m.trtr!.mean, 12);
    expect(shown[k]!.tstr).toBeCloseTo(m.tstr!.mean, 12);
  });
  // 1-NN on 300 real digits: about 0.85 accurate on MNIST's test digits.
  expect(shown[0]!.trtr).toBeGreaterThan(0.08);
  expect(shown[0]!.trtr).toBeLessThan(0.25);

  // The gallery: eight real and eight synthetic digits of each class.
  await expect(page.getByTestId('gallery-real')).toHaveAttribute('data-counts', '8,8,8,8,8,8,8,8,8,8');
  await expect(page.getByTestId('gallery-synthetic')).toHaveAttribute('data-counts', '8,8,8,8,8,8,8,8,8,8');
  await expect(page.getByTestId('digit-counts')).toContainText('Synthetic: 0:');
  // The confusion matrix of replicate 1's real-trained 1-NN: its errors are replicate 1's TRTR.
  const accuracy = Number(await page.getByTestId('confusion-real').getAttribute('data-accuracy'));
  expect(accuracy).toBeCloseTo(1 - records[0]!.trtr[0]!, 12);
  await expect(page.getByTestId('confusion-synthetic')).toBeVisible();
  expect(await page.locator('#view-panel').innerText()).not.toMatch(/NaN|Infinity|undefined/);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/digits-data-1280.png`, fullPage: true });

  // Dropping digits updates the gallery: no 3s or 8s among the synthetic digits.
  await app.open(`${SMALL}&view=data&drop=3,8`);
  await expect(page.getByTestId('gallery-synthetic')).toHaveAttribute('data-counts', '8,8,8,0,8,8,8,8,0,8');
  await expect(page.getByTestId('digit-counts')).toContainText('3: 0');

  for (const view of ['generalization', 'ranking', 'fidelity'] as const) {
    await app.open(`${SMALL}&view=${view}`);
    expect(await page.locator('#view-panel').innerText()).not.toMatch(/NaN|Infinity|undefined/);
    await page.screenshot({ path: `${SHOTS}/digits-${view}-1280.png`, fullPage: true });
  }
  await expect(page.getByTestId('fidelity').locator('tr[data-measure="frechetPca"]')).toBeVisible();
  app.expectCleanConsole();
});

test('hostile digits links become notices and a valid run', async ({ app, page }) => {
  await app.open(
    '?lab=mnist&n=200&m=200&test=1000&R=2&models=knn:k=3;cnn:filters=0&drop=0,1,2,3,4,5,6,7,8,9&flip=5&gen=oracle&blur=99&seed=3',
  );
  const state = await app.snapshot();
  expect(state.scenario).toMatchObject({
    lab: 'mnist',
    generator: 'pca-gaussian',
    dropClasses: '',
    flipSymmetric: 0.9,
    blur: 3,
  });
  const notices = (await page.getByTestId('notice').allInnerTexts()).join('\n');
  expect(notices).toMatch(/every digit dropped/);
  expect(notices).toMatch(/gen = oracle is not a generator of the digits lab/);
  expect(notices).toMatch(/filters=0/);
  expect(state.results!.models.every((m) => m.trtr !== null && Number.isFinite(m.trtr))).toBe(true);
  app.expectCleanConsole();
});

test('a corrupt MNIST asset gets a clear message, not a crash', async ({ page }) => {
  await page.route('**/mnist/test-images.u8.gzip', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, 5000) });
  });
  await page.goto('/?lab=mnist&n=200&m=200&test=1000&R=1&models=knn:k=3');
  await expect(page.getByTestId('digits-error')).toContainText('The MNIST digits could not be loaded');
  await expect(page.getByTestId('digits-error')).toContainText('test-images.u8.gzip');
  expect(await page.evaluate(() => window.playground.status)).toBe('error');
});

test('the header’s lab switch opens the digits lab, with a progress bar while the digits load', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open('?n=100&m=100&R=3');
  await page.getByRole('button', { name: 'Digits', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Digits', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect
    .poll(() => page.evaluate(() => window.playground.digits.status), { timeout: 60_000 })
    .toMatch(/loading|ready/);
  const state = await app.snapshot();
  expect(state.scenario).toMatchObject({ lab: 'mnist', replicates: 3, n: 2000 });
  expect(state.page.view).toBe('data');
  await expect(page.getByTestId('gallery-real')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/digits-data-390.png`, fullPage: true });
  await page.getByRole('button', { name: 'Simulated', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.playground.scenario.lab)).toBe('simulated');
});

test('a digits preset from the picker opens the digits lab, its card and a verdict that holds', async ({
  app,
  page,
}) => {
  await app.open('?n=100&m=100&R=3');
  await page.getByTestId('preset-picker').selectOption('digits-counter3');
  await expect.poll(() => page.evaluate(() => window.playground.scenario.lab)).toBe('mnist');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-status', 'holds', { timeout: 90_000 });
  await expect(page.getByTestId('verdict-text')).toContainText('kNN (k=1) − kNN (k=15)');
  const state = await app.snapshot();
  expect(state.page.preset).toBe('digits-counter3');
  expect(state.verdict?.status).toBe('holds');
  expect(state.scenario).toMatchObject({ generator: 'smote', flipAsymmetric: 0.4, replicates: 5 });
  await expect(page.getByTestId('theory-card').locator('.katex-error')).toHaveCount(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/digits-preset-1280.png`, fullPage: true });
  app.expectCleanConsole();
});
