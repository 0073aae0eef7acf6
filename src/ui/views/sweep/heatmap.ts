/**
 * The 2-D phase diagram's cells: a ranking metric per grid point, placed by the axes' values, or a study's scalar
 * metric (issue 14): the self-consuming loop's spread at the last generation, the hyperparameter choice's mean
 * regret, the mixing study's gain TRTR − TMTR of the first model.
 */
import type { StudyKind } from '../../../engine/studies/types';
import type { SweepPoint } from '../../../engine/sweep';
import type { ExperimentSummary } from '../../../engine/summary';
import type { SweepSetting } from '../../../scenario/page';
import { gridValues } from './axes';
import { meanPairwiseConsistency, consistencyLabel } from './curves';

export type RankMetric = 'consistency' | 'tau' | 'top1';
export type StudyMetric = 'spread' | 'regret' | 'gain';
export type HeatMetric = RankMetric | StudyMetric;

export const HEAT_METRICS: readonly RankMetric[] = ['consistency', 'tau', 'top1'];

/** The study metric a phase diagram offers for a study (the ensemble's U per model is no single number). */
const STUDY_METRICS: Partial<Record<StudyKind, StudyMetric>> = {
  collapse: 'spread',
  select: 'regret',
  mix: 'gain',
};

/** The metrics a phase diagram of a sweep with this study offers: the ranking ones, then the study's. */
export function metricsFor(study: StudyKind | null): HeatMetric[] {
  const own = study ? STUDY_METRICS[study] : undefined;
  return own ? [...HEAT_METRICS, own] : [...HEAT_METRICS];
}

export function isRankMetric(metric: HeatMetric): metric is RankMetric {
  return (HEAT_METRICS as readonly string[]).includes(metric);
}

/** Domain of each ranking metric's colour scale (fixed, so diagrams compare across runs). */
export const METRIC_DOMAIN: Readonly<Record<RankMetric, readonly [number, number]>> = {
  consistency: [0, 1],
  tau: [-1, 1],
  top1: [0, 1],
};

/**
 * The colour scale's domain: fixed for a ranking metric; for a study metric from the cells' values: the spread
 * from 0 to at least 1 (the real sample's), the regret from 0 (or below) up, the gain symmetric around 0.
 */
export function metricDomain(
  metric: HeatMetric,
  values: readonly (number | null)[],
): readonly [number, number] {
  if (isRankMetric(metric)) return METRIC_DOMAIN[metric];
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (metric === 'spread') return [0, Math.max(1, hi)];
  if (metric === 'gain') {
    const reach = Math.max(Math.abs(lo), Math.abs(hi));
    return reach > 0 ? [-reach, reach] : [-1, 1];
  }
  return hi > lo ? [lo, hi] : [0, 1];
}

export function metricLabel(metric: HeatMetric, models: number, first = 'the first model'): string {
  if (metric === 'consistency') return consistencyLabel(models);
  if (metric === 'tau') return 'Kendall τ_b (TRTR vs TSTR order)';
  if (metric === 'top1') return 'top-1 agreement (same best model)';
  if (metric === 'spread') return 'spread at the last generation (× the real sample)';
  if (metric === 'regret') return 'mean regret of the choice on synthetic validation';
  return `mean gain TRTR − TMTR of ${first} (> 0: the synthetic points help)`;
}

export function metricValue(summary: ExperimentSummary, metric: HeatMetric): number | null {
  if (metric === 'consistency') return meanPairwiseConsistency(summary);
  const study = summary.study;
  if (metric === 'spread')
    return study?.kind === 'collapse' ? (study.spread[study.spread.length - 1]?.mean ?? null) : null;
  if (metric === 'regret') return study?.kind === 'select' ? (study.regret?.mean ?? null) : null;
  if (metric === 'gain') return study?.kind === 'mix' ? (study.models[0]?.gain?.mean ?? null) : null;
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
