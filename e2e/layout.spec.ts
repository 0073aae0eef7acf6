import { expect, test } from './fixtures/test';

test('screenshot of the whole page for people to look at', async ({ app, page }, testInfo) => {
  await app.open('?eta=quadratic&shift=1.2&bias=0.3');
  await expect(page.locator('.recharts-line').first()).toBeVisible();
  const width = page.viewportSize()!.width;
  // Nothing may stick out sideways, on a phone either.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.screenshot({
    path: `test-results/screenshots/${testInfo.project.name}-${width}.png`,
    fullPage: true,
  });
  app.expectCleanConsole();
});
