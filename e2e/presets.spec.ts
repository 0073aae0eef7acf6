/**
 * The teaching presets in the browser: picking each one in the preset picker loads its scenario and theory card,
 * and its live verdict reaches 'holds' with numbers in the text; the preset's share link, opened in a new page,
 * reproduces the same numbers and verdict. The card closes, tells when the scenario was changed, and its verdict
 * follows the sliders. Screenshots of the card at 1280 and 390 px, light, dark and lecture mode.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PRESET_IDS } from '../src/scenario/presetIds';
import { expect, test } from './fixtures/test';
import type { PlaygroundPage } from './fixtures/playground';

/** A cheap first scenario, so the page is ready quickly before a preset is picked. */
const QUICK = '?models=ols&R=2&test=1000';
const SHOTS = 'test-results/screenshots';

async function pick(app: PlaygroundPage, id: string): Promise<void> {
  await app.page.getByTestId('preset-picker').selectOption(id);
  await expect.poll(() => app.snapshot().then((s) => s.page.preset)).toBe(id);
  await app.waitForResults();
}

/**
 * The card's verdict once it is no longer pending, read from the page; window.playground.verdict must say the
 * same. Claim 3's verdicts wait for the population references (10,000-point fits) and counter-example 3's also
 * for a run with exact responses, after the run itself: hence the longer wait.
 */
async function settledVerdict(page: Page): Promise<{ status: string; text: string }> {
  const verdict = page.getByTestId('verdict');
  await expect(verdict).not.toHaveAttribute('data-status', 'pending', { timeout: 60_000 });
  const shown = {
    status: (await verdict.getAttribute('data-status'))!,
    text: (await page.getByTestId('verdict-text').textContent())!,
  };
  expect(await page.evaluate(() => window.playground.verdict)).toEqual(shown);
  return shown;
}

// The simulated lab's presets (the digits lab's run networks on MNIST: e2e/digits.spec.ts picks one of them).
for (const id of PRESET_IDS.filter((preset) => !preset.startsWith('digits-'))) {
  test(`preset ${id}: picked in the picker, its verdict holds; its share link reproduces it`, async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000); // Two pages, two runs: leave room on a busy 2-core machine.
    await app.open(QUICK);
    await pick(app, id);
    const verdict = await settledVerdict(page);
    expect(verdict.status, verdict.text).toBe('holds');
    expect(verdict.text).toMatch(/\d\.\d|\d+\/\d+/);

    const card = page.getByTestId('theory-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-preset', id);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'holds');
    await expect(page.getByTestId('verdict-text')).toHaveText(verdict.text);
    await expect(page.getByTestId('verdict')).toHaveAttribute('aria-live', 'polite');
    await expect(card.locator('.katex').first()).toBeVisible();
    await expect(card.locator('.katex-error')).toHaveCount(0);
    await expect(card.getByTestId('restore-preset')).toHaveCount(0);
    await expect(page.getByTestId('preset-picker')).toHaveValue(id);

    const state = await app.snapshot();
    expect(state.page.preset).toBe(id);
    expect(state.shareLink).toContain(`preset=${id}`);
    expect(page.url()).toContain(`preset=${id}`);

    const other = await app.another();
    await other.page.goto(`/?${state.shareLink}`);
    await other.waitForResults();
    const again = await other.snapshot();
    expect(again.scenario).toEqual(state.scenario);
    expect(again.page.preset).toBe(id);
    expect(again.page.view).toBe(state.page.view);
    expect(await other.numbers()).toEqual(await app.numbers());
    expect(await settledVerdict(other.page)).toEqual(verdict);
    await expect(other.page.getByTestId('verdict')).toHaveAttribute('data-status', 'holds');
    await expect(other.page.getByTestId('verdict-text')).toHaveText(verdict.text);
    app.expectCleanConsole();
    other.expectCleanConsole();
    await other.page.close();
  });
}

test('the verdict follows the sliders; restore and close', async ({ app, page }) => {
  await app.open(QUICK);
  await pick(app, 'claim1');
  expect((await settledVerdict(page)).status).toBe('holds');

  // No shift: the claim is not put to the test, and the card says so.
  const shift = app.slider('shift');
  await app.showControls();
  await shift.fill('0');
  await expect.poll(() => app.snapshot().then((s) => s.scenario.shift)).toBe(0);
  await app.hideControls();
  await app.waitForResults();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'fails');
  await expect(page.getByTestId('verdict-text')).toContainText('equal the real ones');
  await expect(page.getByTestId('restore-preset')).toBeVisible();

  await page.getByTestId('restore-preset').click();
  await expect.poll(() => app.snapshot().then((s) => s.scenario.shift)).toBe(2);
  await app.waitForResults();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'holds');
  await expect(page.getByTestId('restore-preset')).toHaveCount(0);

  // "Free play" drops the card and the preset, never the scenario.
  const before = (await app.snapshot()).link;
  await page.getByTestId('preset-picker').selectOption('');
  await expect(page.getByTestId('theory-card')).toHaveCount(0);
  let after = await app.snapshot();
  expect(after.page.preset).toBeNull();
  expect(after.verdict).toBeNull();
  expect(after.link).toBe(before);

  // Picked again (same scenario, no new run), then closed with the card's button: the same.
  await pick(app, 'claim1');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'holds');
  await page.getByRole('button', { name: 'Close the theory card' }).click();
  await expect(page.getByTestId('theory-card')).toHaveCount(0);
  after = await app.snapshot();
  expect(after.page.preset).toBeNull();
  expect(after.link).toBe(before);
  await expect(page.getByTestId('preset-picker')).toHaveValue('');
  app.expectCleanConsole();
});

test('screenshots of the theory card at 1280 px, light and dark', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await app.open(`${QUICK}&theme=light`);
  await pick(app, 'claim1');
  await settledVerdict(page);
  const card = page.getByTestId('theory-card');
  await expect(card.locator('.katex').first()).toBeVisible();
  await card.screenshot({ path: `${SHOTS}/preset-card-1280-light.png` });
  await page.screenshot({ path: `${SHOTS}/preset-page-1280-light.png` });

  await pick(app, 'counter3-classification');
  await settledVerdict(page);
  await page.getByTestId('theme').selectOption('dark');
  await card.screenshot({ path: `${SHOTS}/preset-card-1280-dark.png` });
  app.expectCleanConsole();
});

test('the theory card and the picker fit a 390 px phone', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open(QUICK);
  await pick(app, 'counter2');
  await settledVerdict(page);
  const card = page.getByTestId('theory-card');
  await expect(card.locator('.katex').first()).toBeVisible();
  // The card, its formula and the picker stay inside the width (a long formula scrolls inside its own box).
  for (const target of [card, card.getByTestId('formula'), page.getByTestId('preset-picker')]) {
    const box = (await target.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await card.screenshot({ path: `${SHOTS}/preset-card-390-light.png` });
  await page.screenshot({ path: `${SHOTS}/preset-page-390-light.png` });
  app.expectCleanConsole();
});

test('lecture mode: the deck applies the presets and the card shows in large type', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await app.open(`${QUICK}&present=1&deck=claim2,counter2`);
  await page.getByRole('button', { name: 'Next slide' }).click();
  await expect.poll(() => app.snapshot().then((s) => s.page.preset)).toBe('counter2');
  await app.waitForResults();
  expect((await settledVerdict(page)).status).toBe('holds');
  await page.screenshot({ path: `${SHOTS}/preset-lecture-1280.png` });
  app.expectCleanConsole();
});
