/** The sweep axes (grids, the editor's checks) and the cost estimate shown before a run. */
import { describe, expect, it } from 'vitest';
import { axisValues } from '../../../scenario/sweep';
import { defaultScenario, type Scenario } from '../../../scenario/schema';
import type { SweepSetting } from '../../../scenario/page';
import { axisFor, checkAxis, gridValues, sameSetting, totalPoints } from './axes';
import { describeBase, estimateSweep, formatDuration } from './estimate';

describe('grid values', () => {
  it('equal the engine’s for float and integer parameters, reversed ranges included', () => {
    const axes = [
      { param: 'shift', from: 0, to: 3, steps: 7 },
      { param: 'shift', from: 2, to: -1, steps: 4 },
      { param: 'bias', from: 0, to: 0.3, steps: 4 },
      { param: 'n', from: 10, to: 13, steps: 7 },
      { param: 'keepComponents', from: 1, to: 6, steps: 25 },
      { param: 'noiseScale', from: 0, to: 5, steps: 25 },
    ] as const;
    for (const axis of axes) expect(gridValues(axis)).toEqual(axisValues(axis));
  });

  it('count the points of 1-D and 2-D sweeps', () => {
    expect(totalPoints({ x: { param: 'shift', from: 0, to: 2, steps: 3 }, y: null })).toBe(3);
    expect(
      totalPoints({
        x: { param: 'bias', from: 0, to: 2, steps: 5 },
        y: { param: 'keepComponents', from: 1, to: 3, steps: 7 },
      }),
    ).toBe(15);
  });
});

describe('axis input check', () => {
  const draft = (from: string, to: string, steps: string, param: keyof Scenario = 'shift') => ({
    param,
    from,
    to,
    steps,
  });

  it('accepts good input as is', () => {
    const check = checkAxis(draft('0', '2', '5'));
    expect(check.axis).toEqual({ param: 'shift', from: 0, to: 2, steps: 5 });
    expect(check.errors).toEqual({});
    expect(check.notes).toEqual([]);
  });

  it('says what is wrong with input it cannot read', () => {
    const check = checkAxis(draft('abc', '', '5'));
    expect(check.axis).toBeNull();
    expect(check.errors.from).toMatch(/"abc" is not a number/);
    expect(check.errors.to).toMatch(/Enter a value/);
    expect(checkAxis(draft('1', '1', '5')).errors.to).toMatch(/nothing to sweep/);
    expect(checkAxis(draft('0', '1', 'x')).errors.steps).toMatch(/not a number/);
  });

  it('clamps to the parameter’s bounds and the steps to 2..25, and says so', () => {
    const check = checkAxis(draft('-9', '9', '40'));
    expect(check.axis).toEqual({ param: 'shift', from: -3, to: 3, steps: 25 });
    expect(check.notes.join(' ')).toMatch(/from = -9 is outside .* -3 … 3; -3 is used/);
    expect(check.notes.join(' ')).toMatch(/Steps must be a whole number from 2 to 25; 25 is used/);
    expect(checkAxis(draft('0', '1', '1')).axis?.steps).toBe(2);
    expect(checkAxis(draft('0', '1', '3.6')).axis?.steps).toBe(4);
    expect(checkAxis(draft('\u22121', '1', '3')).axis?.from).toBe(-1);
  });

  it('rounds whole-number parameters and notes when fewer distinct values exist', () => {
    const check = checkAxis(draft('10.4', '13', '7', 'n'));
    expect(check.axis).toEqual({ param: 'n', from: 10, to: 13, steps: 7 });
    expect(check.notes.join(' ')).toMatch(/whole numbers: from = 10.4 is read as 10/);
    expect(check.notes.join(' ')).toMatch(/only 4 distinct values/);
  });

  it('gives a new parameter its whole range, with no more steps than distinct values', () => {
    expect(axisFor('bias', 7)).toEqual({ param: 'bias', from: -3, to: 3, steps: 7 });
    expect(axisFor('keepComponents', 25)).toEqual({ param: 'keepComponents', from: 1, to: 6, steps: 6 });
  });

  it('compares settings by value', () => {
    const a: SweepSetting = { x: { param: 'shift', from: 0, to: 1, steps: 3 }, y: null };
    expect(sameSetting(a, { x: { ...a.x }, y: null })).toBe(true);
    expect(sameSetting(a, { x: { ...a.x, steps: 4 }, y: null })).toBe(false);
    expect(sameSetting(a, { x: a.x, y: { param: 'bias', from: 0, to: 1, steps: 2 } })).toBe(false);
  });
});

describe('cost estimate', () => {
  const base = { ...defaultScenario(), replicates: 10, n: 200, models: 'ols;poly:degree=3;knn:k=10' };

  it('counts points, replicates and fits, and estimates the points’ runs', () => {
    const e = estimateSweep(base, { x: { param: 'shift', from: 0, to: 2, steps: 5 }, y: null });
    expect(e.points).toBe(5);
    expect(e.replicates).toBe(50);
    expect(e.fits).toBe(50 * 3 * 2);
    const one = estimateSweep(base, { x: { param: 'shift', from: 0, to: 0, steps: 1 }, y: null });
    // The shift costs nothing: five points cost five times one.
    expect(e.seconds).toBeCloseTo(5 * one.seconds, 9);
    expect(e.huge).toBe(false);
  });

  it('grows with swept replicates and sample sizes, and with the measured pace', () => {
    const shift = estimateSweep(base, { x: { param: 'shift', from: 0, to: 2, steps: 3 }, y: null });
    const r = estimateSweep(base, { x: { param: 'replicates', from: 10, to: 30, steps: 3 }, y: null });
    expect(r.replicates).toBe(60);
    expect(r.seconds).toBeGreaterThan(shift.seconds);
    const n = estimateSweep(base, { x: { param: 'n', from: 1000, to: 3000, steps: 3 }, y: null });
    expect(n.seconds).toBeGreaterThan(shift.seconds);
    const slow = estimateSweep(
      base,
      { x: { param: 'shift', from: 0, to: 2, steps: 3 }, y: null },
      { factor: 2 },
    );
    expect(slow.seconds).toBeCloseTo(2 * shift.seconds, 9);
  });

  it('flags a huge 2-D sweep', () => {
    const e = estimateSweep(
      { ...base, replicates: 100 },
      {
        x: { param: 'bias', from: 0, to: 2, steps: 25 },
        y: { param: 'wQuadratic', from: 0, to: 2, steps: 25 },
      },
    );
    expect(e.points).toBe(625);
    expect(e.fits).toBe(625 * 100 * 6);
    expect(e.huge).toBe(true);
    expect(formatDuration(e.seconds)).toMatch(/^about \d+(\.\d)? (min|h)$/);
  });

  it('formats durations', () => {
    expect(formatDuration(0.2)).toBe('under a second');
    expect(formatDuration(42)).toBe('about 42 s');
    expect(formatDuration(600)).toBe('about 10 min');
    expect(formatDuration(3 * 3600)).toBe('about 3.0 h');
  });
});

describe('base scenario label', () => {
  it('lists models, R and what differs from the defaults, not the swept parameters', () => {
    const base = { ...defaultScenario(), replicates: 3, n: 100, shift: 1.5, bias: 0.5 };
    const text = describeBase(base, { x: { param: 'shift', from: 0, to: 2, steps: 3 }, y: null });
    expect(text).toMatch(/^models=ols;poly:degree=3;knn:k=10 · R=3/);
    expect(text).toContain('n=100');
    expect(text).toContain('bias=0.5');
    expect(text).not.toContain('shift');
  });
});
