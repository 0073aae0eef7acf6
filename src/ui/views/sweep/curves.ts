/**
 * The 1-D sweep's curves: U per model and the ranking agreement with 95% bands, their axis ranges, and the log
 * scale where U spans decades.
 */
import type { SweepPoint } from '../../../engine/sweep';
import type { ExperimentSummary } from '../../../engine/summary';
import type { Scenario } from '../../../scenario/schema';
import { bandOf, logBand } from '../../charts/band';
import { decadeAxis, spansDecades } from '../../charts/scale';

/**
 * Mean of the pairwise consistencies C_jk over the pairs j < k: for two models it is C_01 = P(the two models
 * are ordered alike by TRTR and TSTR); null without a ranking.
 */
export function meanPairwiseConsistency(summary: ExperimentSummary): number | null {
  const c = summary.ranking?.consistency;
  if (!c || c.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let j = 0; j < c.length; j++) {
    for (let k = j + 1; k < c.length; k++) {
      const v = c[j]?.[k];
      if (v === undefined || !Number.isFinite(v)) continue;
      sum += v;
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : null;
}

/** The name of the consistency measure for this many models. */
export function consistencyLabel(models: number): string {
  return models === 2
    ? 'P(consistent ranking) = C₀₁'
    : `SRA, the mean pairwise consistency C̄ (over ${(models * (models - 1)) / 2} pairs)`;
}

// ---------------------------------------------------------------------------------------------------------
// 1-D curves
// ---------------------------------------------------------------------------------------------------------

export interface CurveModel {
  readonly index: number;
  readonly id: string;
  readonly label: string;
}

/**
 * One row per grid point, ascending in x. Keys: `u${k}` U of model k, `ub${k}` its 95% band [lo, hi];
 * `tau` Kendall τ_b and `taub` its band; `cons` the mean pairwise consistency; `top1` top-1 agreement.
 * Missing values are null (a model not fitted, one replicate: no band).
 */
export type CurveRow = { readonly x: number } & Record<string, number | [number, number] | null>;

export interface Curves {
  readonly models: CurveModel[];
  readonly rows: CurveRow[];
  /** Whether any point has a ranking (two or more models). */
  readonly ranking: boolean;
}

export function curveData(points: readonly SweepPoint[], param: keyof Scenario): Curves {
  const first = points[0]?.summary.models ?? [];
  const models = first.map((m, index) => ({ index, id: m.id, label: m.label }));
  const rows: CurveRow[] = [];
  let ranking = false;
  for (const point of points) {
    const x = point.values[param];
    if (x === undefined) continue;
    const row: Record<string, number | [number, number] | null> = { x };
    point.summary.models.forEach((m, k) => {
      const u = m.utility;
      row[`u${k}`] = u ? u.value : null;
      row[`ub${k}`] = u ? bandOf(u.lo, u.hi) : null;
    });
    const r = point.summary.ranking;
    if (r) ranking = true;
    const tau = r?.kendallTauB ?? null;
    row.tau = tau ? tau.mean : null;
    // τ_b lies in [-1, 1]; its t interval may not.
    row.taub = tau?.hasInterval ? bandOf(tau.lo, tau.hi, [-1, 1]) : null;
    row.cons = meanPairwiseConsistency(point.summary);
    row.top1 = r?.top1 ? r.top1.estimate : null;
    rows.push(row as CurveRow);
  }
  rows.sort((a, b) => a.x - b.x);
  return { models, rows, ranking };
}

/** Lower end of the ranking axis: 0 while every agreement measure is ≥ 0 (the usual case), else -1. */
export function rankingFloor(curves: Curves): 0 | -1 {
  for (const row of curves.rows) {
    for (const key of ['tau', 'cons', 'top1'] as const) {
      const v = row[key];
      if (typeof v === 'number' && v < 0) return -1;
    }
    const band = row.taub;
    if (Array.isArray(band) && band[0] < 0) return -1;
  }
  return 0;
}

/** Upper end of the U axis: the largest mean or band top, 0 when nothing is in. */
export function utilityMax(curves: Curves): number {
  let top = 0;
  for (const row of curves.rows) {
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      const band = row[`ub${m.index}`];
      if (typeof u === 'number') top = Math.max(top, u);
      if (Array.isArray(band)) top = Math.max(top, band[1]);
    }
  }
  return top;
}

export interface LogCurves {
  readonly rows: CurveRow[];
  /** Lower end of the log axis: a decade at or below the smallest positive value. */
  readonly floor: number;
  /** Powers of ten from the floor to above the largest value. */
  readonly ticks: number[];
}

/**
 * The rows for a log U axis: means ≤ 0 left out, band ends ≤ 0 put at the axis floor (a band that reaches 0
 * runs off the bottom, as it should).
 */
export function logCurves(curves: Curves): LogCurves {
  const positive: number[] = [];
  for (const row of curves.rows) {
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      const band = row[`ub${m.index}`];
      if (typeof u === 'number' && u > 0) positive.push(u);
      if (Array.isArray(band)) positive.push(...band.filter((v) => v > 0));
    }
  }
  const lo = positive.length > 0 ? Math.min(...positive) : 0.01;
  const hi = positive.length > 0 ? Math.max(...positive) : 1;
  const { floor, ticks } = decadeAxis(lo, hi);
  const rows = curves.rows.map((row) => {
    const out: Record<string, number | [number, number] | null> = { ...row };
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      const band = row[`ub${m.index}`];
      out[`u${m.index}`] = typeof u === 'number' && u > 0 ? u : null;
      out[`ub${m.index}`] = logBand(Array.isArray(band) ? band : null, floor);
    }
    return out as CurveRow;
  });
  return { rows, floor, ticks };
}

/** Whether U spans enough decades that a log axis reads better (largest / smallest positive mean past LOG_RATIO). */
export function wantsLog(curves: Curves): boolean {
  const means: number[] = [];
  for (const row of curves.rows)
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      if (typeof u === 'number' && u > 0) means.push(u);
    }
  return spansDecades(means);
}
