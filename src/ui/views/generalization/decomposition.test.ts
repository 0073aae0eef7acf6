import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../engine/metrics/intervals';
import {
  exactReference,
  failedReference,
  monteCarloReference,
  populationReferences,
  referencesOf,
  type PopulationReferences,
} from '../../../engine/references';
import { runExperiment } from '../../../engine/run';
import { exactRisks, exactSetting } from '../../../engine/theory/olsLimits';
import { simulatedPlan } from '../../../scenario/labs/simulated/lab';
import { defaultScenario } from '../../../scenario/schema';
import type { ModelSummary } from '../../../engine/results';
import {
  decompositionExtent,
  decompositionRows,
  estimationInterval,
  linearAxis,
  utilityExtent,
  waterfall,
} from './decomposition';

function model(id: string, trtr: number[], tstr: number[]): ModelSummary {
  const gap = meanInterval(tstr.map((t, i) => t - trtr[i]!));
  const lo = gap.hasInterval
    ? gap.lo <= 0 && gap.hi >= 0
      ? 0
      : Math.min(Math.abs(gap.lo), Math.abs(gap.hi))
    : null;
  const hi = gap.hasInterval ? Math.max(Math.abs(gap.lo), Math.abs(gap.hi)) : null;
  return {
    id,
    label: id.toUpperCase(),
    fitted: trtr.length,
    trtr: meanInterval(trtr),
    tstr: meanInterval(tstr),
    gap,
    utility: { value: Math.abs(gap.mean), lo, hi },
    ratio: null,
    error: null,
  };
}

const unfitted: ModelSummary = {
  id: 'knn:k=10',
  label: 'kNN',
  fitted: 0,
  trtr: null,
  tstr: null,
  gap: null,
  utility: null,
  ratio: null,
  error: 'k > n',
};

function refs(parts: Record<string, [number, number, number] | null>): PopulationReferences {
  const models = Object.entries(parts).map(([id, p]) =>
    p
      ? exactReference(id, { real: p[0], responseOnly: p[1], synthetic: p[2] })
      : failedReference(id, 10_000, 'singular'),
  );
  return referencesOf(models, 10_000);
}

describe('decompositionRows', () => {
  const ols = model('ols', [1, 1.2, 1.1], [1.5, 1.6, 1.7]);

  it('adds up: response + feature = limit, limit + estimation = measured gap', () => {
    const [row] = decompositionRows([ols], refs({ ols: [1, 1.3, 1.2] }), false);
    expect(row!.reference).toMatchObject({ real: 1, synthetic: 1.2 });
    expect(row!.reference!.response).toBeCloseTo(0.3, 12);
    expect(row!.reference!.feature).toBeCloseTo(-0.1, 12);
    expect(row!.reference!.limit).toBeCloseTo(0.2, 12);
    expect(row!.gap!.mean).toBeCloseTo(0.5, 12);
    expect(row!.estimation).toBeCloseTo(0.3, 12);
    expect(row!.reference!.limit + row!.estimation!).toBeCloseTo(row!.gap!.mean, 12);
  });

  it('draws signed parts as a waterfall: each starts where the last ended, a negative one goes left', () => {
    const [row] = decompositionRows([ols], refs({ ols: [1, 1.3, 1.2] }), false);
    const segments = waterfall(row!);
    expect(segments.map((s) => s.part)).toEqual(['response', 'feature', 'estimation']);
    expect(segments[0]!.from).toBe(0);
    expect(segments[1]!.from).toBe(segments[0]!.to);
    expect(segments[1]!.to).toBeLessThan(segments[1]!.from);
    expect(segments[2]!.from).toBe(segments[1]!.to);
    expect(segments[2]!.to).toBeCloseTo(row!.gap!.mean, 12);
  });

  it('has no estimation part without references, with TSTS, or for a model without a population value', () => {
    const [none] = decompositionRows([ols], null, false);
    expect(none!.reference).toBeNull();
    expect(none!.estimation).toBeNull();
    expect(waterfall(none!)).toEqual([]);
    const [tsts] = decompositionRows([ols], refs({ ols: [1, 1.3, 1.2] }), true);
    expect(tsts!.reference).not.toBeNull();
    expect(tsts!.estimation).toBeNull();
    expect(waterfall(tsts!).map((s) => s.part)).toEqual(['response', 'feature']);
    const [failed] = decompositionRows([ols], refs({ ols: null }), false);
    expect(failed!.reference).toBeNull();
    expect(failed!.referenceError).toBe('singular');
  });

  it('keeps unfitted models and single replicates free of NaN', () => {
    const one = model('poly', [2], [2.5]);
    const rows = decompositionRows([one, unfitted], refs({ poly: [1.9, 2, 2.1], 'knn:k=10': null }), false);
    expect(rows[0]!.gap).toEqual({ mean: 0.5, lo: null, hi: null });
    expect(rows[0]!.utility).toEqual({ value: 0.5, lo: null, hi: null });
    expect(rows[1]).toMatchObject({ gap: null, utility: null, reference: null, estimation: null, index: 1 });
    const values = [...decompositionExtent(rows), ...utilityExtent(rows)];
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('gives the estimation part the gap`s interval when the limit is exact, wider when it is Monte Carlo', () => {
    const [exact] = decompositionRows([ols], refs({ ols: [1, 1.3, 1.2] }), false);
    const gap = exact!.gap!;
    expect(exact!.reference!.exact).toBe(true);
    const exactLimit = exact!.reference!.intervals.limit!;
    expect(exactLimit.lo).toBe(exactLimit.hi);
    expect(exactLimit.lo).toBeCloseTo(0.2, 12);
    expect(exact!.estimationInterval!.lo).toBeCloseTo(gap.lo! - 0.2, 12);
    expect(exact!.estimationInterval!.hi).toBeCloseTo(gap.hi! - 0.2, 12);
    // Five fits whose limits are 0.1, 0.2, 0.2, 0.2, 0.3: mean 0.2, sd 0.0707, t_4 half-width 0.0878.
    const fits = [0.1, 0.2, 0.2, 0.2, 0.3].map((l) => ({ real: 1, responseOnly: 1.1, synthetic: 1 + l }));
    const mc = referencesOf([monteCarloReference('ols', fits, 10_000)], 10_000);
    const [row] = decompositionRows([ols], mc, false);
    const limit = row!.reference!.intervals.limit!;
    expect(row!.reference!.exact).toBe(false);
    expect((limit.hi - limit.lo) / 2).toBeCloseTo((2.776445 * Math.sqrt(0.005)) / Math.sqrt(5), 5);
    const half = Math.hypot((gap.hi! - gap.lo!) / 2, (limit.hi - limit.lo) / 2);
    expect(row!.estimationInterval!.hi - row!.estimationInterval!.lo).toBeCloseTo(2 * half, 12);
    expect(half).toBeGreaterThan((gap.hi! - gap.lo!) / 2);
    // No interval for the gap (one replicate): none for the estimation part either.
    expect(estimationInterval({ mean: 1, lo: null, hi: null }, row!.reference!)).toBeNull();
  });

  it('matches references by id, not by position', () => {
    const poly = model('poly', [1, 1], [1, 1]);
    const [row] = decompositionRows([poly], refs({ ols: [5, 5, 5], poly: [1, 2, 3] }), false);
    expect(row!.reference!.real).toBe(1);
  });
});

describe('linearAxis', () => {
  it('covers the values and 0 with round ticks', () => {
    const axis = linearAxis([-0.13, 0.42]);
    expect(axis.lo).toBeLessThanOrEqual(-0.13);
    expect(axis.hi).toBeGreaterThanOrEqual(0.42);
    expect(axis.ticks).toContain(0);
  });

  it('is never degenerate', () => {
    expect(linearAxis([])).toMatchObject({ lo: 0, hi: 1 });
    expect(linearAxis([0, 0])).toMatchObject({ lo: 0, hi: 1 });
    expect(linearAxis([NaN, Infinity])).toMatchObject({ lo: 0, hi: 1 });
  });
});

describe('the decomposition of a real run (engine references -> rows)', () => {
  it('OLS on quadratic η with a linear response bias: exact parts equal the closed forms and add up to the gap', async () => {
    const plan = simulatedPlan({
      ...defaultScenario(),
      eta: 'quadratic',
      p: 2,
      correlation: 0.3,
      shift: 1,
      scale: 1.3,
      rotation: 20,
      bias: 0.4,
      biasShape: 'linear',
      models: 'ols',
      n: 300,
      m: 300,
      nTest: 1000,
      replicates: 4,
    });
    const references = await populationReferences(plan);
    const { summary } = await runExperiment(plan, { fidelity: false });
    const [row] = decompositionRows(summary.models, references, false);
    const setting = exactSetting(plan);
    if (typeof setting === 'string') throw new Error(setting);
    const exact = exactRisks(setting, 'affine');
    expect(row!.reference!.exact).toBe(true);
    expect(row!.reference!.response).toBeCloseTo(exact.responseOnly - exact.real, 12);
    expect(row!.reference!.feature).toBeCloseTo(exact.synthetic - exact.responseOnly, 12);
    expect(row!.reference!.response + row!.reference!.feature + row!.estimation!).toBeCloseTo(
      summary.models[0]!.gap!.mean,
      12,
    );
    // The feature part is far from 0 here, so matching it above is a real check of the shifted design.
    expect(Math.abs(row!.reference!.feature)).toBeGreaterThan(0.1);
  });
});
