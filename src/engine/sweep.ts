/**
 * Sweeps: the replicate runner over a grid of one numeric parameter (a curve) or two (a phase diagram).
 * Every grid point uses the scenario's seed (common random numbers), so curves are smooth, not jittered.
 */
import { sanitizeScenario } from '../scenario/sanitize';
import { paramSpec, type Scenario } from '../scenario/schema';
import { planFromScenario } from './experiment';
import { runExperiment, type ReplicateLane } from './run';
import type { ExperimentSummary } from './summary';

export interface SweepAxis {
  readonly param: keyof Scenario;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface SweepPoint {
  /** The swept parameters' values at this point, by scenario key. */
  readonly values: Readonly<Partial<Record<keyof Scenario, number>>>;
  readonly summary: ExperimentSummary;
}

export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

/** The grid values of an axis, checked against the parameter's bounds (no silent clamping inside a sweep). */
export function axisValues(axis: SweepAxis): number[] {
  const spec = paramSpec(axis.param);
  if (spec.kind !== 'number' || axis.param === 'seed') {
    throw new SweepError(
      `${String(axis.param)} cannot be swept (only numeric scenario parameters, not the seed)`,
    );
  }
  if (!Number.isInteger(axis.steps) || axis.steps < 1 || axis.steps > 200) {
    throw new SweepError(`steps must be a whole number from 1 to 200, got ${axis.steps}`);
  }
  for (const end of [axis.from, axis.to]) {
    if (!Number.isFinite(end) || end < spec.min || end > spec.max) {
      throw new SweepError(`${spec.url} = ${end} is outside ${spec.min}..${spec.max}`);
    }
  }
  const values = Array.from({ length: axis.steps }, (_, i) =>
    axis.steps === 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.steps - 1),
  ).map((v) => Number(v.toPrecision(12)));
  return spec.integer ? [...new Set(values.map(Math.round))] : values;
}

/** The scenarios of the grid (first axis outermost), each valid, with the notices sanitizing gave. */
export function sweepScenarios(
  base: Scenario,
  axes: readonly SweepAxis[],
): { scenario: Scenario; values: SweepPoint['values']; notices: string[] }[] {
  if (axes.length < 1 || axes.length > 2) throw new SweepError('a sweep has one or two axes');
  if (axes.length === 2 && axes[0]!.param === axes[1]!.param)
    throw new SweepError('the two axes must differ');
  const grids = axes.map(axisValues);
  const combos: Partial<Record<keyof Scenario, number>>[] = grids[0]!.flatMap((a) =>
    axes.length === 1
      ? [{ [axes[0]!.param]: a }]
      : grids[1]!.map((b) => ({ [axes[0]!.param]: a, [axes[1]!.param]: b })),
  );
  return combos.map((values) => {
    const { scenario, notices } = sanitizeScenario(values, base);
    return { scenario, values, notices };
  });
}

export async function runSweep(
  base: Scenario,
  axes: readonly SweepAxis[],
  options: {
    readonly isCancelled?: () => boolean;
    readonly onPoint?: (point: SweepPoint, index: number, total: number) => void;
    /** Fit replicates one at a time (the benchmark's baseline). */
    readonly oneAtATime?: boolean;
    /** Helper threads for a point's replicates (run.ts RunOptions.farm). */
    readonly farm?: (scenario: Scenario) => readonly ReplicateLane[];
  } = {},
): Promise<SweepPoint[]> {
  const grid = sweepScenarios(base, axes);
  const points: SweepPoint[] = [];
  for (const [index, { scenario, values }] of grid.entries()) {
    const runOptions = {
      // A point keeps its summary only: replicate 1's fidelity report would be computed for nothing.
      fidelity: false,
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      ...(options.oneAtATime ? { oneAtATime: true } : {}),
      ...(options.farm ? { farm: options.farm(scenario) } : {}),
    };
    const { summary } = await runExperiment(planFromScenario(scenario), runOptions);
    const point = { values, summary };
    points.push(point);
    options.onPoint?.(point, index, grid.length);
  }
  return points;
}
