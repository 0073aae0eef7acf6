/**
 * Words for the ranking statistics' intervals, shared by the ranking view and the results table: a bootstrap
 * interval, a plain sentence when every replicate gives the same value (an interval "1 – 1" would claim a
 * precision the replicates cannot give), and top-1 counts that may be fractional because of ties.
 */
import type { BootstrapInterval, ProportionInterval } from '../engine/metrics/intervals';
import { formatInterval } from './format';

/**
 * Below this many replicates a percentile bootstrap is too narrow: it never reaches past the values observed
 * (docs/theory.md section 4.6), so the text says so.
 */
export const FEW_REPLICATES = 10;

/** For tau and rho the best value is 1 and the worst -1; for SRA (a share of pairs) 1 and 0. */
export type RankScale = 'correlation' | 'share';

/** The sentence for a statistic that every replicate gives the same value, or null when they differ. */
export function unanimousText(e: BootstrapInterval | null, scale: RankScale): string | null {
  if (!e?.unanimous || e.n < 2) return null;
  const worst = scale === 'share' ? 0 : -1;
  if (e.mean === 1) return `all ${e.n} replicates order the models as the real data do`;
  if (e.mean === worst) return `all ${e.n} replicates reverse the real-data order`;
  return `the same value in all ${e.n} replicates`;
}

/** The interval line under a ranking statistic in the ranking view. */
export function rankIntervalText(
  e: BootstrapInterval | null,
  scale: RankScale,
  undefinedNote: string,
): string {
  if (!e) return undefinedNote;
  if (!e.hasInterval) return 'one replicate: no interval';
  const same = unanimousText(e, scale);
  if (same) return same;
  const few = e.n < FEW_REPLICATES ? ` (under ${FEW_REPLICATES} replicates: too narrow)` : '';
  return `95% bootstrap: ${formatInterval(e.lo, e.hi)}${few}`;
}

/** The short form after a value in the results table: "(lo – hi)", "in all R replicates", or nothing. */
export function rankIntervalShort(e: BootstrapInterval | null): string {
  if (!e?.hasInterval) return '';
  if (e.unanimous) return ` in all ${e.n} replicates`;
  return ` (${formatInterval(e.lo, e.hi)})`;
}

/** A count of agreeing replicates: whole, or with two decimals when ties made it fractional. */
export function countText(count: number): string {
  return Number.isInteger(count) ? String(count) : count.toFixed(2);
}

/** The top-1 line: "x of R · 95%: lo – hi", saying when ties made the count fractional. */
export function top1Text(p: ProportionInterval | null): string {
  if (!p) return 'no complete replicate';
  const ties = Number.isInteger(p.successes) ? '' : ' (ties count in part)';
  return `${countText(p.successes)} of ${p.trials}${ties} · 95%: ${formatInterval(p.lo, p.hi)}`;
}
