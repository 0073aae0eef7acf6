/**
 * Sweeps as the scenario sees them: an axis moves one numeric parameter of the scenario's lab over an even grid;
 * one axis draws curves, two a phase diagram. Each grid point is the base scenario with the axes' values,
 * sanitized as a link is, and built into a plan here: the engine runs plans (engine/sweep.ts). Every point keeps
 * the base's seed (common random numbers), so curves are smooth, not jittered.
 */
import type { SweepPlanPoint } from '../engine/plan';
import { LABS, planFromScenario } from './labs/index';
import { sanitizeScenario } from './sanitize';
import { paramSpec, type Scenario, type SweepAxis } from './schema';

export type { SweepAxis } from './types';

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
): { scenario: Scenario; values: SweepPlanPoint['values']; notices: string[] }[] {
  if (axes.length < 1 || axes.length > 2) throw new SweepError('a sweep has one or two axes');
  if (axes.length === 2 && axes[0]!.param === axes[1]!.param)
    throw new SweepError('the two axes must differ');
  for (const axis of axes) {
    if (!LABS[base.lab].keys.has(axis.param))
      throw new SweepError(
        `${paramSpec(axis.param).url} is not a parameter of the ${LABS[base.lab].title} lab`,
      );
  }
  const grids = axes.map(axisValues);
  const combos: Record<string, number>[] = grids[0]!.flatMap((a) =>
    axes.length === 1
      ? [{ [axes[0]!.param]: a }]
      : grids[1]!.map((b) => ({ [axes[0]!.param]: a, [axes[1]!.param]: b })),
  );
  return combos.map((values) => {
    const { scenario, notices } = sanitizeScenario(values, base);
    // A point that the lab's rules move (the toy dataset's n + test <= 2,000 rows, a correlation invalid for p)
    // would be labelled with a value it did not run: the sweep stops and says why instead.
    for (const [key, value] of Object.entries(values)) {
      if (scenario[key as keyof Scenario] !== value) {
        const url = paramSpec(key as keyof Scenario).url;
        throw new SweepError(`${url} = ${value} does not fit this scenario: ${notices.join(' ')}`);
      }
    }
    return { scenario, values, notices };
  });
}

/** The grid's plans, what the engine runs. */
export function sweepPlans(base: Scenario, axes: readonly SweepAxis[]): SweepPlanPoint[] {
  return sweepScenarios(base, axes).map(({ scenario, values }) => ({
    values,
    plan: planFromScenario(scenario),
  }));
}
