import { describe, expect, it } from 'vitest';
import { runSweep } from '../engine/sweep';
import { defaultScenario } from './schema';
import { axisValues, sweepPlans, sweepScenarios } from './sweep';

const base = { ...defaultScenario(), models: 'ols;poly:degree=2', replicates: 3, nTest: 1000 };

describe('sweeps', () => {
  it('lay out evenly spaced values, whole for integer parameters, and refuse what cannot be swept', () => {
    expect(axisValues({ param: 'shift', from: 0, to: 3, steps: 4 })).toEqual([0, 1, 2, 3]);
    expect(axisValues({ param: 'shift', from: 0, to: 0.3, steps: 4 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisValues({ param: 'n', from: 10, to: 20, steps: 3 })).toEqual([10, 15, 20]);
    expect(() => axisValues({ param: 'shift', from: 0, to: 9, steps: 3 })).toThrow(/outside -3..3/);
    expect(() => axisValues({ param: 'eta', from: 0, to: 1, steps: 3 })).toThrow(/cannot be swept/);
    expect(() => axisValues({ param: 'seed', from: 0, to: 1, steps: 3 })).toThrow(/cannot be swept/);
    expect(() => axisValues({ param: 'shift', from: 0, to: 1, steps: 0 })).toThrow(/steps/);
  });

  it('move only parameters of the base scenario lab', () => {
    const toy = defaultScenario('toy');
    expect(() => sweepScenarios(toy, [{ param: 'shift', from: 0, to: 1, steps: 2 }])).toThrow(
      /shift is not a parameter of the toy dataset lab/,
    );
    const grid = sweepPlans(toy, [{ param: 'm', from: 50, to: 100, steps: 2 }]);
    expect(grid.map((g) => [g.values, g.plan.m, g.plan.source.kind])).toEqual([
      [{ m: 50 }, 50, 'table'],
      [{ m: 100 }, 100, 'table'],
    ]);
  });

  it('build a two-parameter grid, first axis outermost', () => {
    const grid = sweepScenarios(base, [
      { param: 'shift', from: 0, to: 1, steps: 2 },
      { param: 'bias', from: 0, to: 0.5, steps: 3 },
    ]);
    expect(grid.map((g) => [g.scenario.shift, g.scenario.bias])).toEqual([
      [0, 0],
      [0, 0.25],
      [0, 0.5],
      [1, 0],
      [1, 0.25],
      [1, 0.5],
    ]);
  });

  it('run the replicate runner at each point with the same seed: TRTR does not move along a shift sweep', async () => {
    const seen: number[] = [];
    const points = await runSweep(sweepPlans(base, [{ param: 'shift', from: 0, to: 2, steps: 3 }]), {
      onPoint: (_p, i) => seen.push(i),
    });
    expect(seen).toEqual([0, 1, 2]);
    const trtr = points.map((p) => p.summary.models[0]!.trtr!.mean);
    expect(new Set(trtr).size).toBe(1);
    // OLS on a quadratic eta: U grows with the shift (claim 1's counter-example).
    const u = points.map((p) => p.summary.models[0]!.utility!.value);
    expect(u[0]!).toBeLessThan(u[1]!);
    expect(u[1]!).toBeLessThan(u[2]!);
  });
});

describe('a sweep point the lab would change', () => {
  it('stops the sweep with the reason instead of running another value under its label', () => {
    const toy = defaultScenario('toy');
    expect(() => sweepScenarios(toy, [{ param: 'n', from: 500, to: 1500, steps: 3 }])).toThrow(
      /n = 1500 does not fit this scenario: .*2000 rows/,
    );
    expect(
      sweepScenarios(toy, [{ param: 'n', from: 500, to: 1000, steps: 2 }]).map((g) => g.scenario.n),
    ).toEqual([500, 1000]);
  });
});
