/**
 * The scenario: every parameter of the playground in one typed list (key, type, bounds, default, URL name,
 * label, help, when it matters), merged from params/ in link order. The controls, the URL codec, the CLI and the
 * engine's input check all use it.
 */
import { EXPERIMENT_PARAMS } from './params/experiment';
import { REAL_PARAMS } from './params/real';
import { SYNTHETIC_PARAMS } from './params/synthetic';
import type { ParamSpec, ParamsOf, Scenario } from './types';

export * from './types';

export const PARAMS: ParamsOf<keyof Scenario> = { ...REAL_PARAMS, ...SYNTHETIC_PARAMS, ...EXPERIMENT_PARAMS };

export const PARAM_KEYS = Object.keys(PARAMS) as (keyof Scenario)[];

/** The spec of a parameter, widened for code that handles every kind. */
export function paramSpec(key: keyof Scenario): ParamSpec {
  return PARAMS[key] as ParamSpec;
}

export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = PARAMS[key].default;
  return out as unknown as Scenario;
}
