/**
 * The theory overlay as the sweep charts draw it (docs/theory.md §6.8): the closed-form curve of the OLS model in
 * the sweep's model list, and the Monte Carlo risks of that same model to draw it against. Only OLS has the closed
 * form, so the overlay is tied to the OLS series by its spec, never to a position in the list.
 */
import type { SweepPoint } from '../../../engine/sweep';
import type { Scenario } from '../../../scenario/schema';
import type { SweepOverlay } from '../../../scenario/sweepTheory';
import { bandOf, type Band } from '../../charts/band';
import type { CurveModel } from './curves';

/** One x of the closed-form curve: U, E TRTR and E TSTR (or their limits); null where the form does not hold. */
export interface OverlayRow {
  readonly x: number;
  readonly u: number | null;
  readonly trtr: number | null;
  readonly tstr: number | null;
}

export interface ChartOverlay {
  /** The OLS model of the sweep: the overlay belongs to its series only. */
  readonly model: CurveModel;
  readonly kind: 'exact' | 'limit';
  /** What the curve is, for its legend entry. */
  readonly label: string;
  readonly rows: readonly OverlayRow[];
  /** Where the curve is not drawn, and why. */
  readonly notes: readonly string[];
}

export const OVERLAY_LABEL = { exact: 'exact (closed form)', limit: 'limit (n, m → ∞)' } as const;

/**
 * The overlay to draw over the sweep's curves, or null: no OLS model among the sweep's models, or no closed form
 * anywhere along the axis.
 */
export function chartOverlay(
  overlay: SweepOverlay | null,
  models: readonly CurveModel[],
): ChartOverlay | null {
  if (!overlay || overlay.kind === 'none') return null;
  const model = models.find((m) => m.id === overlay.model);
  if (!model) return null;
  const rows = overlay.curve.map(({ x, risks }) => ({
    x,
    u: risks ? risks.utility : null,
    trtr: risks ? risks.trtr : null,
    tstr: risks ? risks.tstr : null,
  }));
  return { model, kind: overlay.kind, label: OVERLAY_LABEL[overlay.kind], rows, notes: overlay.notes };
}

/** The chart-row keys of the curve: `theory_u`, `theory_trtr`, `theory_tstr`. */
export type TheoryKey = `theory_${keyof Omit<OverlayRow, 'x'>}`;

type Row = { readonly x: number } & Readonly<Record<string, unknown>>;

/**
 * The chart's rows with the curve's values added under `theory_*` keys: on the row of the same x where there is
 * one (a sweep point), else on a row of its own, so that the curve is drawn through its dense points while the
 * Monte Carlo series keep their values at the sweep's points only (their lines join across the curve's rows).
 */
export function withOverlayRows<R extends Row>(
  rows: readonly R[],
  curve: readonly OverlayRow[],
  keys: readonly (keyof Omit<OverlayRow, 'x'>)[],
): (R | Row)[] {
  const byX = new Map<number, Record<string, unknown>>(rows.map((row) => [row.x, { ...row }]));
  for (const point of curve) {
    const row = byX.get(point.x) ?? { x: point.x };
    for (const key of keys) row[`theory_${key}`] = point[key];
    byX.set(point.x, row);
  }
  return ([...byX.values()] as Row[]).sort((a, b) => a.x - b.x);
}

/** The curve's rows on a log U axis: U ≤ 0 cannot be drawn there (a gap, as for the Monte Carlo means). */
export function logOverlayRows(rows: readonly OverlayRow[]): OverlayRow[] {
  return rows.map((row) => (row.u !== null && row.u > 0 ? row : { ...row, u: null }));
}

/** The largest U on the curve (0 when none), so that the U axis does not cut the curve off. */
export function overlayMax(overlay: ChartOverlay | null): number {
  let top = 0;
  for (const row of overlay?.rows ?? []) if (row.u !== null) top = Math.max(top, row.u);
  return top;
}

/** One sweep point's Monte Carlo TRTR and TSTR of the overlay's model: means and 95% bands. */
export type RiskRow = { readonly x: number } & Record<'trtr' | 'tstr', number | null> &
  Record<'trtrb' | 'tstrb', Band | null>;

/** The Monte Carlo risks of the overlay's model at every point, ascending in x. */
export function riskRows(
  points: readonly SweepPoint[],
  param: keyof Scenario,
  overlay: ChartOverlay,
): RiskRow[] {
  const rows: RiskRow[] = [];
  for (const point of points) {
    const x = point.values[param];
    const m = point.summary.models.find((model) => model.id === overlay.model.id);
    if (x === undefined || !m) continue;
    rows.push({
      x,
      trtr: m.trtr ? m.trtr.mean : null,
      tstr: m.tstr ? m.tstr.mean : null,
      trtrb: m.trtr?.hasInterval ? bandOf(m.trtr.lo, m.trtr.hi) : null,
      tstrb: m.tstr?.hasInterval ? bandOf(m.tstr.lo, m.tstr.hi) : null,
    });
  }
  return rows.sort((a, b) => a.x - b.x);
}

/** The risk axis' range: every mean, band end and curve value in it. */
export function riskRange(rows: readonly RiskRow[], overlay: ChartOverlay): [number, number] {
  const values: number[] = [];
  for (const row of rows) {
    for (const v of [row.trtr, row.tstr]) if (v !== null) values.push(v);
    for (const b of [row.trtrb, row.tstrb]) if (b) values.push(...b);
  }
  for (const row of overlay.rows) for (const v of [row.trtr, row.tstr]) if (v !== null) values.push(v);
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
}
