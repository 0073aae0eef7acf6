/**
 * The scenario: every parameter of the playground in one typed list (params/), and the labs that read them
 * (labs/). The controls, the URL codec, files, presets and the CLI all use it; a lab's plan builder turns a
 * sanitized scenario into the engine's plan.
 */
import { LABS } from './labs/index';
import { PARAM_KEYS, PARAMS, paramSpec } from './params/index';
import type { LabId, Scenario } from './types';

export * from './types';
export { PARAM_KEYS, PARAMS, paramSpec };

/** The default scenario of a lab: the specs' defaults, then the lab's own. */
export function defaultScenario(lab: LabId = 'simulated'): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = PARAMS[key].default;
  return { ...(out as unknown as Scenario), ...LABS[lab].defaults, lab };
}

/** The choices a control offers for an enum parameter in this scenario's lab. */
export function optionsIn(key: keyof Scenario, scenario: Scenario): readonly string[] {
  const spec = paramSpec(key);
  if (spec.kind !== 'enum') return [];
  const excluded = LABS[scenario.lab].excludedOptions?.[key] ?? [];
  return spec.options.filter((option) => !excluded.includes(option));
}

/** Whether a parameter changes anything in this scenario: read by its lab, and relevant to its settings. */
export function isRelevant(key: keyof Scenario, scenario: Scenario): boolean {
  const spec = paramSpec(key);
  return LABS[scenario.lab].keys.has(key) && (spec.relevant?.(scenario) ?? true);
}
