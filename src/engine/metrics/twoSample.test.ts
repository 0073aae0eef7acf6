import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { aucMannWhitney, mmd2Rbf, slicedWasserstein1, wasserstein1D } from './twoSample';

// Reference values: numpy 2 / scipy 1.17.1 (MMD with scipy.spatial.distance.pdist/cdist and np.median,
// stats.wasserstein_distance, stats.mannwhitneyu(...).statistic / (n1 n0)), printed with repr() and pasted.

const rows = (values: number[][]): Matrix =>
  matrix(values.length, values[0]!.length, Float64Array.from(values.flat()));
const X = [
  [0, 0],
  [1, 0.5],
  [-0.5, 1],
  [0.3, -0.7],
  [1.2, 1.1],
];
const Y = [
  [2, 1],
  [1.5, 2.5],
  [2.5, 0.5],
  [3, 2],
];

/** n x d standard normal sample from a seeded stream, shifted by `shift` in every coordinate. */
function normalSample(n: number, d: number, seed: number, shift = 0): Matrix {
  return matrix(
    n,
    d,
    stream(seed, 'two-sample-test')
      .normals(n * d)
      .map((v) => v + shift),
  );
}

describe('mmd2Rbf', () => {
  it('matches a numpy unbiased MMD^2 with the median heuristic (even and odd pair counts)', () => {
    const even = mmd2Rbf(rows(X), rows(Y)); // 9 points, 36 pairs
    expect(even.bandwidth).toBeCloseTo(1.7908840296991166, 14);
    expect(even.mmd2).toBeCloseTo(0.5542948088453263, 14);
    expect([even.usedX, even.usedY]).toEqual([5, 4]);
    const odd = mmd2Rbf(rows(X.slice(0, 4)), rows(Y.slice(0, 3))); // 7 points, 21 pairs
    expect(odd.bandwidth).toBeCloseTo(2.0615528128088303, 14);
    expect(odd.mmd2).toBeCloseTo(0.5317859763134007, 14);
  });

  it('is about 0 for two samples of one distribution, clearly positive for shifted ones', () => {
    const a = normalSample(400, 2, 1);
    const b = normalSample(400, 2, 2);
    const shifted = normalSample(400, 2, 3, 1);
    expect(Math.abs(mmd2Rbf(a, b).mmd2)).toBeLessThan(0.01);
    expect(mmd2Rbf(a, shifted).mmd2).toBeGreaterThan(0.1);
    // The same sample against itself: the U-statistic is slightly negative (diagonal left out), never large.
    expect(Math.abs(mmd2Rbf(a, a).mmd2)).toBeLessThan(0.01);
  });

  it('subsamples deterministically to maxPoints evenly spaced rows', () => {
    const big = normalSample(2500, 1, 4);
    const other = normalSample(300, 1, 5);
    const r = mmd2Rbf(big, other);
    expect([r.usedX, r.usedY]).toEqual([1000, 300]);
    expect(mmd2Rbf(big, other)).toEqual(r);
    const small = mmd2Rbf(big, other, { maxPoints: 50 });
    expect([small.usedX, small.usedY]).toEqual([50, 50]);
    // Rows 0, 50, 100, ... of `big` are the subsample.
    const every50 = matrix(
      50,
      1,
      Float64Array.from({ length: 50 }, (_, i) => big.data[i * 50]!),
    );
    expect(mmd2Rbf(every50, other, { maxPoints: 50 }).mmd2).toBe(small.mmd2);
  });

  it('accepts a fixed bandwidth; handles repeated points without NaN', () => {
    expect(mmd2Rbf(rows(X), rows(Y), { bandwidth: 1.7908840296991166 }).mmd2).toBeCloseTo(
      0.5542948088453263,
      14,
    );
    const same = rows([[1], [1], [1]]);
    expect(mmd2Rbf(same, same)).toEqual({ mmd2: 0, bandwidth: 1, usedX: 3, usedY: 3 });
    // Most pairs at distance 0: the median of the positive distances (here all 5) is used.
    const r = mmd2Rbf(rows([[0], [0], [0], [0]]), rows([[5], [5]]));
    expect(r.bandwidth).toBe(5);
    expect(r.mmd2).toBeGreaterThan(0);
  });

  it('throws on bad input', () => {
    expect(() => mmd2Rbf(rows([[1]]), rows([[1], [2]]))).toThrow(RangeError);
    expect(() => mmd2Rbf(rows(X), rows([[1], [2]]))).toThrow(RangeError);
    expect(() => mmd2Rbf(rows([[1], [Number.NaN]]), rows([[1], [2]]))).toThrow(RangeError);
    expect(() => mmd2Rbf(rows(X), rows(Y), { bandwidth: 0 })).toThrow(RangeError);
    expect(() => mmd2Rbf(rows(X), rows(Y), { maxPoints: 1 })).toThrow(RangeError);
  });
});

describe('wasserstein1D and slicedWasserstein1', () => {
  it('wasserstein1D matches scipy.stats.wasserstein_distance (unequal sizes, ties)', () => {
    expect(wasserstein1D([0, 1, 1, 3, 5.5], [1, 2, 2, 4, -1, 0.5, 7])).toBeCloseTo(0.8857142857142857, 14);
    expect(wasserstein1D([0], [3])).toBe(3);
    expect(() => wasserstein1D([], [1])).toThrow(RangeError);
    expect(() => wasserstein1D([Infinity], [1])).toThrow(RangeError);
  });

  it('property: W1(a, a + c) = |c|, symmetric, zero on equal samples', () => {
    const sample = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -5, max: 5, noNaN: true }), (a, b, c) => {
        expect(
          wasserstein1D(
            a,
            a.map((v) => v + c),
          ),
        ).toBeCloseTo(Math.abs(c), 9);
        expect(wasserstein1D(a, b)).toBeCloseTo(wasserstein1D(b, a), 9);
        expect(wasserstein1D(a, [...a].reverse())).toBe(0);
      }),
    );
  });

  it('in 1-D equals the exact W1; reproducible from the seed', () => {
    const a = normalSample(200, 1, 6);
    const b = normalSample(150, 1, 7, 0.5);
    expect(slicedWasserstein1(a, b, stream(1, 'dirs'), 10)).toBeCloseTo(wasserstein1D(a.data, b.data), 12);
    const a2 = normalSample(200, 3, 8);
    const b2 = normalSample(150, 3, 9);
    expect(slicedWasserstein1(a2, b2, stream(1, 'dirs'))).toBe(slicedWasserstein1(a2, b2, stream(1, 'dirs')));
  });

  it('for a translated copy equals the mean of |theta . v| over the same seeded directions', () => {
    const a = normalSample(100, 2, 10);
    const v = [1, -2];
    const b = matrix(
      100,
      2,
      a.data.map((x, i) => x + v[i % 2]!),
    );
    const rng = stream(3, 'dirs');
    let expected = 0;
    for (let l = 0; l < 20; l++) {
      const t = rng.normals(2);
      expected += Math.abs(t[0]! * v[0]! + t[1]! * v[1]!) / Math.hypot(t[0]!, t[1]!);
    }
    expect(slicedWasserstein1(a, b, stream(3, 'dirs'), 20)).toBeCloseTo(expected / 20, 9);
    // And on average |v| E|theta_1| = sqrt(5) * 2 / pi in 2-D (Monte Carlo over 4000 directions, ~1%).
    expect(slicedWasserstein1(a, b, stream(4, 'dirs'), 4000)).toBeCloseTo((Math.sqrt(5) * 2) / Math.PI, 1);
  });

  it('throws on bad input', () => {
    expect(() => slicedWasserstein1(rows(X), rows([[1]]), stream(1, 'd'))).toThrow(RangeError);
    expect(() => slicedWasserstein1(rows(X), rows(Y), stream(1, 'd'), 0)).toThrow(RangeError);
  });
});

describe('aucMannWhitney', () => {
  it('matches scipy mannwhitneyu U / (n1 n0), ties counted 1/2 (18.5 / 25 by hand)', () => {
    const scores = [0.9, 0.8, 0.8, 0.7, 0.55, 0.55, 0.4, 0.3, 0.3, 0.1];
    const labels = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];
    expect(aucMannWhitney(scores, labels)).toBeCloseTo(0.74, 14);
    expect(aucMannWhitney(Float64Array.from(scores), Int8Array.from(labels))).toBeCloseTo(0.74, 14);
  });

  it('is 1 for perfect separation, 0 reversed, 1/2 when all scores tie', () => {
    expect(aucMannWhitney([3, 4, 1, 2], [1, 1, 0, 0])).toBe(1);
    expect(aucMannWhitney([3, 4, 1, 2], [0, 0, 1, 1])).toBe(0);
    expect(aucMannWhitney([7, 7, 7], [0, 1, 1])).toBe(0.5);
  });

  it('property: equals the pair count, AUC(s, l) + AUC(s, 1 - l) = 1', () => {
    const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 1)), { minLength: 2 });
    fc.assert(
      fc.property(data, (pairs) => {
        const scores = pairs.map(([s]) => s);
        const labels = pairs.map(([, l]) => l);
        fc.pre(labels.includes(0) && labels.includes(1));
        let wins = 0;
        let total = 0;
        for (const [sp, lp] of pairs) {
          for (const [sn, ln] of pairs) {
            if (lp !== 1 || ln !== 0) continue;
            total++;
            wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
          }
        }
        expect(aucMannWhitney(scores, labels)).toBeCloseTo(wins / total, 12);
        expect(
          aucMannWhitney(scores, labels) +
            aucMannWhitney(
              scores,
              labels.map((l) => 1 - l),
            ),
        ).toBeCloseTo(1, 12);
      }),
    );
  });

  it('throws on bad labels, one class only, NaN scores or differing lengths', () => {
    expect(() => aucMannWhitney([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => aucMannWhitney([1, 2], [1, 1])).toThrow(RangeError);
    expect(() => aucMannWhitney([1, Number.NaN], [0, 1])).toThrow(RangeError);
    expect(() => aucMannWhitney([1, 2, 3], [0, 1])).toThrow(RangeError);
  });
});
