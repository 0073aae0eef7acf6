import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { choleskyInPlace, choleskySolve } from './cholesky';
import { krr } from './krr';
import { FitError } from './types';

describe('kernel ridge regression (RBF)', () => {
  it('one training point: f(x) = y / (1 + alpha) * exp(-gamma (x - x1)^2)', async () => {
    const predicted = await krr(0.5, 2)
      .fit(column(Float64Array.of(1)), Float64Array.of(3))
      .predict(column(Float64Array.of(1, 0, 2.5)));
    expect(predicted[0]).toBeCloseTo(2, 14);
    expect(predicted[1]).toBeCloseTo(2 * Math.exp(-2), 14);
    expect(predicted[2]).toBeCloseTo(2 * Math.exp(-2 * 2.25), 14);
  });

  it('two points: dual = [[1 + a, k], [k, 1 + a]]^-1 y with k = exp(-gamma d^2), no intercept', async () => {
    const alpha = 0.1;
    const gamma = 0.5;
    const k = Math.exp(-gamma * 4);
    const det = (1 + alpha) ** 2 - k * k;
    const y = [2, 5];
    const dual = [((1 + alpha) * y[0]! - k * y[1]!) / det, ((1 + alpha) * y[1]! - k * y[0]!) / det];
    const predicted = await krr(alpha, gamma)
      .fit(column(Float64Array.of(-1, 1)), Float64Array.from(y))
      .predict(column(Float64Array.of(0, 40)));
    expect(predicted[0]).toBeCloseTo((dual[0]! + dual[1]!) * Math.exp(-gamma), 13);
    expect(predicted[1]).toBeCloseTo(0, 13); // far from the data the prediction decays to 0
  });

  it('matches scikit-learn on three 2-D points', async () => {
    // /usr/bin/python3, scikit-learn 1.2.1: KernelRidge(alpha=0.3, kernel='rbf', gamma=0.7)
    //   .fit([[0, 0], [1, 0], [0, 2]], [1, -1, 3]).predict([[0.5, 0.5], [2, -1]])
    const predicted = await krr(0.3, 0.7)
      .fit(matrix(3, 2, Float64Array.of(0, 0, 1, 0, 0, 2)), Float64Array.of(1, -1, 3))
      .predict(matrix(2, 2, Float64Array.of(0.5, 0.5, 2, -1)));
    expect(predicted[0]).toBeCloseTo(0.315293607818287, 13);
    expect(predicted[1]).toBeCloseTo(-0.275689103457652, 13);
  });

  it('refuses K + alpha I that is not positive definite in float64, with a clear error', () => {
    // alpha = 1e-300 vanishes next to 1: two identical points give the singular all-ones matrix.
    const fit = (): unknown => krr(1e-300, 1).fit(column(Float64Array.of(2, 2)), Float64Array.of(1, 2));
    expect(fit).toThrow(FitError);
    expect(fit).toThrow(/not positive definite/);
  });

  it('refuses non-positive parameters', () => {
    expect(() => krr(0, 1)).toThrow(/alpha/);
    expect(() => krr(1, -1)).toThrow(/gamma/);
    expect(krr(0.5, 0.3).id).toBe('krr:alpha=0.5,gamma=0.3');
  });
});

describe('Cholesky', () => {
  it('solves a 3 x 3 SPD system and rejects an indefinite one', () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, -1, 2] -> b = A x = [2, -1, 5].
    const a = Float64Array.of(4, 2, 0, 2, 5, 1, 0, 1, 3);
    expect(choleskyInPlace(a, 3)).toBe(true);
    const x = choleskySolve(a, 3, Float64Array.of(2, -1, 5));
    expect(Array.from(x)).toEqual([expect.closeTo(1, 14), expect.closeTo(-1, 14), expect.closeTo(2, 14)]);
    expect(choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
  });
});
