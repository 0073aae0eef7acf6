/**
 * Where the studies' closed forms hold (docs/theory.md §9) and where they must be absent, as the exports and the
 * CLI read them; and the per-replicate cells of the hyperparameter choice on a hand-made record.
 */
import { describe, expect, it } from 'vitest';
import { expectedSpread } from '../engine/studies/collapse';
import { olsExcessReal } from '../engine/theory/olsGaussian';
import { defaultScenario, type Scenario } from './schema';
import { studyReplicateCells, studyTheoryOf } from './studyColumns';

const scenario = (overrides: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...overrides });

describe('study closed forms', () => {
  it('collapse: ((m − 1)/m)^g for the Gaussian refit in regression without fresh data, else a reason', () => {
    const loop = { study: 'collapse', generator: 'gaussian', generations: 3, m: 40 } as const;
    const theory = studyTheoryOf(scenario(loop));
    expect(theory).toMatchObject({ kind: 'collapse', reason: null });
    expect(theory?.kind === 'collapse' && theory.spread).toEqual(
      [0, 1, 2, 3].map((g) => expectedSpread(40, g)),
    );
    for (const [overrides, reason] of [
      [{ generator: 'gmm' }, /generator is gmm/],
      [{ generator: 'smote' }, /generator is smote/],
      [{ task: 'classification', models: 'logistic:C=1' }, /fitted class by class/],
      [{ fresh: 0.2 }, /fresh real share of 0.2/],
    ] as const) {
      const t = studyTheoryOf(scenario({ ...loop, ...overrides }));
      expect(t?.kind === 'collapse' && t.spread).toBeNull();
      expect(t?.kind === 'collapse' && t.reason).toMatch(reason);
    }
  });

  it('mix: OLS on n + m points only when the synthetic data are drawn like the real', () => {
    const pool = { study: 'mix', eta: 'linear', p: 2, n: 30, m: 50, models: 'ols;knn:k=5' } as const;
    const t = studyTheoryOf(scenario(pool));
    expect(t?.kind === 'mix' && t.tmtr[0]).toBeCloseTo(0.25 + olsExcessReal(0.5, 80, 2), 14);
    expect(t?.kind === 'mix' && t.tmtr[1]).toBeNull();
    for (const overrides of [{ bias: 0.5 }, { shift: 1 }, { noiseScale: 2 }, { eta: 'quadratic' }] as const) {
      const other = studyTheoryOf(scenario({ ...pool, ...overrides }));
      expect(other?.kind === 'mix' && other.tmtr[0]).toBeNull();
    }
  });

  it('ensemble: the estimation part of one member divided by K, the bias shared', () => {
    const ens = { study: 'ensemble', eta: 'linear', p: 2, m: 30, shift: 1, models: 'ols' } as const;
    for (const bias of [0, 0.4]) {
      const t = studyTheoryOf(scenario({ ...ens, bias, biasShape: 'constant', members: 5 }));
      if (t?.kind !== 'ensemble') throw new Error('no ensemble theory');
      const shared = 0.25 + bias ** 2;
      expect(t.tstr[0]! - shared).toBeCloseTo((t.memberTstr[0]! - shared) / 5, 14);
    }
    const fitted = studyTheoryOf(scenario({ ...ens, generator: 'gaussian', members: 5 }));
    expect(fitted?.kind === 'ensemble' && fitted.tstr[0]).toBeNull();
  });

  it('none without a study; select has no closed form', () => {
    expect(studyTheoryOf(defaultScenario())).toBeNull();
    expect(studyTheoryOf(scenario({ study: 'select', holdout: 0.2 }))).toEqual({
      kind: 'select',
      holdout: 0.2,
    });
  });
});

describe('select cells per replicate', () => {
  it('mark the two choices (first on ties) and repeat the replicate’s regret', () => {
    const record = {
      trtr: [0.5, 0.3, 0.35],
      tstr: [0.6, 0.4, 0.36],
      study: { kind: 'select' as const, valReal: [0.52, 0.31, 0.31], valSynthetic: [0.7, 0.5, 0.45] },
    };
    const cells = [0, 1, 2].map((k) => studyReplicateCells('select', record, k));
    expect(cells.map((c) => c.chosen_real)).toEqual([false, true, false]);
    expect(cells.map((c) => c.chosen_synthetic)).toEqual([false, false, true]);
    expect(cells.every((c) => c.regret === 0.35 - 0.3)).toBe(true);
    const failed = { ...record, trtr: [0.5, null, 0.35] };
    expect(studyReplicateCells('select', failed, 0)).toMatchObject({ chosen_real: null, regret: null });
  });
});
