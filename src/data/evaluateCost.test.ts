import { describe, expect, it } from 'vitest';
import { matrix } from '../engine/matrix';
import type { Sample } from '../engine/populations/population';
import { stream } from '../engine/rng';
import { estimateFilesCost, ROW_STEPS, rowsWithin } from './evaluateCost';
import type { FilesSettings } from './evaluate';
import type { Encoded } from './encode';

const table = (rows: number, cols: number, seed: number): Sample => {
  const z = stream(seed, 'cost table').normals(rows * cols);
  return {
    x: matrix(rows, cols, z),
    y: Float64Array.from({ length: rows }, (_, i) => z[i * cols]! + 0.1 * z[(i * cols + 1) % z.length]!),
  };
};

const encodedOf = (rows: number, cols: number, synthetic: number[]): Encoded => ({
  real: table(rows, cols, 1),
  synthetic: synthetic.map((r, i) => table(r, cols, 2 + i)),
  test: null,
  encoding: {
    target: 'y',
    features: Array.from({ length: cols }, (_, j) => `x${j}`),
    columns: [],
    coding: { task: 'regression', classes: null, positiveClass: null, labels: null },
    missing: 'impute',
  },
  reports: [],
  notices: [],
  summary: '',
});

const settings: FilesSettings = {
  task: 'regression',
  models: ['ols', 'knn:k=5'],
  replicates: 10,
  seed: 1,
  testFraction: 0.25,
};

describe("the estimate of an evaluation of the user's files", () => {
  it('sums every dataset and grows with the rows, the replicates and the datasets', () => {
    const one = estimateFilesCost(encodedOf(4_000, 10, [3_000]), settings);
    const two = estimateFilesCost(encodedOf(4_000, 10, [3_000, 3_000]), settings);
    expect(one.parts.map((p) => p.id).sort()).toEqual(['checks', 'draws', 'knn:k=5', 'ols', 'summaries']);
    expect(one.seconds).toBeCloseTo(
      one.parts.reduce((s, p) => s + p.seconds, 0),
      12,
    );
    expect(two.seconds).toBeGreaterThan(1.8 * one.seconds);
    expect(one.sizes).toEqual([{ n: 3_000, m: 3_000, nTest: 1_000 }]);
    const capped = estimateFilesCost(encodedOf(4_000, 10, [3_000]), { ...settings, maxRows: 1_000 });
    expect(capped.sizes).toEqual([{ n: 1_000, m: 1_000, nTest: 1_000 }]);
    expect(capped.seconds).toBeLessThan(one.seconds);
    const more = estimateFilesCost(encodedOf(4_000, 10, [3_000]), { ...settings, replicates: 20 });
    expect(more.seconds).toBeGreaterThan(1.5 * one.seconds);
  });

  it('offers the largest step of rows within a budget, and none when no step is', () => {
    const encoded = encodedOf(60_000, 20, [40_000]);
    const heavy = { ...settings, models: ['ols', 'knn:k=5', 'knn:k=25'] };
    const rows = rowsWithin(encoded, heavy, 30);
    expect(rows).not.toBeNull();
    expect(ROW_STEPS).toContain(rows);
    expect(estimateFilesCost(encoded, { ...heavy, maxRows: rows! }).seconds).toBeLessThanOrEqual(30);
    const next = ROW_STEPS[ROW_STEPS.indexOf(rows as (typeof ROW_STEPS)[number]) - 1];
    if (next !== undefined && next < 60_000)
      expect(estimateFilesCost(encoded, { ...heavy, maxRows: next }).seconds).toBeGreaterThan(30);
    // A budget no number of rows meets (the checks alone cost more): null, not a step that does not fit.
    expect(rowsWithin(encoded, heavy, 1e-6)).toBeNull();
  });
});
