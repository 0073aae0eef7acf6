/**
 * The studies' numbers against closed forms and independent computations (docs/theory.md §9): the self-consuming
 * Gaussian's spread ((m - 1)/m)^g, pooled OLS as OLS on n + m points, the OLS ensemble's estimation part / K,
 * and the selection regret recomputed from scratch with an independent ridge solver.
 */
import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { simulatedPlan } from '../../scenario/labs/simulated/lab';
import { drawReplicate } from '../draw';
import { meanInterval, type MeanInterval } from '../metrics/intervals';
import { runExperiment } from '../run';
import { olsPooledRisk, olsTheory } from '../theory/olsSweep';
import { expectedSpread, selfConsumingDraws } from './collapse';
import { bestIndex } from './summary';
import { trainingRows } from './arms';
import type { StudySummary } from './types';

const plan = (overrides: Partial<Scenario>) => simulatedPlan({ ...defaultScenario(), ...overrides });

function expectWithin(estimate: MeanInterval | null, expected: number, z = 4): void {
  expect(estimate?.se).not.toBeNull();
  expect(Math.abs(estimate!.mean - expected)).toBeLessThanOrEqual(z * estimate!.se!);
}

function studyOf<K extends StudySummary['kind']>(s: StudySummary | undefined, kind: K) {
  expect(s?.kind).toBe(kind);
  return s as Extract<StudySummary, { kind: K }>;
}

describe('self-consuming loop', () => {
  const chains = (overrides: Partial<Scenario>, R: number) => {
    const p = plan({
      study: 'collapse',
      generator: 'gaussian',
      p: 2,
      n: 100,
      m: 20,
      generations: 12,
      ...overrides,
    });
    if (p.study?.kind !== 'collapse' || p.source.kind !== 'population') throw new Error('not a loop');
    const out = [];
    for (let r = 0; r < R; r++)
      out.push(
        selfConsumingDraws(p, p.source, p.study, drawReplicate({ ...p, study: undefined }, r).real, r).chain,
      );
    return out;
  };

  it('a Gaussian refitted by maximum likelihood to m of its own draws keeps E spread_g = ((m - 1)/m)^g', () => {
    const all = chains({}, 400);
    for (const g of [1, 3, 6, 12]) {
      expectWithin(meanInterval(all.map((c) => c.spread[g]!)), expectedSpread(20, g));
    }
    expect(all.every((c) => c.spread[0] === 1 && c.tail[0] === 1)).toBe(true);
  });

  it('fresh real data stop the collapse (Alemohammad et al.): the spread stays near the real one', () => {
    const loop = chains({}, 200);
    const synthetic = meanInterval(loop.map((c) => c.spread[12]!));
    const fresh = meanInterval(chains({ fresh: 0.5 }, 200).map((c) => c.spread[12]!));
    expect(fresh.lo!).toBeGreaterThan(0.85);
    expect(fresh.lo!).toBeGreaterThan(synthetic.hi!);
    // The spread's mean shrinks like ((m - 1)/m)^g, its typical value much faster (a product of g chi-square
    // ratios is skewed): the median loop has lost over half its variance, and its tails with it.
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
    expect(median(loop.map((c) => c.spread[12]!))).toBeLessThan(0.5);
    expect(median(loop.map((c) => c.tail[12]!))).toBeLessThan(0.75);
  });

  it('runs end to end: the summary has one spread per generation, and g = 0 draws as the two-stage mode does', async () => {
    const p = plan({
      study: 'collapse',
      generator: 'gaussian',
      generations: 3,
      replicates: 4,
      models: 'ols;knn:k=5',
    });
    const { summary } = await runExperiment(p, { fidelity: false });
    const study = studyOf(summary.study, 'collapse');
    expect(study.spread).toHaveLength(4);
    expect(summary.models.every((m) => m.utility !== null)).toBe(true);
  });
});

describe('mixing real and synthetic training data', () => {
  it('with synthetic data drawn like the real, pooled OLS has the risk of OLS on n + m points', async () => {
    const p = plan({
      study: 'mix',
      eta: 'linear',
      p: 3,
      n: 20,
      m: 30,
      nTest: 1000,
      replicates: 300,
      models: 'ols',
    });
    const expected = olsPooledRisk(p);
    expect(expected).not.toBeNull();
    const { summary } = await runExperiment(p, { fidelity: false });
    const mix = studyOf(summary.study, 'mix');
    expectWithin(mix.models[0]!.tmtr, expected!);
    // And the real-only fit on n = 20 is worse, by its own closed form.
    expectWithin(summary.models[0]!.trtr, olsTheory(p).exact!.trtr);
    expect(mix.models[0]!.gain!.lo!).toBeGreaterThan(0);
  });

  it('biased synthetic responses make pooling hurt: the gain is negative', async () => {
    const p = plan({
      study: 'mix',
      eta: 'linear',
      p: 2,
      n: 100,
      m: 200,
      bias: 1,
      replicates: 20,
      models: 'ols',
    });
    const { summary } = await runExperiment(p, { fidelity: false });
    expect(studyOf(summary.study, 'mix').models[0]!.gain!.hi!).toBeLessThan(0);
    expect(olsPooledRisk(p)).toBeNull();
  });
});

describe('ensembles of synthetic datasets', () => {
  it('OLS averaged over K independent synthetic fits: the estimation part is 1/K of one member’s', async () => {
    const overrides = {
      eta: 'linear',
      p: 3,
      m: 15,
      nTest: 1000,
      noiseScale: 2,
      shift: 1,
      replicates: 300,
      models: 'ols',
    } as const;
    const p = plan({ study: 'ensemble', members: 4, ...overrides });
    const { summary } = await runExperiment(p, { fidelity: false });
    const one = olsTheory(plan({ study: 'ensemble', members: 1, ...overrides })).exact!;
    const four = olsTheory(p).exact!;
    expect(four.tstr).toBeLessThan(one.tstr);
    expectWithin(summary.models[0]!.tstr, four.tstr);
    const ensemble = studyOf(summary.study, 'ensemble');
    expectWithin(ensemble.models[0]!.member, one.tstr);
    expect(ensemble.models[0]!.benefit!.lo!).toBeGreaterThan(0);
  });

  it('K = 1 is the ordinary run: the same TSTR, and no benefit', async () => {
    const base = { replicates: 3, models: 'ols;knn:k=5' };
    const plain = await runExperiment(plan(base), { fidelity: false });
    const single = await runExperiment(plan({ ...base, study: 'ensemble', members: 1 }), { fidelity: false });
    expect(single.records.map((r) => r.tstr)).toEqual(plain.records.map((r) => r.tstr));
    expect(studyOf(single.summary.study, 'ensemble').models[0]!.benefit!.mean).toBe(0);
  });
});

/** Ridge with an unpenalized intercept, solved on the normal equations (independent of the engine's solver). */
function ridgePredict(x: MlMatrix, y: number[], alpha: number, query: MlMatrix): number[] {
  const p = x.columns;
  const mean = x.mean('column');
  const yMean = y.reduce((a, b) => a + b, 0) / y.length;
  const xc = x.clone().subRowVector(mean);
  const a = xc.transpose().mmul(xc).add(MlMatrix.eye(p).mul(alpha));
  const beta = solve(a, xc.transpose().mmul(MlMatrix.columnVector(y.map((v) => v - yMean))));
  return query
    .clone()
    .subRowVector(mean)
    .mmul(beta)
    .to1DArray()
    .map((v) => v + yMean);
}

describe('choosing a hyperparameter on synthetic data', () => {
  it('the regret matches an independent recomputation from the same samples', async () => {
    const alphas = [0.01, 10, 100, 1000];
    const p = plan({
      study: 'select',
      eta: 'linear',
      p: 3,
      n: 40,
      m: 60,
      noiseScale: 3,
      replicates: 6,
      holdout: 0.25,
      models: alphas.map((a) => `ridge:alpha=${a}`).join(';'),
    });
    const { records, summary } = await runExperiment(p, { fidelity: false });
    const regrets: number[] = [];
    for (const [r, record] of records.entries()) {
      const d = drawReplicate({ ...p, study: undefined }, r);
      const asMl = (s: { x: { rows: number; cols: number; data: Float64Array } }) =>
        new MlMatrix(
          Array.from({ length: s.x.rows }, (_, i) =>
            Array.from(s.x.data.subarray(i * s.x.cols, (i + 1) * s.x.cols)),
          ),
        );
      const mse = (pred: number[], y: Float64Array) =>
        pred.reduce((sum, v, i) => sum + (v - y[i]!) ** 2, 0) / y.length;
      const validate = (s: typeof d.real) => {
        const t = trainingRows(s.y.length, 0.25);
        const x = asMl(s);
        const y = Array.from(s.y);
        return alphas.map((a) =>
          mse(
            ridgePredict(x.subMatrix(0, t - 1, 0, 2), y.slice(0, t), a, x.subMatrix(t, s.y.length - 1, 0, 2)),
            s.y.slice(t),
          ),
        );
      };
      const test = alphas.map((a) =>
        mse(ridgePredict(asMl(d.real), Array.from(d.real.y), a, asMl(d.test)), d.test.y),
      );
      const real = bestIndex(validate(d.real))!;
      const synthetic = bestIndex(validate(d.synthetic))!;
      regrets.push(test[synthetic]! - test[real]!);
      for (const [k, v] of test.entries()) expect(record.trtr[k]).toBeCloseTo(v, 8);
    }
    const study = studyOf(summary.study, 'select');
    expect(study.regret!.mean).toBeCloseTo(regrets.reduce((a, b) => a + b, 0) / regrets.length, 8);
    expect(study.chosenReal.reduce((a, b) => a + b, 0)).toBe(6);
  });
});

describe('self-consuming loop edge cases', () => {
  it('a class that dies out in a classification loop is dropped, and the run goes on', async () => {
    const p = plan({
      study: 'collapse',
      task: 'classification',
      generator: 'gaussian',
      n: 100,
      m: 10,
      generations: 30,
      replicates: 5,
      models: 'logistic',
    });
    const { summary } = await runExperiment(p, { fidelity: false });
    expect(summary.completed).toBe(5);
    expect(studyOf(summary.study, 'collapse').spread).toHaveLength(31);
  });

  it('fresh = 1 is no loop: the tail width, against m fresh real points, stays near 1', () => {
    const p = plan({
      study: 'collapse',
      generator: 'gaussian',
      p: 2,
      n: 200,
      m: 20,
      generations: 1,
      fresh: 1,
    });
    const { study, source } = p;
    if (study?.kind !== 'collapse' || source.kind !== 'population') throw new Error('not a loop');
    const tails = Array.from({ length: 400 }, (_, r) => {
      const real = drawReplicate({ ...p, study: undefined }, r).real;
      return selfConsumingDraws(p, source, study, real, r).chain.tail[1]!;
    });
    const mean = meanInterval(tails);
    expect(mean.lo!).toBeLessThan(1.05);
    expect(mean.hi!).toBeGreaterThan(0.95);
  });
});
