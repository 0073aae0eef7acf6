/**
 * Gaussian digit generators per class c: independent pixels x_j ~ N(mu_cj, s_cj^2) (diag-gaussian), or scores z
 * on the real digits' top-k principal directions, N(mu_c, S_c) or a GMM, decoded x = mean + W'z; all clipped.
 */
import {
  drawComponent,
  gaussianComponent,
  moments,
  pickRows,
  ridgeFor,
  type GaussianComponent,
} from '../generators/gaussianCore';
import { fitGmm, GMM_DEFAULTS, type GmmOptions } from '../generators/gmm';
import { matrix, sampleRows } from '../matrix';
import type { RandomStream } from '../rng';
import { clip01, type ClassDrawer } from './digitRows';
import { fitPca, pcaDecode, pcaScores } from './pca';
import { PIXELS, type Sample } from './types';

/**
 * EM for pca-gmm: at most 20 steps, then the tabular mixture generator's stop rule. One step on n_c scores costs
 * ~n_c K k^2 (k = 50: 20 ms for 1,000 digits and K = 5), and on MNIST the log-likelihood per digit gains < 1 %
 * from 20 to 50 steps; the mixture is then near, not at, the EM fixed point, an equally legitimate generator.
 */
export const DIGIT_GMM_OPTIONS: GmmOptions = { ...GMM_DEFAULTS, maxIterations: 20 };
/**
 * The EM sees at most this many digits per class (a uniform subsample beyond; the class Gaussian and the PCA use
 * all): with n = 10,000 it keeps pca-gmm's fit near 1.5 s instead of 4.5 s. 500 digits still hold 9 components of
 * k + 1 = 51 digits for k = 50, more than the K <= 5 a slider usually asks for.
 */
export const GMM_MAX_DIGITS_PER_CLASS = 500;

/** Independent pixels per class: mean and sd (divisor n_c - 1; 0 for a single digit), draws clipped to [0, 1]. */
export function fitDiagGaussian(real: Sample, classRows: readonly Int32Array[]): ClassDrawer {
  const P = PIXELS; // a local: in Node's CommonJS transforms an imported constant is a getter call
  const x = real.x.data;
  const fits = classRows.map((rows) => {
    const mean = new Float64Array(P);
    const sd = new Float64Array(P);
    const n = rows.length;
    for (const r of rows) for (let j = 0; j < P; j++) mean[j]! += x[r * P + j]! / n;
    for (const r of rows) {
      for (let j = 0; j < P; j++) {
        const d = x[r * P + j]! - mean[j]!;
        sd[j]! += d * d;
      }
    }
    for (let j = 0; j < P; j++) sd[j] = n > 1 ? Math.sqrt(sd[j]! / (n - 1)) : 0;
    return { mean, sd };
  });
  return (label, count, rand, out, row) => {
    const { mean, sd } = fits[label]!;
    for (let i = 0; i < count; i++) {
      const at = (row + i) * P;
      for (let j = 0; j < P; j++) out[at + j] = clip01(mean[j]! + sd[j]! * rand.normal());
    }
  };
}

export interface PcaGenerator {
  readonly draw: ClassDrawer;
  /** The PCA dimension used (pcaComponents capped at n - 1 and 784). */
  readonly k: number;
  /** Mixture components kept per class (pca-gmm; 1 for pca-gaussian, 0 for an empty class). */
  readonly componentsKept: readonly number[];
}

/** N(mean, cov + ridge) of the score rows (count x k); a single row gives a point mass (zero covariance). */
function scoreGaussian(scores: Float64Array, k: number, what: string): GaussianComponent {
  const count = scores.length / k;
  const fit = count > 1 ? moments(scores, k) : { mean: scores.slice(0, k), cov: new Float64Array(k * k) };
  return gaussianComponent(fit.mean, fit.cov, k, ridgeFor(fit.cov, k), what);
}

/**
 * PCA with k = min(pcaComponents, n - 1, 784) on all real digits (one basis for all classes, so classes share
 * the directions the whole sample varies along), then per class a full-covariance Gaussian on the class's scores
 * (ridge RIDGE_FACTOR tr(S_c) / k: a class with fewer than k + 1 digits has a singular S_c), or, when `mixture`
 * is given, a GMM with min(mixture, n_c) components fitted by the tabular generator's EM on at most
 * GMM_MAX_DIGITS_PER_CLASS of the class's digits (the EM drops components holding fewer than k + 1 digits).
 * Draws z, decodes mean + W'z and clips to [0, 1].
 */
export function fitPcaGenerator(
  real: Sample,
  classRows: readonly Int32Array[],
  pcaComponents: number,
  rand: RandomStream,
  mixture?: number,
): PcaGenerator {
  const n = real.x.rows;
  const k = Math.max(1, Math.min(pcaComponents, n - 1, PIXELS));
  const pca = fitPca(real.x, k, rand);
  const scores = pcaScores(pca, real.x);
  const scoreSample = { x: scores, y: real.y };
  const models = classRows.map((rows, label) => {
    if (rows.length === 0) return null;
    const classScores = pickRows(scoreSample, rows);
    const what = `${mixture === undefined ? 'pca-gaussian' : 'pca-gmm'}, class ${label}`;
    if (mixture === undefined || rows.length < 2) {
      return { weights: Float64Array.of(1), components: [scoreGaussian(classScores, k, what)] };
    }
    const used = sampleRows(matrix(rows.length, k, classScores), GMM_MAX_DIGITS_PER_CLASS, rand);
    const fit = fitGmm(used.data, k, Math.min(mixture, used.rows), rand, DIGIT_GMM_OPTIONS, what);
    return { weights: fit.weights, components: fit.components };
  });
  const draw: ClassDrawer = (label, count, drawRand, out, row) => {
    const model = models[label]!;
    const z = matrix(count, k);
    for (let i = 0; i < count; i++) {
      drawComponent(model.components[drawRand.categorical(model.weights)]!, drawRand, z.data, i * k);
    }
    const images = pcaDecode(pca, z).data;
    const at = row * pca.p;
    for (let t = 0; t < images.length; t++) out[at + t] = clip01(images[t]!);
  };
  return { draw, k, componentsKept: models.map((m) => m?.components.length ?? 0) };
}
