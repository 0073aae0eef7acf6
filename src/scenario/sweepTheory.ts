/**
 * The theory overlay of a 1-D sweep (docs/theory.md §6.8): OLS's closed-form E TRTR, E TSTR and U along the swept
 * parameter, for the Sweep view to draw under the Monte Carlo points. Every value on the curve is computed from
 * the plan of that value's scenario, sanitized as a sweep point is (scenario/sweep.ts), so the curve and the
 * points describe the same experiments; the rule for where a closed form holds is the engine's (olsTheory).
 */
import { isOlsSpec, olsTheory, type OlsRisks, type OlsTheory } from '../engine/theory/olsSweep';
import { splitSpecs } from '../engine/learners/catalog';
import { planFromScenario } from './labs/index';
import { paramSpec, type Scenario } from './schema';
import { sweepScenarios, type SweepAxis } from './sweep';

/** Dense curve points between the sweep's own (more where the sweep has few); the grid points are among them. */
const CURVE_POINTS = 120;

export interface OverlayPoint {
  readonly x: number;
  /** The drawn kind's risks at x; null where that kind does not hold (the curve has a gap there). */
  readonly risks: OlsRisks | null;
}

export interface SweepOverlay {
  /** The OLS spec in the model list the overlay belongs to. */
  readonly model: string;
  /**
   * 'exact': E TRTR, E TSTR and U at the sweep's n and m; 'limit': their limits as n, m -> infinity (eta has a
   * quadratic part); 'none': no closed form anywhere along the axis, `notes` say why.
   */
  readonly kind: 'exact' | 'limit' | 'none';
  /** The curve, ascending in x. */
  readonly curve: readonly OverlayPoint[];
  /** The same at the sweep's own grid values, ascending in x. */
  readonly grid: readonly OverlayPoint[];
  /** Where the drawn kind does not hold and why: "reason (x from a to b)". */
  readonly notes: readonly string[];
}

/** The x values and the theory of each, on the axis or on a denser grid with the same ends. */
function theoryAlong(base: Scenario, axis: SweepAxis, steps: number) {
  return sweepScenarios(base, [{ ...axis, steps }])
    .map(({ scenario, values }) => ({
      x: values[axis.param]!,
      theory: olsTheory(planFromScenario(scenario)),
    }))
    .sort((a, b) => a.x - b.x);
}

function pick(theory: OlsTheory, kind: SweepOverlay['kind']): OlsRisks | null {
  return kind === 'exact' ? theory.exact : kind === 'limit' ? theory.limit : null;
}

/**
 * Exact where it holds at half the values or more (a sweep of n that starts at n <= p + 2 keeps its exact curve
 * from there on); else the limit where it holds at more values than the exact form (a sweep of a mixed eta's
 * quadratic weight from 0); else whichever holds somewhere.
 */
function kindOf(points: readonly { theory: OlsTheory }[]): SweepOverlay['kind'] {
  const count = (key: 'exact' | 'limit') => points.filter((p) => p.theory[key] !== null).length;
  const [exact, limit] = [count('exact'), count('limit')];
  if (exact > 0 && 2 * exact >= points.length) return 'exact';
  if (limit > exact) return 'limit';
  return exact > 0 ? 'exact' : 'none';
}

function range(xs: readonly number[]): string {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? `at ${lo}` : `from ${lo} to ${hi}`;
}

/**
 * The overlay of a 1-D sweep of `base` along `axis`, or null when no OLS model is in the scenario's model list
 * (the closed forms are OLS's only: no other model gets a curve).
 */
export function sweepOverlay(base: Scenario, axis: SweepAxis): SweepOverlay | null {
  const model = splitSpecs(base.models).find(isOlsSpec);
  if (model === undefined) return null;
  const sub = axis.steps > 1 ? Math.max(1, Math.floor(CURVE_POINTS / (axis.steps - 1))) : 1;
  const dense = theoryAlong(base, axis, axis.steps > 1 ? Math.min(200, (axis.steps - 1) * sub + 1) : 1);
  const kind = kindOf(dense);
  const missing = new Map<string, number[]>();
  for (const { x, theory } of dense) {
    if (pick(theory, kind) !== null) continue;
    const reason = theory.reason ?? 'no closed form';
    missing.set(reason, [...(missing.get(reason) ?? []), x]);
  }
  const notes = [...missing].map(([reason, xs]) =>
    kind === 'none' ? reason : `${reason} (${paramSpec(axis.param).label} ${range(xs)})`,
  );
  const points = (list: typeof dense) => list.map(({ x, theory }) => ({ x, risks: pick(theory, kind) }));
  return { model, kind, curve: points(dense), grid: points(theoryAlong(base, axis, axis.steps)), notes };
}
