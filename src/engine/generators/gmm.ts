/**
 * Gaussian mixture generator: sum_k pi_k N(mu_k, S_k) fitted by EM (seeded k-means++ start, log-sum-exp E-step)
 * on the joint (x, y) rows (regression) or on x per class (classification); m draws pick k ~ pi, then N(mu_k, S_k).
 */
import * as portable from '../portable';
import type { Sample } from '../populations/population';
import type { Task } from '../task';
import type { RandomStream } from '../rng';
import {
  classesOf,
  drawByClass,
  drawComponent,
  gaussianComponent,
  jointRows,
  logDensity,
  moments,
  pickRows,
  requireClassSize,
  ridgeFor,
  splitJoint,
  traceOfInverse,
  type GaussianComponent,
} from './gaussianCore';
import { GeneratorError } from './oracle';

export interface GmmOptions {
  readonly maxIterations: number;
  /** Stop when the objective gains less than tolerance * n in one EM step. */
  readonly tolerance: number;
}

export const GMM_DEFAULTS: GmmOptions = { maxIterations: 100, tolerance: 1e-4 };

export interface GmmTraceEntry {
  /** Penalized log-likelihood (the quantity EM ascends). */
  readonly objective: number;
  readonly logLikelihood: number;
  /** Components alive when this entry was computed. */
  readonly components: number;
}

export interface GmmFit {
  readonly d: number;
  readonly weights: Float64Array;
  readonly components: readonly GaussianComponent[];
  /** One entry per E-step, in order; consecutive entries with equal `components` never decrease in objective. */
  readonly trace: readonly GmmTraceEntry[];
  /** M-steps taken after the k-means++ start. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Components dropped as collapsing (requested = final + dropped). */
  readonly dropped: number;
}

function squaredScaled(data: Float64Array, d: number, a: number, b: number, scale: Float64Array): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += ((data[a * d + j]! - data[b * d + j]!) / scale[j]!) ** 2;
  return s;
}

/** k-means++ seeds on coordinates divided by their standard deviations, so y and x weigh alike. */
function seeds(data: Float64Array, d: number, k: number, scale: Float64Array, rand: RandomStream): number[] {
  const n = data.length / d;
  const chosen = [Math.floor(rand.uniform() * n)];
  const best = Float64Array.from({ length: n }, (_, i) => squaredScaled(data, d, i, chosen[0]!, scale));
  while (chosen.length < k) {
    const total = best.reduce((a, b) => a + b, 0);
    const next = total > 0 ? rand.categorical(best) : Math.floor(rand.uniform() * n);
    chosen.push(next);
    for (let i = 0; i < n; i++) best[i] = Math.min(best[i]!, squaredScaled(data, d, i, next, scale));
  }
  return chosen;
}

/** One-hot responsibilities (n x K) to the nearest seed; seeds with fewer than minPoints points are dropped. */
function hardStart(data: Float64Array, d: number, centres: number[], scale: Float64Array, minPoints: number) {
  const n = data.length / d;
  const assign = new Int32Array(n);
  for (;;) {
    const counts = new Int32Array(centres.length);
    for (let i = 0; i < n; i++) {
      let bestK = 0;
      let bestD = Infinity;
      centres.forEach((c, k) => {
        const dist = squaredScaled(data, d, i, c, scale);
        if (dist < bestD) [bestK, bestD] = [k, dist];
      });
      assign[i] = bestK;
      counts[bestK]!++;
    }
    let smallest = 0;
    counts.forEach((c, k) => (smallest = c < counts[smallest]! ? k : smallest));
    if (centres.length === 1 || counts[smallest]! >= minPoints) break;
    centres.splice(smallest, 1);
  }
  const resp = new Float64Array(n * centres.length);
  assign.forEach((k, i) => (resp[i * centres.length + k] = 1));
  return { resp, k: centres.length };
}

/** M-step: weights N_k / n, weighted means, covariances + (lambda / N_k) I. */
function mStep(data: Float64Array, d: number, resp: Float64Array, k: number, lambda: number, what: string) {
  const n = data.length / d;
  const weights = new Float64Array(k);
  const components: GaussianComponent[] = [];
  const w = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) w[i] = resp[i * k + c]!;
    const total = w.reduce((a, b) => a + b, 0);
    weights[c] = total / n;
    const { mean, cov } = moments(data, d, w);
    components.push(gaussianComponent(mean, cov, d, lambda / total, `${what}, component ${c + 1}`));
  }
  return { weights, components };
}

/** E-step: responsibilities (log-sum-exp), N_k, and the plain log-likelihood. */
function eStep(
  data: Float64Array,
  d: number,
  weights: Float64Array,
  components: readonly GaussianComponent[],
) {
  const n = data.length / d;
  const k = components.length;
  const resp = new Float64Array(n * k);
  const counts = new Float64Array(k);
  const work = new Float64Array(d);
  const logWeights = Array.from(weights, (w) => portable.log(w));
  let logLikelihood = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      const lp = logWeights[c]! + logDensity(components[c]!, data, i, work);
      resp[i * k + c] = lp;
      max = Math.max(max, lp);
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += portable.exp(resp[i * k + c]! - max);
    const li = max + portable.log(sum);
    logLikelihood += li;
    for (let c = 0; c < k; c++) {
      resp[i * k + c] = portable.exp(resp[i * k + c]! - li);
      counts[c]! += resp[i * k + c]!;
    }
  }
  return { resp, counts, logLikelihood };
}

/**
 * Fits a K-component mixture to the rows of `data` (n x d, row-major) by EM; `rand` seeds k-means++ (on
 * coordinates scaled to unit variance), each point starts in its nearest seed's component. Throws GeneratorError
 * unless n >= 2 and K is a whole number in [1, n].
 *
 * Regularization: S_k = (weighted MLE covariance) + (lambda / N_k) I, N_k = sum_i r_ik, lambda = ridge * n / K,
 * ridge = RIDGE_FACTOR * tr(S) / d over all rows: a component holding its fair share n / K gets the Gaussian fit's
 * ridge. That is the exact M-step for the penalized log-likelihood
 *   objective = sum_i log sum_k pi_k N(x_i; mu_k, S_k) - (lambda / 2) sum_k tr(S_k^-1),
 * so EM never decreases the objective (the trace has it and the plain log-likelihood).
 * Collapse: a component whose N_k falls below d + 1 effective points (too few for a full-rank covariance; one
 * shrinking onto a few points would replay them) is DROPPED, not re-seeded, its weight shared out by
 * renormalizing; the largest component is always kept. A drop can lower the objective, hence `components` in
 * the trace. Stops after maxIterations M-steps or when one step gains less than tolerance * n.
 */
export function fitGmm(
  data: Float64Array,
  d: number,
  k: number,
  rand: RandomStream,
  options: GmmOptions = GMM_DEFAULTS,
  what = 'Gaussian mixture',
): GmmFit {
  const n = data.length / d;
  if (n < 2) throw new GeneratorError(`${what}: needs at least 2 real points, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new GeneratorError(`${what}: K = ${k} must be a whole number ≥ 1`);
  if (k > n) throw new GeneratorError(`${what}: K = ${k} components but only ${n} real points; lower K`);
  const global = moments(data, d);
  const lambda = (ridgeFor(global.cov, d) * n) / k;
  const scale = Float64Array.from({ length: d }, (_, j) => Math.sqrt(global.cov[j * d + j]!) || 1);
  const minPoints = d + 1;
  const start = hardStart(data, d, seeds(data, d, k, scale, rand), scale, minPoints);
  let { weights, components } = mStep(data, d, start.resp, start.k, lambda, what);
  const trace: GmmTraceEntry[] = [];
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    const e = eStep(data, d, weights, components);
    const dead = new Set<number>();
    const largest = e.counts.indexOf(Math.max(...e.counts));
    e.counts.forEach((c, i) => c < minPoints && i !== largest && dead.add(i));
    if (dead.size > 0) {
      components = components.filter((_, c) => !dead.has(c));
      const kept = weights.filter((_, c) => !dead.has(c));
      const total = kept.reduce((a, b) => a + b, 0);
      weights = kept.map((w) => w / total);
      continue; // E-step again with the survivors
    }
    const penalty = (lambda / 2) * components.reduce((s, c) => s + traceOfInverse(c), 0);
    const entry = {
      objective: e.logLikelihood - penalty,
      logLikelihood: e.logLikelihood,
      components: components.length,
    };
    const previous = trace.at(-1);
    trace.push(entry);
    if (
      previous?.components === entry.components &&
      entry.objective - previous.objective < options.tolerance * n
    ) {
      converged = true;
      break;
    }
    ({ weights, components } = mStep(data, d, e.resp, components.length, lambda, what));
    iterations++;
  }
  return { d, weights, components, trace, iterations, converged, dropped: k - components.length };
}

/** m draws (m x d, row-major) from a fitted mixture. */
export function drawGmm(fit: GmmFit, m: number, rand: RandomStream): Float64Array {
  const out = new Float64Array(m * fit.d);
  for (let i = 0; i < m; i++)
    drawComponent(fit.components[rand.categorical(fit.weights)]!, rand, out, i * fit.d);
  return out;
}

export type GmmModel =
  | { readonly task: 'regression'; readonly p: number; readonly joint: GmmFit }
  | {
      readonly task: 'classification';
      readonly p: number;
      readonly classes: readonly { readonly label: number; readonly count: number; readonly fit: GmmFit }[];
    };

/** Fits the mixture generator: on the joint (x, y) rows, or on x within each class (each needs >= max(2, K) points). */
export function fitGmmGenerator(
  real: Sample,
  task: Task,
  k: number,
  rand: RandomStream,
  options: GmmOptions = GMM_DEFAULTS,
): GmmModel {
  const p = real.x.cols;
  if (task === 'regression') {
    return { task, p, joint: fitGmm(jointRows(real), p + 1, k, rand, options) };
  }
  const classes = classesOf(real.y).map((cls) => {
    requireClassSize(cls, 2, 'Gaussian mixture');
    const what = `Gaussian mixture, class ${cls.label}`;
    return {
      label: cls.label,
      count: cls.rows.length,
      fit: fitGmm(pickRows(real, cls.rows), p, k, rand, options, what),
    };
  });
  if (classes.length === 0) throw new GeneratorError('Gaussian mixture: the real sample is empty');
  return { task, p, classes };
}

/** m draws from a fitted mixture generator (classification: the class first, with probability n_c / n). */
export function drawGmmGenerator(model: GmmModel, m: number, rand: RandomStream): Sample {
  if (model.task === 'regression') return splitJoint(drawGmm(model.joint, m, rand), model.p);
  const { p } = model;
  return drawByClass(model.classes, p, m, rand, (cls, out, offset) =>
    drawComponent(cls.fit.components[rand.categorical(cls.fit.weights)]!, rand, out, offset),
  );
}
