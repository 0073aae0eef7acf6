/**
 * Polynomial regression: all monomials of the features up to `degree` (interactions included, as scikit-learn's
 * PolynomialFeatures(include_bias=False)), then OLS with intercept. Features are standardized before the monomials
 * are formed: the span of polynomials of degree <= d is invariant under affine maps, so the fitted function is the
 * same, and the solve is far better conditioned.
 */
import { matrix, type Matrix } from '../matrix';
import { fitLeastSquares, predictAffine } from './leastSquares';
import { FitError, type FittedModel, type Learner } from './types';

/** Exponent lists of every monomial of degree 1..degree in p variables, in graded order. */
export function monomials(p: number, degree: number): number[][] {
  const out: number[][] = [];
  const extend = (start: number, remaining: number, picked: number[]): void => {
    if (picked.length > 0) out.push(picked.slice());
    if (remaining === 0) return;
    for (let j = start; j < p; j++) {
      picked.push(j);
      extend(j, remaining - 1, picked);
      picked.pop();
    }
  };
  extend(0, degree, []);
  return out.sort((a, b) => a.length - b.length);
}

function expand(x: Matrix, center: Float64Array, spread: Float64Array, terms: number[][]): Matrix {
  const out = matrix(x.rows, terms.length);
  const z = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.cols; j++) z[j] = (x.data[i * x.cols + j]! - center[j]!) / spread[j]!;
    terms.forEach((term, t) => {
      let v = 1;
      for (const j of term) v *= z[j]!;
      out.data[i * terms.length + t] = v;
    });
  }
  return out;
}

export function poly(degree: number): Learner {
  if (!Number.isInteger(degree) || degree < 1) throw new FitError(`poly: degree must be a whole number >= 1`);
  return {
    id: `poly:degree=${degree}`,
    label: degree === 3 ? 'Cubic' : `Poly deg ${degree}`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      const terms = monomials(x.cols, degree);
      if (x.rows < terms.length + 1) {
        throw new FitError(
          `poly degree ${degree} has ${terms.length + 1} coefficients but only ${x.rows} training points`,
        );
      }
      const center = new Float64Array(x.cols);
      const spread = new Float64Array(x.cols);
      for (let j = 0; j < x.cols; j++) {
        let s = 0;
        for (let i = 0; i < x.rows; i++) s += x.data[i * x.cols + j]!;
        center[j] = s / x.rows;
        let v = 0;
        for (let i = 0; i < x.rows; i++)
          v += (x.data[i * x.cols + j]! - center[j]!) * (x.data[i * x.cols + j]! - center[j]!);
        spread[j] = Math.sqrt(v / x.rows) || 1;
      }
      const fit = fitLeastSquares(expand(x, center, spread, terms), y);
      return { predict: async (test) => predictAffine(fit, expand(test, center, spread, terms)) };
    },
  };
}
