/**
 * The numbers behind the decomposition chart (pure, tested): per model, the finite-sample gap
 * mean TSTR − mean TRTR with its interval, and from the population references the limit R(f̄) − R(f*) split along
 * the path real → real features with synthetic responses → synthetic population:
 *   response part  = R(f_resp) − R(f*)     (only the responses differ),
 *   feature part   = R(f̄) − R(f_resp)      (the features differ too; it matters through misspecification),
 *   estimation     = gap − limit           (finite n and m: what is left of the gap at this sample size).
 * The three parts add up to the finite-sample gap. Every number is finite or null, never NaN. Exact references
 * have zero-width intervals; Monte Carlo ones carry their 95% interval over independent fits, and the
 * estimation part's interval combines the gap's and the limit's half-widths in quadrature (independent
 * samples: the references never share a draw with the replicates).
 */
import { estimationPart, type PopulationReferences } from '../../../engine/references';
import type { ModelSummary } from '../../../engine/results';
import { niceTicks } from '../../format';

const finite = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export interface ReferenceParts {
  /** R(f*_k): population risk of the real-trained model. */
  readonly real: number;
  /** R(f̄_k): population risk of the model trained on the synthetic population. */
  readonly synthetic: number;
  readonly response: number;
  readonly feature: number;
  /** R(f̄_k) − R(f*_k) = response + feature. */
  readonly limit: number;
  /** 95% intervals of the parts and the limit (lo = hi when exact; null when one fit gave no interval). */
  readonly intervals: {
    readonly response: Interval | null;
    readonly feature: Interval | null;
    readonly limit: Interval | null;
  };
  /** Closed form (true) or Monte Carlo mean over `fits` fits of `size` points. */
  readonly exact: boolean;
  readonly fits: number;
  readonly size: number | null;
  /** Whether the limit is this learner's large-sample limit (else: its output at N = size). */
  readonly isLimit: boolean;
}

export interface DecompositionRow {
  readonly id: string;
  readonly label: string;
  /** Position in the summary's model list (its colour). */
  readonly index: number;
  /** Replicate 1 is still fitting it (its numbers come later). */
  readonly pending?: boolean;
  /** mean TSTR − mean TRTR with its 95% interval (lo, hi null with one replicate); null if never fitted. */
  readonly gap: { readonly mean: number; readonly lo: number | null; readonly hi: number | null } | null;
  readonly utility: { readonly value: number; readonly lo: number | null; readonly hi: number | null } | null;
  /** The population limit's parts; null until the references are in, or when the model has none. */
  readonly reference: ReferenceParts | null;
  /** gap − limit; null without both, or with TSTS (the finite-sample gap is then scored on other data). */
  readonly estimation: number | null;
  /** Its 95% interval: half-widths of the gap and the limit in quadrature; null without both intervals. */
  readonly estimationInterval: Interval | null;
  /** Why the model has no reference (its fit failed on the large samples). */
  readonly referenceError: string | null;
}

export function referenceParts(
  references: PopulationReferences | null,
  id: string,
  index: number,
): { parts: ReferenceParts | null; error: string | null } {
  if (!references) return { parts: null, error: null };
  const m = references.models.find((r) => r.id === id) ?? references.models[index];
  if (!m || m.id !== id) return { parts: null, error: null };
  const real = finite(m.real);
  const synthetic = finite(m.synthetic);
  const response = finite(m.responsePart);
  const feature = finite(m.featurePart);
  if (real === null || synthetic === null || response === null || feature === null || !m.values) {
    return { parts: null, error: m.error ?? 'no population value' };
  }
  const values = m.values;
  const interval = (key: 'responsePart' | 'featurePart' | 'limit'): Interval | null => {
    const [lo, hi] = [finite(values[key].lo), finite(values[key].hi)];
    return lo === null || hi === null ? null : { lo, hi };
  };
  return {
    parts: {
      real,
      synthetic,
      response,
      feature,
      limit: response + feature,
      intervals: {
        response: interval('responsePart'),
        feature: interval('featurePart'),
        limit: interval('limit'),
      },
      exact: m.method === 'exact',
      fits: m.fits,
      size: m.size,
      isLimit: m.isLimit,
    },
    error: null,
  };
}

/** gap − limit's interval: both are means of independent samples, so their half-widths add in quadrature. */
export function estimationInterval(
  gap: { readonly mean: number; readonly lo: number | null; readonly hi: number | null },
  parts: ReferenceParts,
): Interval | null {
  const limit = parts.intervals.limit;
  if (limit === null) return null;
  const { lo, hi } = estimationPart(gap, { value: parts.limit, lo: limit.lo, hi: limit.hi, se: Number.NaN });
  return lo === null || hi === null ? null : { lo, hi };
}

export function decompositionRows(
  models: readonly ModelSummary[],
  references: PopulationReferences | null,
  tsts: boolean,
): DecompositionRow[] {
  return models.map((m, index) => {
    const mean = finite(m.gap?.mean);
    const gap =
      mean === null
        ? null
        : {
            mean,
            lo: m.gap?.hasInterval ? finite(m.gap.lo) : null,
            hi: m.gap?.hasInterval ? finite(m.gap.hi) : null,
          };
    const u = finite(m.utility?.value);
    const utility = u === null ? null : { value: u, lo: finite(m.utility?.lo), hi: finite(m.utility?.hi) };
    const { parts, error } = referenceParts(references, m.id, index);
    const estimation = !tsts && gap && parts ? gap.mean - parts.limit : null;
    return {
      id: m.id,
      label: m.label,
      ...(m.pending ? { pending: true } : {}),
      index,
      gap,
      utility,
      reference: parts,
      estimation,
      estimationInterval: !tsts && gap && parts ? estimationInterval(gap, parts) : null,
      referenceError: error,
    };
  });
}

export type PartName = 'response' | 'feature' | 'estimation';

export interface Segment {
  readonly part: PartName;
  readonly from: number;
  readonly to: number;
}

/**
 * The waterfall of one row: 0 → response → + feature (= the population limit) → + estimation (= the
 * finite-sample gap). Each part starts where the previous one ended, so signed parts are drawn honestly: a
 * negative part goes left. Parts that are unknown are left out.
 */
export function waterfall(row: DecompositionRow): Segment[] {
  const r = row.reference;
  if (!r) return [];
  const segments: Segment[] = [
    { part: 'response', from: 0, to: r.response },
    { part: 'feature', from: r.response, to: r.limit },
  ];
  if (row.estimation !== null)
    segments.push({ part: 'estimation', from: r.limit, to: r.limit + row.estimation });
  return segments;
}

/** Every value the decomposition chart draws, for its axis. */
export function decompositionExtent(rows: readonly DecompositionRow[]): number[] {
  return rows.flatMap((row) => [
    0,
    ...waterfall(row).flatMap((s) => [s.from, s.to]),
    ...(row.gap ? [row.gap.mean, row.gap.lo ?? row.gap.mean, row.gap.hi ?? row.gap.mean] : []),
  ]);
}

/** The image of an interval under |·| (as U's interval is the image of the gap's, docs/theory.md §3.2). */
export function absInterval(interval: Interval): Interval {
  const [a, b] = [Math.abs(interval.lo), Math.abs(interval.hi)];
  return interval.lo <= 0 && interval.hi >= 0
    ? { lo: 0, hi: Math.max(a, b) }
    : { lo: Math.min(a, b), hi: Math.max(a, b) };
}

/** Every value the U chart draws: U with its interval and |limit| with its interval. */
export function utilityExtent(rows: readonly DecompositionRow[]): number[] {
  return rows.flatMap((row) => [
    0,
    ...(row.utility ? [row.utility.value, row.utility.hi ?? row.utility.value] : []),
    ...(row.reference ? [Math.abs(row.reference.limit)] : []),
    ...(row.reference?.intervals.limit ? [absInterval(row.reference.intervals.limit).hi] : []),
  ]);
}

/**
 * A linear axis over the values and 0: round ticks; the end on the side of the data's extreme is the next round
 * tick, the other end (when the data barely cross 0) a small margin, so a tiny negative value does not waste
 * half the chart. Never degenerate.
 */
export function linearAxis(
  values: readonly number[],
  count = 5,
): { lo: number; hi: number; ticks: number[] } {
  const kept = values.filter(Number.isFinite);
  const min = Math.min(0, ...kept);
  let max = Math.max(0, ...kept);
  if (!(max > min)) max = min + 1;
  const all = niceTicks(min, max, count);
  const span = max - min;
  const lo = Math.max(all[0]!, min - 0.04 * span);
  const hi = Math.min(all[all.length - 1]!, max + 0.04 * span);
  // The end beyond the last tick keeps the round tick when that costs little.
  const end = (tick: number, edge: number) => (Math.abs(tick - edge) <= 0.1 * span ? tick : edge);
  const from = end(all[0]!, lo);
  const to = end(all[all.length - 1]!, hi);
  return { lo: from, hi: to, ticks: all.filter((t) => t >= from - 1e-12 && t <= to + 1e-12) };
}
