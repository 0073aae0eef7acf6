/**
 * The exact references (olsLimits.ts, docs/theory.md §6.3) against a large Monte Carlo that shares none of their
 * algebra: the engine's own samplers draw the real and synthetic populations, least squares is fitted on E[Y | x]
 * (noise-free, so only the feature draws vary), and E(f - eta)^2 is averaged on a fresh real sample. Tolerance:
 * 4 standard errors of that average plus the bias of a fitted projection, about (k + 1) E[r^2] / N for k
 * fitted coefficients and residual r.
 */
import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { drawOracle } from '../generators/oracle';
import { parseModelSpec } from '../learners/spec';
import type { Matrix } from '../matrix';
import { conditionalMean, drawReal } from '../populations/population';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { simulatedPlan } from '../../scenario/labs/simulated/lab';
import { affineProjection, exactClassOf, exactRisks, exactSetting, meanSquare } from './olsLimits';
import { designOf, misspecifiedLimits } from './olsGaussian';

const N = 60_000;

function planOf(s: Partial<Scenario>) {
  return simulatedPlan({ ...defaultScenario(), sigma: 0.5, ...s });
}

function monteCarlo(s: Partial<Scenario>, model: 'ols' | 'poly:degree=2') {
  const plan = planOf(s);
  const { population, synthetic } = plan.source;
  const targets = (x: Matrix, perturbed: boolean) => {
    const y = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      const row = x.data.subarray(i * x.cols, (i + 1) * x.cols);
      y[i] = perturbed ? conditionalMean(population, row, synthetic) : conditionalMean(population, row);
    }
    return y;
  };
  const real = drawReal(population, N, 11, 'mc/real').x;
  const synth = drawOracle(population, synthetic, N, 11, 'mc/synthetic').x;
  const test = drawReal(population, N, 11, 'mc/test').x;
  const eta = targets(test, false);
  const excess = async (x: Matrix, y: Float64Array) => {
    const f = await parseModelSpec(model).fit(x, y).predict(test);
    const loss = Array.from(f, (v, i) => (v - eta[i]!) ** 2);
    const mean = loss.reduce((a, b) => a + b, 0) / N;
    const sd = Math.sqrt(loss.reduce((a, v) => a + (v - mean) ** 2, 0) / (N - 1));
    return { mean, se: sd / Math.sqrt(N) };
  };
  return {
    plan,
    real: excess(real, targets(real, false)),
    responseOnly: excess(real, targets(real, true)),
    synthetic: excess(synth, targets(synth, true)),
  };
}

const SETTINGS: [string, Partial<Scenario>][] = [
  [
    'quadratic η, quadratic bias, p = 3, correlated, shifted, scaled, rotated',
    {
      eta: 'quadratic',
      p: 3,
      correlation: 0.3,
      shift: 1,
      scale: 1.4,
      rotation: 30,
      bias: 0.4,
      biasShape: 'quadratic',
    },
  ],
  [
    'linear η, linear bias, p = 2, strong shift, narrow synthetic features',
    { eta: 'linear', p: 2, correlation: -0.4, shift: 2, scale: 0.7, bias: -0.5, biasShape: 'linear' },
  ],
  [
    'quadratic η, constant bias, p = 1',
    { eta: 'quadratic', p: 1, shift: -1.5, scale: 1.2, bias: 0.3, biasShape: 'constant' },
  ],
  [
    'mixed η without sine and step, no bias, p = 2',
    { eta: 'mixed', wLinear: 0.5, wQuadratic: 2, wSine: 0, wStep: 0, p: 2, correlation: 0.5, shift: 1.5 },
  ],
];

describe('exact population references vs a large Monte Carlo of the engine`s populations', () => {
  for (const [name, s] of SETTINGS) {
    for (const model of ['ols', 'poly:degree=2'] as const) {
      it(`${model}: ${name}`, async () => {
        const mc = monteCarlo(s, model);
        const setting = exactSetting(mc.plan);
        if (typeof setting === 'string') throw new Error(setting);
        const exact = exactRisks(setting, exactClassOf(model)!);
        const k = model === 'ols' ? s.p! + 1 : ((s.p! + 1) * (s.p! + 2)) / 2;
        for (const key of ['real', 'responseOnly', 'synthetic'] as const) {
          const { mean, se } = await mc[key];
          const expected = exact[key] - 0.25;
          expect(Math.abs(mean - expected), key).toBeLessThanOrEqual(4 * se + (4 * k * (mean + 0.01)) / N);
        }
      });
    }
  }

  it('the same Monte Carlo rejects a wrong closed form (the affine slope b + Qm instead of b + 2Qm)', async () => {
    const s = SETTINGS[0]![1];
    const mc = monteCarlo(s, 'ols');
    const setting = exactSetting(mc.plan);
    if (typeof setting === 'string') throw new Error(setting);
    const wrong = affineProjection(
      { ...setting.etaTilde, Q: setting.etaTilde.Q.clone().mul(0.5) },
      setting.shift,
      setting.St,
    );
    const fbar = { ...wrong, a: affineProjection(setting.etaTilde, setting.shift, setting.St).a };
    const h = {
      a: fbar.a - setting.eta.a,
      b: fbar.b.clone().sub(setting.eta.b),
      Q: setting.eta.Q.clone().neg(),
    };
    const { mean, se } = await mc.synthetic;
    expect(Math.abs(mean - meanSquare(h, setting.S))).toBeGreaterThan(10 * se);
  });
});

describe('exact references: special cases and eligibility', () => {
  it('agree with §6.2`s misspecified limit (exact responses)', () => {
    const plan = planOf({ eta: 'quadratic', p: 3, correlation: 0.2, shift: 1.5, scale: 0.8, rotation: 45 });
    const setting = exactSetting(plan);
    if (typeof setting === 'string') throw new Error(setting);
    const risks = exactRisks(setting, 'affine');
    const limits = misspecifiedLimits(designOf(plan));
    expect(risks.real - 0.25).toBeCloseTo(limits.real, 12);
    expect(risks.synthetic - risks.real).toBeCloseTo(limits.utility, 12);
    expect(risks.responseOnly).toBeCloseTo(risks.real, 12);
  });

  it('claim 3`s preset by hand (p = 1, bias 0.3 t): OLS excess 0.59, response part 0.09; quadratic 0.09', () => {
    const setting = exactSetting(planOf({ eta: 'quadratic', p: 1, bias: 0.3, biasShape: 'linear' }));
    if (typeof setting === 'string') throw new Error(setting);
    const ols = exactRisks(setting, 'affine');
    expect(ols.responseOnly - 0.25).toBeCloseTo(0.59, 12);
    expect(ols.responseOnly - ols.real).toBeCloseTo(0.09, 12);
    const quadratic = exactRisks(setting, 'quadratic');
    expect(quadratic.real).toBe(0.25);
    expect(quadratic.synthetic - quadratic.real).toBeCloseTo(0.09, 12);
  });

  it('E h² under N(0, S) by hand: h = 1 + 2x + x² with S = 4 is (1 + 4)² + 16 + 2·16 = 73', () => {
    const one = (v: number) => new MlMatrix([[v]]);
    expect(meanSquare({ a: 1, b: one(2), Q: one(1) }, one(4))).toBeCloseTo(73, 12);
  });

  it('refuses what has no closed form', () => {
    expect(exactSetting(planOf({ eta: 'sine' }))).toMatch(/sine/);
    expect(exactSetting(planOf({ eta: 'linear', bias: 0.3, biasShape: 'step' }))).toMatch(/step/);
    expect(exactSetting(planOf({ eta: 'linear', features: 'uniform' }))).toMatch(/Gaussian/);
    expect(exactSetting(planOf({ eta: 'linear', truncate: 2 }))).toMatch(/truncated/);
    expect(exactSetting(planOf({ eta: 'linear', task: 'classification' }))).toMatch(/squared loss/);
    // A sine bias of size 0 changes nothing: still exact.
    expect(typeof exactSetting(planOf({ eta: 'linear', bias: 0, biasShape: 'sine' }))).toBe('object');
    expect(exactClassOf('ridge:alpha=1')).toBeNull();
    expect(exactClassOf('knn:k=10')).toBeNull();
    expect(exactClassOf('poly:degree=1')).toBe('affine');
    expect(exactClassOf('poly:degree=3')).toBe('quadratic');
  });
});
