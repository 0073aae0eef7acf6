/**
 * Sanitize: parse and clamp one raw value (from a slider, a link, a JSON file or the CLI) into a valid parameter
 * value, with a message for the user whenever the input was changed. Never throws. `scenarioSchema` (zod) is the
 * strict check the engine applies to what it is given: a sanitized scenario always passes it.
 */
import { z } from 'zod';
import { parseSpecText, SpecError, splitSpecs } from '../engine/learners/catalog';
import { minCorrelation } from '../engine/populations/features';
import {
  PARAM_KEYS,
  paramSpec,
  type EnumParam,
  type NumberParam,
  type Scenario,
  type TextParam,
} from './schema';

export interface Sanitized<V> {
  readonly value: V;
  /** Set when the input was not used as given (clamped, rounded, or dropped for the default). */
  readonly notice?: string;
}

const MAX_TEXT = 40;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function show(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : String(raw);
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}… (${text.length} characters)` : clean;
}

export function sanitizeNumber(spec: NumberParam, raw: unknown): Sanitized<number> {
  let parsed: number;
  if (typeof raw === 'number') {
    parsed = raw;
  } else if (typeof raw === 'string' && raw.trim().length <= MAX_TEXT && NUMBER_TEXT.test(raw.trim())) {
    parsed = Number(raw.trim());
  } else {
    return {
      value: spec.default,
      notice: `${spec.url} = "${show(raw)}" is not a number; using the default ${spec.default}.`,
    };
  }
  if (Number.isNaN(parsed)) {
    return { value: spec.default, notice: `${spec.url} is not a number; using the default ${spec.default}.` };
  }
  let value = parsed + 0; // -0 becomes 0: one canonical value per number, so links round-trip exactly.
  const notes: string[] = [];
  if (value < spec.min) {
    value = spec.min;
    notes.push(`is below the minimum ${spec.min}`);
  } else if (value > spec.max) {
    value = spec.max;
    notes.push(`is above the maximum ${spec.max}`);
  }
  if (spec.integer && !Number.isInteger(value)) {
    value = Math.round(value);
    notes.push('must be a whole number');
  }
  if (notes.length === 0) return { value };
  return { value, notice: `${spec.url} = ${show(raw)} ${notes.join(' and ')}; using ${value}.` };
}

export function sanitizeEnum<T extends string>(spec: EnumParam<T>, raw: unknown): Sanitized<T> {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const match = spec.options.find((option) => option === text);
  if (match !== undefined) return { value: match };
  return {
    value: spec.default,
    notice: `${spec.url} = "${show(raw)}" is not one of ${spec.options.join(', ')}; using ${spec.default}.`,
  };
}

export function sanitizeText(spec: TextParam, raw: unknown): Sanitized<string> {
  if (typeof raw !== 'string') {
    return { value: spec.default, notice: `${spec.url} is not text; using the default.` };
  }
  if (raw.length > spec.maxLength) {
    return {
      value: spec.default,
      notice: `${spec.url} is ${raw.length} characters long (at most ${spec.maxLength}); using the default.`,
    };
  }
  return { value: raw.trim() };
}

export function sanitizeParam<K extends keyof Scenario>(key: K, raw: unknown): Sanitized<Scenario[K]> {
  const spec = paramSpec(key);
  const result =
    spec.kind === 'number'
      ? sanitizeNumber(spec, raw)
      : spec.kind === 'enum'
        ? sanitizeEnum(spec, raw)
        : sanitizeText(spec, raw);
  return result as Sanitized<Scenario[K]>;
}

export const MAX_MODELS = 8;
export const DEFAULT_MODELS: Readonly<Record<Scenario['task'], string>> = {
  regression: 'ols;poly:degree=3;knn:k=10',
  classification: 'logistic:C=1;knn:k=1;knn:k=15',
};

/**
 * The model list made valid for the scenario: entries that do not parse or do not do the task are dropped,
 * duplicates removed, kNN's k capped at min(n, m), at most 8 kept; an empty list becomes the task's default.
 */
export function sanitizeModels(scenario: Scenario): Sanitized<string> {
  const notes: string[] = [];
  const ids: string[] = [];
  const kMax = Math.min(scenario.n, scenario.m);
  for (const text of splitSpecs(scenario.models)) {
    try {
      let parsed = parseSpecText(text, scenario.task);
      if (parsed.name === 'knn' && parsed.params.k! > kMax) {
        notes.push(`knn:k=${parsed.params.k} is larger than min(n, m) = ${kMax}; using k = ${kMax}`);
        parsed = parseSpecText(`knn:k=${kMax}`, scenario.task);
      }
      if (ids.includes(parsed.id)) continue;
      if (ids.length === MAX_MODELS) {
        notes.push(`at most ${MAX_MODELS} models; "${parsed.id}" and later ones were left out`);
        break;
      }
      ids.push(parsed.id);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      notes.push(`${error.message}; left out`);
    }
  }
  if (ids.length === 0) {
    // The default list goes through the same rules (its kNN may need capping); it always keeps a model.
    const fallback = sanitizeModels({ ...scenario, models: DEFAULT_MODELS[scenario.task] });
    notes.push(`no usable model for ${scenario.task}; using ${fallback.value}`);
    ids.push(fallback.value);
  }
  const value = ids.join(';');
  return notes.length === 0 ? { value } : { value, notice: `models: ${notes.join('; ')}.` };
}

/** Rules between parameters: correlation valid for p, the model list valid for the task and sizes. */
export function enforceCrossRules(scenario: Scenario): Sanitized<Scenario> {
  const notices: string[] = [];
  let value = scenario;
  const lowest = minCorrelation(scenario.p);
  if (scenario.correlation < lowest) {
    const rounded = Math.ceil(lowest * 100) / 100;
    notices.push(
      `corr = ${scenario.correlation} is not a valid correlation for p = ${scenario.p}; using ${rounded}.`,
    );
    value = { ...value, correlation: rounded };
  }
  const models = sanitizeModels(value);
  if (models.value !== value.models) value = { ...value, models: models.value };
  if (models.notice) notices.push(models.notice);
  return notices.length === 0 ? { value } : { value, notice: notices.join(' ') };
}

/**
 * Builds a valid scenario from raw values keyed by parameter key; missing keys keep `base`.
 * Returns the notices for everything that was not taken as given.
 */
export function sanitizeScenario(
  raw: Partial<Record<keyof Scenario, unknown>>,
  base: Scenario,
): { scenario: Scenario; notices: string[] } {
  const notices: string[] = [];
  const out: Record<string, unknown> = { ...base };
  for (const key of PARAM_KEYS) {
    if (!(key in raw)) continue;
    const { value, notice } = sanitizeParam(key, raw[key]);
    out[key] = value;
    if (notice) notices.push(notice);
  }
  const crossed = enforceCrossRules(out as unknown as Scenario);
  if (crossed.notice) notices.push(crossed.notice);
  return { scenario: crossed.value, notices };
}

function fieldSchema(key: keyof Scenario): z.ZodType {
  const spec = paramSpec(key);
  if (spec.kind === 'enum') return z.enum(spec.options as [string, ...string[]]);
  if (spec.kind === 'text') return z.string().max(spec.maxLength);
  const number = z.number().min(spec.min).max(spec.max);
  return spec.integer ? number.int() : number;
}

/** The strict shape of a valid scenario (every field present, typed and in range, cross rules held). */
export const scenarioSchema = z
  .object(Object.fromEntries(PARAM_KEYS.map((key) => [key, fieldSchema(key)])))
  .strict()
  .refine(
    (s) => {
      const crossed = enforceCrossRules(s as unknown as Scenario);
      return crossed.notice === undefined && crossed.value.models === s.models;
    },
    {
      message: 'the model list or the correlation does not fit the rest of the scenario',
    },
  );

/** Throws with every problem listed when `value` is not a valid scenario. */
export function assertScenario(value: unknown): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'scenario'}: ${i.message}`);
    throw new Error(`invalid scenario: ${problems.join('; ')}`);
  }
  return result.data as unknown as Scenario;
}
