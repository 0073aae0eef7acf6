/**
 * What a sweep will cost, shown before it runs: fits, the estimate of its time, and a one-line description of the
 * base scenario. The time is the page's one estimate (scenario/cost.ts): every grid point's run under the cost
 * model, on this device's threads and measured pace, the same numbers the gate before a heavy run reads.
 */
import type { SweepSetting } from '../../../scenario/page';
import { sweepPointsSeconds, type EstimateContext } from '../../../scenario/cost';
import { defaultScenario, paramSpec, type Scenario } from '../../../scenario/schema';
import { gridValues } from './axes';

export { formatDuration } from '../../../scenario/cost';

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

/**
 * A sweep asks first above these. Higher than the gate's GATE_SECONDS: a run starts by itself when a link opens
 * or a slider moves, while a sweep starts only from its Run button, with this estimate written beside it.
 */
export const HUGE_SECONDS = 90;
export const HUGE_FITS = 30_000;

export function modelCount(models: string): number {
  return models.split(';').filter((part) => part.trim() !== '').length;
}

/** How long the sweep will take on this device (`context`: the page's threads and measured pace). */
export function estimateSweep(
  base: Scenario,
  setting: SweepSetting,
  context: EstimateContext = {},
): SweepEstimate {
  const axes = setting.y ? [setting.x, setting.y] : [setting.x];
  const grids = axes.map(gridValues);
  const combos: Partial<Record<keyof Scenario, number>>[] = grids[0]!.flatMap((a) =>
    axes.length === 1
      ? [{ [axes[0]!.param]: a }]
      : grids[1]!.map((b) => ({ [axes[0]!.param]: a, [axes[1]!.param]: b })),
  );
  const models = modelCount(base.models);
  const replicates = combos.reduce((total, values) => total + (values.replicates ?? base.replicates), 0);
  const fits = replicates * models * 2;
  const seconds = sweepPointsSeconds(base, combos, context);
  return {
    points: combos.length,
    replicates,
    fits,
    seconds,
    huge: seconds > HUGE_SECONDS || fits > HUGE_FITS,
  };
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
