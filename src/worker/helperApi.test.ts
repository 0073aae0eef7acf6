import { describe, expect, it } from 'vitest';
import { fitReplicates } from '../engine/run';
import { planFromScenario } from '../scenario/labs/index';
import { defaultScenario } from '../scenario/schema';
import { createHelperApi } from './helperApi';

describe('an engine helper', () => {
  const plan = planFromScenario({ ...defaultScenario(), n: 60, m: 60, replicates: 6, models: 'ols;knn:k=5' });

  it("keeps a run's plan from its first chunk, so later chunks need not carry it again", async () => {
    const helper = createHelperApi();
    const first = await helper.fit(plan, 'cpu', [1, 2], 7);
    const later = await helper.fit(null, 'cpu', [3, 4], 7);
    expect(first).toEqual(await fitReplicates(plan, [1, 2], () => false));
    expect(later).toEqual(await fitReplicates(plan, [3, 4], () => false));
  });

  it('refuses a chunk without a plan it has not been given, and forgets a stopped run', async () => {
    const helper = createHelperApi();
    await expect(helper.fit(null, 'cpu', [1], 3)).rejects.toThrow(/no plan for run 3/);
    await helper.fit(plan, 'cpu', [1], 4);
    helper.stop([4]);
    expect(await helper.fit(null, 'cpu', [2], 4)).toBeNull();
  });
});
