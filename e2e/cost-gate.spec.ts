/**
 * The gate before a heavy run (issue 13): the issue's link computes nothing and says what it would cost, Cancel
 * leaves it so, Run anyway starts it; Fewer replicates runs the largest R within the gate; a slider into heavy
 * territory asks too (on a phone the drawer closes to show the question); the default link never asks.
 * Screenshots of the panel at 1280 and 390 px.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';
const ISSUE = '?n=5000&m=5000&models=krr:alpha=1,gamma=1;mlp:width=64,depth=3,epochs=2000,lr=0.01&R=500';
/** Kernel ridge at n = m = 2,000 and R = 500: over the gate even on 8 fast cores, under it at fewer replicates. */
const HEAVY = '?n=2000&m=2000&models=krr:alpha=1,gamma=1&R=500';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function held(page: Page): Promise<void> {
  await page.waitForFunction(() => window.playground.status === 'held', undefined, { timeout: 30_000 });
}

test('the issue’s link computes nothing, says what it would cost; Cancel keeps it so, Run anyway starts it', async ({
  app,
  page,
}) => {
  await page.goto(`/${app.withBackend(ISSUE)}`);
  const panel = page.getByTestId('cost-gate');
  await expect(panel).toBeVisible();
  await held(page);
  await expect(page.getByTestId('cost-gate-summary')).toContainText(
    /This run would take about \d+(\.\d)? h on this device\./,
  );
  const parts = page.getByTestId('cost-gate-parts').locator('li');
  // The two heavy models lead, in the order of their cost (it moves with the kernels' speed).
  const lead = page
    .getByTestId('cost-gate-parts')
    .locator('li')
    .filter({ hasText: /at n = 5,000/ });
  await expect(lead).toHaveCount(2);
  await expect(lead.filter({ hasText: 'MLP 3×64, 2,000 epochs at n = 5,000' })).toHaveCount(1);
  await expect(lead.filter({ hasText: /kernel ridge at n = 5,000: \d+ s per fit × 1,000 fits/ })).toHaveCount(
    1,
  );
  await expect(parts.first()).toContainText('at n = 5,000');
  // Even two replicates are over the gate: no "Fewer replicates" button, a sentence instead.
  await expect(page.getByTestId('cost-gate-fewer')).toHaveCount(0);
  await expect(page.getByTestId('cost-gate-no-fewer')).toContainText('even R = 2 would take');
  await expect(page.getByTestId('held-placeholder')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('waiting: see the estimate');
  await page.waitForTimeout(1000);
  let state = await app.snapshot();
  expect(state.results).toBeNull();
  expect(state.gate).toMatchObject({ status: 'asking', fewer: null });
  expect(state.gate!.seconds).toBeGreaterThan(3600);
  await shoot(page, 'cost-gate-issue-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, 'cost-gate-issue-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByTestId('cost-gate-cancel').click();
  await expect(panel).toHaveCount(0);
  const note = page.getByTestId('cost-gate-note');
  await expect(note).toContainText(
    /Not run: this scenario would take about .* h on this device \(estimate\)/,
  );
  await expect(page.getByTestId('status')).toHaveText('not run');
  await page.waitForTimeout(1000);
  state = await app.snapshot();
  expect(state.status).toBe('held');
  expect(state.results).toBeNull();
  expect(state.scenario).toMatchObject({ n: 5000, m: 5000, replicates: 500 });
  expect(page.url()).toContain('R=500');
  await shoot(page, 'cost-gate-cancelled-1280');

  await page.getByTestId('cost-gate-run-cancelled').click();
  await expect(note).toHaveCount(0);
  await page.waitForFunction(() => window.playground.status === 'running');
  state = await app.snapshot();
  expect(state.gate).toBeNull();
  expect(state.scenario.replicates).toBe(500);
  app.expectCleanConsole();
});

test('"Fewer replicates" runs the largest R within the gate, and it computes', async ({ app, page }) => {
  await page.goto(`/${app.withBackend(HEAVY)}`);
  await held(page);
  const fewer = (await app.snapshot()).gate!.fewer!;
  expect(fewer).toBeGreaterThanOrEqual(2);
  expect(fewer).toBeLessThan(500);
  await expect(page.getByTestId('cost-gate-fewer')).toHaveText(
    new RegExp(`^Fewer replicates: R = ${fewer} \\((about \\d+ s|under a second)\\)$`),
  );
  await page.getByTestId('cost-gate-fewer').click();
  await expect(page.getByTestId('cost-gate')).toHaveCount(0);
  await page.waitForFunction(() => (window.playground.results?.completed ?? 0) >= 1, undefined, {
    timeout: 30_000,
  });
  const state = await app.snapshot();
  expect(state.scenario.replicates).toBe(fewer);
  expect(state.results!.planned).toBe(fewer);
  expect(state.gate).toBeNull();
  expect(page.url()).toContain(`R=${fewer}`);
  app.expectCleanConsole();
});

test('the default link runs at once: no panel', async ({ app, page }) => {
  await app.open();
  await expect(page.getByTestId('cost-gate')).toHaveCount(0);
  await expect(page.getByTestId('cost-gate-note')).toHaveCount(0);
  expect((await app.snapshot()).gate).toBeNull();
  app.expectCleanConsole();
});

for (const width of [1280, 390]) {
  test(`a slider into heavy territory asks, the old numbers stay marked (${width} px)`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
    await app.open('?n=2000&m=2000&models=krr:alpha=1,gamma=1&R=2');
    await expect(page.getByTestId('cost-gate')).toHaveCount(0);
    await app.showControls();
    // Kernel ridge at n = m = 2,000 and R = 500: over the gate even on 8 fast cores.
    await app.slider('R').focus();
    await app.slider('R').press('End');
    const panel = page.getByTestId('cost-gate');
    await expect(panel).toBeVisible();
    await held(page);
    if (width < 760) {
      // The drawer closed to show the question, and focus moved to it.
      await expect(page.locator('#controls-panel')).toBeHidden();
      await expect(panel).toBeFocused();
    }
    // The numbers on screen are an earlier scenario's, and say so.
    const state = await app.snapshot();
    expect(state.scenario).toMatchObject({ n: 2000, m: 2000, replicates: 500 });
    expect(state.results!.link).not.toBe(state.link);
    await expect(page.getByTestId('held-note')).toContainText('Not updated');
    await expect(page.getByTestId('stale')).toHaveCount(0);
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await shoot(page, `cost-gate-${width}`);
    app.expectCleanConsole();
  });
}
