/**
 * Pure data shaping for the sweep view: the grid of an axis (the engine's formula, repeated here so the page
 * does not load the engine), input checks for the axis editor, the cost estimate shown before a run, the rows of
 * the 1-D curves (U per model and the ranking agreement, with 95% bands) and the cells of the 2-D phase diagram.
 * No React here: everything is tested in shape.test.ts.
 */
import type { SweepPoint } from '../../../engine/sweep';
import type { ExperimentSummary } from '../../../engine/summary';
import type { SweepAxisSetting, SweepSetting } from '../../../scenario/page';
import { defaultScenario, paramSpec, type NumberParam, type Scenario } from '../../../scenario/schema';

export const MIN_STEPS = 2;
export const MAX_STEPS = 25;

/** The number spec of a sweepable parameter. */
export function numberSpec(param: keyof Scenario): NumberParam {
  const spec = paramSpec(param);
  if (spec.kind !== 'number') throw new Error(`${String(param)} is not a numeric parameter`);
  return spec;
}

/**
 * The grid values of an axis, as the engine computes them (engine/sweep.ts axisValues): `steps` evenly spaced
 * values from `from` to `to`, rounded to 12 digits; integer parameters are rounded and duplicates dropped.
 */
export function gridValues(axis: SweepAxisSetting): number[] {
  const spec = numberSpec(axis.param);
  const values = Array.from({ length: axis.steps }, (_, i) =>
    axis.steps === 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.steps - 1),
  ).map((v) => Number(v.toPrecision(12)));
  return spec.integer ? [...new Set(values.map(Math.round))] : values;
}

/** Grid points of a sweep (first axis outermost, as the engine runs them). */
export function totalPoints(setting: SweepSetting): number {
  return gridValues(setting.x).length * (setting.y ? gridValues(setting.y).length : 1);
}

// ---------------------------------------------------------------------------------------------------------
// The axis editor's input check
// ---------------------------------------------------------------------------------------------------------

/** What the user typed, before it is checked. */
export interface AxisDraft {
  readonly param: keyof Scenario;
  readonly from: string;
  readonly to: string;
  readonly steps: string;
}

export interface AxisCheck {
  /** The axis to use, or null when an input cannot be read. */
  readonly axis: SweepAxisSetting | null;
  /** Why the axis cannot be used (by field). */
  readonly errors: Partial<Record<'from' | 'to' | 'steps', string>>;
  /** What was changed to make it usable (clamped, rounded, fewer distinct values). */
  readonly notes: string[];
}

export function draftOf(axis: SweepAxisSetting): AxisDraft {
  return { param: axis.param, from: String(axis.from), to: String(axis.to), steps: String(axis.steps) };
}

function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Checks the typed values: numbers only, clamped to the parameter's bounds, 2..25 steps, from ≠ to. */
export function checkAxis(draft: AxisDraft): AxisCheck {
  const spec = numberSpec(draft.param);
  const errors: AxisCheck['errors'] = {};
  const notes: string[] = [];
  const end = (field: 'from' | 'to'): number | null => {
    const raw = readNumber(draft[field]);
    if (raw === null) {
      errors[field] =
        draft[field].trim() === '' ? `Enter a value for "${field}".` : `"${draft[field]}" is not a number.`;
      return null;
    }
    let value = raw;
    if (value < spec.min || value > spec.max) {
      value = Math.min(spec.max, Math.max(spec.min, value));
      notes.push(
        `${field} = ${raw} is outside ${spec.label}'s range ${spec.min} … ${spec.max}; ${value} is used.`,
      );
    }
    if (spec.integer && !Number.isInteger(value)) {
      const rounded = Math.round(value);
      notes.push(`${spec.label} takes whole numbers: ${field} = ${value} is read as ${rounded}.`);
      value = rounded;
    }
    return value;
  };
  const from = end('from');
  const to = end('to');
  let steps: number | null = readNumber(draft.steps);
  if (steps === null) {
    errors.steps =
      draft.steps.trim() === '' ? 'Enter the number of steps.' : `"${draft.steps}" is not a number.`;
  } else {
    const asked = steps;
    steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.round(steps)));
    if (steps !== asked) notes.push(`Steps must be a whole number from 2 to 25; ${steps} is used.`);
  }
  if (from !== null && to !== null && from === to) {
    errors.to = `"from" and "to" are both ${from}: there is nothing to sweep.`;
  }
  if (from === null || to === null || steps === null || Object.keys(errors).length > 0) {
    return { axis: null, errors, notes };
  }
  const axis = { param: draft.param, from, to, steps };
  const distinct = gridValues(axis).length;
  if (distinct < steps) {
    notes.push(
      `${spec.label} takes whole numbers: only ${distinct} distinct values between ${from} and ${to}.`,
    );
  }
  return { axis, errors, notes };
}

/** A fresh axis for a newly picked parameter: its whole range, or a sensible part of it. */
export function axisFor(param: keyof Scenario, steps: number): SweepAxisSetting {
  const spec = numberSpec(param);
  const axis = { param, from: spec.min, to: spec.max, steps };
  return { ...axis, steps: Math.max(MIN_STEPS, Math.min(steps, gridValues(axis).length)) };
}

export function sameAxis(a: SweepAxisSetting | null, b: SweepAxisSetting | null): boolean {
  if (a === null || b === null) return a === b;
  return a.param === b.param && a.from === b.from && a.to === b.to && a.steps === b.steps;
}

export function sameSetting(a: SweepSetting, b: SweepSetting): boolean {
  return sameAxis(a.x, b.x) && sameAxis(a.y, b.y);
}

// ---------------------------------------------------------------------------------------------------------
// Cost estimate
// ---------------------------------------------------------------------------------------------------------

export interface SweepEstimate {
  readonly points: number;
  /** Experiments in all: grid points × replicates per point. */
  readonly replicates: number;
  /** Model fits: replicates × models × 2 (on real and on synthetic data). */
  readonly fits: number;
  readonly seconds: number;
  /** Large enough to ask before running. */
  readonly huge: boolean;
}

/** Assumed cost of one replicate when the page has not timed one yet. */
export const FALLBACK_MS_PER_REPLICATE = 60;
export const HUGE_SECONDS = 90;
export const HUGE_FITS = 30_000;

export function modelCount(models: string): number {
  return models.split(';').filter((part) => part.trim() !== '').length;
}

/**
 * How long the sweep will take, from the time one replicate of the base scenario took on this page
 * (`msPerReplicate`, null when unknown). The cost of a point is taken as proportional to its replicates and,
 * when the sweep moves a sample size (n, m, test size), to that size relative to the base scenario's.
 */
export function estimateSweep(
  base: Scenario,
  setting: SweepSetting,
  msPerReplicate: number | null,
): SweepEstimate {
  const perReplicate = msPerReplicate ?? FALLBACK_MS_PER_REPLICATE;
  const axes = setting.y ? [setting.x, setting.y] : [setting.x];
  const grids = axes.map(gridValues);
  const combos: Partial<Record<keyof Scenario, number>>[] = grids[0]!.flatMap((a) =>
    axes.length === 1
      ? [{ [axes[0]!.param]: a }]
      : grids[1]!.map((b) => ({ [axes[0]!.param]: a, [axes[1]!.param]: b })),
  );
  const models = modelCount(base.models);
  let replicates = 0;
  let ms = 0;
  for (const values of combos) {
    const r = values.replicates ?? base.replicates;
    let factor = 1;
    for (const key of ['n', 'm', 'nTest'] as const) {
      const v = values[key];
      if (v !== undefined && base[key] > 0) factor *= v / base[key];
    }
    replicates += r;
    ms += r * perReplicate * factor;
  }
  const fits = replicates * models * 2;
  const seconds = ms / 1000;
  return {
    points: combos.length,
    replicates,
    fits,
    seconds,
    huge: seconds > HUGE_SECONDS || fits > HUGE_FITS,
  };
}

/** "about 40 s", "about 3 min", "about 1.5 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

// ---------------------------------------------------------------------------------------------------------
// The base scenario's label
// ---------------------------------------------------------------------------------------------------------

/**
 * The base scenario in a few words: the parameters that differ from the defaults (link names), the models
 * and R always, the swept parameters left out (the sweep sets them).
 */
export function describeBase(base: Scenario, setting: SweepSetting): string {
  const swept = new Set<keyof Scenario>([setting.x.param, ...(setting.y ? [setting.y.param] : [])]);
  const defaults = defaultScenario();
  const parts: string[] = [];
  for (const key of Object.keys(defaults) as (keyof Scenario)[]) {
    if (swept.has(key) || key === 'backend' || key === 'models' || key === 'replicates') continue;
    if (base[key] === defaults[key]) continue;
    parts.push(`${paramSpec(key).url}=${String(base[key])}`);
  }
  if (!swept.has('replicates')) parts.unshift(`R=${base.replicates}`);
  parts.unshift(`models=${base.models}`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------------------
// Ranking statistics of one point
// ---------------------------------------------------------------------------------------------------------

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
    : `mean pairwise consistency C̄ (over ${(models * (models - 1)) / 2} pairs)`;
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
      row[`ub${k}`] = u && u.lo !== null && u.hi !== null ? [u.lo, u.hi] : null;
    });
    const r = point.summary.ranking;
    if (r) ranking = true;
    const tau = r?.kendallTauB ?? null;
    row.tau = tau ? tau.mean : null;
    // τ_b lies in [-1, 1]; its t interval may not.
    row.taub = tau?.hasInterval ? [Math.max(-1, tau.lo), Math.min(1, tau.hi)] : null;
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

// ---------------------------------------------------------------------------------------------------------
// 2-D phase diagram
// ---------------------------------------------------------------------------------------------------------

export type HeatMetric = 'consistency' | 'tau' | 'top1';

export const HEAT_METRICS: readonly HeatMetric[] = ['consistency', 'tau', 'top1'];

/** Domain of each metric's colour scale (fixed, so diagrams compare across runs). */
export const METRIC_DOMAIN: Readonly<Record<HeatMetric, readonly [number, number]>> = {
  consistency: [0, 1],
  tau: [-1, 1],
  top1: [0, 1],
};

export function metricLabel(metric: HeatMetric, models: number): string {
  if (metric === 'consistency') return consistencyLabel(models);
  if (metric === 'tau') return 'Kendall τ_b (TRTR vs TSTR order)';
  return 'top-1 agreement (same best model)';
}

export function metricValue(summary: ExperimentSummary, metric: HeatMetric): number | null {
  if (metric === 'consistency') return meanPairwiseConsistency(summary);
  const r = summary.ranking;
  if (!r) return null;
  if (metric === 'tau') return r.kendallTauB ? r.kendallTauB.mean : null;
  return r.top1 ? r.top1.estimate : null;
}

export interface HeatCell {
  /** Column (x) and row (y) in display order: ascending values. */
  readonly col: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
  /** 'pending': not run yet; 'na': run, but the metric is undefined there (fewer than two models fitted). */
  readonly state: 'done' | 'pending' | 'na';
  readonly value: number | null;
  readonly point: SweepPoint | null;
}

export interface Heatmap {
  /** Axis values, ascending. */
  readonly xs: number[];
  readonly ys: number[];
  /** Every cell of the grid, row-major from the lowest y. */
  readonly cells: HeatCell[];
  readonly done: number;
  /** Models in the sweep (from the first point), for the metric's label. */
  readonly models: number;
}

function indexOfValue(values: readonly number[], v: number | undefined): number {
  if (v === undefined) return -1;
  let best = -1;
  let bestDistance = Infinity;
  values.forEach((value, i) => {
    const d = Math.abs(value - v);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  const scale = Math.max(1, Math.abs(v));
  return bestDistance <= 1e-9 * scale ? best : -1;
}

/** The phase diagram's cells for the sweep `setting` (which must have a second axis) from the points so far. */
export function heatmapData(
  points: readonly SweepPoint[],
  setting: SweepSetting,
  metric: HeatMetric,
): Heatmap {
  if (!setting.y) throw new Error('a phase diagram needs two axes');
  const xs = [...new Set(gridValues(setting.x))].sort((a, b) => a - b);
  const ys = [...new Set(gridValues(setting.y))].sort((a, b) => a - b);
  const found = new Map<number, SweepPoint>();
  for (const point of points) {
    const col = indexOfValue(xs, point.values[setting.x.param]);
    const row = indexOfValue(ys, point.values[setting.y.param]);
    if (col >= 0 && row >= 0) found.set(row * xs.length + col, point);
  }
  const cells: HeatCell[] = [];
  ys.forEach((y, row) =>
    xs.forEach((x, col) => {
      const point = found.get(row * xs.length + col) ?? null;
      const value = point ? metricValue(point.summary, metric) : null;
      cells.push({
        col,
        row,
        x,
        y,
        state: point === null ? 'pending' : value === null ? 'na' : 'done',
        value,
        point,
      });
    }),
  );
  return { xs, ys, cells, done: found.size, models: points[0]?.summary.models.length ?? 0 };
}

/** Indices of the axis labels to show: at most `room`, evenly spread, always the first and the last. */
export function labelIndices(count: number, room: number): number[] {
  if (count <= 0) return [];
  const k = Math.max(1, Math.min(count, Math.floor(room)));
  if (k === 1) return [0];
  return [...new Set(Array.from({ length: k }, (_, i) => Math.round((i * (count - 1)) / (k - 1))))];
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
  const low = Math.floor(Math.log10(lo));
  const high = Math.max(low + 1, Math.ceil(Math.log10(hi)));
  const decade = (k: number) => Number(`1e${k}`);
  const floor = decade(low);
  const ticks = Array.from({ length: high - low + 1 }, (_, i) => decade(low + i));
  const rows = curves.rows.map((row) => {
    const out: Record<string, number | [number, number] | null> = { ...row };
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      const band = row[`ub${m.index}`];
      out[`u${m.index}`] = typeof u === 'number' && u > 0 ? u : null;
      out[`ub${m.index}`] = Array.isArray(band) && band[1] > 0 ? [Math.max(floor, band[0]), band[1]] : null;
    }
    return out as CurveRow;
  });
  return { rows, floor, ticks };
}

/** Whether U spans enough decades that a log axis reads better (largest / smallest positive mean > 30). */
export function wantsLog(curves: Curves): boolean {
  const means: number[] = [];
  for (const row of curves.rows)
    for (const m of curves.models) {
      const u = row[`u${m.index}`];
      if (typeof u === 'number' && u > 0) means.push(u);
    }
  return means.length > 1 && Math.max(...means) / Math.min(...means) > 30;
}

/** A power of ten as a tick label: 0.001 … 10000 written out, 1e-5 and 1e5 beyond. */
export function formatDecade(value: number): string {
  if (!(value > 0)) return String(value);
  const k = Math.round(Math.log10(value));
  return k >= -3 && k <= 4 ? String(Number(`1e${k}`)) : `1e${k}`;
}
