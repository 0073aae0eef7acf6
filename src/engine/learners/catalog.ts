/**
 * The grammar and the parameter rules of model specs (`name` or `name:key=value,...`), without the learners'
 * code, so the scenario layer can validate a model list in the page without loading tfjs. spec.ts builds learners.
 */
import type { Task } from '../task';

export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

export interface ParamRule {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Used when the spec leaves the parameter out; absent = required. */
  readonly default?: number;
  /**
   * Left out of the canonical id at its default: a parameter added after links existed (the MLP's batch), so the
   * old links keep their ids (and the seeds drawn from them).
   */
  readonly quietDefault?: boolean;
}

export interface ModelRule {
  readonly label: string;
  readonly params: Readonly<Record<string, ParamRule>>;
  readonly tasks: readonly Task[];
  /**
   * Whether fitting it may run tfjs: the MLP always, kNN's candidate search on WebGL. The engine starts tfjs only
   * for these, and keeps helper threads off the GPU when they are in the list.
   */
  readonly tensors: boolean;
  /** Only for 28 x 28 images (the CNN): offered in the digits lab alone. */
  readonly images?: boolean;
}

const BOTH: readonly Task[] = ['regression', 'classification'];
const REGRESSION: readonly Task[] = ['regression'];
const CLASSIFICATION: readonly Task[] = ['classification'];

/** Every model the engine knows, by name. */
export const MODEL_RULES: Readonly<Record<string, ModelRule>> = {
  ols: { label: 'OLS', params: {}, tasks: REGRESSION, tensors: false },
  ridge: {
    label: 'Ridge',
    params: { alpha: { integer: false, min: 0, max: 1e6, default: 1 } },
    tasks: REGRESSION,
    tensors: false,
  },
  poly: {
    label: 'Poly',
    params: { degree: { integer: true, min: 1, max: 6 } },
    tasks: REGRESSION,
    tensors: false,
  },
  knn: { label: 'kNN', params: { k: { integer: true, min: 1, max: 10_000 } }, tasks: BOTH, tensors: true },
  krr: {
    label: 'Kernel ridge',
    params: {
      alpha: { integer: false, min: 1e-12, max: 1e6, default: 1 },
      gamma: { integer: false, min: 1e-12, max: 1e6 },
    },
    tasks: REGRESSION,
    tensors: false,
  },
  logistic: {
    label: 'Logistic',
    params: { C: { integer: false, min: 1e-6, max: 1e6, default: 1 } },
    tasks: CLASSIFICATION,
    tensors: false,
  },
  mlp: {
    label: 'MLP',
    params: {
      width: { integer: true, min: 1, max: 256, default: 32 },
      depth: { integer: true, min: 1, max: 4, default: 2 },
      epochs: { integer: true, min: 1, max: 5000, default: 200 },
      lr: { integer: false, min: 1e-5, max: 1, default: 0.01 },
      // Rows per Adam step; 0 = all of them (full batch).
      batch: { integer: true, min: 0, max: 10_000, default: 0, quietDefault: true },
    },
    tasks: BOTH,
    tensors: true,
  },
  cnn: {
    label: 'CNN',
    params: {
      filters: { integer: true, min: 1, max: 32, default: 8 },
      epochs: { integer: true, min: 1, max: 100, default: 5 },
      lr: { integer: false, min: 1e-5, max: 1, default: 0.005 },
      batch: { integer: true, min: 1, max: 10_000, default: 64 },
    },
    tasks: CLASSIFICATION,
    tensors: true,
    images: true,
  },
};

/** Whether any of these canonical model specs may run tfjs (ModelRule.tensors). */
export function usesTensors(models: readonly string[]): boolean {
  return models.some((id) => {
    const name = id.split(':')[0]!.trim().toLowerCase();
    return Object.hasOwn(MODEL_RULES, name) && MODEL_RULES[name]!.tensors;
  });
}

export interface ParsedSpec {
  readonly name: string;
  readonly params: Readonly<Record<string, number>>;
  /** Canonical form: every parameter in rule order (a quiet one only off its default), e.g. `ridge:alpha=1`. */
  readonly id: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function show(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Parses and checks one spec for a task; throws SpecError naming the spec. */
export function parseSpecText(text: string, task: Task): ParsedSpec {
  const spec = show(text.trim());
  const colon = text.indexOf(':');
  // Model names are case-insensitive ("OLS"); parameter names are not (logistic takes C).
  const name = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  const args = colon < 0 ? '' : text.slice(colon + 1);
  const rule = Object.hasOwn(MODEL_RULES, name) ? MODEL_RULES[name] : undefined;
  if (!rule) {
    throw new SpecError(
      `unknown model "${show(name)}" in "${spec}"; known: ${Object.keys(MODEL_RULES).join(', ')}`,
    );
  }
  if (!rule.tasks.includes(task)) throw new SpecError(`model "${name}" does not do ${task}`);
  const given: Record<string, string> = {};
  for (const pair of args.trim() === '' ? [] : args.split(',')) {
    const [key = '', value] = pair.split('=', 2).map((part) => part.trim());
    if (!Object.hasOwn(rule.params, key)) {
      const known = Object.keys(rule.params);
      throw new SpecError(
        `"${show(key)}" is not a parameter of ${name} in "${spec}"${known.length ? `; it takes ${known.join(', ')}` : ''}`,
      );
    }
    if (value === undefined)
      throw new SpecError(`"${show(pair.trim())}" in "${spec}" needs a value: ${key}=...`);
    if (key in given) throw new SpecError(`"${key}" is given twice in "${spec}"`);
    given[key] = value;
  }
  const params: Record<string, number> = {};
  for (const [key, param] of Object.entries(rule.params)) {
    const raw = given[key];
    if (raw === undefined) {
      if (param.default === undefined) throw new SpecError(`${name} needs ${key}=... in "${spec}"`);
      params[key] = param.default;
      continue;
    }
    const value = NUMBER.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value)) throw new SpecError(`${key}=${show(raw)} in "${spec}" is not a number`);
    if (param.integer && !Number.isInteger(value))
      throw new SpecError(`${key}=${raw} in "${spec}" must be whole`);
    if (value < param.min || value > param.max) {
      throw new SpecError(`${key}=${raw} in "${spec}" is outside ${param.min}..${param.max}`);
    }
    params[key] = value;
  }
  const keys = Object.keys(rule.params).filter((k) => {
    const param = rule.params[k]!;
    return !(param.quietDefault && params[k] === param.default);
  });
  const id = keys.length === 0 ? name : `${name}:${keys.map((k) => `${k}=${params[k]}`).join(',')}`;
  return { name, params, id };
}

/** The ';'-separated entries of a model list (empty entries dropped). */
export function splitSpecs(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A short label for plots: "OLS", "Poly deg 3", "kNN (k=10)", "Ridge (α=2)", "CNN (8 filters)". */
export function specLabel(parsed: ParsedSpec): string {
  const rule = MODEL_RULES[parsed.name]!;
  const p = parsed.params;
  switch (parsed.name) {
    case 'poly':
      return p.degree === 3 ? 'Cubic' : p.degree === 2 ? 'Quadratic' : `Poly deg ${p.degree}`;
    case 'knn':
      return `kNN (k=${p.k})`;
    case 'ridge':
      return `Ridge (α=${p.alpha})`;
    case 'krr':
      return `KRR (α=${p.alpha}, γ=${p.gamma})`;
    case 'logistic':
      return `Logistic (C=${p.C})`;
    case 'mlp':
      return `MLP ${p.depth}×${p.width}${p.batch ? ` (batch ${p.batch})` : ''}`;
    case 'cnn':
      return `CNN (${p.filters} filters)`;
    default:
      return rule.label;
  }
}
