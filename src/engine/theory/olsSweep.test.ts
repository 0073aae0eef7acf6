/**
 * olsTheory: its values are the closed forms of olsGaussian.ts (plus the response-bias term of §6.8, which the
 * Monte Carlo runs below check, since no older function computes it), and it says "none" wherever they fail.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { simulatedPlan } from '../../scenario/labs/simulated/lab';
import { planFromScenario } from '../../scenario/labs/index';
import { runExperiment } from '../run';
import type { MeanInterval } from '../metrics/intervals';
import { designOf, misspecifiedLimits, olsExcessReal, olsExcessSynthetic } from './olsGaussian';
import { isOlsSpec, olsTheory, type OlsRisks } from './olsSweep';

const scenario = (overrides: Partial<Scenario>): Scenario => ({
  ...defaultScenario(),
  eta: 'linear',
  models: 'ols',
  ...overrides,
});
const theoryOf = (overrides: Partial<Scenario>) => olsTheory(simulatedPlan(scenario(overrides)));

/** The three numbers to 12 decimals (sums of sigma^2 and an excess round differently in the last bit). */
function expectRisks(actual: OlsRisks | null, trtr: number, tstr: number, utility: number): void {
  expect(actual).not.toBeNull();
  expect(actual!.trtr).toBeCloseTo(trtr, 12);
  expect(actual!.tstr).toBeCloseTo(tstr, 12);
  expect(actual!.utility).toBeCloseTo(utility, 12);
}

describe('olsTheory: the closed forms it returns', () => {
  it('linear η: E TRTR and E TSTR are σ² plus olsExcessReal and olsExcessSynthetic (p = 3, every feature knob)', () => {
    const knobs = {
      p: 3,
      correlation: 0.4,
      shift: 1.5,
      scale: 0.7,
      rotation: 40,
      sigma: 0.8,
      noiseScale: 1.5,
    };
    const plan = simulatedPlan(scenario({ ...knobs, n: 30, m: 25 }));
    const theory = olsTheory(plan);
    const trtr = 0.64 + olsExcessReal(0.8, 30, 3);
    const tstr = 0.64 + olsExcessSynthetic(designOf(plan), 1.2, 25);
    expectRisks(theory.exact, trtr, tstr, Math.abs(tstr - trtr));
    expect(theory.reason).toBeNull();
    // The limit: OLS recovers the linear η from either sample.
    expectRisks(theory.limit, 0.64, 0.64, 0);
  });

  it('linear η with a constant or linear response bias β adds β² E_μ h² (1, and b′Sb = 1 − 2·0.7·0.3 + 0.49 for p = 2)', () => {
    const base = { p: 2, correlation: 0.3, n: 40, m: 40, bias: 0.5 };
    const plain = theoryOf({ ...base, bias: 0 }).exact!;
    const constant = theoryOf({ ...base, biasShape: 'constant' }).exact!;
    const linear = theoryOf({ ...base, biasShape: 'linear' }).exact!;
    expect(constant.trtr).toBe(plain.trtr);
    expect(constant.tstr - plain.tstr).toBeCloseTo(0.25, 12);
    expect(linear.tstr - plain.tstr).toBeCloseTo(0.25 * (1 - 2 * 0.7 * 0.3 + 0.49), 12);
  });

  it('quadratic η: the limit is σ² plus misspecifiedLimits, and no finite-sample value is claimed', () => {
    const plan = simulatedPlan(scenario({ eta: 'quadratic', p: 2, correlation: 0.2, shift: 2, scale: 1.3 }));
    const theory = olsTheory(plan);
    const limits = misspecifiedLimits(designOf(plan));
    expect(theory.exact).toBeNull();
    expectRisks(theory.limit, 0.25 + limits.real, 0.25 + limits.synthetic, limits.utility);
    expect(theory.reason).toContain('only the limit');
    // p = 1, s = 2, c = 1: U_inf = s^4/4 + s^2 = 8 (docs/theory.md §6.2).
    expect(theoryOf({ eta: 'quadratic', shift: 2 }).limit!.utility).toBeCloseTo(8, 12);
  });

  it('mixed η: w₂ x′Qx scales U∞ by w₂² (0.09 · 8 at s = 2), and w₂ = 0 is linear, so exact', () => {
    const mixed = { eta: 'mixed', wSine: 0, wStep: 0, shift: 2 } as const;
    expect(theoryOf({ ...mixed, wQuadratic: 0.3 }).limit!.utility).toBeCloseTo(0.72, 12);
    expect(theoryOf({ ...mixed, wQuadratic: 0.3 }).exact).toBeNull();
    expect(theoryOf({ ...mixed, wQuadratic: 0 }).exact).toEqual(theoryOf({ shift: 2 }).exact);
  });
});

describe('olsTheory: where the closed forms do not hold, it says so', () => {
  const cases: [string, Partial<Scenario>][] = [
    ['classification', { task: 'classification' }],
    ['a fitted generator', { generator: 'gaussian' }],
    ['TSTS', { tstrOn: 'synthetic' }],
    ['Student features', { features: 'student' }],
    ['mixture features', { features: 'mixture' }],
    ['truncation', { truncate: 2 }],
    ['a sine η', { eta: 'sine' }],
    ['a step η', { eta: 'step' }],
    ['a mixed η with a sine part', { eta: 'mixed', wSine: 0.5 }],
    ['a quadratic bias on a linear η', { bias: 0.3, biasShape: 'quadratic' }],
    ['a sine bias on a linear η', { bias: 0.3, biasShape: 'sine' }],
    ['any bias on a quadratic η', { eta: 'quadratic', bias: 0.3, biasShape: 'constant' }],
  ];
  for (const [name, overrides] of cases) {
    it(`none for ${name}`, () => {
      const theory = theoryOf(overrides);
      expect(theory.exact).toBeNull();
      expect(theory.limit).toBeNull();
      expect(theory.reason).toMatch(/\w/);
    });
  }

  it('none for a fixed dataset (the toy lab)', () => {
    const toy = planFromScenario({ ...defaultScenario('toy'), models: 'ols' });
    expect(olsTheory(toy)).toEqual({ exact: null, limit: null, reason: expect.stringContaining('dataset') });
  });

  it('a zero bias of any shape changes nothing; n or m ≤ p + 2 leaves the limit only', () => {
    expect(theoryOf({ bias: 0, biasShape: 'sine' })).toEqual(theoryOf({}));
    const small = theoryOf({ p: 2, n: 4, m: 100 });
    expect(small.exact).toBeNull();
    expect(small.limit).not.toBeNull();
    expect(theoryOf({ p: 2, n: 5, m: 5 }).exact).not.toBeNull();
  });

  it('OLS specs: ols and poly:degree=1 only', () => {
    expect(['ols', 'poly:degree=1', 'poly:degree=2', 'ridge:alpha=1', 'knn:k=10'].map(isOlsSpec)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

/** |mean − expected| within 4 standard errors of the Monte Carlo mean. */
function expectWithin(estimate: MeanInterval | null, expected: number): void {
  if (!estimate?.hasInterval) throw new Error('no interval');
  expect(Math.abs(estimate.mean - expected)).toBeLessThanOrEqual(4 * estimate.se);
}

describe('olsTheory against the engine (Monte Carlo, many replicates of a tiny OLS scenario)', () => {
  // Small n and m make the finite-sample terms large (about 0.1 of sigma^2 = 0.25 here) next to the SE.
  const tiny = { p: 2, correlation: 0.3, n: 8, m: 10, nTest: 200, replicates: 1500, seed: 7 };
  const cases: [string, Partial<Scenario>][] = [
    [
      'shifted, rescaled, rotated features, noisier synthetic responses',
      { shift: 1, scale: 1.4, rotation: 30, noiseScale: 1.5 },
    ],
    ['a linear response bias (the §6.8 term)', { shift: 0.5, bias: 0.4, biasShape: 'linear' }],
  ];
  for (const [name, overrides] of cases) {
    it(`E TRTR, E TSTR and U: ${name}`, async () => {
      const plan = simulatedPlan(scenario({ ...tiny, ...overrides }));
      const exact = olsTheory(plan).exact!;
      const { summary } = await runExperiment(plan, { fidelity: false });
      const ols = summary.models[0]!;
      expectWithin(ols.trtr, exact.trtr);
      expectWithin(ols.tstr, exact.tstr);
      expectWithin(ols.gap, exact.tstr - exact.trtr);
      // The finite-sample excess is what is tested, not σ² alone: it is many SEs away from 0.
      expect(exact.tstr - 0.25).toBeGreaterThan(8 * (ols.tstr as { se: number }).se);
    }, 60_000);
  }
});
