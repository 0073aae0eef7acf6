/**
 * Words and numbers for the studies' estimates: a mean with its 95% interval over replicates (or why it has
 * none), the side of zero an interval is on (a verdict that can also say "no clear effect"), the closed form of
 * the self-consuming loop's spread where it applies, and which model a column of means puts first.
 */
import type { MeanInterval, ProportionInterval } from '../engine/metrics/intervals';
import { expectedSpread } from '../engine/studies/collapse';
import { studyTheoryOf } from '../scenario/studyColumns';
import type { Scenario } from '../scenario/schema';
import { formatInterval, formatNumber } from './format';

/** What a single replicate's estimate says instead of an interval. */
export const NEEDS_TWO = 'one replicate: an interval needs 2';

/** "95% CI lo – hi", or why there is none. */
export function intervalText(e: MeanInterval | null): string {
  if (!e) return 'no estimate yet';
  return e.hasInterval ? `95% CI ${formatInterval(e.lo, e.hi)}` : NEEDS_TWO;
}

/** "mean (95% CI lo – hi)", a dash when there is no estimate. */
export function estimateText(e: MeanInterval | null): string {
  if (!e) return '—';
  return `${formatNumber(e.mean)} (${intervalText(e)})`;
}

/** A Wilson interval's words: "x of R (95% Wilson lo – hi)". */
export function shareText(p: ProportionInterval | null): string {
  if (!p) return 'no complete replicate yet';
  const count = Number.isInteger(p.successes) ? String(p.successes) : p.successes.toFixed(2);
  return `${count} of ${p.trials} (${formatNumber(p.estimate)}, 95% Wilson ${formatInterval(p.lo, p.hi)})`;
}

/**
 * Where a paired difference's 95% interval lies: wholly above 0, wholly below, across 0 (no clear effect), or
 * nowhere yet (one replicate, or none).
 */
export type Side = 'above' | 'below' | 'across' | 'unknown';

export function sideOfZero(e: MeanInterval | null): Side {
  if (!e || !e.hasInterval) return 'unknown';
  if (e.lo > 0) return 'above';
  if (e.hi < 0) return 'below';
  return 'across';
}

/** The mixing study's word for a gain TRTR − TMTR (> 0: the synthetic points helped). */
export function gainWord(gain: MeanInterval | null): string {
  const side = sideOfZero(gain);
  if (side === 'above') return 'helps';
  if (side === 'below') return 'hurts';
  if (side === 'across') return 'no clear effect';
  return gain ? 'needs 2 replicates' : '—';
}

/** The ensemble study's word for a benefit single − ensemble TSTR (> 0: the ensemble is better). */
export function benefitWord(benefit: MeanInterval | null): string {
  const side = sideOfZero(benefit);
  if (side === 'above') return 'ensemble better';
  if (side === 'below') return 'ensemble worse';
  if (side === 'across') return 'no clear effect';
  return benefit ? 'needs 2 replicates' : '—';
}

/**
 * The closed form E spread_g = ((m − 1)/m)^g (engine/studies/collapse.ts) where it holds for this scenario: a
 * Gaussian generator refitted by maximum likelihood on its own draws, regression, no fresh real data. Otherwise
 * `value` is null and `reason` says why.
 */
export type ClosedForm = { value: (g: number) => number; reason: null } | { value: null; reason: string };

export function collapseClosedForm(scenario: Scenario): ClosedForm {
  const theory = studyTheoryOf(scenario);
  if (theory?.kind !== 'collapse') return { value: null, reason: 'there is no self-consuming loop' };
  if (theory.reason !== null) return { value: null, reason: theory.reason };
  const m = theory.m;
  return { value: (g: number) => expectedSpread(m, g), reason: null };
}

/** Where a closed-form value sits against an estimate's interval. */
export function against(value: number, e: MeanInterval | null): 'inside' | 'outside' | 'unknown' {
  if (!e || !e.hasInterval) return 'unknown';
  return value >= e.lo && value <= e.hi ? 'inside' : 'outside';
}

export { bestIndex } from '../engine/studies/summary';
