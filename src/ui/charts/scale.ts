/**
 * Scales for the hand-drawn SVG charts, and when a log axis reads better than a linear one. Pure functions: the
 * charts stay plain React and these are unit-tested.
 */

/** A value -> pixel map; `lo`, `hi` (data) and `x0`, `x1` (pixels) stay readable for axes and labels. */
export interface Scale {
  readonly lo: number;
  readonly hi: number;
  readonly x0: number;
  readonly x1: number;
  (value: number): number;
}

/**
 * Maps [lo, hi] onto [x0, x1]. Values outside are clamped to the ends, so an outlier or a wide interval stops
 * at the plot's edge instead of drawing over the labels; an empty domain (lo = hi) maps everything to x0.
 */
export function linearScale(lo: number, hi: number, x0: number, x1: number): Scale {
  const span = hi - lo || 1;
  const f = ((v: number) => x0 + ((Math.min(hi, Math.max(lo, v)) - lo) / span) * (x1 - x0)) as Scale;
  return Object.assign(f, { lo, hi, x0, x1 });
}

/**
 * Largest / smallest value beyond which the charts switch to a log axis: past a factor of 30, the small values
 * of a linear axis sit in the bottom few pixels and cannot be compared.
 */
export const LOG_RATIO = 30;

/** Whether `values` are all positive and span more than `ratio` (a log axis reads them better). */
export function spansDecades(values: readonly number[], ratio = LOG_RATIO): boolean {
  if (values.length === 0 || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) > ratio;
}

/**
 * The range that holds the central 99% of `values` (quantiles by index in a sorted copy), or null when there are
 * none. Sample clouds are framed by it so that a few outliers do not squash the picture; callers drop values that
 * are not finite first where they can occur.
 */
export function centralRange(values: readonly number[]): [number, number] | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const last = sorted.length - 1;
  return [sorted[Math.floor(0.005 * last)]!, sorted[Math.ceil(0.995 * last)]!];
}

/** A log axis over [lo, hi] (both > 0): powers of ten from the decade at or below lo to the one at or above hi. */
export interface DecadeAxis {
  /** The lowest tick: where the axis starts (values below it are drawn at it). */
  readonly floor: number;
  /** Powers of ten, at least two of them. */
  readonly ticks: number[];
}

export function decadeAxis(lo: number, hi: number): DecadeAxis {
  const low = Math.floor(Math.log10(lo));
  const high = Math.max(low + 1, Math.ceil(Math.log10(hi)));
  // 1e-3 from a string, not 10 ** -3 (0.0010000000000000002): the ticks are exact and print cleanly.
  const decade = (k: number) => Number(`1e${k}`);
  return { floor: decade(low), ticks: Array.from({ length: high - low + 1 }, (_, i) => decade(low + i)) };
}

/** A power of ten as a tick label: 0.001 … 10000 written out, 1e-5 and 1e5 beyond. */
export function formatDecade(value: number): string {
  if (!(value > 0)) return String(value);
  const k = Math.round(Math.log10(value));
  return k >= -3 && k <= 4 ? String(Number(`1e${k}`)) : `1e${k}`;
}
