/**
 * The Study view (issue 14): a link per study opens it, the run finishes and the page shows the study's numbers
 * with their intervals (the self-consuming loop's spread against its closed form, TMTR per model, the ensemble's
 * K and its benefit, the regret with its interval), nothing reads NaN, one replicate says intervals need 2, a
 * hostile link opens with notices and a valid state, and the Sweeps view suggests the study's axis and draws its
 * metric. Screenshots at 1280 and 390 px for people to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { expectCleanText, expectPanelFits } from './fixtures/view';

const SHOTS = 'test-results/screenshots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** A number from a data attribute (empty or missing: NaN, which the callers' checks reject). */
async function attr(locator: Locator, name: string): Promise<number> {
  const raw = await locator.getAttribute(name);
  return raw === null || raw === '' ? NaN : Number(raw);
}

/** An estimate's mean and 95% interval from its data attributes. */
async function estimate(locator: Locator): Promise<[number, number, number]> {
  return [await attr(locator, 'data-value'), await attr(locator, 'data-lo'), await attr(locator, 'data-hi')];
}

/** Desktop and phone screenshots of the open view; nothing sticks out sideways on the phone. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await page.locator('section.view-card').screenshot({ path: `${SHOTS}/study-${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await expectPanelFits(page, 390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.locator('section.view-card').screenshot({ path: `${SHOTS}/study-${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('collapse: the spread at g = 8 shrinks below 1, near the closed form ((m − 1)/m)^g', async ({
  app,
  page,
}) => {
  await app.open('?study=collapse&gen=gaussian&gens=8&m=30&R=10&view=study');
  await expect(page.getByRole('tab', { name: 'Study' })).toHaveAttribute('aria-selected', 'true');
  const spread = page.getByTestId('collapse-spread');
  await expect(spread).toBeVisible();
  const [mean, lo, hi] = await estimate(spread);
  expect(mean).toBeGreaterThan(0);
  expect(mean).toBeLessThan(1);
  expect(lo).toBeLessThan(hi);
  const exact = await attr(page.getByTestId('collapse-exact'), 'data-value');
  expect(exact).toBeCloseTo((29 / 30) ** 8, 12);
  // Inside the 95% interval, or within its own width of it (a 1-in-20 miss is allowed to be near).
  const width = hi - lo;
  expect(exact).toBeGreaterThan(lo - width);
  expect(exact).toBeLessThan(hi + width);
  await expect(page.getByTestId('collapse-closed-form')).toHaveAttribute('data-applies', 'true');
  await expect(page.getByTestId('collapse-sentence')).toContainText('After 8 generations');
  await expect(page.locator('[data-chart="study-collapse"] .recharts-line-dot')).toHaveCount(2 * 9);
  await expect(page.locator('[data-chart="study-collapse"] button').first()).toBeVisible();
  await expect(page.getByTestId('study-utility').locator('tbody tr')).toHaveCount(3);
  await expectCleanText(page);
  await screenshots(page, 'collapse');
  app.expectCleanConsole();
});

test('collapse with fresh real data: no closed form, and the note says why', async ({ app, page }) => {
  await app.open('?study=collapse&gen=gaussian&gens=4&fresh=0.3&m=40&R=3&view=study');
  await expect(page.getByTestId('collapse-closed-form')).toHaveAttribute('data-applies', 'false');
  await expect(page.getByTestId('collapse-closed-form')).toContainText('fresh real share');
  await expect(page.getByTestId('collapse-exact')).toHaveCount(0);
  await expectCleanText(page);
});

test('mix: TMTR per model with its gain, and OLS on its closed form', async ({ app, page }) => {
  await app.open('?study=mix&eta=linear&m=200&R=6&view=study');
  const state = await app.snapshot();
  const table = page.getByTestId('mix-table');
  for (const m of state.results!.models) {
    const row = table.locator(`tr[data-model="${m.id}"]`);
    const tmtr = await attr(row.getByTestId('tmtr'), 'data-value');
    expect(Number.isFinite(tmtr)).toBe(true);
    expect(tmtr).toBeGreaterThan(0);
    await expect(row.getByTestId('gain-word')).toHaveText(/helps|hurts|no clear effect/);
  }
  await expect(page.getByTestId('mix-winners')).toContainText('under TMTR');
  await expect(page.getByTestId('mix-ranking')).toContainText('Kendall');
  const closed = page.getByTestId('mix-closed-form');
  await expect(closed).toContainText('exact E TMTR');
  expect(await attr(closed, 'data-value')).toBeGreaterThan(0);
  await expect(page.locator('[data-chart="study-mix"]')).toContainText('λ = m/n = 1');
  await expectCleanText(page);
  await screenshots(page, 'mix');
  app.expectCleanConsole();
});

test('ensemble: K members, one member against the ensemble', async ({ app, page }) => {
  await app.open('?study=ensemble&members=4&R=5&view=study');
  await expect(page.getByTestId('ensemble-k')).toHaveText('4');
  const table = page.getByTestId('ensemble-table');
  await expect(table.locator('thead')).toContainText('ensemble of 4');
  for (const row of await table.locator('tbody tr').all()) {
    for (const id of ['single', 'ensemble', 'benefit']) {
      expect(Number.isFinite(await attr(row.getByTestId(id), 'data-value'))).toBe(true);
    }
    await expect(row.getByTestId('benefit-word')).toHaveText(
      /ensemble better|ensemble worse|no clear effect/,
    );
  }
  await expect(page.getByTestId('ensemble-ranking')).toContainText('one member');
  // Three bar series (one member, the ensemble, TRTR), each with a bar per model.
  const series = page.locator('.recharts-bar');
  await expect(series).toHaveCount(3);
  for (const one of await series.all()) await expect(one.locator('.recharts-bar-rectangle')).toHaveCount(3);
  await expectCleanText(page);
  await screenshots(page, 'ensemble');
  app.expectCleanConsole();
});

test('select: the regret with its interval, and how often each candidate was chosen', async ({
  app,
  page,
}) => {
  await app.open('?study=select&models=knn:k=1;knn:k=5;knn:k=20;knn:k=50&noise=2&R=8&view=study');
  const regret = page.getByTestId('select-regret');
  const [mean, lo, hi] = await estimate(regret);
  expect(Number.isFinite(mean)).toBe(true);
  expect(lo).toBeLessThanOrEqual(mean);
  expect(hi).toBeGreaterThanOrEqual(mean);
  await expect(regret).toContainText('95% CI');
  const same = page.getByTestId('select-same');
  await expect(same).toContainText('Wilson');
  const p = await attr(same, 'data-value');
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  // Each validation chose one candidate per replicate.
  const table = page.getByTestId('select-table');
  for (const id of ['chosen-real', 'chosen-synthetic']) {
    const counts = await Promise.all(
      (await table.getByTestId(id).all()).map((cell) => attr(cell, 'data-value')),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8);
  }
  await expectCleanText(page);
  await screenshots(page, 'select');
  app.expectCleanConsole();
});

test('one replicate: the numbers come without intervals and say they need 2', async ({ app, page }) => {
  await app.open('?study=select&models=knn:k=1;knn:k=20&R=1&view=study');
  await expect(page.getByTestId('study-one-replicate')).toBeVisible();
  await expect(page.getByTestId('select-regret')).toContainText('an interval needs 2');
  await expectCleanText(page);
});

test('no study: the view says where to pick one, and picking one runs it', async ({ app, page }) => {
  await app.open('?view=study&R=3');
  await expect(page.getByTestId('study-pick')).toContainText('Study');
  await page.locator('[data-testid="study-pick"] button[data-study="mix"]').click();
  await app.waitForResults();
  await expect(page.getByTestId('mix-table')).toBeVisible();
  expect((await app.snapshot()).shareLink).toContain('study=mix');
  expect((await app.snapshot()).shareLink).toContain('view=study');
});

test('a hostile link opens with notices and a valid state', async ({ app, page }) => {
  await app.open('?study=bogus&gens=-4&members=99&view=study');
  const notices = (await page.getByTestId('notice').allInnerTexts()).join('\n');
  expect(notices).toMatch(/study/);
  expect(notices).toMatch(/gens/);
  expect(notices).toMatch(/members/);
  const { scenario } = await app.snapshot();
  expect(scenario.study).toBe('none');
  expect(scenario.generations).toBe(0);
  expect(scenario.members).toBe(10);
  await expect(page.getByTestId('study-pick')).toBeVisible();
  await expectCleanText(page);
  app.expectCleanConsole();
});

test('sweeps: the study suggests its axis and the curves draw its metric', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open('?study=collapse&gen=gaussian&m=30&R=4&models=ols;knn:k=10&view=sweep');
  await expect(page.getByTestId('sx-param')).toHaveValue('generations');
  await expect(page.getByTestId('sx-to')).toHaveValue('15');
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, { timeout: 90_000 });
  const chart = page.getByTestId('sweep-study-chart');
  await expect(chart).toHaveAttribute('data-study', 'collapse');
  await expect(page.getByTestId('sweep-study-theory')).toHaveAttribute('data-holds', 'true');
  await page.getByTestId('sweep-numbers').locator('summary').click();
  // Generation 0: the real sample itself; the closed form is 1 there and falls with g.
  await expect(page.getByTestId('sweep-spread-exact-0')).toHaveText('1.00');
  const last = await attr(page.getByTestId('sweep-spread-5'), 'data-value');
  expect(last).toBeLessThan(1);
  await expectCleanText(page);
  await page.locator('section.view-card').screenshot({ path: `${SHOTS}/study-sweep-collapse-1280.png` });
  app.expectCleanConsole();
});

test('phase diagram: the study metric as a colour', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open(
    '?study=select&models=knn:k=1;knn:k=20&R=3&n=100&view=sweep&sx=noise&sx_from=0.5&sx_to=3&sx_n=3&sy=shift&sy_from=0&sy_to=2&sy_n=3',
  );
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, { timeout: 90_000 });
  await page.getByTestId('sweep-metric').selectOption('regret');
  await expect(page.locator('[data-chart="sweep-phase"] .chart-title')).toContainText('regret');
  const values = await page
    .getByTestId('sweep-cell')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
  expect(values).toHaveLength(9);
  for (const v of values) expect(Number.isFinite(Number(v)) && v !== '').toBe(true);
  await expectCleanText(page);
  await page.locator('section.view-card').screenshot({ path: `${SHOTS}/study-sweep-phase-1280.png` });
  app.expectCleanConsole();
});
