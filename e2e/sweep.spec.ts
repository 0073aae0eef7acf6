/**
 * The sweep view: a 1-D sweep runs and its curves and numbers match window.playground; a 2-D sweep fills the
 * phase diagram; cancelling keeps the points so far; results survive switching tabs and say when they belong
 * to an earlier scenario; bad input gets a message; a huge sweep asks first. Screenshots at 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { decodeScenario } from '../src/scenario/url';
import { sweepOverlay } from '../src/scenario/sweepTheory';
import { formatNumber } from '../src/ui/format';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';
const SMALL = 'R=3&n=100&m=100&test=1000';
const ONE_D = `?view=sweep&sx=shift&sx_from=0&sx_to=2&sx_n=3&${SMALL}`;
/** Claim 3's phase diagram: response noise × the quadratic weight that separates OLS from the quadratic fit. */
const TWO_D = `?view=sweep&eta=mixed&w_sine=0&models=ols;poly:degree=2&sx=noise&sx_from=0&sx_to=4&sx_n=3&sy=w_quad&sy_from=0&sy_to=1&sy_n=3&${SMALL}`;

async function sweepDone(page: Page): Promise<void> {
  await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, { timeout: 45_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('a 1-D sweep runs, draws every point and shows the same numbers as window.playground', async ({
  app,
  page,
}) => {
  await app.open(ONE_D);
  await expect(page.getByTestId('sweep-progress')).toHaveCount(0);
  await expect(page.getByTestId('sweep-estimate')).toContainText('3 points × 3 replicates × 3 models');
  await page.getByTestId('sweep-run').click();
  await sweepDone(page);

  const sweep = (await app.snapshot()).sweep;
  expect(sweep.completed).toBe(3);
  expect(sweep.total).toBe(3);
  expect(sweep.points.map((p) => p.values.shift)).toEqual([0, 1, 2]);
  expect(sweep.points[0]!.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);

  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('value', '3');
  await expect(page.getByTestId('sweep-progress-text')).toHaveText('3 / 3 points');
  await expect(page.getByTestId('sweep-label')).toContainText('Feature shift from 0 to 2 (3 steps)');
  await expect(page.getByTestId('sweep-label')).toContainText('models=ols;poly:degree=3;knn:k=10 · R=3');
  // One dot per point and model on the U chart, one per point on the ranking chart's τ line.
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(9);
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-area-area')).toHaveCount(3);
  // τ_b and the consistency have dots; top-1 is a plain dotted line.
  await expect(page.locator('[data-chart="sweep-ranking"] .recharts-line-dot')).toHaveCount(6);

  await page.getByTestId('sweep-numbers').locator('summary').click();
  for (const [i, p] of sweep.points.entries()) {
    await expect(page.getByTestId(`sweep-value-${i}-0`)).toHaveText(String(p.values.shift));
    for (const [k, m] of p.models.entries()) {
      await expect(page.getByTestId(`sweep-u-${i}-${k}`)).toHaveText(formatNumber(m.utility));
    }
    await expect(page.getByTestId(`sweep-tau-${i}`)).toHaveText(formatNumber(p.kendallTauB));
  }
  // Claim 1's counter-example: OLS on the quadratic η loses utility as the features move (same seed throughout).
  const ols = sweep.points.map((p) => p.models[0]!.utility!);
  expect(ols[0]!).toBeLessThan(ols[2]!);
  // OLS is misspecified here: its closed form is the large-sample limit, labelled so, not an exact curve.
  await expect(page.getByTestId('sweep-theory')).toHaveAttribute('data-kind', 'limit');

  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, 'view-sweep-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(9);
  await shoot(page, 'view-sweep-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  app.expectCleanConsole();
});

test('the closed form is drawn under an OLS sweep on a linear η, and not for a kNN-only sweep', async ({
  app,
  page,
}) => {
  const linear = `?view=sweep&eta=linear&models=ols;knn:k=5&sx=shift&sx_from=0&sx_to=2&sx_n=3&${SMALL}`;
  await app.open(linear);
  await page.getByTestId('sweep-run').click();
  await sweepDone(page);
  await expect(page.getByTestId('sweep-theory')).toHaveAttribute('data-kind', 'exact');
  await expect(page.locator('[data-chart="sweep-utility"] .sweep-theory-line')).toHaveCount(1);
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-legend-wrapper')).toContainText(
    'OLS: exact (closed form)',
  );
  await expect(page.locator('[data-chart="sweep-risks"] .sweep-theory-line')).toHaveCount(2);
  // The Monte Carlo dots are still one per point and model.
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(6);
  // The table's exact U is the closed form of each point's scenario, computed here from the same link.
  const exact = sweepOverlay(decodeScenario(linear).scenario, { param: 'shift', from: 0, to: 2, steps: 3 })!;
  await page.getByTestId('sweep-numbers').locator('summary').click();
  for (const [i, g] of exact.grid.entries())
    await expect(page.getByTestId(`sweep-theory-u-${i}`)).toHaveText(formatNumber(g.risks!.utility));

  await app.open(linear.replace('models=ols;knn:k=5', 'models=knn:k=5'));
  await page.getByTestId('sweep-run').click();
  await sweepDone(page);
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(3);
  await expect(page.getByTestId('sweep-theory')).toHaveCount(0);
  await expect(page.locator('.sweep-theory-line')).toHaveCount(0);
  await expect(page.locator('[data-chart="sweep-risks"]')).toHaveCount(0);
  await expect(page.getByTestId('sweep-theory-head')).toHaveCount(0);
  app.expectCleanConsole();
});

test('results stay when switching tabs, and say when the scenario has changed', async ({ app, page }) => {
  await app.open(ONE_D);
  await page.getByTestId('sweep-run').click();
  await sweepDone(page);
  const before = (await app.snapshot()).sweep.points;

  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('sweep-view')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Sweeps' }).click();
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(9);
  expect((await app.snapshot()).sweep.points).toEqual(before);
  await expect(page.getByTestId('sweep-stale')).toHaveCount(0);

  // A new scenario: the old curves stay, labelled as such, with a button to rerun.
  await app.slider('sigma').focus();
  await app.slider('sigma').press('ArrowRight');
  await expect(page.getByTestId('sweep-stale')).toContainText('results for an earlier scenario');
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(9);
  await page.getByTestId('sweep-rerun').click();
  await sweepDone(page);
  await expect(page.getByTestId('sweep-stale')).toHaveCount(0);
  const after = (await app.snapshot()).sweep.points;
  expect(after).toHaveLength(3);
  expect(after[0]!.models[0]!.trtr).not.toBe(before[0]!.models[0]!.trtr);
  app.expectCleanConsole();
});

test('a 2-D sweep fills the phase diagram with P(consistent ranking)', async ({ app, page }) => {
  await app.open(TWO_D);
  await expect(page.getByTestId('sy-axis')).toBeVisible();
  await page.getByTestId('sweep-run').click();
  await sweepDone(page);
  const sweep = (await app.snapshot()).sweep;
  expect(sweep.completed).toBe(9);
  expect(sweep.setting.y?.param).toBe('wQuadratic');

  const cells = page.getByTestId('sweep-cell');
  await expect(cells).toHaveCount(9);
  await expect(page.locator('[data-testid="sweep-cell"][data-state="pending"]')).toHaveCount(0);
  await expect(page.getByTestId('sweep-heatmap')).toHaveAttribute('data-done', '9');
  await expect(page.locator('[data-chart="sweep-phase"] figcaption')).toContainText('P(consistent ranking)');
  // Each cell shows its point's P(consistent ranking), the number in the table beside it. Two models: where no
  // replicate ties, the tau of two items is ±1, so P(consistent) = (τ + 1) / 2; it can only be 1 when τ is.
  await page.getByTestId('sweep-numbers').locator('summary').click();
  for (const [i, p] of sweep.points.entries()) {
    const cell = page.locator(
      `[data-testid="sweep-cell"][data-x="${p.values.noiseScale}"][data-y="${p.values.wQuadratic}"]`,
    );
    const value = Number(await cell.getAttribute('data-value'));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    await expect(page.getByTestId(`sweep-cons-${i}`)).toHaveText(formatNumber(value));
    if (value === 1) expect(p.kendallTauB).toBe(1);
  }
  await cells.first().hover();
  await expect(page.getByTestId('sweep-cell-info')).toContainText('Response noise × = 0');

  await shoot(page, 'view-sweep-2d-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(cells).toHaveCount(9);
  await shoot(page, 'view-sweep-2d-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  app.expectCleanConsole();
});

test('the phase diagram reads in the dark theme, with cells pending while it streams', async ({
  app,
  page,
}) => {
  await app.open(
    '?view=sweep&eta=mixed&w_sine=0&models=ols;poly:degree=2&sx=noise&sx_from=0&sx_to=4&sx_n=5&sy=w_quad&sy_from=0&sy_to=0.6&sy_n=6&R=8&n=100&m=100&test=1000&theme=dark',
  );
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => window.playground.sweep.completed >= 3);
  const pending = await page.locator('[data-testid="sweep-cell"][data-state="pending"]').count();
  const done = (await app.snapshot()).sweep.status === 'done';
  if (!done) expect(pending).toBeGreaterThan(0);
  await sweepDone(page);
  await expect(page.getByTestId('sweep-cell')).toHaveCount(30);
  await shoot(page, 'view-sweep-2d-dark-desktop');
  app.expectCleanConsole();
});

test('cancel stops a sweep mid-run and keeps the points so far', async ({ app, page }) => {
  await app.open('?view=sweep&sx=shift&sx_from=0&sx_to=3&sx_n=25&R=30&n=300&m=300&test=5000');
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => window.playground.sweep.completed >= 2);
  await expect(page.getByTestId('sweep-cancel')).toBeEnabled();
  await page.getByTestId('sweep-cancel').click();
  await page.waitForFunction(() => window.playground.sweep.status === 'cancelled');
  // A point in flight may still land; after that the count stays put.
  await page.waitForTimeout(1_500);
  const kept = (await app.snapshot()).sweep.completed;
  await page.waitForTimeout(2_000);
  const sweep = (await app.snapshot()).sweep;
  expect(sweep.status).toBe('cancelled');
  expect(sweep.completed).toBe(kept);
  expect(kept).toBeGreaterThanOrEqual(2);
  expect(kept).toBeLessThan(25);
  await expect(page.getByTestId('sweep-progress-text')).toHaveText(`${kept} / 25 points`);
  await expect(page.getByTestId('sweep-cancelled')).toContainText(`Cancelled after ${kept} of 25 points`);
  await expect(page.getByTestId('sweep-cancel')).toBeDisabled();
  await expect(page.locator('[data-chart="sweep-utility"] .recharts-line-dot')).toHaveCount(kept * 3);
  app.expectCleanConsole();
});

test('bad axis input gets a message, out-of-range input is clamped, a huge sweep asks first', async ({
  app,
  page,
}) => {
  await app.open(`?view=sweep&sx=shift&sx_from=0&sx_to=2&sx_n=3&${SMALL}`);
  await page.getByTestId('sx-from').fill('abc');
  await expect(page.getByRole('alert')).toContainText('"abc" is not a number');
  await expect(page.getByTestId('sx-from')).toHaveAttribute('aria-invalid', 'true');
  expect((await app.snapshot()).page.sweep.x.from).toBe(0);
  await page.getByTestId('sx-from').fill('0.5');
  await page.getByTestId('sx-to').fill('9');
  await expect(page.getByTestId('sx-axis')).toContainText('to = 9 is outside');
  await expect.poll(() => app.snapshot().then((s) => s.page.sweep.x)).toMatchObject({ from: 0.5, to: 3 });
  await expect.poll(() => page.url()).toContain('sx_to=3');

  // The parameter picker lists labels and moves the whole axis to the new parameter's range.
  await page.getByTestId('sx-param').selectOption({ label: 'Response bias b' });
  await expect
    .poll(() => app.snapshot().then((s) => s.page.sweep.x))
    .toMatchObject({
      param: 'bias',
      from: -3,
      to: 3,
    });

  // 2-D, 25 × 25 points at 500 replicates: the page warns with an estimate and runs nothing until confirmed.
  await page.getByTestId('sweep-2d').check();
  await page.getByTestId('sx-steps').fill('25');
  await page.getByTestId('sy-steps').fill('25');
  await app.slider('R').focus();
  await app.slider('R').press('End');
  await expect(page.getByTestId('sweep-estimate')).toContainText('625 points × 500 replicates');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-warning')).toContainText('large sweep');
  expect((await app.snapshot()).sweep.status).toBe('idle');
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByTestId('sweep-warning')).toHaveCount(0);
  expect((await app.snapshot()).sweep.status).toBe('idle');
  app.expectCleanConsole();
});
