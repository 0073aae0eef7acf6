/**
 * Classifier two-sample test (C2ST, Lopez-Paz and Oquab 2017): how well L2 logistic regression (C = 1) on all
 * monomials of degree <= 2 (or on the features alone: degree 1, for wide tables) tells real records (label 0)
 * from synthetic ones (label 1). 0.5 = indistinguishable. Used by the population report (fidelityReport.ts) and
 * for tables (tableFidelity.ts).
 */
import { matrix, type Matrix } from '../matrix';
import { logistic } from '../learners/logistic';
import { monomials } from '../learners/poly';
import { FitError } from '../learners/types';
import { aucMannWhitney } from './twoSample';

/** x itself (degree 1), or every monomial of degree 1 and 2 of its columns (p + p(p + 1)/2 features). */
export function polynomialFeatures(x: Matrix, degree: 1 | 2): Matrix {
  if (degree === 1) return x;
  const terms = monomials(x.cols, 2);
  const out = matrix(x.rows, terms.length);
  for (let i = 0; i < x.rows; i++) {
    terms.forEach((term, t) => {
      let v = 1;
      for (const j of term) v *= x.data[i * x.cols + j]!;
      out.data[i * terms.length + t] = v;
    });
  }
  return out;
}

/**
 * C2ST AUC of records a (real) against b (synthetic), both already standardized: train on the even rows of both
 * samples, score the odd rows, held-out AUC of P(synthetic) by the Mann–Whitney statistic. Null when the
 * classifier cannot be fitted (FitError, e.g. a single row per sample).
 */
export async function c2stAuc(a: Matrix, b: Matrix, degree: 1 | 2 = 2): Promise<number | null> {
  const split = (m: Matrix, parity: number) => {
    const rows = Array.from({ length: m.rows }, (_, i) => i).filter((i) => i % 2 === parity);
    const out = matrix(rows.length, m.cols);
    rows.forEach((r, k) => out.data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), k * m.cols));
    return out;
  };
  const stack = (x: Matrix, y: Matrix) => {
    const out = matrix(x.rows + y.rows, x.cols);
    out.data.set(x.data);
    out.data.set(y.data, x.data.length);
    return out;
  };
  const labels = (na: number, nb: number) =>
    Float64Array.from({ length: na + nb }, (_, i) => (i < na ? 0 : 1));
  const [trainA, trainB, testA, testB] = [split(a, 0), split(b, 0), split(a, 1), split(b, 1)];
  try {
    const model = logistic(1).fit(
      polynomialFeatures(stack(trainA, trainB), degree),
      labels(trainA.rows, trainB.rows),
    );
    const scores = await model.predictProba!(polynomialFeatures(stack(testA, testB), degree));
    return aucMannWhitney(scores, labels(testA.rows, testB.rows));
  } catch (error) {
    if (error instanceof FitError) return null;
    // aucMannWhitney needs both labels among the held-out rows: one row per sample leaves none to score.
    if (error instanceof RangeError && testA.rows * testB.rows === 0) return null;
    throw error;
  }
}

/**
 * The tables standardized column by column by the first one's mean and sd (divisor n - 1; an sd of 0, or a single
 * row, counts as 1), so every feature weighs the same whatever its units.
 */
export function standardizeByFirst(reference: Matrix, ...others: Matrix[]): Matrix[] {
  const { rows: n, cols: d } = reference;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) mean[j]! += reference.data[i * d + j]! / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (reference.data[i * d + j]! - mean[j]!) ** 2;
    sd[j] = Math.sqrt(ss / Math.max(1, n - 1)) || 1;
  }
  return [reference, ...others].map((m) => {
    if (m.cols !== d) throw new RangeError(`standardizeByFirst: ${m.cols} columns, the reference has ${d}`);
    return matrix(
      m.rows,
      d,
      m.data.map((v, k) => (v - mean[k % d]!) / sd[k % d]!),
    );
  });
}
