/**
 * Float64 Gaussian pieces shared by the fitted generators: (weighted) moments, the covariance ridge, and
 * N(mean, S) through its Cholesky factor S = L L': log N(x) = -(d log 2pi + log|S| + |L^-1 (x - mean)|^2) / 2, draws mean + L z.
 */
import * as portable from '../portable';
import { choleskyInPlace } from '../learners/cholesky';
import { matrix } from '../matrix';
import type { Sample } from '../populations/population';
import type { RandomStream } from '../rng';
import { GeneratorError } from './oracle';

/**
 * Relative size of the ridge added to every fitted covariance: RIDGE_FACTOR * tr(S) / d, with S the sample
 * covariance of the data being fitted (1 instead of tr(S) / d when all points coincide). It keeps the
 * covariance positive definite when a class or component has fewer than d + 1 points or y is exactly linear in x,
 * and is far below the Monte Carlo error of any fit the playground makes.
 */
export const RIDGE_FACTOR = 1e-6;

const LOG_2PI = portable.log(2 * Math.PI);

export interface Moments {
  readonly mean: Float64Array;
  /** Row-major d x d. */
  readonly cov: Float64Array;
}

/**
 * Mean and covariance of the rows of `data` (n x d, row-major). Weighted: divisor sum(w) (the EM M-step's
 * maximum likelihood estimate); unweighted: divisor n - 1 (as numpy.cov and metrics/fidelity gaussianFit).
 */
export function moments(data: Float64Array, d: number, weights?: Float64Array): Moments {
  const n = data.length / d;
  const mean = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    total += w;
    for (let j = 0; j < d; j++) mean[j]! += w * data[i * d + j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= total;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (w === 0) continue;
    for (let j = 0; j < d; j++) centred[j] = data[i * d + j]! - mean[j]!;
    for (let j = 0; j < d; j++) for (let l = j; l < d; l++) cov[j * d + l]! += w * centred[j]! * centred[l]!;
  }
  const divisor = weights ? total : n - 1;
  for (let j = 0; j < d; j++) {
    for (let l = j; l < d; l++) {
      cov[j * d + l]! /= divisor;
      cov[l * d + j] = cov[j * d + l]!;
    }
  }
  return { mean, cov };
}

/** The ridge RIDGE_FACTOR * tr(cov) / d (see RIDGE_FACTOR). */
export function ridgeFor(cov: Float64Array, d: number): number {
  let trace = 0;
  for (let j = 0; j < d; j++) trace += cov[j * d + j]!;
  return RIDGE_FACTOR * (trace > 0 ? trace / d : 1);
}

/** N(mean, cov) on R^d with its lower Cholesky factor (cov = chol chol'). */
export interface GaussianComponent {
  readonly d: number;
  readonly mean: Float64Array;
  /** The regularized covariance, row-major d x d. */
  readonly cov: Float64Array;
  readonly chol: Float64Array;
  /** -(d log 2pi + log|cov|) / 2. */
  readonly logNormalizer: number;
}

/**
 * N(mean, cov + ridge I). Should rounding still leave it not positive definite, the ridge grows tenfold (at most
 * six times) before a GeneratorError naming `what`.
 */
export function gaussianComponent(
  mean: Float64Array,
  cov: Float64Array,
  d: number,
  ridge: number,
  what: string,
): GaussianComponent {
  let added = ridge;
  for (let attempt = 0; attempt < 7; attempt++, added *= 10) {
    const regularized = Float64Array.from(cov);
    for (let j = 0; j < d; j++) regularized[j * d + j]! += added;
    const chol = Float64Array.from(regularized);
    if (!regularized.every(Number.isFinite) || !choleskyInPlace(chol, d)) continue;
    for (let j = 0; j < d; j++) for (let l = j + 1; l < d; l++) chol[j * d + l] = 0;
    let logDet = 0;
    for (let j = 0; j < d; j++) logDet += 2 * portable.log(chol[j * d + j]!);
    return { d, mean, cov: regularized, chol, logNormalizer: -(d * LOG_2PI + logDet) / 2 };
  }
  throw new GeneratorError(`${what}: the fitted covariance is not positive definite even with a ridge`);
}

/** log N(row; mean, cov) of row `i` of `data` (d columns); `work` is scratch of length d. */
export function logDensity(
  c: GaussianComponent,
  data: Float64Array,
  i: number,
  work: Float64Array = new Float64Array(c.d),
): number {
  const { d, chol, mean } = c;
  let quad = 0;
  for (let j = 0; j < d; j++) {
    let s = data[i * d + j]! - mean[j]!;
    for (let l = 0; l < j; l++) s -= chol[j * d + l]! * work[l]!;
    const z = s / chol[j * d + j]!;
    work[j] = z;
    quad += z * z;
  }
  return c.logNormalizer - quad / 2;
}

/** tr(cov^-1) = |L^-1|_F^2, by forward solves L v = e_j (the EM penalty term). */
export function traceOfInverse(c: GaussianComponent): number {
  const { d, chol } = c;
  const v = new Float64Array(d);
  let total = 0;
  for (let col = 0; col < d; col++) {
    v.fill(0);
    for (let j = col; j < d; j++) {
      let s = j === col ? 1 : 0;
      for (let l = col; l < j; l++) s -= chol[j * d + l]! * v[l]!;
      v[j] = s / chol[j * d + j]!;
      total += v[j]! * v[j]!;
    }
  }
  return total;
}

/** Writes one draw mean + L z (z standard normal, d draws from `rand`) into out[offset .. offset + d). */
export function drawComponent(
  c: GaussianComponent,
  rand: RandomStream,
  out: Float64Array,
  offset: number,
): void {
  const { d, chol, mean } = c;
  const z = rand.normals(d);
  for (let j = 0; j < d; j++) {
    let s = mean[j]!;
    for (let l = 0; l <= j; l++) s += chol[j * d + l]! * z[l]!;
    out[offset + j] = s;
  }
}

/** The joint rows (x, y): n x (p + 1), y last. */
export function jointRows(sample: Sample): Float64Array {
  const { rows: n, cols: p, data } = sample.x;
  const out = new Float64Array(n * (p + 1));
  for (let i = 0; i < n; i++) {
    out.set(data.subarray(i * p, (i + 1) * p), i * (p + 1));
    out[i * (p + 1) + p] = sample.y[i]!;
  }
  return out;
}

/** Splits joint rows (n x (p + 1), y last) back into a sample. */
export function splitJoint(joint: Float64Array, p: number): Sample {
  const n = joint.length / (p + 1);
  const x = matrix(n, p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x.data.set(joint.subarray(i * (p + 1), i * (p + 1) + p), i * p);
    y[i] = joint[i * (p + 1) + p]!;
  }
  return { x, y };
}

export interface ClassRows {
  readonly label: number;
  /** Indices of the real rows with this label, ascending. */
  readonly rows: Int32Array;
}

/** The distinct labels of y (ascending) and their rows. */
export function classesOf(y: Float64Array): ClassRows[] {
  const byLabel = new Map<number, number[]>();
  y.forEach((label, i) => {
    const rows = byLabel.get(label);
    if (rows) rows.push(i);
    else byLabel.set(label, [i]);
  });
  return [...byLabel.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([label, rows]) => ({ label, rows: Int32Array.from(rows) }));
}

/** The feature rows `rows` of a sample, row-major (|rows| x p). */
export function pickRows(sample: Sample, rows: Int32Array): Float64Array {
  const p = sample.x.cols;
  const out = new Float64Array(rows.length * p);
  rows.forEach((r, i) => out.set(sample.x.data.subarray(r * p, (r + 1) * p), i * p));
  return out;
}

/** Throws a GeneratorError when a class has fewer than `needed` real points. */
export function requireClassSize(cls: ClassRows, needed: number, what: string): void {
  if (cls.rows.length < needed) {
    throw new GeneratorError(
      `${what}: class ${cls.label} has ${cls.rows.length} real point${cls.rows.length === 1 ? '' : 's'}; at least ${needed} are needed`,
    );
  }
}

/**
 * m labelled draws from class-conditional models: the class with probability count / n, then x from
 * `drawX(class, out, offset)` into row i.
 */
export function drawByClass<C extends { readonly label: number; readonly count: number }>(
  classes: readonly C[],
  p: number,
  m: number,
  rand: RandomStream,
  drawX: (cls: C, out: Float64Array, offset: number) => void,
): Sample {
  const x = matrix(m, p);
  const y = new Float64Array(m);
  const counts = classes.map((c) => c.count);
  for (let i = 0; i < m; i++) {
    const cls = classes[rand.categorical(counts)]!;
    y[i] = cls.label;
    drawX(cls, x.data, i * p);
  }
  return { x, y };
}
