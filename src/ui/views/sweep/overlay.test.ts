/**
 * The overlay as the charts get it: tied to the OLS series by its spec (never to another model, never by
 * position), its values merged into the chart rows without touching the Monte Carlo values, and the OLS model's
 * own risks for the risk chart.
 */
import { describe, expect, it } from 'vitest';
import type { SweepPoint } from '../../../engine/sweep';
import { summarize, type ReplicateRecord } from '../../../engine/summary';
import { defaultScenario, type Scenario } from '../../../scenario/schema';
import type { SweepAxis } from '../../../scenario/sweep';
import { sweepOverlay } from '../../../scenario/sweepTheory';
import { curveData } from './curves';
import {
  chartOverlay,
  logOverlayRows,
  overlayMax,
  riskRange,
  riskRows,
  withOverlayRows,
  type ChartOverlay,
} from './overlay';

const AXIS: SweepAxis = { param: 'shift', from: 0, to: 2, steps: 3 };
const scenario = (models: string): Scenario => ({ ...defaultScenario(), eta: 'linear', models });

/** A point whose model k has TRTR 1 + k and TSTR 1 + k + shift in both replicates, ± 0.1. */
function point(shift: number, ids: readonly string[]): SweepPoint {
  const models = ids.map((id) => ({ id, label: id.toUpperCase() }));
  const records: ReplicateRecord[] = [-0.1, 0.1].map((e, index) => ({
    index,
    trtr: ids.map((_, k) => 1 + k + e),
    tstr: ids.map((_, k) => 1 + k + shift + e),
    errors: ids.map(() => null),
  }));
  return { values: { shift }, summary: summarize(records, models, 2) };
}

function overlayFor(ids: readonly string[]): { points: SweepPoint[]; overlay: ChartOverlay | null } {
  const points = [0, 1, 2].map((s) => point(s, ids));
  const curves = curveData(points, 'shift');
  return { points, overlay: chartOverlay(sweepOverlay(scenario(ids.join(';')), AXIS), curves.models) };
}

describe('chartOverlay', () => {
  it('is drawn for the OLS series, wherever it sits in the list', () => {
    const { overlay } = overlayFor(['knn:k=5', 'poly:degree=3', 'ols']);
    expect(overlay?.model).toEqual({ index: 2, id: 'ols', label: 'OLS' });
    expect(overlay?.kind).toBe('exact');
    expect(overlay?.label).toBe('exact (closed form)');
  });

  it('is never drawn for a model that is not OLS', () => {
    expect(overlayFor(['knn:k=5']).overlay).toBeNull();
    expect(overlayFor(['knn:k=5', 'poly:degree=3', 'ridge:alpha=1']).overlay).toBeNull();
    // An overlay computed for OLS, but a sweep whose points hold no OLS: nothing to attach it to.
    const ols = sweepOverlay(scenario('ols'), AXIS);
    const knn = curveData([point(0, ['knn:k=5'])], 'shift').models;
    expect(chartOverlay(ols, knn)).toBeNull();
  });

  it('a limit is labelled as one; no closed form anywhere draws nothing', () => {
    const quadratic = sweepOverlay({ ...scenario('ols'), eta: 'quadratic' }, AXIS);
    const models = curveData([point(0, ['ols'])], 'shift').models;
    expect(chartOverlay(quadratic, models)?.label).toBe('limit (n, m → ∞)');
    const student = sweepOverlay({ ...scenario('ols'), features: 'student' }, AXIS);
    expect(student?.kind).toBe('none');
    expect(chartOverlay(student, models)).toBeNull();
  });
});

describe('the overlay in the chart rows', () => {
  const { points, overlay } = overlayFor(['knn:k=5', 'ols']);
  const curves = curveData(points, 'shift');
  const rows = withOverlayRows(curves.rows, overlay!.rows, ['u']);

  it('keeps every Monte Carlo row as it was and adds the curve`s points between them', () => {
    expect(rows.length).toBe(overlay!.rows.length);
    for (const row of curves.rows) {
      const merged = rows.find((r) => r.x === row.x)!;
      expect({ ...merged, theory_u: undefined }).toEqual({ ...row, theory_u: undefined });
    }
    const between = rows.filter((r) => !curves.rows.some((c) => c.x === r.x));
    expect(between.length).toBeGreaterThan(0);
    expect(between.every((r) => Object.keys(r).sort().join() === 'theory_u,x')).toBe(true);
    expect(rows.map((r) => r.x)).toEqual([...rows.map((r) => r.x)].sort((a, b) => a - b));
  });

  it('carries the closed-form U at the sweep`s own points', () => {
    const grid = sweepOverlay(scenario('knn:k=5;ols'), AXIS)!.grid;
    for (const g of grid) expect(rows.find((r) => r.x === g.x)!.theory_u).toBe(g.risks!.utility);
    expect(overlayMax(overlay)).toBe(Math.max(...overlay!.rows.map((r) => r.u!)));
    expect(overlayMax(null)).toBe(0);
  });

  it('on a log axis, U = 0 is a gap', () => {
    const logged = logOverlayRows([
      { x: 0, u: 0, trtr: 1, tstr: 1 },
      { x: 1, u: 0.5, trtr: 1, tstr: 1.5 },
    ]);
    expect(logged.map((r) => r.u)).toEqual([null, 0.5]);
  });

  it('the risk chart reads the OLS model`s TRTR and TSTR (model 1 here), not the first model`s', () => {
    const risks = riskRows(points, 'shift', overlay!);
    // OLS is model 1: TRTR 2 ± 0.1, TSTR 2 + shift ± 0.1.
    expect(risks.map((r) => [r.x, r.trtr, r.tstr])).toEqual([
      [0, 2, 2],
      [1, 2, 3],
      [2, 2, 4],
    ]);
    expect(risks[0]!.trtrb![0]).toBeLessThan(2);
    const [lo, hi] = riskRange(risks, overlay!);
    expect(lo).toBeLessThan(0.3); // the closed form's E TRTR ≈ σ² = 0.25 is in range
    expect(hi).toBeGreaterThan(4);
  });
});
