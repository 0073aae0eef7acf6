/**
 * Polynomial regression: all monomials of the features up to `degree` (interactions included, as scikit-learn's
 * PolynomialFeatures(include_bias=False)), then OLS with intercept. Features are standardized before the monomials
 * are formed: the span of polynomials of degree <= d is invariant under affine maps, so the fitted function is the
 * same, and the solve is far better conditioned. A rank-deficient design (a binary feature squared, more monomials
 * than points) gets scikit-learn's answer: the least-squares solution whose coefficients on the raw monomials have
 * the least norm (rawToStandardized gives leastSquares.ts that change of coordinates).
 */
import { matrix, type Matrix } from '../matrix';
import { fitLeastSquares, predictAffine } from './leastSquares';
import type { SparseMap } from './minimumNorm';
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

/**
 * T with w = T v, v the coefficients on the raw monomials prod_j x_j and w those on the standardized ones prod_j z_j
 * (x_j = c_j + s_j z_j): expanding each raw monomial, v_t m_t(x) = v_t (sum_t' A_tt' m_t'(z) + const), so T = A'.
 * A is lower triangular in graded order (a monomial expands into itself and lower-degree ones), so T is invertible.
 */
export function rawToStandardized(terms: number[][], center: Float64Array, spread: Float64Array): SparseMap {
  const index = new Map(terms.map((term, t) => [term.join(','), t]));
  const entries: [number, number, number][] = [];
  terms.forEach((term, t) => {
    const sums = new Map<number, number>();
    // Each factor x_j contributes either c_j or s_j z_j: every subset of the factors, as a bit mask.
    for (let mask = 1; mask < 1 << term.length; mask++) {
      let coefficient = 1;
      const picked: number[] = [];
      term.forEach((j, position) => {
        if (mask & (1 << position)) {
          coefficient *= spread[j]!;
          picked.push(j);
        } else coefficient *= center[j]!;
      });
      const to = index.get(picked.join(','))!;
      sums.set(to, (sums.get(to) ?? 0) + coefficient);
    }
    for (const [to, value] of sums) if (value !== 0) entries.push([to, t, value]);
  });
  return entries;
}

export function poly(degree: number): Learner {
  if (!Number.isInteger(degree) || degree < 1) throw new FitError(`poly: degree must be a whole number >= 1`);
  return {
    id: `poly:degree=${degree}`,
    label: degree === 3 ? 'Cubic' : `Poly deg ${degree}`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      const terms = monomials(x.cols, degree);
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
      const fit = fitLeastSquares(expand(x, center, spread, terms), y, 0, {
        coefficientMap: () => rawToStandardized(terms, center, spread),
      });
      const predict = async (test: Matrix) => predictAffine(fit, expand(test, center, spread, terms));
      return fit.notice === undefined
        ? { predict }
        : { predict, notice: `poly degree ${degree}: ${fit.notice}` };
    },
  };
}
