/**
 * Least squares with an unpenalized intercept: min_w,b ||y - Xw - b||^2 (+ alpha ||w||^2 for ridge), as
 * scikit-learn's LinearRegression / Ridge. Columns are centred and scaled before a Householder QR solve, which
 * keeps polynomial designs well conditioned; coefficients are mapped back to the original units.
 */
import { Matrix as MlMatrix, QrDecomposition } from 'ml-matrix';
import type { Matrix } from '../matrix';
import { FitError } from './types';

export interface AffineFit {
  readonly weights: Float64Array;
  readonly intercept: number;
}

/** Relative size of R's smallest diagonal entry below which the design is called rank-deficient. */
const RANK_TOLERANCE = 1e-11;

export function fitLeastSquares(x: Matrix, y: Float64Array, alpha = 0): AffineFit {
  const { rows: n, cols: q } = x;
  if (y.length !== n) throw new FitError(`least squares: ${n} feature rows but ${y.length} responses`);
  const needed = alpha > 0 ? 1 : q + 1;
  if (n < needed) {
    throw new FitError(`needs at least ${needed} points for ${q} features with an intercept, got ${n}`);
  }
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;

  const mean = new Float64Array(q);
  const scale = new Float64Array(q);
  for (let i = 0; i < n; i++) for (let j = 0; j < q; j++) mean[j]! += x.data[i * q + j]!;
  for (let j = 0; j < q; j++) mean[j]! /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < q; j++)
      scale[j]! += (x.data[i * q + j]! - mean[j]!) * (x.data[i * q + j]! - mean[j]!);
  }
  for (let j = 0; j < q; j++) {
    scale[j] = Math.sqrt(scale[j]! / n);
    if (scale[j]! > 0) continue;
    // A constant column centres to zero. With a penalty its weight is simply 0 (as in scikit-learn's Ridge).
    if (alpha > 0) scale[j] = 1;
    else throw new FitError(`feature ${j + 1} is constant in the training data: singular fit`);
  }

  // Ridge: append sqrt(alpha) * I rows (in original units, so the penalty is alpha ||w||^2 as in scikit-learn).
  const extra = alpha > 0 ? q : 0;
  const design = new MlMatrix(n + extra, q);
  const target = new MlMatrix(n + extra, 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < q; j++) design.set(i, j, (x.data[i * q + j]! - mean[j]!) / scale[j]!);
    target.set(i, 0, y[i]! - yMean);
  }
  for (let j = 0; j < extra; j++) design.set(n + j, j, Math.sqrt(alpha) / scale[j]!);

  const qr = new QrDecomposition(design);
  const r = qr.upperTriangularMatrix;
  let largest = 0;
  for (let j = 0; j < q; j++) largest = Math.max(largest, Math.abs(r.get(j, j)));
  for (let j = 0; j < q; j++) {
    if (Math.abs(r.get(j, j)) <= RANK_TOLERANCE * largest) {
      throw new FitError(`the design matrix is rank-deficient (${q} features, ${n} points): singular fit`);
    }
  }
  const scaled = qr.solve(target);
  const weights = new Float64Array(q);
  let intercept = yMean;
  for (let j = 0; j < q; j++) {
    weights[j] = scaled.get(j, 0) / scale[j]!;
    intercept -= weights[j]! * mean[j]!;
  }
  return { weights, intercept };
}

export function predictAffine(fit: AffineFit, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  const q = x.cols;
  for (let i = 0; i < x.rows; i++) {
    let s = fit.intercept;
    for (let j = 0; j < q; j++) s += fit.weights[j]! * x.data[i * q + j]!;
    out[i] = s;
  }
  return out;
}
