/** The 2-D phase diagram's cells: a ranking metric per grid point, placed by the axes' values. */
import type { SweepPoint } from '../../../engine/sweep';
import type { ExperimentSummary } from '../../../engine/summary';
import type { SweepSetting } from '../../../scenario/page';
import { gridValues } from './axes';
import { meanPairwiseConsistency, consistencyLabel } from './curves';

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
