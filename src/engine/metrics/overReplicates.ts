/**
 * Statistics over replicates shared by the summary and the studies' summaries: U from a gap's interval, and the
 * mean of a bounded per-replicate statistic with a bootstrap interval seeded by the values themselves.
 */
import { bootstrapMeanInterval, type BootstrapInterval, type MeanInterval } from './intervals';
import { mix32 } from '../rng';

export interface UtilityEstimate {
  readonly value: number;
  /** Interval of |d| from the t interval of the mean gap d; null with a single replicate. */
  readonly lo: number | null;
  readonly hi: number | null;
}

export function utilityOf(gap: MeanInterval): UtilityEstimate {
  if (!gap.hasInterval) return { value: Math.abs(gap.mean), lo: null, hi: null };
  const lo = gap.lo <= 0 && gap.hi >= 0 ? 0 : Math.min(Math.abs(gap.lo), Math.abs(gap.hi));
  return { value: Math.abs(gap.mean), lo, hi: Math.max(Math.abs(gap.lo), Math.abs(gap.hi)) };
}

/**
 * The bootstrap's seed, a hash of the values' bits: the interval is a function of the per-replicate values
 * alone, so whatever reproduces them (the same link, the CLI, a reloaded results file) reproduces it, with no
 * seed to carry alongside. Distinct value lists get unrelated resamples.
 */
function seedOf(values: readonly number[]): number {
  const bits = new Uint32Array(Float64Array.from(values).buffer);
  let h = 0x811c9dc5 ^ values.length;
  for (let i = 0; i < bits.length; i++) h = mix32(h ^ bits[i]!);
  return h;
}

/**
 * Mean of the finite values that are defined (NaN = undefined statistic, e.g. tau with all risks tied), with
 * a seeded bootstrap interval.
 */
export function definedMean(values: number[]): BootstrapInterval | null {
  const kept = values.filter((v) => Number.isFinite(v));
  return kept.length > 0 ? bootstrapMeanInterval(kept, seedOf(kept)) : null;
}
