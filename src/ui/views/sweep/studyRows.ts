/**
 * A 1-D sweep's study metric along the axis (issue 14), one row per grid point ascending in x, from each
 * point's `summary.study`: the self-consuming loop's spread at the last generation (with the closed form
 * ((m − 1)/m)^g on a dense grid where it holds), TMTR per model beside TRTR and TSTR (with OLS's closed-form
 * E TMTR), one ensemble member's U beside the ensemble's, and the hyperparameter choice's regret. Bands are 95%
 * intervals over replicates; missing values are null.
 */
import type { MeanInterval } from '../../../engine/metrics/intervals';
import type { SweepPoint } from '../../../engine/sweep';
import type { StudyKind, StudySummary } from '../../../engine/studies/types';
import { isOlsSpec, olsPooledRisk } from '../../../engine/theory/olsSweep';
import { planFromScenario } from '../../../scenario/labs/index';
import type { Scenario } from '../../../scenario/schema';
import { bandOf, type Band } from '../../charts/band';
import { collapseClosedForm } from '../../studyEstimates';
import { numberSpec } from './axes';

export type SweepStudy = Exclude<StudyKind, 'none'>;

/** The study a sweep's points carry: the base scenario's, when at least one point has its summary. */
export function sweepStudy(base: Scenario | null, points: readonly SweepPoint[]): SweepStudy | null {
  if (!base || base.study === 'none') return null;
  return points.some((p) => p.summary.study?.kind === base.study) ? base.study : null;
}

export type StudyRow = { readonly x: number } & Record<string, number | Band | null>;

function put(
  row: Record<string, number | Band | null>,
  key: string,
  e: MeanInterval | null | undefined,
  within?: readonly [number, number],
) {
  row[key] = e ? e.mean : null;
  row[`${key}b`] = e?.hasInterval ? bandOf(e.lo, e.hi, within) : null;
}

/** Spread and tail width cannot be negative (their bootstrap intervals stay within the values). */
const NONNEGATIVE: readonly [number, number] = [0, Infinity];

type Of<K extends SweepStudy> = Extract<StudySummary, { kind: K }>;

function studyOf<K extends SweepStudy>(point: SweepPoint, kind: K): Of<K> | null {
  const study = point.summary.study;
  return study?.kind === kind ? (study as Of<K>) : null;
}

/** The points' rows for a study, ascending in x (points without the study's summary give nulls). */
export function studyRows(
  points: readonly SweepPoint[],
  param: keyof Scenario,
  kind: SweepStudy,
): StudyRow[] {
  const rows: StudyRow[] = [];
  for (const point of points) {
    const x = point.values[param];
    if (x === undefined) continue;
    const row: Record<string, number | Band | null> = { x };
    const models = point.summary.models;
    if (kind === 'collapse') {
      const s = studyOf(point, 'collapse');
      put(row, 'spread', s ? s.spread[s.spread.length - 1] : null, NONNEGATIVE);
      put(row, 'tail', s ? s.tail[s.tail.length - 1] : null, NONNEGATIVE);
    } else if (kind === 'mix') {
      const s = studyOf(point, 'mix');
      models.forEach((m, k) => {
        put(row, `trtr${k}`, m.trtr);
        put(row, `tstr${k}`, m.tstr);
        put(row, `tmtr${k}`, s?.models[k]?.tmtr);
        put(row, `gain${k}`, s?.models[k]?.gain);
      });
    } else if (kind === 'ensemble') {
      const s = studyOf(point, 'ensemble');
      models.forEach((m, k) => {
        const u = m.utility;
        row[`u${k}`] = u ? u.value : null;
        row[`ub${k}`] = u ? bandOf(u.lo, u.hi) : null;
        const su = s?.models[k]?.memberUtility ?? null;
        row[`su${k}`] = su ? su.value : null;
        row[`sub${k}`] = su ? bandOf(su.lo, su.hi) : null;
      });
    } else {
      const s = studyOf(point, 'select');
      put(row, 'regret', s?.regret);
      put(row, 'relative', s?.relativeRegret);
      row.same = s?.sameChoice ? s.sameChoice.estimate : null;
      row.sameb = s?.sameChoice ? [s.sameChoice.lo, s.sameChoice.hi] : null;
    }
    rows.push(row as StudyRow);
  }
  return rows.sort((a, b) => a.x - b.x);
}

/** x values for a closed-form curve: every whole value of an integer axis (up to 200), else 121 even steps. */
export function denseValues(param: keyof Scenario, lo: number, hi: number): number[] {
  if (numberSpec(param).integer && hi - lo <= 200) {
    return Array.from({ length: Math.round(hi) - Math.round(lo) + 1 }, (_, i) => Math.round(lo) + i);
  }
  return Array.from({ length: 121 }, (_, i) => Number((lo + ((hi - lo) * i) / 120).toPrecision(12)));
}

/** A closed-form curve along the axis: its value at each x, null where it does not hold. */
export interface TheoryCurve {
  readonly rows: readonly { readonly x: number; readonly value: number | null }[];
  /** Whether it holds anywhere along the axis. */
  readonly holds: boolean;
  /** Why not, where it does not hold (the first reason met). */
  readonly reason: string | null;
}

type Closed = { readonly value: number | null; readonly reason: string | null };

function curve(xs: readonly number[], at: (x: number) => Closed): TheoryCurve {
  const values = xs.map((x) => ({ x, ...at(x) }));
  return {
    rows: values.map(({ x, value }) => ({ x, value })),
    holds: values.some((r) => r.value !== null),
    reason: values.find((r) => r.value === null && r.reason !== null)?.reason ?? null,
  };
}

/** The spread's closed form at the last generation, ((m − 1)/m)^g, at each x of the axis where it holds. */
export function spreadCurve(base: Scenario, param: keyof Scenario, lo: number, hi: number): TheoryCurve {
  return curve(denseValues(param, lo, hi), (x) => {
    const scenario = { ...base, [param]: x };
    const closed = collapseClosedForm(scenario);
    return closed.value === null
      ? { value: null, reason: closed.reason }
      : { value: closed.value(scenario.generations), reason: null };
  });
}

/** OLS's closed-form E TMTR at each x of the axis where it holds; null when OLS is not among the models. */
export function tmtrCurve(base: Scenario, param: keyof Scenario, lo: number, hi: number): TheoryCurve | null {
  if (!base.models.split(';').some((spec) => isOlsSpec(spec.trim()))) return null;
  const reason =
    'it needs the oracle generator drawing as the real population does, Gaussian features and a linear η';
  return curve(denseValues(param, lo, hi), (x) => {
    try {
      const value = olsPooledRisk(planFromScenario({ ...base, [param]: x }));
      return { value, reason: value === null ? reason : null };
    } catch {
      return { value: null, reason };
    }
  });
}

/** The rows with a curve's values under `key`: on the row of the same x, else on a row of its own. */
export function withCurve<R extends { readonly x: number }>(
  rows: readonly R[],
  theory: TheoryCurve | null,
  key: string,
): Record<string, unknown>[] {
  const byX = new Map<number, Record<string, unknown>>(rows.map((row) => [row.x, { ...row }]));
  for (const point of theory?.rows ?? []) {
    const row = byX.get(point.x) ?? { x: point.x };
    row[key] = point.value;
    byX.set(point.x, row);
  }
  return [...byX.values()].sort((a, b) => (a.x as number) - (b.x as number));
}

/** The largest value of the rows' `keys` (means and band tops) and of a curve, 0 when none. */
export function rowsMax(
  rows: readonly StudyRow[],
  keys: readonly string[],
  theory: TheoryCurve | null,
): number {
  let top = 0;
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      const b = row[`${key}b`];
      if (typeof v === 'number' && Number.isFinite(v)) top = Math.max(top, v);
      if (Array.isArray(b) && Number.isFinite(b[1])) top = Math.max(top, b[1]);
    }
  for (const r of theory?.rows ?? []) if (r.value !== null) top = Math.max(top, r.value);
  return top;
}

/** The smallest value of the rows' `keys` (means and band bottoms), 0 when none is below 0. */
export function rowsMin(rows: readonly StudyRow[], keys: readonly string[]): number {
  let low = 0;
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      const b = row[`${key}b`];
      if (typeof v === 'number' && Number.isFinite(v)) low = Math.min(low, v);
      if (Array.isArray(b) && Number.isFinite(b[0])) low = Math.min(low, b[0]);
    }
  return low;
}

/** The axis title of a sweep of the synthetic or real size in the mixing study: λ = m/n read along it. */
export function lambdaLabel(label: string, param: keyof Scenario, base: Scenario | null): string {
  if (!base || base.study !== 'mix') return label;
  if (param === 'm') return `${label} (λ = m/n, n = ${base.n})`;
  if (param === 'n') return `${label} (λ = m/n, m = ${base.m})`;
  return label;
}
