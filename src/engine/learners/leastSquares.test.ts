import { describe, expect, it } from 'vitest';
import { matrix } from '../matrix';
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

  it('refuses singular designs with a clear error', () => {
    expect(() => fitLeastSquares(matrix(3, 1, Float64Array.of(2, 2, 2)), Float64Array.of(1, 2, 3))).toThrow(
      /constant/,
    );
    const collinear = matrix(4, 2, Float64Array.of(1, 2, 2, 4, 3, 6, 4, 8));
    expect(() => fitLeastSquares(collinear, Float64Array.of(1, 2, 3, 4))).toThrow(FitError);
    expect(() => ols().fit(matrix(1, 1, Float64Array.of(1)), Float64Array.of(1))).toThrow(
      /at least 2 points/,
    );
  });
});
