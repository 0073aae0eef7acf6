/**
 * What a lab is to the rest of the code: the parameters it reads, its defaults, the rules between its
 * parameters, and the plan builder that turns one of its scenarios into the engine's plan. Every lab's plan gives
 * the same results shape, so views, exports, `window.playground` and the CLI work for any lab.
 */
import { FITTED_GENERATOR_KINDS, type FittedGeneratorKind } from '../../engine/generators/fitted';
import { splitSpecs } from '../../engine/learners/catalog';
import type { ExperimentPlan } from '../../engine/plan';
import type { StudySettings } from '../../engine/studies/types';
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
): Pick<ExperimentPlan, 'n' | 'm' | 'nTest' | 'replicates' | 'seed' | 'tstrOn' | 'models' | 'study'> {
  const study = studySettings(s);
  return {
    ...(study ? { study } : {}),
    n: s.n,
    m: s.m,
    nTest: s.nTest,
    replicates: s.replicates,
    seed: s.seed,
    tstrOn: s.tstrOn,
    models: splitSpecs(s.models),
  };
}

/**
 * A generator this lab does not offer (a link's `gen` from another lab) replaced by the lab's fallback, with a
 * notice; the scenario as it is otherwise.
 */
export function offeredGenerator(
  lab: Pick<LabDefinition, 'excludedOptions' | 'title'>,
  scenario: Scenario,
  fallback: Scenario['generator'],
): { scenario: Scenario; notice: string | null } {
  const excluded = lab.excludedOptions?.generator ?? [];
  if (!excluded.includes(scenario.generator)) return { scenario, notice: null };
  return {
    scenario: { ...scenario, generator: fallback },
    notice: `gen = ${scenario.generator} is not a generator of the ${lab.title} lab; using gen = ${fallback}.`,
  };
}

/** A tabular lab's fitted generator (its cross rules keep the digits' generators out; a bug otherwise). */
export function tabularGenerator(kind: Scenario['generator']): FittedGeneratorKind {
  const found = FITTED_GENERATOR_KINDS.find((k) => k === kind);
  if (!found) throw new Error(`gen = ${kind} is not a generator of tabular data`);
  return found;
}

/** The plan's study (engine/studies/types.ts) from the scenario's; undefined for none. */
export function studySettings(s: Scenario): StudySettings | undefined {
  switch (s.study) {
    case 'none':
      return undefined;
    case 'collapse':
      return { kind: 'collapse', generations: s.generations, fresh: s.fresh };
    case 'mix':
      return { kind: 'mix' };
    case 'ensemble':
      return { kind: 'ensemble', members: s.members };
    case 'select':
      return { kind: 'select', holdout: s.holdout };
  }
}

/**
 * Rules of the studies (docs/theory.md §9), a notice for each change: a study this lab does not offer is
 * turned off; every study scores on real test data; the self-consuming loop refits a generator, so it needs a
 * fitted one (the oracle becomes the Gaussian fit).
 */
export function studyRules(
  lab: Pick<LabDefinition, 'excludedOptions' | 'title'>,
  scenario: Scenario,
): { scenario: Scenario; notices: string[] } {
  const notices: string[] = [];
  let value = scenario;
  if ((lab.excludedOptions?.study ?? []).includes(value.study)) {
    notices.push(`study = ${value.study} is not offered in the ${lab.title} lab; using study = none.`);
    value = { ...value, study: 'none' };
  }
  if (value.study !== 'none' && value.tstrOn === 'synthetic') {
    notices.push(`study = ${value.study} scores on real test data; using tstr_on = real.`);
    value = { ...value, tstrOn: 'real' };
  }
  if (value.study === 'collapse' && value.generator === 'oracle') {
    notices.push('study = collapse refits a generator on its own draws: using gen = gaussian.');
    value = { ...value, generator: 'gaussian' };
  }
  return { scenario: value, notices };
}
