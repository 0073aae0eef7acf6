/**
 * A second lab through the same page: the toy lab's link opens with its own controls, and the generalization,
 * ranking, data and sweep views, the results table and window.playground show the numbers the engine computes
 * for the same link in Node (the CLI's engine). Leaving the lab through its control brings back the simulated one.
 * Screenshots at 1280 and 390 px go to test-results/screenshots/lab-toy-*.png.
 */
import { mkdirSync } from 'node:fs';
import { runExperiment } from '../src/engine/run';
import { planFromScenario } from '../src/scenario/labs/index';
import { decodeScenario } from '../src/scenario/url';
import { formatNumber } from '../src/ui/format';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';
const TOY = '?lab=toy&n=150&m=150&R=4&models=ols;poly:degree=3;knn:k=5&seed=3';

test('the toy lab: its own controls, the same views, the engine’s numbers', async ({ app, page }) => {
  await app.open(`${TOY}&view=generalization`);
  const state = await app.snapshot();
  expect(state.scenario.lab).toBe('toy');
  await expect(page.getByTestId('notice')).toHaveCount(0); // a valid link of the lab changes nothing
  expect(state.link).toMatch(/^v=3&lab=toy&task=regression&n=150&test=1000&m=150&gen=gaussian&/);

  // The numbers are the engine's for the same link, computed here in Node.
  const { summary } = await runExperiment(planFromScenario(decodeScenario(TOY).scenario), {
    fidelity: false,
  });
  const shown = state.results!.models;
  expect(shown.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=5']);
  summary.models.forEach((m, k) => {
    expect(shown[k]!.trtr).toBeCloseTo(m.trtr!.mean, 12);
    expect(shown[k]!.tstr).toBeCloseTo(m.tstr!.mean, 12);
  });
  for (const m of shown) {
    await expect(app.cell(m.id, 'trtr')).toHaveText(formatNumber(m.trtr));
    await expect(app.cell(m.id, 'utility')).toHaveText(formatNumber(m.utility));
  }
  // A dataset has no population limit: the view says so instead of computing one.
  await expect(page.getByTestId('references-status')).toHaveAttribute('data-status', 'not-oracle');
  expect(await page.evaluate(() => window.playground.references)).toBeNull();

  // The lab's own controls: sizes and generator, not the simulated population's knobs.
  await app.showControls();
  await expect(app.slider('n')).toBeVisible();
  await expect(app.slider('m')).toBeVisible();
  await expect(app.slider('p')).toHaveCount(0);
  await expect(app.slider('shift')).toHaveCount(0);
  await expect(page.locator('select[data-param="lab"]')).toHaveValue('toy');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/lab-toy-generalization-1280.png`, fullPage: true });

  for (const view of ['ranking', 'data'] as const) {
    await app.open(`${TOY}&view=${view}`);
    const text = await page.locator('#view-panel').innerText();
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    await page.screenshot({ path: `${SHOTS}/lab-toy-${view}-1280.png`, fullPage: true });
  }
  await expect(page.locator('#view-panel')).toContainText(
    'the toy dataset, split at random in each replicate',
  );
  app.expectCleanConsole();
});

test('the toy lab sweeps its own parameter and switches back to the simulated lab', async ({ app, page }) => {
  await app.open(`${TOY.replace('R=4', 'R=2')}&view=sweep&sx=m&sx_from=50&sx_to=150&sx_n=3`);
  expect((await app.snapshot()).scenario.replicates).toBe(2);
  await page.getByTestId('sweep-run').click();
  await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, { timeout: 45_000 });
  const sweep = (await app.snapshot()).sweep;
  expect(sweep.points.map((p) => p.values.m)).toEqual([50, 100, 150]);
  for (const point of sweep.points)
    for (const m of point.models) expect(Number.isFinite(m.utility)).toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300); // the charts measure their new width
  await page.screenshot({ path: `${SHOTS}/lab-toy-sweep-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await app.showControls();
  await page.locator('select[data-param="lab"]').selectOption('simulated');
  await app.waitForResults();
  const back = await app.snapshot();
  expect(back.scenario.lab).toBe('simulated');
  expect(back.link).toMatch(/^v=3&lab=simulated&task=regression&p=1&/);
  expect(back.scenario.seed).toBe(3); // the experiment's settings carry over
  await expect(page.locator('select[data-param="lab"]')).toHaveCount(0);
  await expect(app.slider('shift')).toBeVisible();
  app.expectCleanConsole();
});
