/**
 * Least squares with an unpenalized intercept: min_w,b ||y - Xw - b||^2 (+ alpha ||w||^2 for ridge), as
 * scikit-learn's LinearRegression / Ridge. Columns are centred and scaled before a Householder QR solve, which
 * keeps polynomial designs well conditioned; coefficients are mapped back to the original units. A rank-deficient
 * design without a penalty (a duplicated or constant column, one-hot columns beside the intercept, more features
 * than points) gets the minimum-norm solution, as scikit-learn's (minimumNorm.ts), and a notice saying so.
 */
import { Matrix as MlMatrix, QrDecomposition } from 'ml-matrix';
import type { Matrix } from '../matrix';
import { minimumNormSolve, RANK_TOLERANCE, type SparseMap } from './minimumNorm';
import { FitError } from './types';

export interface AffineFit {
  readonly weights: Float64Array;
  readonly intercept: number;
  /** Set when the design was rank-deficient and the minimum-norm solution was taken. */
  readonly notice?: string;
}

export interface LeastSquaresOptions {
  /**
   * Rank-deficient designs: the minimum-norm solution minimizes ||v|| over the solutions w = T v, T this q x q
   * invertible matrix (default: the identity, i.e. ||w||, scikit-learn's LinearRegression on these columns).
   * Built only when needed.
   */
  readonly coefficientMap?: () => SparseMap;
}

export function fitLeastSquares(
  x: Matrix,
  y: Float64Array,
  alpha = 0,
  options: LeastSquaresOptions = {},
): AffineFit {
  const { rows: n, cols: q } = x;
  if (y.length !== n) throw new FitError(`least squares: ${n} feature rows but ${y.length} responses`);
  if (n < 1) throw new FitError('least squares: needs at least 1 training point');
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
  // Without a penalty, fewer points than coefficients or a constant column make the design rank-deficient.
  let deficient = alpha === 0 && n < q + 1;
  for (let j = 0; j < q; j++) {
    scale[j] = Math.sqrt(scale[j]! / n);
    if (scale[j]! > 0) continue;
    // A constant column centres to zero: its weight is 0 (with a penalty, or as the minimum-norm solution).
    scale[j] = 1;
    if (alpha === 0) deficient = true;
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

  let scaled: MlMatrix | undefined;
  if (!deficient) {
    const qr = new QrDecomposition(design);
    const r = qr.upperTriangularMatrix;
    let largest = 0;
    for (let j = 0; j < q; j++) largest = Math.max(largest, Math.abs(r.get(j, j)));
    for (let j = 0; j < q; j++) if (Math.abs(r.get(j, j)) <= RANK_TOLERANCE * largest) deficient = true;
    if (!deficient) scaled = qr.solve(target);
  }
  if (deficient && alpha > 0) {
    throw new FitError(`the design matrix is rank-deficient (${q} features, ${n} points): singular fit`);
  }
  const weights = new Float64Array(q);
  let intercept = yMean;
  let notice: string | undefined;
  if (scaled) {
    for (let j = 0; j < q; j++) weights[j] = scaled.get(j, 0) / scale[j]!;
  } else {
    const centred = Float64Array.from(target.getColumn(0));
    const solution = minimumNormSolve(design, centred, scale, options.coefficientMap?.());
    weights.set(solution.weights);
    notice =
      `rank-deficient design (${q} features, ${n} points, rank ${solution.rank} after centring): ` +
      'minimum-norm least squares, as scikit-learn';
  }
  for (let j = 0; j < q; j++) intercept -= weights[j]! * mean[j]!;
  return notice === undefined ? { weights, intercept } : { weights, intercept, notice };
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
