/**
 * Lecture mode and the keyboard: present=1 with a deck steps through presets with the arrow keys, hide= hides
 * named controls, embed=1 drops the chrome; Space / → / R drive playback; the page state lives in the link.
 */
import { expect, test } from './fixtures/test';

const QUICK = 'n=200&m=200&test=2000&R=6';

test('a lecture deck steps through presets with the arrow keys, and the link follows', async ({
  app,
  page,
}) => {
  await app.open(`?present=1&deck=claim1,counter1,claim2`);
  await expect(page.getByTestId('slide')).toHaveText('slide 1 / 3');
  let state = await app.snapshot();
  expect(state.page.preset).toBe('claim1');
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-present'))).toBe(true);
  // Large type in lecture mode.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide')).toHaveText('slide 2 / 3');
  await app.waitForResults();
  state = await app.snapshot();
  expect(state.page.preset).toBe('counter1');
  expect(page.url()).toContain('preset=counter1');
  expect(page.url()).toContain('deck=claim1,counter1,claim2');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // past the end: stays on the last slide
  await expect(page.getByTestId('slide')).toHaveText('slide 3 / 3');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slide')).toHaveText('slide 2 / 3');
  app.expectCleanConsole();
});

test('hide= hides named controls and embed=1 drops the chrome', async ({ app, page }) => {
  await app.open(`?${QUICK}&hide=shift,bias,play,share`);
  await expect(page.locator('input[data-param="scale"]')).toHaveCount(1);
  await expect(page.locator('input[data-param="shift"]')).toHaveCount(0);
  await expect(page.locator('input[data-param="bias"]')).toHaveCount(0);
  await expect(page.getByTestId('play')).toHaveCount(0);
  await expect(page.getByTestId('copy-link')).toHaveCount(0);

  await app.open(`?${QUICK}&embed=1&view=generalization`);
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.locator('#controls-panel')).toHaveCount(0);
  await expect(page.locator('[data-active-view="generalization"]')).toBeVisible();
  app.expectCleanConsole();
});

test('Space pauses, → steps one replicate, R resets to the same numbers', async ({ app, page }) => {
  await app.open(`?${QUICK.replace('R=6', 'R=12')}`);
  const full = await app.numbers();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('r');
  // Paused: the reset run computes replicate 1 and waits.
  await page.waitForFunction(() => window.playground.results?.completed === 1);
  await page.waitForTimeout(400);
  expect((await app.snapshot()).results?.completed).toBe(1);
  expect((await app.snapshot()).status).toBe('paused');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.results?.completed === 2);
  await page.getByTestId('step').click();
  await page.waitForFunction(() => window.playground.results?.completed === 3);
  await expect(page.getByTestId('progress')).toHaveText('3/12');
  // Space on a focused button presses that button (here Step), as everywhere on the web: focus the page first.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await app.waitForResults();
  // Paced replicates draw the same samples: the numbers equal the unpaused run's.
  expect(await app.numbers()).toEqual(full);
  app.expectCleanConsole();
});

test('? lists the shortcuts; the theme choice goes into the link', async ({ app, page }) => {
  await app.open(`?${QUICK}`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('theme').selectOption('dark');
  await expect(page).toHaveURL(/theme=dark/);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(20, 23, 27)');
  app.expectCleanConsole();
});

test('the view tabs switch views and the link keeps the open view', async ({ app, page }) => {
  await app.open(`?${QUICK}`);
  await page.getByRole('tab', { name: 'Ranking' }).click();
  await expect(page).toHaveURL(/view=ranking/);
  await expect(page.locator('[data-active-view="ranking"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Ranking' }).press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Training curves' })).toBeFocused();
  await expect(page).toHaveURL(/view=training/);
  const fresh = await app.another();
  await fresh.open(`?${new URL(page.url()).search.slice(1)}`);
  await expect(fresh.page.locator('[data-active-view="training"]')).toBeVisible();
  expect(await fresh.numbers()).toEqual(await app.numbers());
  app.expectCleanConsole();
});
