/**
 * Sanitize: parse and clamp one raw value (from a slider, a link, a JSON file or the CLI) into a valid parameter
 * value, with a message for the user whenever the input was changed. Never throws. `scenarioSchema` (zod) is the
 * strict check the engine applies to what it is given: a sanitized scenario always passes it.
 */
import { z } from 'zod';
import { PARAM_KEYS, PARAMS, type EnumParam, type NumberParam, type Scenario } from './schema';

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

export function sanitizeParam<K extends keyof Scenario>(key: K, raw: unknown): Sanitized<Scenario[K]> {
  const spec = PARAMS[key];
  const result =
    spec.kind === 'number' ? sanitizeNumber(spec, raw) : sanitizeEnum(spec as EnumParam<string>, raw);
  return result as Sanitized<Scenario[K]>;
}

/** Rules between parameters: kNN's k cannot exceed either training set. */
export function enforceCrossRules(scenario: Scenario): Sanitized<Scenario> {
  const kMax = Math.min(scenario.n, scenario.m);
  if (scenario.k > kMax) {
    return {
      value: { ...scenario, k: kMax },
      notice: `k = ${scenario.k} is larger than min(n, m) = ${kMax}; using k = ${kMax}.`,
    };
  }
  return { value: scenario };
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
  const spec = PARAMS[key];
  if (spec.kind === 'enum') return z.enum(spec.options as [string, ...string[]]);
  const number = z.number().min(spec.min).max(spec.max);
  return spec.integer ? number.int() : number;
}

/** The strict shape of a valid scenario (every field present, typed and in range, cross rules held). */
export const scenarioSchema = z
  .object(Object.fromEntries(PARAM_KEYS.map((key) => [key, fieldSchema(key)])))
  .strict()
  .refine((s) => (s.k as number) <= Math.min(s.n as number, s.m as number), {
    message: 'k must be at most min(n, m)',
  });

/** Throws with every problem listed when `value` is not a valid scenario. */
export function assertScenario(value: unknown): Scenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'scenario'}: ${i.message}`);
    throw new Error(`invalid scenario: ${problems.join('; ')}`);
  }
  return result.data as unknown as Scenario;
}
