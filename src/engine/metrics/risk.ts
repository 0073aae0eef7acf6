/**
 * Test risk on a real sample: R^(f) = mean_i loss(f(x_i), y_i), squared loss, with a normal 95% interval
 * mean +- 1.96 sd / sqrt(n_test) that reflects only the finite test sample (not fresh training draws).
 */
export interface Estimate {
  readonly mean: number;
  /** Standard error of the mean. */
  readonly se: number;
  readonly lo: number;
  readonly hi: number;
}

const Z95 = 1.959963984540054;

export function squaredErrors(prediction: Float64Array, y: Float64Array): Float64Array {
  if (prediction.length !== y.length) throw new Error('squaredErrors: lengths differ');
  return prediction.map((f, i) => (f - y[i]!) * (f - y[i]!));
}

/**
 * Mean loss of predictions on n points: squared error (regression) or 0-1 error (classification labels).
 * Squares are written as products: x ** 2 may round differently between JavaScript engines, x * x may not.
 */
export function meanLoss(
  task: 'regression' | 'classification',
  prediction: ArrayLike<number>,
  y: ArrayLike<number>,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const d = prediction[i]! - y[i]!;
    total += task === 'regression' ? d * d : d === 0 ? 0 : 1;
  }
  return total / y.length;
}

/** Mean with its 95% normal interval. */
export function meanEstimate(values: Float64Array): Estimate {
  const n = values.length;
  if (n === 0) throw new Error('meanEstimate: no values');
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return { mean, se, lo: mean - Z95 * se, hi: mean + Z95 * se };
}

/**
 * Utility U = |TSTR - TRTR| from per-point losses of the two fits on the same test points (a paired difference),
 * with the interval of |d| mapped from the interval of the signed gap d.
 */
export function pairedGap(
  tstrLosses: Float64Array,
  trtrLosses: Float64Array,
): { gap: Estimate; utility: Estimate } {
  const gap = meanEstimate(tstrLosses.map((v, i) => v - trtrLosses[i]!));
  const lo = gap.lo <= 0 && gap.hi >= 0 ? 0 : Math.min(Math.abs(gap.lo), Math.abs(gap.hi));
  const hi = Math.max(Math.abs(gap.lo), Math.abs(gap.hi));
  return { gap, utility: { mean: Math.abs(gap.mean), se: gap.se, lo, hi } };
}
