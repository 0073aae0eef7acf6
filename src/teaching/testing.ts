/** Test helpers for the presets: a preset's scenario (with overrides) and its run, partial results included. */
import { runScene } from '../engine/scene';
import { planFromScenario } from '../scenario/labs/index';
import type { ScenarioResult } from '../scenario/results';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { PRESETS, type PresetId } from './presets';

/**
 * The preset's scenario over the defaults, with `overrides`, sanitized as a link is; the notices sanitizing gave
 * (a preset's own scenario must give none).
 */
export function presetScenario(
  id: PresetId,
  overrides: Partial<Scenario> = {},
): { scenario: Scenario; notices: string[] } {
  return sanitizeScenario({ ...PRESETS[id].scenario, ...overrides }, defaultScenario());
}

/** The run of a scenario as the page keeps it, and its partial results as they stream in. */
export async function runWithPartials(
  scenario: Scenario,
): Promise<{ result: ScenarioResult; partials: ScenarioResult[] }> {
  const partials: ScenarioResult[] = [];
  const scene = await runScene(planFromScenario(scenario), undefined, (p) =>
    partials.push({ ...p, scenario }),
  );
  return { result: { ...scene, scenario }, partials };
}
