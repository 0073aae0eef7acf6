/**
 * The generalization, ranking and fidelity views: the numbers they show are the engine's (window.playground),
 * the decomposition appears once the population references are in, the consistency heatmap is K x K with values
 * in [0, 1], nothing reads NaN, and screenshots at 1280 and 390 px (and in the dark theme) for people to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatNumber } from '../src/ui/format';
import { expect, test } from './fixtures/test';
import { expectCleanText, expectPanelFits } from './fixtures/view';

const SHOTS = 'test-results/screenshots';
const BASE = '?eta=quadratic&shift=1.2&bias=0.3&R=6&models=ols;poly:degree=2;knn:k=10';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function referencesDone(page: Page): Promise<void> {
  await page.waitForFunction(() => window.playground.references?.status === 'done', undefined, {
    timeout: 60_000,
  });
}

/** Desktop, phone (nothing sticks out sideways) and dark screenshots of the open view. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${SHOTS}/view-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(250);
  await expectPanelFits(page, 390);
  await page.screenshot({ path: `${SHOTS}/view-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.waitForTimeout(250);
  await page.locator('section.view-card').screenshot({ path: `${SHOTS}/view-${name}-dark.png` });
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
}

test('generalization view: U per model, the decomposition once the references are in', async ({
  app,
  page,
}) => {
  await app.open(`${BASE}&view=generalization`);
  const state = await app.snapshot();
  const models = state.results!.models;
  for (const m of models) {
    await expect(app.cell(m.id, 'utility')).toHaveText(formatNumber(m.utility));
    await expect(app.cell(m.id, 'trtr')).toHaveText(formatNumber(m.trtr));
    await expect(app.cell(m.id, 'tstr')).toHaveText(formatNumber(m.tstr));
  }
  await expect(page.locator('figure[data-chart="risks"] svg.recharts-surface').first()).toBeVisible();
  await expect(page.locator('[data-testid="utility-chart"] g[data-model]')).toHaveCount(models.length);

  await referencesDone(page);
  await expect(page.getByTestId('references-status')).toHaveAttribute('data-status', 'done');
  const refs = (await app.snapshot()).references!.value!;
  const table = page.getByTestId('decomposition');
  for (const m of models) {
    const row = table.locator(`tr[data-model="${m.id}"]`);
    const read = async (id: string) => Number(await row.getByTestId(id).getAttribute('data-value'));
    const ref = refs.models.find((r) => r.id === m.id)!;
    const [response, feature, limit, estimation, gap] = (await Promise.all(
      ['decomp-response', 'decomp-feature', 'decomp-limit', 'decomp-estimation', 'decomp-gap'].map(read),
    )) as [number, number, number, number, number];
    expect(response).toBeCloseTo(ref.responsePart, 12);
    expect(feature).toBeCloseTo(ref.featurePart, 12);
    expect(limit).toBeCloseTo(ref.synthetic - ref.real, 12);
    expect(gap).toBeCloseTo(m.gap!, 12);
    expect(limit + estimation).toBeCloseTo(gap, 12);
    // The three parts and the measured gap are drawn for every model.
    await expect(
      page.locator(`[data-testid="decomposition-chart"] g[data-model="${m.id}"] [data-part]`),
    ).toHaveCount(4);
  }
  // Quadratic eta, shifted features: OLS is misspecified, so its feature part is large and positive.
  const olsFeature = Number(
    await table.locator('tr[data-model="ols"]').getByTestId('decomp-feature').getAttribute('data-value'),
  );
  expect(olsFeature).toBeGreaterThan(0);
  await expectCleanText(page);
  await screenshots(page, 'generalization');
  app.expectCleanConsole();
});

test('ranking view: τ, ρ, top-1 and the K x K consistency heatmap equal the engine', async ({
  app,
  page,
}) => {
  await app.open(`${BASE}&view=ranking`);
  const ranking = (await app.snapshot()).results!.ranking!;
  const k = (await app.snapshot()).results!.models.length;
  for (const [id, value] of [
    ['tau', ranking.kendallTauB],
    ['rho', ranking.spearmanRho],
    ['sra', ranking.sra],
    ['top1', ranking.top1],
  ] as const) {
    await expect(page.getByTestId(id)).toHaveText(formatNumber(value));
    expect(Number(await page.getByTestId(id).getAttribute('data-value'))).toBe(value);
  }
  const cells = page.getByTestId('consistency-cell');
  await expect(cells).toHaveCount(k * k);
  for (const cell of await cells.all()) {
    const [j, c, v] = await Promise.all(
      ['data-row', 'data-col', 'data-value'].map((a) => cell.getAttribute(a)),
    );
    const value = Number(v);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    expect(value).toBe(ranking.consistency![Number(j)]![Number(c)]);
  }
  await expect(page.getByTestId('consistency')).toHaveAttribute('role', 'img');
  await expect(page.getByTestId('order-real')).toHaveCount(k);
  await expect(page.getByTestId('order-synthetic')).toHaveCount(k);

  await referencesDone(page);
  const refs = (await app.snapshot()).references!.value!;
  const gaps = page.getByTestId('model-gaps-cell');
  await expect(gaps).toHaveCount(k * k);
  for (const cell of await gaps.all()) {
    const [j, c, v] = await Promise.all(
      ['data-row', 'data-col', 'data-value'].map((a) => cell.getAttribute(a)),
    );
    expect(Number(v)).toBeCloseTo(Math.abs(refs.models[Number(j)]!.real - refs.models[Number(c)]!.real), 12);
  }
  await expect(page.getByTestId('ranking-lesson')).toContainText('Most separated pair');
  await expect(page.getByTestId('population-agreement')).toBeVisible();
  await expectCleanText(page);
  await screenshots(page, 'ranking');
  app.expectCleanConsole();
});

test('ranking view with one model says that ranking needs two', async ({ app, page }) => {
  await app.open('?eta=linear&models=ols&R=3&view=ranking');
  await expect(page.getByTestId('ranking-needs-models')).toContainText('needs 2 or more models');
  app.expectCleanConsole();
});

test('fidelity view: the measures and U, τ beside them, with a lesson from the numbers', async ({
  app,
  page,
}) => {
  await app.open(`${BASE}&view=fidelity`);
  const results = (await app.snapshot()).results!;
  const fidelity = results.fidelity!;
  for (const key of ['c2stAuc', 'mmd2', 'slicedW1', 'gaussianW2', 'gaussianKL', 'responseError'] as const) {
    const value = fidelity[key];
    const cell = page.getByTestId(`fidelity-${key}`);
    await expect(cell).toHaveText(formatNumber(value));
    if (value !== null) expect(Number(await cell.getAttribute('data-value'))).toBe(value);
  }
  for (const m of results.models) {
    await expect(
      page.locator(`[data-testid="fidelity-utility"] tr[data-model="${m.id}"] [data-testid="fid-utility"]`),
    ).toHaveText(formatNumber(m.utility));
  }
  await expect(page.getByTestId('fid-tau')).toHaveText(formatNumber(results.ranking!.kendallTauB));
  await expect(page.getByTestId('fidelity-lesson')).toContainText(
    `C2ST AUC ${formatNumber(fidelity.c2stAuc)}`,
  );
  await expect(page.getByTestId('fidelity-chart')).toBeVisible();
  await expectCleanText(page);
  await screenshots(page, 'fidelity');
  app.expectCleanConsole();
});

test('classification with one replicate: 0-1 error, no intervals, no NaN in any view', async ({
  app,
  page,
}) => {
  await app.open('?task=classification&R=1&view=generalization');
  await referencesDone(page);
  await expect(page.getByTestId('decomposition')).toBeVisible();
  await expect(page.locator('#view-panel')).toContainText('one replicate');
  await expect(page.locator('#view-panel')).toContainText('0-1 error');
  await expectCleanText(page);
  for (const view of ['ranking', 'fidelity'] as const) {
    await page.getByRole('tab', { name: new RegExp(view, 'i') }).click();
    await expect(page.locator(`[data-active-view="${view}"]`)).toBeVisible();
    await expectCleanText(page);
  }
  await expect(page.getByTestId('fidelity-lesson')).toBeVisible();
  app.expectCleanConsole();
});

test('a fitted generator: no population limit for the synthetic side, the gaps between models still', async ({
  app,
  page,
}) => {
  await app.open(`${BASE}&gen=gmm&view=generalization`);
  await expect(page.getByTestId('references-status')).toHaveAttribute('data-status', 'not-oracle');
  await expect(page.getByTestId('decomp-limit').first()).toHaveText('—');
  await expectCleanText(page);
  await page.getByRole('tab', { name: /ranking/i }).click();
  await referencesDone(page);
  await expect(page.getByTestId('model-gaps-cell')).toHaveCount(9);
  app.expectCleanConsole();
});
