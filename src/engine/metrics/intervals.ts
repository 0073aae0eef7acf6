/**
 * Confidence intervals over replicates: the Student-t interval for a mean, mean +- t_{n-1}(1 - a/2) sd / sqrt(n);
 * the Wilson score interval for a proportion, (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n); and a
 * seeded percentile bootstrap of a mean, for bounded statistics (tau, rho) whose t interval can leave their range.
 */
import { stream } from '../rng';
import { normalQuantile, tQuantile } from './quantiles';

/**
 * A mean with its t interval. With one value there is no spread to estimate, so `hasInterval` is false and
 * sd, se, lo and hi are null (never NaN or infinite: the UI shows "needs 2 replicates" instead).
 */
export type MeanInterval =
  | {
      readonly hasInterval: true;
      readonly n: number;
      readonly level: number;
      readonly mean: number;
      /** Sample standard deviation (divisor n - 1). */
      readonly sd: number;
      /** Standard error sd / sqrt(n). */
      readonly se: number;
      readonly lo: number;
      readonly hi: number;
    }
  | {
      readonly hasInterval: false;
      readonly n: 1;
      readonly level: number;
      readonly mean: number;
      readonly sd: null;
      readonly se: null;
      readonly lo: null;
      readonly hi: null;
    };

export interface ProportionInterval {
  readonly successes: number;
  readonly trials: number;
  readonly level: number;
  /** The observed proportion successes / trials. */
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

function checkLevel(level: number, name: string): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${name}: level must lie in (0, 1), got ${level}`);
}

/**
 * Mean of `values` with its two-sided Student-t interval at `level` (n - 1 degrees of freedom).
 * Edge cases: no values or a non-finite value throws RangeError; n = 1 gives the mean with null spread and
 * bounds (hasInterval false); zero variance gives sd = se = 0 and lo = hi = mean (all replicates agree
 * exactly, e.g. a deterministic learner: a zero-width interval, not a claim of certainty beyond the data).
 */
export function meanInterval(values: ArrayLike<number>, level = 0.95): MeanInterval {
  checkLevel(level, 'meanInterval');
  const n = values.length;
  if (n === 0) throw new RangeError('meanInterval: no values');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`meanInterval: value ${i} is ${v}`);
    sum += v;
  }
  let mean = sum / n;
  // Second pass: corrects the mean's rounding error and sums squared deviations (no catastrophic cancellation).
  let correction = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    correction += d;
    ss += d * d;
  }
  mean += correction / n;
  ss -= (correction * correction) / n;
  if (!Number.isFinite(mean) || !Number.isFinite(ss)) throw new RangeError('meanInterval: values overflow');
  if (n === 1) {
    return { hasInterval: false, n: 1, level, mean, sd: null, se: null, lo: null, hi: null };
  }
  const sd = Math.sqrt(Math.max(0, ss) / (n - 1));
  const se = sd / Math.sqrt(n);
  const half = se === 0 ? 0 : tQuantile((1 + level) / 2, n - 1) * se;
  return { hasInterval: true, n, level, mean, sd, se, lo: mean - half, hi: mean + half };
}

/**
 * Wilson score interval for a binomial proportion (no continuity correction; scipy's
 * binomtest(k, n).proportion_ci(method='wilson')). Unlike the Wald interval it stays inside [0, 1] and has
 * positive width at 0 and n successes (lo is exactly 0 when successes = 0, hi exactly 1 when successes = trials).
 * Throws RangeError unless trials is a positive integer and successes an integer in [0, trials].
 */
export function proportionInterval(successes: number, trials: number, level = 0.95): ProportionInterval {
  checkLevel(level, 'proportionInterval');
  if (!Number.isInteger(trials) || trials < 1) {
    throw new RangeError(`proportionInterval: trials must be a positive integer, got ${trials}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(
      `proportionInterval: successes must be an integer in [0, ${trials}], got ${successes}`,
    );
  }
  return wilson(successes, trials, level);
}

/**
 * Wilson score interval for the mean of `trials` scores in [0, 1] that sum to `total` (not necessarily an
 * integer: top-1 agreement with ties counts fractions). A score in [0, 1] with mean p has variance at most
 * p(1 - p), the Bernoulli variance the Wilson interval assumes, so fractions make it no narrower than it should
 * be. Equals proportionInterval for integer totals. Throws unless trials is a positive integer and total in
 * [0, trials].
 */
export function scoreShareInterval(total: number, trials: number, level = 0.95): ProportionInterval {
  checkLevel(level, 'scoreShareInterval');
  if (!Number.isInteger(trials) || trials < 1) {
    throw new RangeError(`scoreShareInterval: trials must be a positive integer, got ${trials}`);
  }
  if (!(total >= 0 && total <= trials)) {
    throw new RangeError(`scoreShareInterval: total must lie in [0, ${trials}], got ${total}`);
  }
  return wilson(total, trials, level);
}

function wilson(successes: number, trials: number, level: number): ProportionInterval {
  const z = normalQuantile((1 + level) / 2);
  const z2 = z * z;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const lo = successes === 0 ? 0 : Math.max(0, center - half);
  const hi = successes === trials ? 1 : Math.min(1, center + half);
  return { successes, trials, level, estimate: p, lo, hi };
}

/** How the bootstrap below was run, and whether there was anything to resample. */
export interface BootstrapFacts {
  readonly method: 'percentile-bootstrap';
  /** Resamples drawn (0 when every value is the same, or with one value: nothing to resample). */
  readonly resamples: number;
  /** Every value is the same (e.g. tau = 1 in all replicates): lo = hi = that value, a fact, not an interval. */
  readonly unanimous: boolean;
}

/**
 * A mean with a percentile-bootstrap interval in place of the t interval; mean, n, sd and se as meanInterval.
 * Structurally a MeanInterval, so every reader of mean/lo/hi keeps working.
 */
export type BootstrapInterval = MeanInterval & BootstrapFacts;

/** 2,000 resamples put the Monte Carlo error of a 2.5% percentile well below the digits the views print. */
export const BOOTSTRAP_RESAMPLES = 2000;

/**
 * `count` means of n values drawn with replacement, by xorshift128 whose state comes from the seeded stream of
 * rng.ts. The generator is written out in the loop for speed (the summary resamples after every replicate, and a
 * sweep summarizes thousands of times); its quality is ample for picking replicates. Index = floor(u n) with a
 * 32-bit u: a bias below n / 2^32, nothing next to the Monte Carlo error.
 */
function resampledMeans(values: Float64Array, seed: number, count: number): Float64Array {
  const words = stream(seed, 'bootstrap');
  const word = () => Math.floor(words.uniform() * 2 ** 32) | 0;
  let x = word();
  let y = word();
  let z = word();
  let w = word() | 1; // never an all-zero state
  const n = values.length;
  const scale = n / 2 ** 32;
  const means = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const t = x ^ (x << 11);
      x = y;
      y = z;
      z = w;
      w = w ^ (w >>> 19) ^ (t ^ (t >>> 8));
      sum += values[Math.floor((w >>> 0) * scale)]!;
    }
    means[b] = sum / n;
  }
  return means;
}

/** Type-7 quantile (numpy's default, 'linear') of sorted values. */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const next = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return sorted[i]! + (h - i) * (next - sorted[i]!);
}

/**
 * Mean of `values` with a two-sided percentile-bootstrap interval at `level`: `resamples` means of n values
 * drawn with replacement, and their (1 - level)/2 and (1 + level)/2 quantiles. Each resampled mean is an
 * average of the values, so the interval lies within [min, max] of the values: for tau or rho, within
 * [-1, 1] (rounding in the sum is clamped away). The same values and seed give the same interval.
 * With one value: no interval (hasInterval false). All values equal: lo = hi = the value, unanimous true.
 * Like every percentile bootstrap it can never reach outside the observed values, so with few replicates
 * (under about 10) it is too narrow; the views say so. Throws as meanInterval does.
 */
export function bootstrapMeanInterval(
  values: ArrayLike<number>,
  seed: number,
  level = 0.95,
  resamples = BOOTSTRAP_RESAMPLES,
): BootstrapInterval {
  checkLevel(level, 'bootstrapMeanInterval');
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrapMeanInterval: resamples must be a positive integer, got ${resamples}`);
  }
  const base = meanInterval(values, level);
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  const unanimous = min === max;
  const facts = { method: 'percentile-bootstrap', unanimous } as const;
  if (!base.hasInterval) return { ...base, ...facts, resamples: 0 };
  if (unanimous) return { ...base, ...facts, resamples: 0, lo: min, hi: max };
  const means = resampledMeans(Float64Array.from(values), seed, resamples);
  // A sum of values within [min, max] can round a hair outside; clamp that rounding away.
  for (let b = 0; b < resamples; b++) means[b] = Math.min(max, Math.max(min, means[b]!));
  means.sort();
  const lo = sortedQuantile(means, (1 - level) / 2);
  const hi = sortedQuantile(means, (1 + level) / 2);
  return { ...base, ...facts, resamples, lo, hi };
}
