import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { runScene } from './scene';

const quick: Scenario = { ...defaultScenario(), replicates: 4, nTest: 2000 };

describe('the scene (replicates + a picture of replicate 1)', () => {
  it('fits OLS, cubic and kNN on real and synthetic data in every replicate and summarizes them', async () => {
    const partials: number[] = [];
    const result = await runScene(
      quick,
      () => false,
      (p) => partials.push(p.summary.completed),
    );
    expect(partials).toEqual([1, 2, 3]);
    expect(result.done).toBe(true);
    expect(result.summary.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
    for (const model of result.summary.models) {
      expect(model.fitted).toBe(4);
      expect(model.utility!.value).toBeCloseTo(Math.abs(model.tstr!.mean - model.trtr!.mean), 12);
      expect(model.trtr!.hasInterval).toBe(true);
    }
    expect(result.visual!.grid).toHaveLength(161);
    expect(result.visual!.curves.every((c) => c.real!.length === 161)).toBe(true);
    expect(result.summary.ranking!.replicates).toBe(4);
  });

  it('is reproducible, and a synthetic-data change moves TSTR, never TRTR', async () => {
    const a = await runScene(quick);
    const again = await runScene(quick);
    const b = await runScene({ ...quick, shift: 1.5, bias: 0.3 });
    expect(again.summary).toEqual(a.summary);
    a.summary.models.forEach((model, i) => {
      expect(b.summary.models[i]!.trtr!.mean).toBe(model.trtr!.mean);
      expect(b.summary.models[i]!.tstr!.mean).not.toBe(model.tstr!.mean);
    });
  });

  it('draws only the points for p > 1 (no curves along one feature)', async () => {
    const result = await runScene({ ...quick, p: 3, replicates: 1 });
    expect(result.visual!.grid).toBeNull();
    expect(result.visual!.real.x).toHaveLength(200);
  });

  it('stops when cancelled', async () => {
    await expect(runScene(quick, () => true)).rejects.toThrow(/cancelled/);
  });
});
