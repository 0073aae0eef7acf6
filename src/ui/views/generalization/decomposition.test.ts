import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../engine/metrics/intervals';
import type { PopulationReferences } from '../../../engine/references';
import type { ModelSummary } from '../../../engine/results';
import {
  decompositionExtent,
  decompositionRows,
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
  const models = Object.entries(parts).map(([id, p]) => {
    const [real, resp, syn] = p ?? [NaN, NaN, NaN];
    return {
      id,
      size: 10_000,
      real,
      responseOnly: resp,
      synthetic: syn,
      responsePart: resp - real,
      featurePart: syn - resp,
      error: p ? null : 'singular',
    };
  });
  return { size: 10_000, models, gaps: models.map((a) => models.map((b) => Math.abs(a.real - b.real))) };
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
