/**
 * The sweep's axes: each axis's grid (the engine's formula, repeated here so the page does not load the engine),
 * how many points a setting makes, and the checks of the axis editor's text fields.
 */
import type { SweepSetting } from '../../../scenario/page';
import type { SweepAxis } from '../../../scenario/sweep';
import { paramSpec, type NumberParam, type Scenario } from '../../../scenario/schema';

export const MIN_STEPS = 2;
export const MAX_STEPS = 25;

/** The number spec of a sweepable parameter. */
export function numberSpec(param: keyof Scenario): NumberParam {
  const spec = paramSpec(param);
  if (spec.kind !== 'number') throw new Error(`${String(param)} is not a numeric parameter`);
  return spec;
}

/**
 * The grid values of an axis, as the engine computes them (engine/sweep.ts axisValues): `steps` evenly spaced
 * values from `from` to `to`, rounded to 12 digits; integer parameters are rounded and duplicates dropped.
 */
export function gridValues(axis: SweepAxis): number[] {
  const spec = numberSpec(axis.param);
  const values = Array.from({ length: axis.steps }, (_, i) =>
    axis.steps === 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.steps - 1),
  ).map((v) => Number(v.toPrecision(12)));
  return spec.integer ? [...new Set(values.map(Math.round))] : values;
}

/** Grid points of a sweep (first axis outermost, as the engine runs them). */
export function totalPoints(setting: SweepSetting): number {
  return gridValues(setting.x).length * (setting.y ? gridValues(setting.y).length : 1);
}

// ---------------------------------------------------------------------------------------------------------
// The axis editor's input check
// ---------------------------------------------------------------------------------------------------------

/** What the user typed, before it is checked. */
export interface AxisDraft {
  readonly param: keyof Scenario;
  readonly from: string;
  readonly to: string;
  readonly steps: string;
}

export interface AxisCheck {
  /** The axis to use, or null when an input cannot be read. */
  readonly axis: SweepAxis | null;
  /** Why the axis cannot be used (by field). */
  readonly errors: Partial<Record<'from' | 'to' | 'steps', string>>;
  /** What was changed to make it usable (clamped, rounded, fewer distinct values). */
  readonly notes: string[];
}

export function draftOf(axis: SweepAxis): AxisDraft {
  return { param: axis.param, from: String(axis.from), to: String(axis.to), steps: String(axis.steps) };
}

function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Checks the typed values: numbers only, clamped to the parameter's bounds, 2..25 steps, from ≠ to. */
export function checkAxis(draft: AxisDraft): AxisCheck {
  const spec = numberSpec(draft.param);
  const errors: AxisCheck['errors'] = {};
  const notes: string[] = [];
  const end = (field: 'from' | 'to'): number | null => {
    const raw = readNumber(draft[field]);
    if (raw === null) {
      errors[field] =
        draft[field].trim() === '' ? `Enter a value for "${field}".` : `"${draft[field]}" is not a number.`;
      return null;
    }
    let value = raw;
    if (value < spec.min || value > spec.max) {
      value = Math.min(spec.max, Math.max(spec.min, value));
      notes.push(
        `${field} = ${raw} is outside ${spec.label}'s range ${spec.min} … ${spec.max}; ${value} is used.`,
      );
    }
    if (spec.integer && !Number.isInteger(value)) {
      const rounded = Math.round(value);
      notes.push(`${spec.label} takes whole numbers: ${field} = ${value} is read as ${rounded}.`);
      value = rounded;
    }
    return value;
  };
  const from = end('from');
  const to = end('to');
  let steps: number | null = readNumber(draft.steps);
  if (steps === null) {
    errors.steps =
      draft.steps.trim() === '' ? 'Enter the number of steps.' : `"${draft.steps}" is not a number.`;
  } else {
    const asked = steps;
    steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.round(steps)));
    if (steps !== asked) notes.push(`Steps must be a whole number from 2 to 25; ${steps} is used.`);
  }
  if (from !== null && to !== null && from === to) {
    errors.to = `"from" and "to" are both ${from}: there is nothing to sweep.`;
  }
  if (from === null || to === null || steps === null || Object.keys(errors).length > 0) {
    return { axis: null, errors, notes };
  }
  const axis = { param: draft.param, from, to, steps };
  const distinct = gridValues(axis).length;
  if (distinct < steps) {
    notes.push(
      `${spec.label} takes whole numbers: only ${distinct} distinct values between ${from} and ${to}.`,
    );
  }
  return { axis, errors, notes };
}

/** A fresh axis for a newly picked parameter: its whole range, or a sensible part of it. */
export function axisFor(param: keyof Scenario, steps: number): SweepAxis {
  const spec = numberSpec(param);
  const axis = { param, from: spec.min, to: spec.max, steps };
  return { ...axis, steps: Math.max(MIN_STEPS, Math.min(steps, gridValues(axis).length)) };
}

export function sameAxis(a: SweepAxis | null, b: SweepAxis | null): boolean {
  if (a === null || b === null) return a === b;
  return a.param === b.param && a.from === b.from && a.to === b.to && a.steps === b.steps;
}

export function sameSetting(a: SweepSetting, b: SweepSetting): boolean {
  return sameAxis(a.x, b.x) && sameAxis(a.y, b.y);
}
