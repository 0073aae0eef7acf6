/**
 * Interval bands for the charts: a mean's 95% interval as the [lo, hi] pair that recharts' Area draws as a band
 * (and a whisker spans), and the same band on a log axis.
 */

export type Band = [number, number];

/**
 * The band of an interval whose ends may be missing (one replicate has no interval): null then. `within` clamps
 * it to the range the measure can take (a t interval of Kendall's τ may leave [-1, 1]; the measure cannot).
 */
export function bandOf(
  lo: number | null,
  hi: number | null,
  within?: readonly [number, number],
): Band | null {
  if (lo === null || hi === null) return null;
  return within ? [Math.max(within[0], lo), Math.min(within[1], hi)] : [lo, hi];
}

/**
 * The band on a log axis that starts at `floor`: null when all of it is at or below 0 (nothing to draw), its low
 * end raised to the floor otherwise (a band that reaches 0 runs off the bottom, as it should).
 */
export function logBand(band: Band | null, floor: number): Band | null {
  return band && band[1] > 0 ? [Math.max(floor, band[0]), band[1]] : null;
}
