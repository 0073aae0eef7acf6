import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { stream } from '../rng';
import { monomials, poly } from './poly';

describe('polynomial regression', () => {
  it('uses every monomial up to the degree, interactions included (as PolynomialFeatures)', () => {
    expect(monomials(1, 3)).toEqual([[0], [0, 0], [0, 0, 0]]);
    expect(monomials(2, 2)).toEqual([[0], [1], [0, 0], [0, 1], [1, 1]]);
    // C(p + d, d) - 1 terms: p = 2, d = 3 -> 9; p = 5, d = 3 -> 55.
    expect(monomials(2, 3)).toHaveLength(9);
    expect(monomials(5, 3)).toHaveLength(55);
  });

  it('recovers a cubic exactly, far from the origin too', async () => {
    const x = Float64Array.from({ length: 12 }, (_, i) => 3 + 0.05 * i);
    const f = (v: number): number => 1 - 2 * v + 0.5 * v * v - 0.25 * v ** 3;
    const model = poly(3).fit(column(x), x.map(f));
    const at = Float64Array.of(0, 2, 3.3, 5);
    const predicted = await model.predict(column(at));
    at.forEach((v, i) => expect(predicted[i]).toBeCloseTo(f(v), 6));
  });

  it('fits an interaction term in two features', async () => {
    const x = matrix(9, 2, stream(11, 'poly-test').normals(18));
    const f = (a: number, b: number): number => 2 + a * b - b * b;
    const y = Float64Array.from({ length: 9 }, (_, i) => f(x.data[2 * i]!, x.data[2 * i + 1]!));
    const predicted = await poly(2)
      .fit(x, y)
      .predict(matrix(1, 2, Float64Array.of(1.5, -2)));
    expect(predicted[0]).toBeCloseTo(f(1.5, -2), 8);
  });

  it('fits fewer points than coefficients by minimum-norm least squares, and says so', async () => {
    const model = poly(3).fit(column(Float64Array.of(1, 2, 3)), Float64Array.of(1, 4, 9));
    expect(model.notice).toBe(
      'poly degree 3: rank-deficient design (3 features, 3 points, rank 2 after centring): minimum-norm least squares, as scikit-learn',
    );
    // It interpolates the training points.
    const fitted = await model.predict(column(Float64Array.of(1, 2, 3)));
    [1, 4, 9].forEach((v, i) => expect(fitted[i]).toBeCloseTo(v, 10));
  });
});
