/**
 * The first screen: the empty link opens the first look (a feature shift where OLS pays a clear utility gap and
 * the cubic and kNN do not) with the three-step guide above the view; dismissing it is remembered; lecture,
 * embed and shared links never show it. Screenshots at 1280 and 390 px (and 1280 in the dark theme) go to
 * test-results/screenshots/first-visit-*.png.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';

function guide(page: Page) {
  return page.getByTestId('first-visit-guide');
}

test('the empty link shows the guide and the first look: OLS pays, the others hardly do', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(guide(page)).toBeVisible();
  await expect(guide(page).getByRole('heading', { level: 2 })).toHaveText(/New here\?/);
  await expect(guide(page).getByRole('listitem')).toHaveCount(3);
  // Shown at start, the guide does not take the focus from the page.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  const state = await app.snapshot();
  expect(state.scenario.shift).toBe(0.7);
  expect(state.scenario.eta).toBe('quadratic');
  // The address bar holds the whole first-look link, so a reload or a copy keeps these numbers.
  expect(page.url()).toContain('v=3&lab=simulated&task=regression');
  expect(page.url()).toContain('&shift=0.7&');

  const [ols, cubic, knn] = await app.numbers();
  expect([ols!.id, cubic!.id, knn!.id]).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
  // Seed 1, 20 replicates (src/store/firstLook.ts): U = 0.592 for OLS, 0.0059 for the cubic, 0.044 for kNN.
  expect(ols!.utility).toBeGreaterThan(0.4);
  expect(cubic!.utility).toBeLessThan(0.05);
  expect(knn!.utility).toBeLessThan(0.1);
  expect(ols!.utility).toBeGreaterThan(5 * Math.max(cubic!.utility, knn!.utility));
  expect(state.results?.ranking?.kendallTauB).toBe(1);
  await expect(page.getByTestId('summary')).toContainText('Kendall τ = 1.00');

  await page.screenshot({ path: `${SHOTS}/first-visit-1280.png`, fullPage: true });
  app.expectCleanConsole();
});

test('dismissing the guide is remembered; the ? help brings it back', async ({ app, page }) => {
  await app.open();
  await guide(page).getByRole('button', { name: 'Got it' }).click();
  await expect(guide(page)).toHaveCount(0);
  // The button that closed it is gone: focus is on the ? button, where the guide can be opened again.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();

  await page.reload();
  await app.waitForResults();
  await expect(guide(page)).toHaveCount(0);
  // The empty link itself again (a new visit to the site): the first look, but no guide.
  await app.open();
  expect((await app.snapshot()).scenario.shift).toBe(0.7);
  await expect(guide(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByTestId('show-guide').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(guide(page)).toBeVisible();
  await expect(guide(page).getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(guide(page)).toHaveCount(0);
  app.expectCleanConsole();
});

test('lecture mode, embeds and links with parameters never show it', async ({ app, page }) => {
  for (const link of [
    '?present=1',
    '?present=1&deck=claim1,counter1',
    '?embed=1',
    '?shift=0.7',
    '?eta=quadratic&R=4&test=2000',
  ]) {
    await app.open(link);
    await expect(guide(page), link).toHaveCount(0);
  }
  // Lecture mode opens on the defaults, as it always did.
  await app.open('?present=1');
  expect((await app.snapshot()).scenario.shift).toBe(0);
  app.expectCleanConsole();
});

test('the guide in the dark theme at 1280 px', async ({ app, page }) => {
  await app.open('?theme=dark');
  await expect(guide(page)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/first-visit-1280-dark.png`, fullPage: true });
  app.expectCleanConsole();
});

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
  });

  test('the guide fits a 390 px screen', async ({ app, page }) => {
    await app.open();
    await expect(guide(page)).toBeVisible();
    await expect(guide(page).getByRole('heading', { level: 2 })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/first-visit-390.png`, fullPage: true });
    app.expectCleanConsole();
  });
});
