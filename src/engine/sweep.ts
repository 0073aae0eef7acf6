/**
 * Sweeps: the replicate runner over the plans of a grid (one swept parameter: a curve; two: a phase diagram),
 * built by scenario/sweep.ts. Points run in order and stream as they finish.
 */
import type { ExperimentPlan, SweepPlanPoint } from './plan';
import { runExperiment, type ReplicateLane } from './run';
import type { ExperimentSummary } from './summary';

export interface SweepPoint {
  /** The swept parameters' values at this point, by scenario key. */
  readonly values: Readonly<Record<string, number>>;
  readonly summary: ExperimentSummary;
}

export async function runSweep(
  grid: readonly SweepPlanPoint[],
  options: {
    readonly isCancelled?: () => boolean;
    readonly onPoint?: (point: SweepPoint, index: number, total: number) => void;
    /** Fit replicates one at a time (the benchmark's baseline). */
    readonly oneAtATime?: boolean;
    /** Helper threads for a point's replicates (run.ts RunOptions.farm), asked for once per point. */
    readonly farm?: (plan: ExperimentPlan) => readonly ReplicateLane[];
  } = {},
): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const [index, { plan, values }] of grid.entries()) {
    const runOptions = {
      // A point keeps its summary only: the first replicate's fidelity report would be computed for nothing.
      fidelity: false,
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      ...(options.oneAtATime ? { oneAtATime: true } : {}),
      ...(options.farm ? { farm: options.farm(plan) } : {}),
    };
    const { summary } = await runExperiment(plan, runOptions);
    const point = { values, summary };
    points.push(point);
    options.onPoint?.(point, index, grid.length);
  }
  return points;
}
