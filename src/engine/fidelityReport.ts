/**
 * Fidelity of a synthetic sample to a real one, to set beside utility: on the joint records (x, y), standardized
 * by the real sample: Gaussian-fit KL and 2-Wasserstein, MMD^2 (RBF, median heuristic), sliced W1, and a
 * classifier two-sample test (C2ST AUC, 0.5 = indistinguishable); plus ||eta~ - eta|| in L2(mu) on real features.
 */
import { matrix, type Matrix } from './matrix';
import { gaussianFit, gaussianKL, gaussianW2 } from './metrics/fidelity';
import { aucMannWhitney, mmd2Rbf, slicedWasserstein1 } from './metrics/twoSample';
import { logistic } from './learners/logistic';
import { monomials } from './learners/poly';
import { FitError } from './learners/types';
import { drawFeatures } from './populations/features';
import { conditionalMean, NO_PERTURBATION, type Sample } from './populations/population';
import { stream } from './rng';
import type { ExperimentPlan } from './plan';

export interface FidelityReport {
  /** KL(N_real || N_synthetic) between Gaussian fits; null when a fit is singular. */
  readonly gaussianKL: number | null;
  readonly gaussianW2: number | null;
  readonly mmd2: number;
  readonly slicedW1: number;
  /** Held-out AUC of a quadratic logistic classifier telling real (0) from synthetic (1) records. */
  readonly c2stAuc: number | null;
  /** sqrt(E_mu (E~[Y|X] - E[Y|X])^2) on real features: how wrong the synthetic responses are (oracle mode only). */
  readonly responseError: number | null;
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

function quadraticFeatures(x: Matrix): Matrix {
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

/** C2ST: train on the even rows of both samples, score the odd rows, AUC of P(synthetic). */
async function c2st(a: Matrix, b: Matrix): Promise<number | null> {
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
    const model = logistic(1).fit(quadraticFeatures(stack(trainA, trainB)), labels(trainA.rows, trainB.rows));
    const scores = await model.predictProba!(quadraticFeatures(stack(testA, testB)));
    return aucMannWhitney(scores, labels(testA.rows, testB.rows));
  } catch (error) {
    if (error instanceof FitError) return null;
    throw error;
  }
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
    c2stAuc: await c2st(a, b),
    responseError: responseError(plan),
  };
}
