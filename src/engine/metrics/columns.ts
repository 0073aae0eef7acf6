/**
 * Column-wise and pairwise fidelity of a synthetic table to a real one, on encoded records (one Matrix column per
 * feature, names alongside): the two-sample Kolmogorov–Smirnov statistic, the total variation distance (over the
 * values of a categorical column, over bins at the real deciles of a numeric one), and the difference of the
 * Pearson correlation matrices. Conventions as scipy.stats.ks_2samp and numpy (fixtures/realdata).
 */
import type { Matrix } from '../matrix';

/** A column with at most this many distinct real values is categorical (TV over its values). */
export const MAX_CATEGORIES = 20;
/** Numeric columns: TV over this many bins cut at the real sample's quantiles (deciles). */
export const TV_BINS = 10;

function checkSample(a: ArrayLike<number>, name: string): Float64Array {
  if (a.length === 0) throw new RangeError(`${name}: empty sample`);
  const sorted = Float64Array.from(a).sort();
  if (!sorted.every(Number.isFinite)) throw new RangeError(`${name}: non-finite value`);
  return sorted;
}

/**
 * The two-sample Kolmogorov–Smirnov statistic sup_t |F_a(t) - F_b(t)| of the empirical distribution functions,
 * as scipy.stats.ks_2samp(a, b).statistic: in [0, 1], 0 for equal samples, 1 for samples that do not overlap.
 */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = checkSample(a, 'ksStatistic');
  const sb = checkSample(b, 'ksStatistic');
  let i = 0;
  let j = 0;
  let best = 0;
  while (i < sa.length || j < sb.length) {
    // The next value t of the merged samples; both CDFs are read after every copy of t.
    const t = j >= sb.length || (i < sa.length && sa[i]! <= sb[j]!) ? sa[i]! : sb[j]!;
    while (i < sa.length && sa[i] === t) i++;
    while (j < sb.length && sb[j] === t) j++;
    best = Math.max(best, Math.abs(i / sa.length - j / sb.length));
  }
  return best;
}

function frequencies(sorted: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * Total variation distance 1/2 sum_v |P_a(v) - P_b(v)| between the empirical distributions of the values (a
 * categorical column, encoded as numbers): in [0, 1], the largest difference in probability of any event.
 */
export function totalVariation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const fa = frequencies(checkSample(a, 'totalVariation'));
  const fb = frequencies(checkSample(b, 'totalVariation'));
  const support = Float64Array.from(new Set([...fa.keys(), ...fb.keys()])).sort();
  let sum = 0;
  for (const v of support) sum += Math.abs((fa.get(v) ?? 0) / a.length - (fb.get(v) ?? 0) / b.length);
  return 0.5 * sum;
}

/**
 * Type-7 quantiles (numpy's default) of sorted values at k / bins, k = 1 .. bins - 1, the position (n - 1) k / bins
 * split exactly into whole and fractional parts: an edge on a tied value is that value, not one ulp beside it.
 */
function quantileEdges(sorted: Float64Array, bins: number): number[] {
  return Array.from({ length: bins - 1 }, (_, index) => {
    const position = (sorted.length - 1) * (index + 1);
    const lo = Math.floor(position / bins);
    const rest = position - lo * bins;
    return rest === 0 ? sorted[lo]! : sorted[lo]! + (rest / bins) * (sorted[lo + 1]! - sorted[lo]!);
  });
}

/**
 * Total variation over `bins` bins cut at the quantiles k / bins of the real sample `a` (quantileEdges); value v
 * falls in bin #{edges <= v}. Real values spread about evenly over the bins, so TV reads as "the share of
 * synthetic mass in the wrong place" at the resolution of the real deciles.
 */
export function binnedTotalVariation(a: ArrayLike<number>, b: ArrayLike<number>, bins = TV_BINS): number {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('binnedTotalVariation: bins must be >= 1');
  const sa = checkSample(a, 'binnedTotalVariation');
  const sb = checkSample(b, 'binnedTotalVariation');
  const edges = quantileEdges(sa, bins);
  const histogram = (sorted: Float64Array): Float64Array => {
    const counts = new Float64Array(bins);
    let bin = 0;
    for (const v of sorted) {
      while (bin < edges.length && edges[bin]! <= v) bin++;
      counts[bin]!++;
    }
    return counts.map((c) => c / sorted.length);
  };
  const [pa, pb] = [histogram(sa), histogram(sb)];
  let sum = 0;
  for (let k = 0; k < bins; k++) sum += Math.abs(pa[k]! - pb[k]!);
  return 0.5 * sum;
}

function columnOf(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j]!;
  return out;
}

function checkTables(real: Matrix, synthetic: Matrix, names: readonly string[], name: string): void {
  if (real.cols !== synthetic.cols || names.length !== real.cols) {
    throw new RangeError(
      `${name}: ${real.cols} real, ${synthetic.cols} synthetic columns, ${names.length} names`,
    );
  }
}

export interface ColumnFidelity {
  readonly name: string;
  /** Categorical: at most MAX_CATEGORIES distinct values in the real column. */
  readonly kind: 'categorical' | 'numeric';
  /** Kolmogorov–Smirnov statistic. */
  readonly ks: number;
  /** Total variation: over the values (categorical) or over TV_BINS real-decile bins (numeric). */
  readonly tv: number;
}

/** KS and TV of every column of the synthetic table against the same column of the real one. */
export function columnFidelity(real: Matrix, synthetic: Matrix, names: readonly string[]): ColumnFidelity[] {
  checkTables(real, synthetic, names, 'columnFidelity');
  return names.map((name, j) => {
    const [a, b] = [columnOf(real, j), columnOf(synthetic, j)];
    const categorical = new Set(a).size <= MAX_CATEGORIES;
    return {
      name,
      kind: categorical ? 'categorical' : 'numeric',
      ks: ksStatistic(a, b),
      tv: categorical ? totalVariation(a, b) : binnedTotalVariation(a, b),
    };
  });
}

/** Pearson correlation matrix of the columns (row-major, d x d, as numpy.corrcoef); NaN for a constant column. */
export function pearsonCorrelations(m: Matrix): Float64Array {
  const { rows: n, cols: d } = m;
  const centred = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += m.data[i * d + j]!;
    mean /= n;
    for (let i = 0; i < n; i++) centred[i * d + j] = m.data[i * d + j]! - mean;
  }
  const cross = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = centred[i * d + j]!;
      for (let k = j; k < d; k++) cross[j * d + k]! += v * centred[i * d + k]!;
    }
  }
  const out = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      const r = cross[j * d + k]! / Math.sqrt(cross[j * d + j]! * cross[k * d + k]!);
      out[j * d + k] = out[k * d + j] = Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : Number.NaN;
    }
  }
  return out;
}

export interface CorrelationDifference {
  /** Mean of |corr_real - corr_synthetic| over the column pairs i < j where both are defined (null: none). */
  readonly meanAbs: number | null;
  readonly maxAbs: number | null;
  /** The pair with the largest difference. */
  readonly maxPair: readonly [string, string] | null;
  /** Pairs left out because a column is constant in one of the tables. */
  readonly undefinedPairs: number;
}

/** How far the synthetic table's pairwise (Pearson) correlations are from the real table's. */
export function correlationDifference(
  real: Matrix,
  synthetic: Matrix,
  names: readonly string[],
): CorrelationDifference {
  checkTables(real, synthetic, names, 'correlationDifference');
  const d = real.cols;
  const [a, b] = [pearsonCorrelations(real), pearsonCorrelations(synthetic)];
  let sum = 0;
  let count = 0;
  let undefinedPairs = 0;
  let maxAbs: number | null = null;
  let maxPair: [string, string] | null = null;
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const diff = Math.abs(a[i * d + j]! - b[i * d + j]!);
      if (Number.isNaN(diff)) {
        undefinedPairs++;
        continue;
      }
      sum += diff;
      count++;
      if (maxAbs === null || diff > maxAbs) {
        maxAbs = diff;
        maxPair = [names[i]!, names[j]!];
      }
    }
  }
  return { meanAbs: count > 0 ? sum / count : null, maxAbs, maxPair, undefinedPairs };
}
