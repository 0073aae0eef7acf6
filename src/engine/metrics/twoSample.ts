/**
 * Empirical two-sample fidelity: unbiased MMD^2 with the RBF kernel exp(-|a - b|^2 / 2 s^2) (s = median pairwise
 * distance), sliced W1 = mean over random unit directions of W1 of the projections, and the Mann-Whitney AUC.
 */
import * as portable from '../portable';
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import { averageRanks } from './ranking';

function checkSamples(x: Matrix, y: Matrix, minRows: number, name: string): void {
  if (x.cols !== y.cols || x.cols < 1) throw new RangeError(`${name}: feature counts differ or are zero`);
  if (x.rows < minRows || y.rows < minRows) throw new RangeError(`${name}: need ${minRows}+ rows per sample`);
  if (!x.data.every(Number.isFinite) || !y.data.every(Number.isFinite)) {
    throw new RangeError(`${name}: non-finite value`);
  }
}

/** At most `max` rows, evenly spaced (row floor(i n / max)): deterministic, and spread over the whole sample. */
function evenRows(m: Matrix, max: number): Float64Array {
  if (m.rows <= max) return m.data;
  const out = new Float64Array(max * m.cols);
  for (let i = 0; i < max; i++) {
    const row = Math.floor((i * m.rows) / max);
    out.set(m.data.subarray(row * m.cols, (row + 1) * m.cols), i * m.cols);
  }
  return out;
}

/** The k-th smallest value (0-based) of a, by quickselect; reorders a. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of non-negative squared distances, returned as a distance (mean of the two middle ones if even). */
function medianDistance(squared: Float64Array): number {
  const n = squared.length;
  const work = Float64Array.from(squared);
  const upper = Math.sqrt(select(work, n >> 1));
  if (n % 2 === 1) return upper;
  let lower = 0;
  // After select, work[0 .. n/2 - 1] hold the n/2 smallest values: their maximum is the lower middle one.
  for (let i = 0; i < n >> 1; i++) lower = Math.max(lower, work[i]!);
  return (Math.sqrt(lower) + upper) / 2;
}

export interface Mmd2Options {
  /** Rows kept per sample (evenly spaced, deterministic); default 1000. Cost is O((m + n)^2 d). */
  readonly maxPoints?: number;
  /** Kernel bandwidth s; default: the median heuristic on the pooled (subsampled) sample. */
  readonly bandwidth?: number;
}

export interface Mmd2Result {
  /** Unbiased MMD^2 (a U-statistic): can be slightly negative when the distributions are equal. */
  readonly mmd2: number;
  readonly bandwidth: number;
  /** Rows used from x and y after subsampling. */
  readonly usedX: number;
  readonly usedY: number;
}

/**
 * Unbiased MMD^2 (Gretton et al. 2012, eq. 3) between the rows of x and y with k(a, b) = exp(-|a - b|^2 / 2 s^2):
 * mean k(x_i, x_j) over i != j + mean k(y_i, y_j) over i != j - 2 mean k(x_i, y_j). Each sample is cut to
 * maxPoints evenly spaced rows first. Median heuristic: s = median of the pooled pairwise distances; if that
 * is 0 (most points repeated), the median of the positive distances; if every point is the same, s = 1 (the
 * kernel is then constant and MMD^2 = 0 exactly). Needs 2+ rows per sample and finite values (else RangeError).
 */
export function mmd2Rbf(x: Matrix, y: Matrix, options: Mmd2Options = {}): Mmd2Result {
  const maxPoints = options.maxPoints ?? 1000;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new RangeError('mmd2Rbf: maxPoints must be >= 2');
  checkSamples(x, y, 2, 'mmd2Rbf');
  const d = x.cols;
  const xs = evenRows(x, maxPoints);
  const ys = evenRows(y, maxPoints);
  const m = xs.length / d;
  const n = ys.length / d;
  const total = m + n;
  const at = (i: number) =>
    i < m ? xs.subarray(i * d, (i + 1) * d) : ys.subarray((i - m) * d, (i - m + 1) * d);
  const squared = new Float64Array((total * (total - 1)) / 2);
  let pair = 0;
  for (let i = 0; i < total; i++) {
    const a = at(i);
    for (let j = i + 1; j < total; j++) {
      const b = at(j);
      let s = 0;
      for (let c = 0; c < d; c++) s += (a[c]! - b[c]!) * (a[c]! - b[c]!);
      squared[pair++] = s;
    }
  }
  let bandwidth = options.bandwidth ?? medianDistance(squared);
  if (!(bandwidth > 0 && Number.isFinite(bandwidth))) {
    if (options.bandwidth !== undefined)
      throw new RangeError('mmd2Rbf: bandwidth must be positive and finite');
    const positive = squared.filter((s) => s > 0);
    bandwidth = positive.length > 0 ? medianDistance(positive) : 1;
  }
  const scale = -1 / (2 * bandwidth * bandwidth);
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  pair = 0;
  for (let i = 0; i < total; i++) {
    for (let j = i + 1; j < total; j++) {
      const k = portable.exp(squared[pair++]! * scale);
      if (j < m) sumXX += k;
      else if (i >= m) sumYY += k;
      else sumXY += k;
    }
  }
  const mmd2 = (2 * sumXX) / (m * (m - 1)) + (2 * sumYY) / (n * (n - 1)) - (2 * sumXY) / (m * n);
  return { mmd2, bandwidth, usedX: m, usedY: n };
}

/**
 * W1 between the empirical distributions of a and b (any sizes) = integral |F_a(t) - F_b(t)| dt, as
 * scipy.stats.wasserstein_distance. Throws RangeError on empty or non-finite input.
 */
export function wasserstein1D(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('wasserstein1D: empty sample');
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  if (!sa.every(Number.isFinite) || !sb.every(Number.isFinite))
    throw new RangeError('wasserstein1D: non-finite');
  const n = sa.length;
  const m = sb.length;
  let i = 0;
  let j = 0;
  let previous = Math.min(sa[0]!, sb[0]!);
  let total = 0;
  while (i < n || j < m) {
    const takeA = j >= m || (i < n && sa[i]! <= sb[j]!);
    const next = takeA ? sa[i]! : sb[j]!;
    total += Math.abs(i / n - j / m) * (next - previous);
    previous = next;
    if (takeA) i++;
    else j++;
  }
  return total;
}

/**
 * Sliced 1-Wasserstein: the mean over `directions` unit vectors theta (normalized standard normal draws from
 * rng, so uniform on the sphere and reproducible from its seed) of wasserstein1D(x theta, y theta). Uses every
 * row (O(L (m + n) log(m + n)), no subsampling). In 1-D every direction is +-1 and it equals the exact W1.
 */
export function slicedWasserstein1(x: Matrix, y: Matrix, rng: RandomStream, directions = 50): number {
  if (!Number.isInteger(directions) || directions < 1) {
    throw new RangeError('slicedWasserstein1: directions must be a positive integer');
  }
  checkSamples(x, y, 1, 'slicedWasserstein1');
  const d = x.cols;
  const project = (s: Matrix, theta: Float64Array) => {
    const out = new Float64Array(s.rows);
    for (let i = 0; i < s.rows; i++) {
      let dot = 0;
      for (let c = 0; c < d; c++) dot += s.data[i * d + c]! * theta[c]!;
      out[i] = dot;
    }
    return out;
  };
  let sum = 0;
  for (let l = 0; l < directions; l++) {
    let theta = rng.normals(d);
    let norm = Math.hypot(...theta);
    while (norm === 0) {
      theta = rng.normals(d);
      norm = Math.hypot(...theta);
    }
    theta = theta.map((v) => v / norm);
    sum += wasserstein1D(project(x, theta), project(y, theta));
  }
  return sum / directions;
}

/**
 * AUC of scores for telling label 1 from label 0, by the Mann-Whitney statistic: P(s+ > s-) + P(s+ = s-) / 2,
 * computed from average ranks as (R+ - n+(n+ + 1)/2) / (n+ n-). 0.5 = indistinguishable (the C2ST null); below
 * 0.5 the scores point the wrong way. Labels must be 0 or 1 with both present; NaN scores throw RangeError.
 */
export function aucMannWhitney(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length) throw new RangeError('aucMannWhitney: lengths differ');
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1)
      throw new RangeError(`aucMannWhitney: label ${i} is ${label}, not 0 or 1`);
    if (label === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('aucMannWhitney: need both labels');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
