import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrix } from '../matrix';
import { stream } from '../rng';
import { fitLeastSquares, predictAffine } from './leastSquares';
import { ols } from './ols';
import { FitError } from './types';

describe('least squares with intercept', () => {
  it('recovers an exact line: y = 1 + 2x', () => {
    const fit = fitLeastSquares(matrix(4, 1, Float64Array.of(0, 1, 2, 3)), Float64Array.of(1, 3, 5, 7));
    expect(fit.weights[0]).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
  });

  it('matches the hand-computed OLS slope Sxy / Sxx on noisy data', () => {
    // x = 0..4, y = 1, 2, 2, 4, 5: mean x 2, mean y 2.8, Sxy = 10, Sxx = 10 -> slope 1, intercept 0.8.
    const fit = fitLeastSquares(matrix(5, 1, Float64Array.of(0, 1, 2, 3, 4)), Float64Array.of(1, 2, 2, 4, 5));
    expect(fit.weights[0]).toBeCloseTo(1, 12);
    expect(fit.intercept).toBeCloseTo(0.8, 12);
  });

  it('penalizes the slope only (ridge): w = Sxy / (Sxx + alpha)', () => {
    const fit = fitLeastSquares(
      matrix(5, 1, Float64Array.of(0, 1, 2, 3, 4)),
      Float64Array.of(1, 2, 2, 4, 5),
      2,
    );
    expect(fit.weights[0]).toBeCloseTo(10 / 12, 12);
    expect(fit.intercept).toBeCloseTo(2.8 - (10 / 12) * 2, 12);
  });

  it('fits two features exactly: y = 3 - x1 + 0.5 x2', () => {
    const x = matrix(5, 2, Float64Array.of(0, 0, 1, 0, 0, 1, 2, 3, -1, 4));
    const y = Float64Array.from({ length: 5 }, (_, i) => 3 - x.data[2 * i]! + 0.5 * x.data[2 * i + 1]!);
    const fit = fitLeastSquares(x, y);
    expect(Array.from(fit.weights)).toEqual([expect.closeTo(-1, 12), expect.closeTo(0.5, 12)]);
    expect(predictAffine(fit, matrix(1, 2, Float64Array.of(10, 10)))[0]).toBeCloseTo(3 - 10 + 5, 10);
  });

  it('fits singular designs by minimum-norm least squares, as scikit-learn, and says so', () => {
    // x2 = 2 x1: every w with w1 + 2 w2 = 1 fits y = x1 exactly; the least-norm one is (1, 2) / 5.
    const collinear = matrix(4, 2, Float64Array.of(1, 2, 2, 4, 3, 6, 4, 8));
    const fit = fitLeastSquares(collinear, Float64Array.of(1, 2, 3, 4));
    expect(Array.from(fit.weights)).toEqual([expect.closeTo(0.2, 12), expect.closeTo(0.4, 12)]);
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(fit.notice).toBe(
      'rank-deficient design (2 features, 4 points, rank 1 after centring): minimum-norm least squares, as scikit-learn',
    );
    expect(fitLeastSquares(matrix(3, 1, Float64Array.of(2, 2, 2)), Float64Array.of(1, 2, 3)).weights[0]).toBe(
      0,
    );
    expect(ols().fit(matrix(1, 1, Float64Array.of(1)), Float64Array.of(1)).notice).toMatch(/rank 0/);
    expect(
      fitLeastSquares(matrix(5, 1, Float64Array.of(0, 1, 2, 3, 4)), Float64Array.of(1, 2, 2, 4, 5)).notice,
    ).toBe(undefined);
  });

  it('property: with a column repeated at any scale, the fit solves the normal equations with least norm', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 3, max: 30 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (p, extra, power, seed) => {
          // n > p + 2 rows, p random columns, then column 1 again times c = 10^power.
          const n = p + 2 + extra;
          const c = 10 ** power;
          const draws = stream(seed, 'min-norm property').normals(n * (p + 1));
          const x = matrix(n, p + 1);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < p; j++) x.data[i * (p + 1) + j] = draws[i * p + j]!;
            x.data[i * (p + 1) + p] = c * x.data[i * (p + 1)]!;
          }
          const y = draws.subarray(n * p);
          const fit = fitLeastSquares(x, y);
          expect(fit.notice).toMatch(`rank ${p} after centring`);
          // Least norm: w has no component along the unit null direction (c, 0, ..., 0, -1) / sqrt(1 + c^2). With
          // standard normal x and y, 1e-10 there is 1e-10 of a prediction at a test row off the row space.
          expect(Math.abs(c * fit.weights[0]! - fit.weights[p]!) / Math.hypot(1, c)).toBeLessThan(1e-10);
          // Least squares: the residual is orthogonal to every column (the normal equations X'(y - f) = 0).
          const residual = predictAffine(fit, x).map((f, i) => y[i]! - f);
          for (let j = 0; j <= p; j++) {
            let dot = 0;
            let size = 0;
            for (let i = 0; i < n; i++) {
              dot += x.data[i * (p + 1) + j]! * residual[i]!;
              size += Math.abs(x.data[i * (p + 1) + j]! * y[i]!);
            }
            expect(Math.abs(dot)).toBeLessThan(1e-10 * size);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('still refuses what cannot be fitted', () => {
    expect(() => fitLeastSquares(matrix(0, 1), new Float64Array(0))).toThrow(FitError);
    expect(() => fitLeastSquares(matrix(2, 1, Float64Array.of(1, 2)), Float64Array.of(1))).toThrow(
      /2 feature rows but 1 responses/,
    );
  });
});
