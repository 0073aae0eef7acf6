/** The labs by id. A lab is a folder here (its keys, defaults, cross rules, data and plan builder). */
import type { ExperimentPlan } from '../../engine/plan';
import type { LabId, Scenario } from '../types';
import { DATA_LAB } from './data/lab';
import type { LabDefinition } from './lab';
import { MNIST_LAB } from './mnist/lab';
import { SIMULATED_LAB } from './simulated/lab';
import { TOY_LAB } from './toy/lab';

export type { LabDefinition } from './lab';

export const LABS: Readonly<Record<LabId, LabDefinition>> = {
  simulated: SIMULATED_LAB,
  toy: TOY_LAB,
  data: DATA_LAB,
  mnist: MNIST_LAB,
};

/** The engine's plan of a sanitized scenario, built by its lab. */
export function planFromScenario(scenario: Scenario): ExperimentPlan {
  return LABS[scenario.lab].plan(scenario);
}

/** The parameters of a scenario that its lab reads (what reports and files show), in link order. */
export function labParams(scenario: Scenario): Partial<Scenario> {
  const keys = LABS[scenario.lab].keys;
  return Object.fromEntries(
    Object.entries(scenario).filter(([key]) => keys.has(key as keyof Scenario)),
  ) as Partial<Scenario>;
}

/**
 * Whether the scenario has population references: R(f*) and the gaps between models need a population (the
 * simulated lab); the synthetic side's limit R(fbar) and its decomposition also need the oracle mode (a fitted
 * generator's synthetic population depends on the real sample), which `hasPopulationLimit` says.
 */
export function hasPopulationReferences(scenario: Scenario): boolean {
  return scenario.lab === 'simulated';
}

export function hasPopulationLimit(scenario: Scenario): boolean {
  return hasPopulationReferences(scenario) && scenario.generator === 'oracle';
}

/**
 * Whether the results were fitted on the scenario's n and m (every lab that draws its samples from a plan). The
 * your-data lab fits on the user's files, whose sizes the scenario does not hold and which have no population:
 * the views leave out their parts about the scenario's sizes and population there (the gap's decomposition with
 * its "finite n, m" part, the gaps between the models' population risks).
 */
export function hasScenarioSizes(scenario: Scenario): boolean {
  return scenario.lab !== 'data';
}

/** Whether the scenario's lab runs on the MNIST digits (their assets load before its first run). */
export function usesDigits(scenario: Scenario): boolean {
  return scenario.lab === 'mnist';
}
