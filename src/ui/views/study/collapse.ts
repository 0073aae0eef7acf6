/**
 * The self-consuming loop's chart rows: per generation g = 0..G the spread and the tail width (means over
 * replicates with their 95% bands) and, where it holds, the closed form ((m − 1)/m)^g of the spread.
 */
import type { StudySummary } from '../../../engine/studies/types';
import { bandOf, type Band } from '../../charts/band';
import type { ClosedForm } from '../../studyEstimates';

export type CollapseSummary = Extract<StudySummary, { kind: 'collapse' }>;

export interface CollapseRow {
  readonly g: number;
  readonly spread: number | null;
  readonly spreadBand: Band | null;
  readonly tail: number | null;
  readonly tailBand: Band | null;
  /** The closed form of the spread at g; null where it does not hold. */
  readonly exact: number | null;
}

/** Spread and tail width are ratios of variances and ranges (their bootstrap intervals stay within the values). */
const NONNEGATIVE: readonly [number, number] = [0, Infinity];

export function collapseRows(study: CollapseSummary, closed: ClosedForm): CollapseRow[] {
  return study.spread.map((spread, g) => {
    const tail = study.tail[g] ?? null;
    return {
      g,
      spread: spread.mean,
      spreadBand: bandOf(spread.lo, spread.hi, NONNEGATIVE),
      tail: tail ? tail.mean : null,
      tailBand: tail ? bandOf(tail.lo, tail.hi, NONNEGATIVE) : null,
      exact: closed.value ? closed.value(g) : null,
    };
  });
}

/** The largest value the chart has to show (means, band tops, the closed form), at least 1 (the real sample). */
export function collapseTop(rows: readonly CollapseRow[]): number {
  let top = 1;
  for (const row of rows) {
    for (const v of [row.spread, row.tail, row.exact, row.spreadBand?.[1], row.tailBand?.[1]])
      if (typeof v === 'number' && Number.isFinite(v)) top = Math.max(top, v);
  }
  return top;
}
