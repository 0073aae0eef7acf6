import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column, matrix, type Matrix } from '../matrix';
import type { Sample } from '../populations/population';
import { stream } from '../rng';
import { GeneratorError } from './oracle';
import { drawSmote, neighborsInPool } from './smote';

/** The k nearest rows to i among `pool` (i excluded) by sorting all distances; ties to the lower index. */
function bruteNeighbors(x: Matrix, pool: number[], i: number, k: number): number[] {
  const p = x.cols;
  const dist = (r: number) => {
    let s = 0;
    for (let j = 0; j < p; j++) s += (x.data[i * p + j]! - x.data[r * p + j]!) ** 2;
    return s;
  };
  return pool
    .filter((r) => r !== i)
    .sort((a, b) => dist(a) - dist(b) || a - b)
    .slice(0, k);
}

/**
 * Whether draw s is x_i + lambda (x_j - x_i), y_i + lambda (y_j - y_i) (regression) or has y_i's label
 * (classification), for some real i, j among i's k nearest (same class for classification) and lambda in [0, 1].
 */
function onSomeSegment(real: Sample, draw: Sample, s: number, k: number, classification: boolean): boolean {
  const { rows: n, cols: p, data } = real.x;
  const point = Array.from(draw.x.data.subarray(s * p, (s + 1) * p));
  const tol = 1e-9;
  for (let i = 0; i < n; i++) {
    const pool = [...Array(n).keys()].filter((r) => !classification || real.y[r] === real.y[i]);
    if (classification && draw.y[s] !== real.y[i]) continue;
    for (const j of bruteNeighbors(real.x, pool, i, Math.min(k, pool.length - 1))) {
      const dx = Array.from({ length: p }, (_, c) => data[j * p + c]! - data[i * p + c]!);
      const dy = real.y[j]! - real.y[i]!;
      // lambda from the largest difference (x, or y for regression); any lambda if the points coincide.
      const diffs = classification ? dx : [...dx, dy];
      const at = diffs.reduce((b, v, c) => (Math.abs(v) > Math.abs(diffs[b]!) ? c : b), 0);
      const values = classification ? point : [...point, draw.y[s]!];
      const starts = classification
        ? data.subarray(i * p, (i + 1) * p)
        : [...data.subarray(i * p, (i + 1) * p), real.y[i]!];
      const lambda = diffs[at] === 0 ? 0 : (values[at]! - starts[at]!) / diffs[at]!;
      if (lambda < -tol || lambda > 1 + tol) continue;
      const scale = 1 + Math.max(...values.map(Math.abs));
      if (diffs.every((v, c) => Math.abs(starts[c]! + lambda * v - values[c]!) <= tol * scale)) return true;
    }
  }
  return false;
}

const sampleArb = fc
  .record({
    n: fc.integer({ min: 2, max: 12 }),
    p: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .chain(({ n, p, k, seed }) =>
    fc.record({
      k: fc.constant(k),
      seed: fc.constant(seed),
      // Coarse grid values, so duplicate points and tied distances do occur.
      x: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: n * p, maxLength: n * p }).map((v) =>
        matrix(
          n,
          p,
          Float64Array.from(v, (a) => a / 2),
        ),
      ),
      y: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    }),
  );

describe('kNN smoothing (SMOTE)', () => {
  it('finds the exact k nearest neighbours within a pool (ties to the lower index)', () => {
    fc.assert(
      fc.property(sampleArb, ({ x, k }) => {
        const pool = [...Array(x.rows).keys()].filter((r) => r % 3 !== 1 || x.rows < 4);
        for (const i of pool) {
          const kk = Math.min(k, pool.length - 1);
          expect(Array.from(neighborsInPool(x, Int32Array.from(pool), i, kk))).toEqual(
            bruteNeighbors(x, pool, i, kk),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('regression: every draw lies on a segment between a real point and one of its k nearest, y interpolated alike', () => {
    fc.assert(
      fc.property(sampleArb, ({ x, y, k, seed }) => {
        const real = { x, y: Float64Array.from(y) };
        const draw = drawSmote(real, 'regression', k, 25, stream(seed, 'smote'));
        for (let s = 0; s < 25; s++) expect(onSomeSegment(real, draw, s, k, false)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('classification: draws keep their class and interpolate only within it', () => {
    fc.assert(
      fc.property(sampleArb, ({ x, labels, k, seed }) => {
        const y = Float64Array.from(labels);
        // Each class needs 2 points: make sure of it.
        if (y.filter((v) => v === 0).length === 1 || y.filter((v) => v === 1).length === 1) y.fill(0);
        const real = { x, y };
        const draw = drawSmote(real, 'classification', k, 25, stream(seed, 'smote'));
        for (let s = 0; s < 25; s++) {
          expect(y.includes(draw.y[s]!)).toBe(true);
          expect(onSomeSegment(real, draw, s, k, true)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps class proportions and stays inside the real range (no extrapolation)', () => {
    const n = 400;
    const rand = stream(1, 'data');
    const x = column(Float64Array.from({ length: n }, () => rand.normal()));
    const y = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const m = 10_000;
    const draw = drawSmote({ x, y }, 'classification', 5, m, stream(2, 'smote'));
    // P(1) = 0.25; binomial SE sqrt(0.1875 / m) = 0.0043, margin 5 SE.
    expect(Math.abs(draw.y.reduce((a, b) => a + b, 0) / m - 0.25)).toBeLessThan(5 * 0.0043);
    expect(Math.min(...draw.x.data)).toBeGreaterThanOrEqual(Math.min(...x.data));
    expect(Math.max(...draw.x.data)).toBeLessThanOrEqual(Math.max(...x.data));
  });

  it('is deterministic from the seed', () => {
    const real = { x: column(Float64Array.of(0, 1, 3, 4, 9)), y: Float64Array.of(1, 2, 0, 5, 3) };
    const a = drawSmote(real, 'regression', 2, 30, stream(5, 's'));
    const b = drawSmote(real, 'regression', 2, 30, stream(5, 's'));
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(drawSmote(real, 'regression', 2, 30, stream(6, 's')).y)).not.toEqual(Array.from(a.y));
  });

  it('caps k at the pool size - 1, and says clearly when a pool is too small', () => {
    const real = { x: column(Float64Array.of(0, 1, 3)), y: Float64Array.of(0, 0, 1) };
    expect(
      drawSmote({ ...real, y: Float64Array.of(1, 2, 3) }, 'regression', 50, 10, stream(1, 's')).y,
    ).toHaveLength(10);
    expect(() => drawSmote(real, 'classification', 1, 10, stream(1, 's'))).toThrow(GeneratorError);
    expect(() => drawSmote(real, 'classification', 1, 10, stream(1, 's'))).toThrow(
      /class 1 has 1 real point/,
    );
    const one = { x: column(Float64Array.of(0)), y: Float64Array.of(0) };
    expect(() => drawSmote(one, 'regression', 1, 10, stream(1, 's'))).toThrow(
      /at least 2 real points, got 1/,
    );
    expect(() => drawSmote(real, 'regression', 0, 10, stream(1, 's'))).toThrow(/whole number/);
  });
});
