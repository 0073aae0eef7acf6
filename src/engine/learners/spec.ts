/**
 * Model specs in the CLI's syntax: `name` or `name:key=value,key=value`, several joined by ';'
 * (e.g. "ols;ridge:alpha=2;poly:degree=2;knn:k=9"). Parsing is strict: an unknown model, an unknown or
 * missing parameter, or a value out of range is a SpecError naming the spec.
 */
import { knn } from './knn';
import { ols } from './ols';
import { poly } from './poly';
import type { Learner } from './types';

export type Task = 'regression' | 'classification';

export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

interface ParamRule {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Used when the spec leaves the parameter out; absent = required. */
  readonly default?: number;
}

interface ModelRule {
  readonly params: Readonly<Record<string, ParamRule>>;
  readonly tasks: readonly Task[];
  readonly build: (params: Readonly<Record<string, number>>, task: Task) => Learner;
}

const BOTH: readonly Task[] = ['regression', 'classification'];
const REGRESSION: readonly Task[] = ['regression'];

/** Every model the engine knows. New learners register here (and nowhere else) to become usable by name. */
export const MODELS: Readonly<Record<string, ModelRule>> = {
  ols: { params: {}, tasks: REGRESSION, build: () => ols() },
  poly: {
    params: { degree: { integer: true, min: 1, max: 6 } },
    tasks: REGRESSION,
    build: (p) => poly(p.degree!),
  },
  knn: {
    params: { k: { integer: true, min: 1, max: 10_000 } },
    tasks: BOTH,
    build: (p) => knn(p.k!),
  },
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One spec, e.g. "ridge:alpha=2", for a task. */
export function parseModelSpec(text: string, task: Task = 'regression'): Learner {
  const spec = text.trim();
  const [name = '', args] = spec.split(/:(.*)/s, 2) as [string, string | undefined];
  const rule = MODELS[name.trim().toLowerCase()];
  if (!rule) {
    throw new SpecError(
      `unknown model "${name}" in "${spec}"; known models: ${Object.keys(MODELS).join(', ')}`,
    );
  }
  if (!rule.tasks.includes(task)) throw new SpecError(`model "${name}" does not do ${task}`);
  const given: Record<string, string> = {};
  for (const pair of args === undefined || args.trim() === '' ? [] : args.split(',')) {
    const [key = '', value] = pair.split('=', 2).map((part) => part.trim());
    if (!(key in rule.params)) {
      const known = Object.keys(rule.params);
      throw new SpecError(
        `"${key}" is not a parameter of ${name} in "${spec}"${known.length ? `; it takes ${known.join(', ')}` : ''}`,
      );
    }
    if (value === undefined) throw new SpecError(`"${pair.trim()}" in "${spec}" needs a value: ${key}=...`);
    if (key in given) throw new SpecError(`"${key}" is given twice in "${spec}"`);
    given[key] = value;
  }
  const values: Record<string, number> = {};
  for (const [key, param] of Object.entries(rule.params)) {
    const raw = given[key];
    if (raw === undefined) {
      if (param.default === undefined) throw new SpecError(`${name} needs ${key}=... in "${spec}"`);
      values[key] = param.default;
      continue;
    }
    const value = NUMBER.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value)) throw new SpecError(`${key}=${raw} in "${spec}" is not a number`);
    if (param.integer && !Number.isInteger(value))
      throw new SpecError(`${key}=${raw} in "${spec}" must be whole`);
    if (value < param.min || value > param.max) {
      throw new SpecError(`${key}=${raw} in "${spec}" is outside ${param.min}..${param.max}`);
    }
    values[key] = value;
  }
  return rule.build(values, task);
}

/** A ';'-separated list of specs; empty entries are ignored, an empty list is an error. */
export function parseModelList(text: string, task: Task = 'regression'): Learner[] {
  const specs = text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (specs.length === 0) throw new SpecError('no model given');
  return specs.map((spec) => parseModelSpec(spec, task));
}
