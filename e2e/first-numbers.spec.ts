import { expect, test } from './fixtures/test';

// The MLP is listed first but fitted last: the cheap models' numbers must not wait for it.
const LINK =
  '?n=500&m=500&test=1000&R=2&models=mlp:width=32,depth=2,epochs=1500,lr=0.01;ols;knn:k=5&view=generalization';

test("replicate 1's fast models show their numbers while a slow one is still fitting", async ({
  app,
  page,
}) => {
  await page.goto(`/${app.withBackend(LINK)}`);
  const partial = await page.waitForFunction(
    () => {
      const r = window.playground.results;
      if (!r || r.link !== window.playground.link) return false;
      const [mlp, ols] = r.models;
      return ols!.fitted > 0 && mlp!.pending ? r : false;
    },
    undefined,
    { timeout: 30_000, polling: 5 },
  );
  const shown = await partial.jsonValue();
  if (!shown) throw new Error('no partial results');
  expect(shown.completed).toBe(0);
  expect(shown.models[0]).toMatchObject({ id: 'mlp:width=32,depth=2,epochs=1500,lr=0.01', fitted: 0 });
  expect(shown.models[0]!.trtr).toBeNull();
  expect(shown.models[1]!.trtr).toBeGreaterThan(0);
  // No ranking from a replicate that is not complete.
  expect(shown.ranking?.replicates ?? 0).toBe(0);
  await expect(page.locator('tr[data-model^="mlp"] [data-testid="pending"]').first()).toHaveText('fitting…');
  await expect(page.locator('tr[data-model="ols"] [data-testid="trtr"]').first()).not.toBeEmpty();
  // The charts say the same: fitting, not "could not fit".
  await expect(page.locator('[data-testid="utility-chart"] g[data-model^="mlp"]')).toContainText('fitting…');

  await page.waitForFunction(() => window.playground.results?.done === true, undefined, { timeout: 120_000 });
  const done = await app.snapshot();
  expect(done.results!.models.every((m) => !m.pending && m.fitted === 2)).toBe(true);
  await expect(page.locator('[data-testid="pending"]')).toHaveCount(0);
  app.expectCleanConsole();
});
