import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/schema';
import { isFailure, runScene, type ModelResult, type SceneResult } from './scene';

function fitted(result: SceneResult): ModelResult[] {
  return result.models.filter((m): m is ModelResult => !isFailure(m));
}

describe('the 1-D scene', () => {
  it('fits OLS, cubic and kNN on real and synthetic data and scores both on real test data', async () => {
    const result = await runScene(defaultScenario());
    expect(result.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
    for (const model of fitted(result)) {
      for (const e of [model.trtr, model.tstr, model.utility]) {
        expect(Number.isFinite(e.mean)).toBe(true);
        expect(e.lo).toBeLessThanOrEqual(e.mean);
        expect(e.hi).toBeGreaterThanOrEqual(e.mean);
      }
      expect(model.utility.mean).toBeCloseTo(Math.abs(model.tstr.mean - model.trtr.mean), 12);
      expect(model.curveReal).toHaveLength(result.grid.length);
    }
    expect(fitted(result)).toHaveLength(3);
  });

  it('is reproducible: same scenario, same numbers', async () => {
    const a = await runScene(defaultScenario());
    const b = await runScene(defaultScenario());
    expect(fitted(b).map((m) => [m.trtr.mean, m.tstr.mean])).toEqual(
      fitted(a).map((m) => [m.trtr.mean, m.tstr.mean]),
    );
  });

  it('a synthetic-data change moves TSTR, never TRTR', async () => {
    const a = fitted(await runScene(defaultScenario()));
    const b = fitted(await runScene({ ...defaultScenario(), shift: 1.5, bias: 0.3 }));
    a.forEach((model, i) => {
      expect(b[i]!.trtr.mean).toBe(model.trtr.mean);
      expect(b[i]!.tstr.mean).not.toBe(model.tstr.mean);
    });
  });

  it('with a linear eta and exact responses, a shifted synthetic sample costs OLS almost nothing (claim 1)', async () => {
    const base = { ...defaultScenario(), eta: 'linear' as const, n: 2000, m: 2000, shift: 2 };
    const [ols] = fitted(await runScene(base));
    // E R - sigma^2 for OLS is O(1/m) here (theory.md); sigma^2 = 0.25, so U should be well below 0.01.
    expect(ols!.utility.mean).toBeLessThan(0.01);
    const [misspecified] = fitted(await runScene({ ...base, eta: 'quadratic' }));
    // Quadratic eta: OLS fitted on N(2, 1) features extrapolates badly on N(0, 1): U_inf = (s'Qs)^2 + 4 s'QSQs = 1 + 4 = 5.
    expect(misspecified!.utility.mean).toBeGreaterThan(3);
  });
});
