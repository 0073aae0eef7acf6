/**
 * The sweep overlay: drawn only with an OLS model in the list, exact or limit as the points allow, its grid values
 * equal to the closed form of each sweep point's own plan, and a note wherever the drawn kind does not hold.
 */
import { describe, expect, it } from 'vitest';
import { olsTheory } from '../engine/theory/olsSweep';
import { planFromScenario } from './labs/index';
import { defaultScenario, type Scenario } from './schema';
import { sweepPlans, type SweepAxis } from './sweep';
import { sweepOverlay } from './sweepTheory';

const base = (overrides: Partial<Scenario>): Scenario => ({
  ...defaultScenario(),
  eta: 'linear',
  models: 'ols;poly:degree=3;knn:k=10',
  ...overrides,
});
const axis = (param: keyof Scenario, from: number, to: number, steps: number): SweepAxis => ({
  param,
  from,
  to,
  steps,
});

describe('sweepOverlay', () => {
  it('is null without an OLS model, whatever else the list holds', () => {
    for (const models of ['knn:k=10', 'poly:degree=3;knn:k=5', 'ridge:alpha=1;poly:degree=2'])
      expect(sweepOverlay(base({ models }), axis('shift', 0, 3, 7))).toBeNull();
    expect(sweepOverlay(base({ models: 'knn:k=5;poly:degree=1' }), axis('shift', 0, 3, 7))?.model).toBe(
      'poly:degree=1',
    );
  });

  it('linear η along the shift: exact at every point, the grid values those of each point`s plan', () => {
    const scenario = base({ p: 2, correlation: 0.3, n: 40, m: 30 });
    const x = axis('shift', 0, 3, 7);
    const overlay = sweepOverlay(scenario, x)!;
    expect(overlay.kind).toBe('exact');
    expect(overlay.notes).toEqual([]);
    const plans = sweepPlans(scenario, [x]);
    expect(overlay.grid.map((p) => p.x)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    overlay.grid.forEach((point, i) => expect(point.risks).toEqual(olsTheory(plans[i]!.plan).exact));
    // The dense curve has the grid points among its own, with the same values, and more between them.
    expect(overlay.curve.length).toBeGreaterThan(100);
    for (const point of overlay.grid)
      expect(overlay.curve.find((c) => c.x === point.x)?.risks).toEqual(point.risks);
    // The Mahalanobis term grows with the shift: E TSTR rises, E TRTR stays.
    const tstr = overlay.grid.map((p) => p.risks!.tstr);
    expect(tstr).toEqual([...tstr].sort((a, b) => a - b));
    expect(new Set(overlay.grid.map((p) => p.risks!.trtr)).size).toBe(1);
  });

  it('integer axes (n) are evaluated at whole numbers only, and E TRTR falls with n', () => {
    const overlay = sweepOverlay(base({}), axis('n', 20, 60, 5))!;
    expect(overlay.kind).toBe('exact');
    expect(overlay.curve.every((p) => Number.isInteger(p.x))).toBe(true);
    expect(overlay.curve).toHaveLength(41);
    const trtr = overlay.grid.map((p) => p.risks!.trtr);
    expect(trtr).toEqual([...trtr].sort((a, b) => b - a));
  });

  it('quadratic η: the limit (not E U at finite n), with no note since the limit holds everywhere', () => {
    const overlay = sweepOverlay(base({ eta: 'quadratic' }), axis('shift', 0, 2, 3))!;
    expect(overlay.kind).toBe('limit');
    expect(overlay.notes).toEqual([]);
    // p = 1, c = 1: U_inf = s^4/4 + s^2 (docs/theory.md §6.2).
    expect(overlay.grid.map((p) => p.risks!.utility)).toEqual([0, 1.25, 8]);
  });

  it('a sweep into a region without a closed form: drawn where exact, a note naming the rest', () => {
    // A quadratic bias shape: exact only at b = 0.
    const biased = sweepOverlay(base({ biasShape: 'quadratic' }), axis('bias', 0, 1, 5))!;
    expect(biased.kind).toBe('exact');
    expect(biased.grid.map((p) => p.risks !== null)).toEqual([true, false, false, false, false]);
    expect(biased.notes).toHaveLength(1);
    expect(biased.notes[0]).toMatch(/quadratic response bias.*from 0\.0083.* to 1\)$/);
    // A constant bias keeps η̃ affine: exact all along, U growing like b².
    const constant = sweepOverlay(base({ biasShape: 'constant' }), axis('bias', 0, 1, 5))!;
    expect(constant.kind).toBe('exact');
    expect(constant.notes).toEqual([]);
  });

  it('a sweep of n from below p + 3: exact from n = p + 3 on, a note for the rest (not the flat limit)', () => {
    const overlay = sweepOverlay(base({ p: 10 }), axis('n', 10, 30, 5))!;
    expect(overlay.kind).toBe('exact');
    expect(overlay.curve.filter((c) => c.risks === null).map((c) => c.x)).toEqual([10, 11, 12]);
    expect(overlay.notes).toEqual([
      'E R is infinite unless n and m exceed p + 2 (Real training size n from 10 to 12)',
    ]);
  });

  it('along the quadratic weight of a mixed η: the limit everywhere (w₂ = 0 included)', () => {
    const overlay = sweepOverlay(
      base({ eta: 'mixed', wSine: 0, wStep: 0, shift: 2 }),
      axis('wQuadratic', 0, 1, 3),
    )!;
    expect(overlay.kind).toBe('limit');
    expect(overlay.grid[0]!.risks!.utility).toBe(0);
    expect(overlay.grid[2]!.risks!.utility).toBeCloseTo(8, 12);
  });

  it('none where nothing holds (Student features, a fitted generator), with the reason', () => {
    const student = sweepOverlay(base({ features: 'student' }), axis('shift', 0, 3, 7))!;
    expect(student.kind).toBe('none');
    expect(student.curve.every((p) => p.risks === null)).toBe(true);
    expect(student.notes).toEqual(['it needs Gaussian features']);
    expect(sweepOverlay(base({ generator: 'gmm' }), axis('n', 50, 100, 3))!.kind).toBe('none');
  });

  it('the toy lab (a fixed dataset): none', () => {
    const toy = { ...defaultScenario('toy'), models: 'ols' };
    expect(olsTheory(planFromScenario(toy)).exact).toBeNull();
    expect(sweepOverlay(toy, axis('n', 100, 200, 3))!.kind).toBe('none');
  });
});
