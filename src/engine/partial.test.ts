import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { planFromScenario } from '../scenario/labs/index';
import { fitOrder } from './replicates';
import { runExperiment } from './run';
import type { ExperimentSummary } from './summary';

const plan = (s: Partial<Scenario>) =>
  planFromScenario({ ...defaultScenario(), nTest: 500, replicates: 2, ...s });

const MLP = 'mlp:width=32,depth=2,epochs=400,lr=0.01';

describe("replicate 1's first numbers, model by model", () => {
  it('fits the models the cost model calls cheap first, list order on ties', () => {
    const models = [
      'mlp:width=64,depth=3,epochs=2000,lr=0.01',
      'krr:alpha=1,gamma=1',
      'ols',
      'knn:k=5',
      'ols',
    ];
    const order = fitOrder(
      plan({ n: 1000, m: 1000, nTest: 2000, models: models.join(';') }),
      models.map((id) => ({ id })),
    );
    expect(order.slice(0, 2)).toEqual([2, 4]); // the two OLS fits, in list order
    expect(order.indexOf(1)).toBeGreaterThan(order.indexOf(3)); // kernel ridge's n³ after kNN's scan
    expect(order[4]).toBe(0); // 2,000 epochs of a 3×64 MLP last
  });

  it("streams the fast models' numbers with the slow ones pending, then the full record", async () => {
    const partials: ExperimentSummary[] = [];
    const result = await runExperiment(plan({ models: `${MLP};ols;knn:k=5` }), {
      onPartial: (s) => partials.push(s),
    });
    // OLS and kNN (the cheaper first) are out before the MLP (listed first) finishes.
    expect(partials).toHaveLength(2);
    const pendingOf = (s: ExperimentSummary) => s.models.map((m) => m.pending === true);
    expect(pendingOf(partials[0]!)[0]).toBe(true);
    expect(pendingOf(partials[0]!).filter(Boolean)).toHaveLength(2);
    expect(pendingOf(partials[1]!)).toEqual([true, false, false]);
    for (const s of partials) {
      expect(s.completed).toBe(0);
      expect(s.models[0]!.trtr).toBeNull();
      expect(s.ranking!.replicates).toBe(0);
      expect(s.ranking!.kendallTauB).toBeNull();
    }
    // A partial's numbers are replicate 1's final ones.
    const [record] = result.records;
    expect(partials[1]!.models[1]!.trtr!.mean).toBe(record!.trtr[1]);
    expect(partials[1]!.models[2]!.tstr!.mean).toBe(record!.tstr[2]);
    expect(result.summary.models.every((m) => m.pending === undefined)).toBe(true);
  });

  it('gives each model the same numbers whatever its place in the list', async () => {
    const a = await runExperiment(plan({ models: `${MLP};ols;knn:k=5` }));
    const b = await runExperiment(plan({ models: `ols;knn:k=5;${MLP}` }));
    for (const [i, record] of a.records.entries()) {
      expect(b.records[i]!.trtr).toEqual([record.trtr[1], record.trtr[2], record.trtr[0]]);
      expect(b.records[i]!.tstr).toEqual([record.tstr[1], record.tstr[2], record.tstr[0]]);
    }
  });

  it('reports a failed fast model at once, as an error, not as pending', async () => {
    // n = 2: kNN with k = 3 cannot be fitted; with k = 1 it can.
    const partials: ExperimentSummary[] = [];
    await runExperiment(plan({ p: 2, n: 2, m: 2, models: 'knn:k=3;knn:k=1;' + MLP }), {
      onPartial: (s) => partials.push(s),
    });
    const knn = partials[0]!.models[0]!;
    expect(knn.pending).toBeUndefined();
    expect(knn.fitted).toBe(0);
    expect(knn.error).toMatch(/larger than the 2 training points/);
  });
});
