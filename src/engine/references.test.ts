import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { simulatedPlan as planFromScenario } from '../scenario/labs/simulated/lab';
import { populationReferences } from './references';
import { designOf, misspecifiedLimits } from './theory/olsGaussian';

const plan = (s: Partial<Scenario>) => planFromScenario({ ...defaultScenario(), ...s });

describe('population references', () => {
  it('OLS on a quadratic η: R(f*) - σ² and the limit gap match the closed forms (shift 2)', async () => {
    const p = plan({ eta: 'quadratic', models: 'ols;poly:degree=2', shift: 2 });
    const refs = await populationReferences(p, 20_000);
    const [ols, quadratic] = refs.models;
    const limits = misspecifiedLimits(designOf(p));
    // With N = 20,000 the Monte Carlo error of a risk is about sd(loss)/sqrt(N) < 0.03 here; the estimation
    // part of f* is O(p/N). 5% of the closed form is several such errors.
    expect(Math.abs(ols!.real - 0.25 - limits.real)).toBeLessThan(0.05 * limits.real + 0.02);
    expect(Math.abs(ols!.synthetic - ols!.real - limits.utility)).toBeLessThan(0.05 * limits.utility);
    // Exact responses: the whole gap is the feature x misspecification part.
    expect(ols!.responsePart).toBeCloseTo(0, 1);
    // The correctly specified quadratic model has no limit gap at all (claim 1).
    expect(Math.abs(quadratic!.synthetic - quadratic!.real)).toBeLessThan(0.01);
    expect(refs.gaps[0]![1]).toBeCloseTo(limits.real, 1);
  });

  it('a response bias shows up in the response part, not the feature part', async () => {
    const refs = await populationReferences(plan({ eta: 'linear', models: 'ols', bias: 0.5 }), 20_000);
    const [ols] = refs.models;
    // Constant bias 0.5 on the responses: the OLS limit moves by 0.5 everywhere, + 0.25 to the risk.
    expect(ols!.responsePart).toBeCloseTo(0.25, 1);
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
