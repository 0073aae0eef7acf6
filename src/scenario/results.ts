/**
 * A run's results as the page keeps them: the engine's results (the same shape for every lab) with the scenario
 * they belong to, so views, verdicts and exports can say what was run (and tell stale results by identity).
 */
import type { SceneResult } from '../engine/results';
import type { Scenario } from './types';

export type ScenarioResult = SceneResult & { readonly scenario: Scenario };
