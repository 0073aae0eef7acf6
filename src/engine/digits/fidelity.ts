/**
 * Image fidelity on the real digits' top-k principal components (an FID without an Inception network): Fréchet
 * |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2) between score Gaussians, and a C2ST AUC on the scores.
 */
import { fitLogistic } from '../learners/logistic';
import { matrix, type Matrix } from '../matrix';
import { polynomialFeatures, standardizeByFirst } from '../metrics/c2st';
import { gaussianFit, gaussianW2Squared } from '../metrics/fidelity';
import { aucMannWhitney } from '../metrics/twoSample';
import type { RandomStream } from '../rng';
import { fitPca, pcaScores } from './pca';
import { PIXELS, type Sample } from './types';

/**
 * PCA dimensions for fidelity: 20 directions hold ~65 % of MNIST's pixel variance (the strokes' layout and
 * thickness), and a 20-dimensional covariance is estimated well from 2,000 digits (FID's 2,048 would not be).
 */
export const FIDELITY_COMPONENTS = 20;
/**
 * The C2ST reads the first 15 of those scores: its quadratic logistic has p + p(p + 1)/2 features, 135 instead of
 * 230, and a Newton step costs n features^2: about 3x less time. Measured on MNIST generators, its AUCs move by
 * about 0.01 (pca-gaussian 0.93 against 0.94 with 20, deform 0.89 against 0.90).
 */
export const C2ST_COMPONENTS = 15;
/**
 * Digits per sample the C2ST uses (a uniform subsample beyond), half to train, half to test: 1,000 + 1,000 keep
 * it near 0.2 s and the AUC's sd near 0.02; 2,000 + 2,000 would double the time for little more power.
 */
export const C2ST_MAX_ROWS = 1000;

export interface DigitFidelity {
  /** PCA dimensions k of the Fréchet distance; the C2ST reads the first min(C2ST_COMPONENTS, k). */
  readonly pcaComponents: number;
  /** Fréchet distance (squared W2) between Gaussians fitted to real and synthetic scores; 0 = same moments. */
  readonly frechet: number;
  /** Held-out AUC of a classifier telling real (0) from synthetic (1) digits by their scores; 0.5 = cannot. */
  readonly c2stAuc: number;
  /** Hanley and McNeil (1982)'s 95 % normal interval for that AUC, clipped to [0, 1]. */
  readonly c2stAucInterval?: [number, number];
}

/** The first `k` columns of m. */
function leadingColumns(m: Matrix, k: number): Matrix {
  if (k === m.cols) return m;
  const out = matrix(m.rows, k);
  for (let i = 0; i < m.rows; i++) out.data.set(m.data.subarray(i * m.cols, i * m.cols + k), i * k);
  return out;
}

/** Rows `rows` of a and then of b, and the labels 0 (a) / 1 (b). */
function stackRows(
  a: Matrix,
  rowsA: Int32Array,
  b: Matrix,
  rowsB: Int32Array,
): { x: Matrix; y: Float64Array } {
  const d = a.cols;
  const x = matrix(rowsA.length + rowsB.length, d);
  rowsA.forEach((r, i) => x.data.set(a.data.subarray(r * d, (r + 1) * d), i * d));
  rowsB.forEach((r, i) => x.data.set(b.data.subarray(r * d, (r + 1) * d), (rowsA.length + i) * d));
  const y = Float64Array.from({ length: x.rows }, (_, i) => (i < rowsA.length ? 0 : 1));
  return { x, y };
}

/**
 * At most `max` rows of an n-row sample in random order (a partial Fisher-Yates with `rand`), cut into a training
 * half and a test half. Random, not alternate rows: a sample in file order can alternate sources (MNIST's
 * training file alternates two writer populations by parity) or classes, and alternate rows would then put
 * one source in training and the other in testing.
 */
function randomHalves(n: number, max: number, rand: RandomStream): [Int32Array, Int32Array] {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const used = Math.min(n, max);
  for (let i = 0; i < used; i++) {
    const j = i + Math.floor(rand.uniform() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.floor(used / 2);
  return [order.slice(0, cut), order.slice(cut, used)];
}

/**
 * C2ST (Lopez-Paz and Oquab 2017) as metrics/c2st.ts computes it, but synchronously (its c2stAuc is async for
 * the tensor learners): L2 logistic regression (C = 1) on all monomials of degree <= 2 of the scores
 * standardized by the real ones, trained on a random half of at most `maxRows` rows of each sample, held-out
 * AUC (Mann-Whitney) of its linear score on the other half; with Hanley and McNeil (1982)'s 95 % interval.
 * Why not QDA, 30x faster: real and pca-gaussian digits have nearly the same score mean and covariance (the
 * generator matches them per class), so two Gaussian fits barely tell them apart (AUC 0.66 on MNIST), while the
 * discriminatively fitted quadratic boundary does (0.94): QDA would only repeat what the Fréchet distance says.
 */
export function c2stQuadratic(
  real: Matrix,
  synthetic: Matrix,
  rand: RandomStream,
  maxRows = C2ST_MAX_ROWS,
): { auc: number; interval: [number, number] } {
  const [a, b] = standardizeByFirst(real, synthetic) as [Matrix, Matrix];
  const [trainA, testA] = randomHalves(a.rows, maxRows, rand);
  const [trainB, testB] = randomHalves(b.rows, maxRows, rand);
  const train = stackRows(a, trainA, b, trainB);
  const test = stackRows(a, testA, b, testB);
  const fit = fitLogistic(polynomialFeatures(train.x, 2), train.y, 1);
  const features = polynomialFeatures(test.x, 2);
  const p = features.cols;
  const scores = new Float64Array(features.rows);
  for (let i = 0; i < features.rows; i++) {
    let z = fit.intercept;
    for (let j = 0; j < p; j++) z += fit.weights[j]! * features.data[i * p + j]!;
    scores[i] = z;
  }
  const auc = aucMannWhitney(scores, test.y);
  const n1 = test.y.reduce((s, v) => s + v, 0);
  const n0 = test.y.length - n1;
  // Hanley and McNeil (1982), eq. 2: Var(AUC) from A and the two sample sizes.
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (n1 - 1) * (q1 - auc * auc) + (n0 - 1) * (q2 - auc * auc)) / (n0 * n1);
  const half95 = 1.959963984540054 * Math.sqrt(Math.max(0, variance));
  return { auc, interval: [Math.max(0, auc - half95), Math.min(1, auc + half95)] };
}

/**
 * Fidelity of synthetic digits to real ones: PCA with k = min(FIDELITY_COMPONENTS, n_real - 1) fitted on the real
 * digits only (so the axes are the real data's), both samples' scores on it; the Fréchet distance between
 * their Gaussian fits (metrics/fidelity's gaussianW2Squared: the square root through an eigendecomposition of
 * the symmetric S2^1/2 S1 S2^1/2, which has the same trace as S1^1/2 S2 S1^1/2); and c2stQuadratic on the first
 * C2ST_COMPONENTS scores of at most C2ST_MAX_ROWS digits per sample (`rand` seeds the PCA, then picks and
 * splits the digits). Each sample needs 4 digits.
 */
export function digitFidelity(real: Sample, synthetic: Sample, rand: RandomStream): DigitFidelity {
  for (const [name, s] of [
    ['real', real],
    ['synthetic', synthetic],
  ] as const) {
    if (s.x.cols !== PIXELS)
      throw new RangeError(`digitFidelity: ${name} rows have ${s.x.cols} pixels, not ${PIXELS}`);
    if (s.x.rows < 4)
      throw new RangeError(`digitFidelity: ${s.x.rows} ${name} digits; at least 4 are needed`);
  }
  const k = Math.min(FIDELITY_COMPONENTS, real.x.rows - 1);
  const pca = fitPca(real.x, k, rand);
  const realScores = pcaScores(pca, real.x);
  const syntheticScores = pcaScores(pca, synthetic.x);
  const frechet = gaussianW2Squared(gaussianFit(realScores), gaussianFit(syntheticScores));
  const c2stColumns = Math.min(C2ST_COMPONENTS, k);
  const c2st = c2stQuadratic(
    leadingColumns(realScores, c2stColumns),
    leadingColumns(syntheticScores, c2stColumns),
    rand,
  );
  return { pcaComponents: k, frechet, c2stAuc: c2st.auc, c2stAucInterval: c2st.interval };
}
