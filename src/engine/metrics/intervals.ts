/**
 * Confidence intervals over replicates: the Student-t interval for a mean, mean +- t_{n-1}(1 - a/2) sd / sqrt(n),
 * and the Wilson score interval for a proportion, (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
 */
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
