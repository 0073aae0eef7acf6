/**
 * Fidelity of a synthetic sample to a real one, to set beside utility: on the joint records (x, y), standardized
 * by the real sample: Gaussian-fit KL and 2-Wasserstein, MMD^2 (RBF, median heuristic), sliced W1, and a
 * classifier two-sample test (C2ST AUC, 0.5 = indistinguishable); plus ||eta~ - eta|| in L2(mu) on real features.
 */
import { matrix, type Matrix } from './matrix';
import { gaussianFit, gaussianKL, gaussianW2 } from './metrics/fidelity';
import { c2stAuc } from './metrics/c2st';
import { mmd2Rbf, slicedWasserstein1 } from './metrics/twoSample';
import { drawFeatures } from './populations/features';
import { conditionalMean, NO_PERTURBATION, type Sample } from './populations/population';
import { stream } from './rng';
import type { ExperimentPlan } from './plan';

export interface FidelityReport {
  /** KL(N_real || N_synthetic) between Gaussian fits; null when a fit is singular. */
  readonly gaussianKL: number | null;
  readonly gaussianW2: number | null;
  /** Null for digits (784 pixels: the Fréchet distance and the C2ST on PCA scores stand in). */
  readonly mmd2: number | null;
  readonly slicedW1: number | null;
  /** Held-out AUC of a quadratic logistic classifier telling real (0) from synthetic (1) records. */
  readonly c2stAuc: number | null;
  /** sqrt(E_mu (E~[Y|X] - E[Y|X])^2) on real features: how wrong the synthetic responses are (oracle mode only). */
  readonly responseError: number | null;
  /**
   * Digits only: the Fréchet distance between Gaussians fitted to the real and synthetic digits' scores on the
   * real digits' first principal components (an FID without an Inception network); c2stAuc is then on those scores.
   */
  readonly frechetPca?: number;
  readonly pcaComponents?: number;
}

/** (x, y) rows, each column standardized by the real sample's mean and sd. */
function standardizedRecords(real: Sample, other: Sample): [Matrix, Matrix] {
  const p = real.x.cols;
  const q = p + 1;
  const join = (s: Sample) => {
    const out = matrix(s.x.rows, q);
    for (let i = 0; i < s.x.rows; i++) {
      out.data.set(s.x.data.subarray(i * p, (i + 1) * p), i * q);
      out.data[i * q + p] = s.y[i]!;
    }
    return out;
  };
  const [a, b] = [join(real), join(other)];
  for (let j = 0; j < q; j++) {
    let mean = 0;
    for (let i = 0; i < a.rows; i++) mean += a.data[i * q + j]! / a.rows;
    let ss = 0;
    for (let i = 0; i < a.rows; i++) ss += (a.data[i * q + j]! - mean) * (a.data[i * q + j]! - mean);
    const sd = Math.sqrt(ss / Math.max(1, a.rows - 1)) || 1;
    for (const m of [a, b])
      for (let i = 0; i < m.rows; i++) m.data[i * q + j] = (m.data[i * q + j]! - mean) / sd;
  }
  return [a, b];
}

/**
 * sqrt(E_mu (E~[Y | X] - E[Y | X])^2) over 5,000 real feature draws: oracle mode only (a fitted generator or a
 * dataset has no closed-form E~[Y | x]).
 */
function responseError(plan: ExperimentPlan): number | null {
  const { source } = plan;
  if (source.kind !== 'population' || source.fitted) return null;
  const x = drawFeatures(source.population.features, 5000, stream(plan.seed, 'fidelity/response-error'));
  let sq = 0;
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * x.cols, (i + 1) * x.cols);
    sq +=
      (conditionalMean(source.population, row, source.synthetic) -
        conditionalMean(source.population, row, NO_PERTURBATION)) **
      2;
  }
  return Math.sqrt(sq / x.rows);
}

export async function fidelityReport(
  plan: ExperimentPlan,
  real: Sample,
  synthetic: Sample,
): Promise<FidelityReport> {
  if (plan.source.kind === 'digits') {
    const { digitFidelity } = await import('./digits/fidelity');
    const images = digitFidelity(real, synthetic, stream(plan.seed, 'fidelity/digits'));
    return {
      gaussianKL: null,
      gaussianW2: null,
      mmd2: null,
      slicedW1: null,
      c2stAuc: images.c2stAuc,
      responseError: null,
      frechetPca: images.frechet,
      pcaComponents: images.pcaComponents,
    };
  }
  const [a, b] = standardizedRecords(real, synthetic);
  let gaussianKLValue: number | null = null;
  let gaussianW2Value: number | null = null;
  try {
    const [fa, fb] = [gaussianFit(a), gaussianFit(b)];
    gaussianW2Value = gaussianW2(fa, fb);
    gaussianKLValue = gaussianKL(fa, fb);
  } catch {
    // A singular fit (e.g. noise-free responses) has no density: KL stays null, W2 may still be known.
  }
  return {
    gaussianKL: gaussianKLValue,
    gaussianW2: gaussianW2Value,
    mmd2: mmd2Rbf(a, b).mmd2,
    slicedW1: slicedWasserstein1(a, b, stream(plan.seed, 'fidelity/sliced')),
    c2stAuc: await c2stAuc(a, b),
    responseError: responseError(plan),
  };
}
