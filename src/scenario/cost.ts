/**
 * The estimate of what a scenario will cost, in the words the page and the CLI show: the engine's cost model
 * (engine/cost.ts: seconds on one thread of the machine its constants were measured on) spread over the run's
 * threads and scaled by the device's measured pace. One notion, used in three places: the gate before a heavy
 * run (GATE_SECONDS), the sweep's estimate line and question, and the CLI's line before a run.
 */
import {
  estimatePlanCost,
  wallSeconds,
  type CostOptions,
  type CostPart,
  type Pace,
  type PlanCost,
} from '../engine/cost';
import { COST_CONSTANTS } from '../engine/costConstants';
import { parseSpecText } from '../engine/learners/catalog';
import { planFromScenario } from './labs/index';
import { sanitizeScenario } from './sanitize';
import type { Scenario, SweepAxis } from './types';

/** Where and when the cost model's constants were measured (engine/costConstants.ts), for the estimate's label. */
export const CALIBRATION = { measured: COST_CONSTANTS.measured, machine: COST_CONSTANTS.machine } as const;

/** A run estimated above this many seconds waits for the user's word (the page's gate). */
export const GATE_SECONDS = 30;
/** "Fewer replicates" never goes below this: one replicate has no interval and no spread. */
export const MIN_GATE_REPLICATES = 2;

export interface RunEstimate {
  /** Wall-clock seconds on this device: the threads and the pace applied. */
  readonly seconds: number;
  /** The cost model's breakdown (one thread of the calibration machine). */
  readonly cost: PlanCost;
  /** The pace applied: threads, and the device's measured factor (null: none measured yet). */
  readonly threads: number;
  readonly factor: number | null;
}

export interface EstimateContext {
  /** Threads fitting replicates (default 1). */
  readonly threads?: number;
  /** Measured seconds per estimated second on this device; null or absent: not measured (1 is used). */
  readonly factor?: number | null;
}

function paceOf(context: EstimateContext): Pace {
  return {
    threads: context.threads ?? 1,
    ...(context.factor != null ? { factor: context.factor } : {}),
  };
}

/** The estimate of a page run of `scenario` (the CLI's run is the same less the plot grid). Never throws. */
export function runEstimate(
  scenario: Scenario,
  context: EstimateContext = {},
  options: CostOptions = {},
): RunEstimate {
  let cost: PlanCost;
  try {
    cost = estimatePlanCost(planFromScenario(scenario), options);
  } catch {
    // A scenario its lab cannot plan will fail at once with its own message: it costs nothing to try.
    cost = { parts: [], seconds: 0, perReplicate: 0, once: 0, replicates: 0 };
  }
  return {
    seconds: wallSeconds(cost, paceOf(context)),
    cost,
    threads: Math.max(1, Math.floor(context.threads ?? 1)),
    factor: context.factor ?? null,
  };
}

/** Whether a run needs the user's word before it starts. */
export function exceedsGate(estimate: RunEstimate, limit = GATE_SECONDS): boolean {
  return estimate.seconds > limit;
}

/**
 * The largest replicate count below the scenario's whose run is estimated at `limit` seconds or less, at least
 * MIN_GATE_REPLICATES; null when even that is over the limit (then only smaller sizes or models help).
 */
export function replicatesWithin(
  scenario: Scenario,
  limit = GATE_SECONDS,
  context: EstimateContext = {},
): number | null {
  const within = (replicates: number) => runEstimate({ ...scenario, replicates }, context).seconds <= limit;
  let lo = MIN_GATE_REPLICATES;
  let hi = scenario.replicates - 1;
  if (hi < lo || !within(lo)) return null;
  // The estimate grows with R: the largest R that fits, by bisection.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (within(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A sweep's estimate: every grid point's run (no plot grid, no fidelity report, one summary at the end), the
 * points one after another. `values` are the points' parameter values; a point sanitizing changes is estimated
 * as sanitized (the sweep itself refuses it, at no cost).
 */
export function sweepPointsSeconds(
  base: Scenario,
  values: readonly Partial<Record<keyof Scenario, number>>[],
  context: EstimateContext = {},
): number {
  const options = { grid: false, fidelity: false, streamed: false };
  // A point that moves nothing the cost model reads costs what the base costs: a 25 × 25 grid over a shift and a
  // bias is one estimate, not 625 (the sweep view re-estimates on every slider move).
  let same: number | null = null;
  return values.reduce((total, point) => {
    if (!Object.keys(point).some((key) => COST_KEYS.has(key as keyof Scenario))) {
      same ??= runEstimate(base, context, options).seconds;
      return total + same;
    }
    const { scenario } = sanitizeScenario(point, base);
    return total + runEstimate(scenario, context, options).seconds;
  }, 0);
}

/** The parameters the cost model reads (through the plan): every other one leaves an estimate as it is. */
const COST_KEYS: ReadonlySet<keyof Scenario> = new Set<keyof Scenario>([
  'lab',
  'task',
  'p',
  'n',
  'm',
  'nTest',
  'replicates',
  'generator',
  'generatorComponents',
  'generatorNeighbors',
  'tstrOn',
  'models',
]);

/** The points of a sweep's axes (first axis outermost), for sweepPointsSeconds. */
export function sweepEstimateSeconds(
  base: Scenario,
  axes: readonly SweepAxis[],
  context: EstimateContext = {},
): number {
  const grid = (axis: SweepAxis) =>
    Array.from({ length: Math.max(1, axis.steps) }, (_, i) =>
      axis.steps <= 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.steps - 1),
    );
  const [x, y] = axes;
  if (!x) return 0;
  const points = grid(x).flatMap((a) =>
    y ? grid(y).map((b) => ({ [x.param]: a, [y.param]: b })) : [{ [x.param]: a }],
  );
  return sweepPointsSeconds(base, points, context);
}

/** "about 40 s", "about 3 min", "about 1.5 h". */
/** What an estimate rests on, in a sentence (the gates' panels say it under the numbers). */
export function estimateBasis(threads: number, factor: number | null): string {
  const over = `${threads} thread${threads === 1 ? '' : 's'}`;
  const pace =
    factor === null
      ? 'your device may be faster or slower'
      : `scaled by this page’s runs so far (×${factor.toFixed(2)})`;
  return `Estimated from each model’s sizes with timings measured on a reference machine (${CALIBRATION.machine.split(',')[0]}, ${CALIBRATION.measured}), over ${over}; ${pace}.`;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/** A short time for one fit: "4 ms", "0.35 s", "39 s", "2.1 min". */
export function formatShort(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 0.001) return 'under 1 ms';
  if (seconds < 0.1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${seconds.toFixed(2).replace(/\.?0+$/, '')} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The model's cost-relevant settings: "kNN (k = 10)", "MLP 3×64, 2,000 epochs". */
function modelName(part: CostPart, scenario: Scenario): string {
  try {
    const { name, params } = parseSpecText(part.id, scenario.task);
    if (name === 'mlp') return `MLP ${params.depth}×${params.width}, ${count(params.epochs ?? 0)} epochs`;
    if (name === 'knn') return `kNN (k = ${params.k})`;
    if (name === 'poly') return `polynomial of degree ${params.degree}`;
    if (name === 'krr') return 'kernel ridge';
    if (name === 'logistic') return 'logistic regression';
  } catch {
    // An unreadable spec: its label as given.
  }
  return part.label;
}

/**
 * One line per part, largest first: "kernel ridge at n = 5,000: about 39 s per fit × 1,000 fits". Times are
 * per fit on this device (the pace factor applied, not the threads). `top` lines at most.
 */
export function describeParts(estimate: RunEstimate, scenario: Scenario, top = 3): string[] {
  const factor = estimate.factor ?? 1;
  return estimate.cost.parts
    .filter((part) => part.seconds > 0)
    .slice(0, top)
    .map((part) => {
      if (part.kind !== 'model' || !part.perFit) {
        const total = formatShort(part.seconds * factor);
        return part.kind === 'draws'
          ? `${part.label}: ${total} over ${count(part.count)} replicates`
          : `${part.label}: ${total}`;
      }
      const { real, synthetic } = part.perFit;
      const name = modelName(part, scenario);
      const each = count(part.count / 2);
      if (scenario.n === scenario.m || Math.abs(real - synthetic) <= 0.1 * Math.max(real, synthetic)) {
        const sizes =
          scenario.n === scenario.m
            ? `n = ${count(scenario.n)}`
            : `n = ${count(scenario.n)}, m = ${count(scenario.m)}`;
        return `${name} at ${sizes}: ${formatShort(((real + synthetic) / 2) * factor)} per fit × ${count(part.count)} fits`;
      }
      return `${name}: ${formatShort(real * factor)} per fit at n = ${count(scenario.n)} and ${formatShort(synthetic * factor)} at m = ${count(scenario.m)}, × ${each} fits each`;
    });
}
