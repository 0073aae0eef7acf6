/**
 * Sanitize: parse and clamp one raw value (from a slider, a link, a JSON file or the CLI) into a valid parameter
 * value, with a message for the user whenever the input was changed. Never throws. `scenarioSchema` (zod) is the
 * strict shape of a valid scenario: a sanitized scenario always passes it (the property tests check that); the
 * engine itself takes the plan a lab builds from a sanitized scenario and checks nothing again.
 */
import { z } from 'zod';
import { LABS } from './labs/index';
import type { Sanitized } from './sanitized';
import {
  defaultScenario,
  PARAM_KEYS,
  paramSpec,
  type EnumParam,
  type NumberParam,
  type Scenario,
  type TextParam,
} from './schema';

export type { Sanitized } from './sanitized';

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

/** Rules between parameters, by the scenario's lab (labs/): e.g. correlation valid for p, the model list. */
export function enforceCrossRules(scenario: Scenario): Sanitized<Scenario> {
  const { scenario: value, notices } = LABS[scenario.lab].crossRules(scenario);
  return notices.length === 0 ? { value } : { value, notice: notices.join(' ') };
}

/**
 * Builds a valid scenario from raw values keyed by parameter key; missing keys keep `base` (or, when `raw`
 * names another lab than base's, that lab's defaults). Keys the lab does not read are ignored with a notice.
 * Returns the notices for everything that was not taken as given.
 */
export function sanitizeScenario(
  raw: Partial<Record<keyof Scenario, unknown>>,
  base: Scenario,
): { scenario: Scenario; notices: string[] } {
  const notices: string[] = [];
  let start = base;
  if ('lab' in raw) {
    const { value: lab, notice } = sanitizeParam('lab', raw.lab);
    if (notice) notices.push(notice);
    if (lab !== base.lab) start = { ...defaultScenario(lab), backend: base.backend };
  }
  const lab = LABS[start.lab];
  const out: Record<string, unknown> = { ...start };
  const ignored: string[] = [];
  for (const key of PARAM_KEYS) {
    if (!(key in raw) || key === 'lab') continue;
    if (!lab.keys.has(key)) {
      ignored.push(paramSpec(key).url);
      continue;
    }
    const { value, notice } = sanitizeParam(key, raw[key]);
    out[key] = value;
    if (notice) notices.push(notice);
  }
  if (ignored.length > 0) {
    notices.push(
      `Not parameters of the ${lab.title} lab, ignored: ${ignored.slice(0, 8).join(', ')}${ignored.length > 8 ? ', …' : ''}.`,
    );
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
      message: 'the scenario breaks a rule of its lab (e.g. the model list, the correlation or the sizes)',
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
