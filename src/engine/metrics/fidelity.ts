/**
 * Fidelity between Gaussians N(m1, S1), N(m2, S2) in closed form: KL, Hellinger and W2^2 = |m1 - m2|^2 +
 * tr(S1 + S2 - 2 (S2^1/2 S1 S2^1/2)^1/2); Gaussian fits; the empirical measures live in ./twoSample.
 */
import * as portable from '../portable';
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { matrix, type Matrix } from '../matrix';

export { aucMannWhitney, mmd2Rbf, slicedWasserstein1, wasserstein1D } from './twoSample';
export type { Mmd2Options, Mmd2Result } from './twoSample';

/** A Gaussian N(mean, cov) on R^d: mean has d entries, cov is a symmetric d x d matrix. */
export interface Gaussian {
  readonly mean: ArrayLike<number>;
  readonly cov: Matrix;
}

/**
 * Sample mean and covariance (divisor n - 1, as numpy.cov) of the rows of x (n points x d features).
 * Throws RangeError for fewer than 2 rows, no columns, or a non-finite value.
 */
export function gaussianFit(x: Matrix): { mean: Float64Array; cov: Matrix } {
  const { rows: n, cols: d, data } = x;
  if (n < 2 || d < 1) throw new RangeError(`gaussianFit: need at least 2 rows and 1 column, got ${n} x ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]!;
      if (!Number.isFinite(v)) throw new RangeError(`gaussianFit: entry (${i}, ${j}) is ${v}`);
      mean[j]! += v;
    }
  }
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = data[i * d + j]! - mean[j]!;
    for (let j = 0; j < d; j++) for (let k = j; k < d; k++) cov[j * d + k]! += centred[j]! * centred[k]!;
  }
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      cov[j * d + k]! /= n - 1;
      cov[k * d + j] = cov[j * d + k]!;
    }
  }
  return { mean, cov: matrix(d, d, cov) };
}

/** Checks a Gaussian (finite, matching shapes, symmetric to 1e-9 relative) and returns (S + S') / 2. */
function checked(g: Gaussian, name: string): { mean: Float64Array; cov: MlMatrix; d: number } {
  const d = g.mean.length;
  if (d < 1 || g.cov.rows !== d || g.cov.cols !== d) {
    throw new RangeError(`${name}: covariance must be ${d} x ${d}, got ${g.cov.rows} x ${g.cov.cols}`);
  }
  const mean = Float64Array.from(g.mean);
  if (!mean.every(Number.isFinite) || !g.cov.data.every(Number.isFinite)) {
    throw new RangeError(`${name}: non-finite mean or covariance`);
  }
  const cov = new MlMatrix(d, d);
  let scale = 0;
  for (const v of g.cov.data) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const a = g.cov.data[i * d + j]!;
      const b = g.cov.data[j * d + i]!;
      if (Math.abs(a - b) > 1e-9 * scale) throw new RangeError(`${name}: covariance is not symmetric`);
      cov.set(i, j, (a + b) / 2);
    }
  }
  return { mean, cov, d };
}

function checkDims(a: { d: number }, b: { d: number }, name: string): void {
  if (a.d !== b.d) throw new RangeError(`${name}: dimensions differ (${a.d} vs ${b.d})`);
}

/** Cholesky factor of a positive definite covariance, or RangeError (KL and Hellinger need densities). */
function cholesky(cov: MlMatrix, name: string): CholeskyDecomposition {
  const chol = new CholeskyDecomposition(cov);
  if (!chol.isPositiveDefinite()) throw new RangeError(`${name}: covariance is not positive definite`);
  return chol;
}

function logDet(chol: CholeskyDecomposition): number {
  const l = chol.lowerTriangularMatrix;
  let sum = 0;
  for (let i = 0; i < l.rows; i++) sum += portable.log(l.get(i, i));
  return 2 * sum;
}

/** delta' S^-1 delta through the Cholesky factor of S. */
function mahalanobis2(chol: CholeskyDecomposition, delta: Float64Array): number {
  const solved = chol.solve(MlMatrix.columnVector(Array.from(delta)));
  let sum = 0;
  for (let i = 0; i < delta.length; i++) sum += delta[i]! * solved.get(i, 0);
  return sum;
}

function difference(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v - b[i]!);
}

/**
 * KL(N(m1, S1) || N(m2, S2)) = 1/2 [tr(S2^-1 S1) + (m2 - m1)' S2^-1 (m2 - m1) - d + ln(det S2 / det S1)], in nats.
 * Not symmetric. Both covariances must be positive definite (else RangeError: a singular Gaussian has no
 * density, and KL would be +Infinity or undefined). Rounding below 0 is clamped to 0.
 */
export function gaussianKL(p: Gaussian, q: Gaussian): number {
  const a = checked(p, 'gaussianKL');
  const b = checked(q, 'gaussianKL');
  checkDims(a, b, 'gaussianKL');
  const cholA = cholesky(a.cov, 'gaussianKL');
  const cholB = cholesky(b.cov, 'gaussianKL');
  const trace = cholB.solve(a.cov).trace();
  const maha = mahalanobis2(cholB, difference(b.mean, a.mean));
  return Math.max(0, 0.5 * (trace + maha - a.d + logDet(cholB) - logDet(cholA)));
}

/**
 * Hellinger distance H = sqrt(1 - BC) in [0, 1], with the Bhattacharyya coefficient
 * BC = det(S1)^1/4 det(S2)^1/4 / det(S)^1/2 exp(-1/8 (m1 - m2)' S^-1 (m1 - m2)), S = (S1 + S2) / 2.
 * (Some texts define H^2 = 2 (1 - BC); this one is bounded by 1.) Symmetric. Covariances must be positive
 * definite (else RangeError). Computed in logs with expm1, so nearby Gaussians keep their precision.
 */
export function gaussianHellinger(p: Gaussian, q: Gaussian): number {
  const a = checked(p, 'gaussianHellinger');
  const b = checked(q, 'gaussianHellinger');
  checkDims(a, b, 'gaussianHellinger');
  const cholA = cholesky(a.cov, 'gaussianHellinger');
  const cholB = cholesky(b.cov, 'gaussianHellinger');
  const cholMid = cholesky(MlMatrix.add(a.cov, b.cov).mul(0.5), 'gaussianHellinger');
  const logBC =
    0.25 * logDet(cholA) +
    0.25 * logDet(cholB) -
    0.5 * logDet(cholMid) -
    0.125 * mahalanobis2(cholMid, difference(a.mean, b.mean));
  return Math.sqrt(Math.min(1, Math.max(0, -portable.expm1(Math.min(0, logBC)))));
}

/**
 * Symmetric square root V diag(sqrt(lambda)) V' of a positive semi-definite matrix. Eigenvalues down to
 * -1e-10 x the largest are rounding and are set to 0; more negative ones throw RangeError.
 */
function symmetricSqrt(s: MlMatrix, name: string): MlMatrix {
  const evd = new EigenvalueDecomposition(s, { assumeSymmetric: true });
  const lambda = evd.realEigenvalues;
  const v = evd.eigenvectorMatrix;
  const largest = Math.max(0, ...lambda.map(Math.abs));
  const roots = lambda.map((l) => {
    if (l < -1e-10 * largest) throw new RangeError(`${name}: covariance is not positive semi-definite`);
    return Math.sqrt(Math.max(0, l));
  });
  return v.mmul(MlMatrix.diag(roots)).mmul(v.transpose());
}

/**
 * Squared 2-Wasserstein distance between Gaussians (Dowson and Landau 1982, Olkin and Pukelsheim 1982):
 * W2^2 = |m1 - m2|^2 + tr(S1 + S2 - 2 (S2^1/2 S1 S2^1/2)^1/2). Symmetric; in 1-D it is
 * (m1 - m2)^2 + (s1 - s2)^2. Singular (positive semi-definite) covariances are allowed: a point mass is fine.
 * Rounding: a difference of traces, so the absolute error is about 1e-15 (tr S1 + tr S2), clamped at 0; W2 of
 * nearly equal Gaussians is resolved only to about 3e-8 sqrt(tr S1 + tr S2).
 */
export function gaussianW2Squared(p: Gaussian, q: Gaussian): number {
  const a = checked(p, 'gaussianW2Squared');
  const b = checked(q, 'gaussianW2Squared');
  checkDims(a, b, 'gaussianW2Squared');
  const rootB = symmetricSqrt(b.cov, 'gaussianW2Squared');
  symmetricSqrt(a.cov, 'gaussianW2Squared'); // only checks that S1 is positive semi-definite
  const middle = rootB.mmul(a.cov).mmul(rootB);
  const cross = symmetricSqrt(MlMatrix.add(middle, middle.transpose()).mul(0.5), 'gaussianW2Squared').trace();
  let shift = 0;
  for (let i = 0; i < a.d; i++) shift += (a.mean[i]! - b.mean[i]!) * (a.mean[i]! - b.mean[i]!);
  return Math.max(0, shift + a.cov.trace() + b.cov.trace() - 2 * cross);
}

/** The 2-Wasserstein distance sqrt(gaussianW2Squared(p, q)) (a metric, in the units of the features). */
export function gaussianW2(p: Gaussian, q: Gaussian): number {
  return Math.sqrt(gaussianW2Squared(p, q));
}
