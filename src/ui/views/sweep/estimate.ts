/**
 * What a sweep will cost, shown before it runs: fits, an estimate of the time from the current run's pace, and a
 * one-line description of the base scenario.
 */
import type { SweepSetting } from '../../../scenario/page';
import { defaultScenario, paramSpec, type Scenario } from '../../../scenario/schema';
import { gridValues } from './axes';

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
