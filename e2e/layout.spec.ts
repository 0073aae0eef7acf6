/**
 * Screenshots for people to look at (desktop 1280 and phone 390 projects): the whole page, then every view, the
 * controls drawer on phones and lecture mode; nothing may stick out sideways.
 */
import { VIEWS } from '../src/scenario/page';
import { expect, test } from './fixtures/test';

const SHOTS = 'test-results/screenshots';

test('screenshot of the whole page for people to look at', async ({ app, page }, testInfo) => {
  await app.open('?eta=quadratic&shift=1.2&bias=0.3');
  await expect(page.locator('.recharts-line').first()).toBeVisible();
  const width = page.viewportSize()!.width;
  // Nothing may stick out sideways, on a phone either.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${width}.png`, fullPage: true });
  app.expectCleanConsole();
});

test('every view, at this width', async ({ app, page }, testInfo) => {
  test.setTimeout(180_000);
  const width = page.viewportSize()!.width;
  const base =
    '?eta=quadratic&shift=1.2&bias=0.3&R=8&models=ols;poly:degree=2;knn:k=10;mlp:width=16,depth=1,epochs=150';
  await app.open(`${base}&sx=shift&sx_from=0&sx_to=2&sx_n=4`);
  for (const view of VIEWS) {
    await page.getByRole('tab', { name: new RegExp(view === 'training' ? 'Training' : view, 'i') }).click();
    await expect(page.locator(`[data-active-view="${view}"]`)).toBeVisible();
    if (view === 'sweep') {
      await page.getByTestId('sweep-run').click();
      await page.waitForFunction(() => window.playground.sweep.status === 'done', undefined, {
        timeout: 120_000,
      });
    }
    if (view === 'generalization' || view === 'ranking') {
      await page.waitForFunction(() => window.playground.references?.status === 'done', undefined, {
        timeout: 60_000,
      });
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${width}-${view}.png`, fullPage: true });
  }
  app.expectCleanConsole();
});

test('lecture mode and, on phones, the controls drawer', async ({ app, page }, testInfo) => {
  const width = page.viewportSize()!.width;
  await app.open('?present=1&deck=claim1,counter1,claim3');
  await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${width}-present.png`, fullPage: true });
  if (width < 760) {
    const toggle = page.getByRole('button', { name: 'Controls' });
    await expect(page.locator('#controls-panel')).toBeHidden();
    await toggle.click();
    await expect(page.locator('#controls-panel')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${width}-drawer.png` });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.locator('#controls-panel')).toBeHidden();
  }
  app.expectCleanConsole();
});
