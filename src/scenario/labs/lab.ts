/**
 * What a lab is to the rest of the code: the parameters it reads, its defaults, the rules between its
 * parameters, and the plan builder that turns one of its scenarios into the engine's plan. Every lab's plan gives
 * the same results shape, so views, exports, `window.playground` and the CLI work for any lab.
 */
import { splitSpecs } from '../../engine/learners/catalog';
import type { ExperimentPlan } from '../../engine/plan';
import type { LabId, Scenario, SweepAxis } from '../types';

export interface LabDefinition {
  readonly id: LabId;
  /** Shown in notices and the lab control. */
  readonly title: string;
  /** The parameters this lab reads ('lab' among them); links and files of the lab carry only these. */
  readonly keys: ReadonlySet<keyof Scenario>;
  /** The sweep axis the Sweep view starts from in this lab. */
  readonly sweepAxis: SweepAxis;
  /** Choices of a shared parameter this lab does not offer (its cross rules replace them, with a notice). */
  readonly excludedOptions?: Partial<Record<keyof Scenario, readonly string[]>>;
  /** Where the lab's defaults differ from the parameter specs' defaults. */
  readonly defaults: Partial<Scenario>;
  /** Rules between the lab's parameters; a notice for each change. Idempotent. */
  crossRules(scenario: Scenario): { scenario: Scenario; notices: string[] };
  /** The engine's plan of a valid scenario of this lab (sanitized: no check here). */
  plan(scenario: Scenario): ExperimentPlan;
}

/** What every lab's plan takes from the experiment's parameters: sizes, replicates, seed, where TSTR is scored, models. */
export function experimentPart(
  s: Scenario,
): Pick<ExperimentPlan, 'n' | 'm' | 'nTest' | 'replicates' | 'seed' | 'tstrOn' | 'models'> {
  return {
    n: s.n,
    m: s.m,
    nTest: s.nTest,
    replicates: s.replicates,
    seed: s.seed,
    tstrOn: s.tstrOn,
    models: splitSpecs(s.models),
  };
}
