import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { simulatedPlan as planFromScenario } from '../scenario/labs/simulated/lab';
import {
  convergesToProjection,
  populationReferences,
  REFERENCE_FITS,
  REFERENCE_QUANTITIES,
} from './references';
import { exactRisks, exactSetting } from './theory/olsLimits';
import { designOf, misspecifiedLimits } from './theory/olsGaussian';

const plan = (s: Partial<Scenario>) => planFromScenario({ ...defaultScenario(), ...s });

describe('population references', () => {
  it('OLS and polynomial regression under Gaussian features are exact: the closed forms, zero-width intervals', async () => {
    const p = plan({
      eta: 'quadratic',
      models: 'ols;poly:degree=2',
      p: 2,
      correlation: 0.3,
      shift: 2,
      bias: 0.3,
      biasShape: 'linear',
    });
    const refs = await populationReferences(p);
    const setting = exactSetting(p);
    if (typeof setting === 'string') throw new Error(setting);
    const [ols, quadratic] = refs.models;
    const exact = exactRisks(setting, 'affine');
    expect(ols).toMatchObject({ method: 'exact', size: null, fits: 0, isLimit: true, ...exact });
    expect(ols!.values!.limit).toEqual({
      value: exact.synthetic - exact.real,
      lo: exact.synthetic - exact.real,
      hi: exact.synthetic - exact.real,
      se: 0,
    });
    expect(quadratic).toMatchObject({ method: 'exact', ...exactRisks(setting, 'quadratic') });
    expect(refs.exactUnavailable).toBeNull();
    expect(refs.gaps[0]![1]).toBe(Math.abs(exact.real - 0.25));
    // Exact responses: the §6.2 limit, all of it in the feature x misspecification part.
    const cleanPlan = plan({ eta: 'quadratic', models: 'ols', shift: 2 });
    const clean = await populationReferences(cleanPlan);
    expect(clean.models[0]!.responsePart).toBe(0);
    expect(clean.models[0]!.featurePart).toBeCloseTo(misspecifiedLimits(designOf(cleanPlan)).utility, 12);
  });

  it('other models: independent Monte Carlo fits with a 95% interval that covers the exact value', async () => {
    // Ridge with alpha = 1 at N = 4,000 is OLS up to O(alpha / N): its Monte Carlo interval must cover OLS's exact
    // references (the bias, about 1e-4 here, is far below the interval's width).
    const p = plan({
      eta: 'quadratic',
      models: 'ols;ridge:alpha=1',
      shift: 1,
      bias: 0.5,
      biasShape: 'linear',
    });
    const refs = await populationReferences(p, 4000);
    const [ols, ridge] = refs.models;
    expect(ridge).toMatchObject({ method: 'monte-carlo', size: 4000, fits: REFERENCE_FITS, isLimit: true });
    for (const key of REFERENCE_QUANTITIES) {
      const v = ridge!.values![key];
      expect(v.lo, key).toBeLessThan(v.hi);
      expect(ols!.values![key].value, key).toBeGreaterThanOrEqual(v.lo);
      expect(ols!.values![key].value, key).toBeLessThanOrEqual(v.hi);
    }
    expect(ridge!.values!.limit.value).toBeCloseTo(ridge!.synthetic - ridge!.real, 12);
    // kNN with a fixed k is not a limit of the learner as n grows: its reference is its output at N.
    const knn = await populationReferences(plan({ eta: 'linear', models: 'knn:k=10' }), 1000);
    expect(knn.models[0]).toMatchObject({ method: 'monte-carlo', size: 1000, isLimit: false });
    expect(convergesToProjection('krr:alpha=1,gamma=1')).toBe(false);
    expect(convergesToProjection('mlp:width=32,depth=2,epochs=200,lr=0.01')).toBe(false);
  });

  it('a response bias shows up in the response part, not the feature part (Monte Carlo, uniform features)', async () => {
    const refs = await populationReferences(
      plan({ eta: 'linear', features: 'uniform', models: 'ols', bias: 0.5 }),
      4000,
    );
    const [ols] = refs.models;
    expect(refs.exactUnavailable).toMatch(/Gaussian/);
    expect(ols!.method).toBe('monte-carlo');
    // Constant bias 0.5 on the responses: the OLS limit moves by 0.5 everywhere, + 0.25 to the risk.
    expect(ols!.values!.responsePart.lo).toBeLessThan(0.25);
    expect(ols!.values!.responsePart.hi).toBeGreaterThan(0.25);
    expect(Math.abs(ols!.featurePart)).toBeLessThan(0.01);
  });

  it('claim 3 against the population order: biased responses keep the gap-separated order in every replicate', async () => {
    const { runExperiment } = await import('./run');
    const p = plan({
      eta: 'quadratic',
      models: 'ols;poly:degree=2',
      bias: 0.3,
      biasShape: 'linear',
      replicates: 30,
      nTest: 2000,
    });
    const refs = await populationReferences(p, 10_000);
    const { summary } = await runExperiment(p, {
      populationRisks: refs.models.map((m) => m.real),
      fidelity: false,
    });
    expect(summary.ranking!.tstrVsPopulation![0]![1]).toBe(1);
    expect(summary.ranking!.trtrVsPopulation![0]![1]).toBe(1);
  });
});
