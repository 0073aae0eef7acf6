/**
 * The studies beyond the paper in exported tables (docs/theory.md §9), one set of column names for the page's
 * files (ui/export/files.ts) and the CLI (cli/commands.ts): per replicate and model, per model over replicates
 * (summary and sweep rows), the self-consuming loop's chain per replicate and generation, and the closed forms
 * where they hold. Scenarios without a study get no columns, so their files keep their columns as before.
 *
 * Names: TMTR (train mixed, test real), gain = TRTR − TMTR, member_tstr (one member of the ensemble: member 1,
 * what K = 1 gives on the same draws), benefit = member TSTR − ensemble TSTR, regret (real test risk of the
 * candidate chosen on synthetic validation minus that of the real choice), spread and tail_width (generation g's
 * training data against the real sample; per replicate and in the summary, the last generation's).
 */
import { expectedSpread } from '../engine/studies/collapse';
import { selectionChoice } from '../engine/studies/summary';
import type { OrderAgreement, StudyKind, StudyRecord, StudySummary } from '../engine/studies/types';
import type { ExperimentPlan } from '../engine/plan';
import type { ExperimentSummary, ReplicateRecord } from '../engine/summary';
import { isOlsSpec, olsPooledRisk, olsTheory } from '../engine/theory/olsSweep';
import { planFromScenario } from './labs/index';
import { sanitizeScenario } from './sanitize';
import type { Scenario } from './schema';

type Cell = string | number | boolean | null;
export type StudyRow = Record<string, Cell>;
type Kind = Exclude<StudyKind, 'none'>;

/**
 * The closed forms a study's numbers can be checked against, where they hold (null entries where not):
 * collapse, E spread_g = ((m − 1)/m)^g (a Gaussian refitted by maximum likelihood, regression, no fresh data);
 * mix, E TMTR of OLS = the OLS risk on n + m real points (synthetic data drawn like the real); ensemble, E TSTR
 * of OLS for the K-member ensemble and for one member (section 6.8's conditions, estimation part / K).
 */
export type StudyTheory =
  | {
      readonly kind: 'collapse';
      readonly generations: number;
      readonly fresh: number;
      readonly m: number;
      readonly spread: readonly number[] | null;
      readonly reason: string | null;
    }
  | {
      readonly kind: 'mix';
      readonly n: number;
      readonly m: number;
      readonly tmtr: readonly (number | null)[];
    }
  | {
      readonly kind: 'ensemble';
      readonly members: number;
      readonly tstr: readonly (number | null)[];
      readonly memberTstr: readonly (number | null)[];
    }
  | { readonly kind: 'select'; readonly holdout: number };

function collapseReason(plan: ExperimentPlan, fresh: number, generations: number): string | null {
  const reasons: string[] = [];
  const fitted =
    plan.source.kind === 'population' || plan.source.kind === 'table' ? plan.source.fitted : null;
  if (fitted?.kind !== 'gaussian')
    reasons.push(
      `the generator is ${fitted?.kind ?? 'not fitted'}, not the Gaussian fit the formula is about`,
    );
  if (plan.task !== 'regression')
    reasons.push(
      'with classes the generator is fitted class by class, so the pooled spread has no such form',
    );
  if (fresh > 0 && generations > 0)
    reasons.push(`a fresh real share of ${fresh} feeds real spread back into every generation`);
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** The plan's study closed forms (studies/types.ts, engine/theory/olsSweep.ts), or null without a study. */
export function studyTheory(plan: ExperimentPlan): StudyTheory | null {
  const study = plan.study;
  if (!study) return null;
  switch (study.kind) {
    case 'collapse': {
      const reason = collapseReason(plan, study.fresh, study.generations);
      return {
        kind: 'collapse',
        generations: study.generations,
        fresh: study.fresh,
        m: plan.m,
        spread: reason
          ? null
          : Array.from({ length: study.generations + 1 }, (_, g) => expectedSpread(plan.m, g)),
        reason,
      };
    }
    case 'mix': {
      const pooled = olsPooledRisk(plan);
      return {
        kind: 'mix',
        n: plan.n,
        m: plan.m,
        tmtr: plan.models.map((id) => (isOlsSpec(id) ? pooled : null)),
      };
    }
    case 'ensemble': {
      const ensemble = olsTheory(plan).exact?.tstr ?? null;
      const member = olsTheory({ ...plan, study: { kind: 'ensemble', members: 1 } }).exact?.tstr ?? null;
      return {
        kind: 'ensemble',
        members: study.members,
        tstr: plan.models.map((id) => (isOlsSpec(id) ? ensemble : null)),
        memberTstr: plan.models.map((id) => (isOlsSpec(id) ? member : null)),
      };
    }
    case 'select':
      return { kind: 'select', holdout: study.holdout };
  }
}

/** The closed forms of a scenario's study (of a sweep point: `values` over `base`); null without one. */
export function studyTheoryOf(
  scenario: Scenario,
  values?: Readonly<Record<string, number>>,
): StudyTheory | null {
  const point = values ? sanitizeScenario(values, scenario).scenario : scenario;
  if (point.study === 'none') return null;
  try {
    return studyTheory(planFromScenario(point));
  } catch {
    return null;
  }
}

/** The kind a scenario's study columns are named after; null for none. */
export function studyKind(scenario: Pick<Scenario, 'study'>): Kind | null {
  return scenario.study === 'none' ? null : scenario.study;
}

const finite = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

/** `name`, `name_lo`, `name_hi` from a mean with its interval (null bounds with one replicate). */
function withInterval(name: string, e: { mean?: number; lo: number | null; hi: number | null } | null) {
  return { [name]: finite(e?.mean), [`${name}_lo`]: finite(e?.lo), [`${name}_hi`]: finite(e?.hi) };
}

const triple = (name: string) => [name, `${name}_lo`, `${name}_hi`];

export const STUDY_REPLICATE_COLUMNS: Readonly<Record<Kind, readonly string[]>> = {
  collapse: ['spread', 'tail_width'],
  mix: ['tmtr', 'gain'],
  ensemble: ['member_tstr', 'benefit'],
  select: ['val_real', 'val_synthetic', 'chosen_real', 'chosen_synthetic', 'regret'],
};

export const STUDY_SUMMARY_COLUMNS: Readonly<Record<Kind, readonly string[]>> = {
  collapse: [...triple('spread'), ...triple('tail_width'), 'spread_closed_form'],
  mix: [
    ...triple('tmtr'),
    ...triple('gain'),
    'tmtr_closed_form',
    ...triple('tmtr_kendall_tau_b'),
    ...triple('tmtr_top1'),
  ],
  ensemble: [
    ...triple('member_tstr'),
    ...triple('member_utility'),
    ...triple('benefit'),
    'tstr_closed_form',
    'member_tstr_closed_form',
    ...triple('member_kendall_tau_b'),
    ...triple('member_top1'),
  ],
  select: [
    ...triple('val_real'),
    ...triple('val_synthetic'),
    'chosen_real',
    'chosen_synthetic',
    ...triple('regret'),
    ...triple('relative_regret'),
    ...triple('same_choice'),
  ],
};

export const GENERATION_COLUMNS = ['replicate', 'generation', 'spread', 'tail_width'] as const;

type Record_ = Pick<ReplicateRecord, 'trtr' | 'tstr'> & { readonly study?: StudyRecord };

/** Replicate `record`'s study cells for model k (null where a fit failed or the record has no study yet). */
export function studyReplicateCells(kind: Kind, record: Record_, k: number): StudyRow {
  const s = record.study?.kind === kind ? record.study : null;
  const trtr = finite(record.trtr[k]);
  switch (kind) {
    case 'collapse': {
      const chain = s?.kind === 'collapse' ? s : null;
      return { spread: finite(chain?.spread.at(-1)), tail_width: finite(chain?.tail.at(-1)) };
    }
    case 'mix': {
      const tmtr = s?.kind === 'mix' ? finite(s.tmtr[k]) : null;
      return { tmtr, gain: trtr !== null && tmtr !== null ? trtr - tmtr : null };
    }
    case 'ensemble': {
      const member = s?.kind === 'ensemble' ? finite(s.member[k]) : null;
      const tstr = finite(record.tstr[k]);
      return { member_tstr: member, benefit: member !== null && tstr !== null ? member - tstr : null };
    }
    case 'select': {
      const v = s?.kind === 'select' ? s : null;
      const choice = selectionChoice(record);
      return {
        val_real: finite(v?.valReal[k]),
        val_synthetic: finite(v?.valSynthetic[k]),
        chosen_real: choice ? choice.real === k : null,
        chosen_synthetic: choice ? choice.synthetic === k : null,
        regret: choice ? choice.regret : null,
      };
    }
  }
}

function agreement(name: string, r: OrderAgreement | null): StudyRow {
  return {
    ...withInterval(`${name}_kendall_tau_b`, r?.kendallTauB ?? null),
    ...withInterval(`${name}_top1`, r?.top1 ? { mean: r.top1.estimate, lo: r.top1.lo, hi: r.top1.hi } : null),
  };
}

/** Model k's study cells over replicates, with the closed form where it holds. */
export function studySummaryCells(
  kind: Kind,
  summary: Pick<ExperimentSummary, 'study'>,
  k: number,
  theory: StudyTheory | null,
): StudyRow {
  const s = summary.study?.kind === kind ? summary.study : null;
  switch (kind) {
    case 'collapse': {
      const c = s?.kind === 'collapse' ? s : null;
      const spread = theory?.kind === 'collapse' ? theory.spread : null;
      return {
        ...withInterval('spread', c?.spread.at(-1) ?? null),
        ...withInterval('tail_width', c?.tail.at(-1) ?? null),
        spread_closed_form: finite(spread?.at(-1)),
      };
    }
    case 'mix': {
      const m = s?.kind === 'mix' ? s : null;
      return {
        ...withInterval('tmtr', m?.models[k]?.tmtr ?? null),
        ...withInterval('gain', m?.models[k]?.gain ?? null),
        tmtr_closed_form: theory?.kind === 'mix' ? finite(theory.tmtr[k]) : null,
        ...agreement('tmtr', m?.ranking ?? null),
      };
    }
    case 'ensemble': {
      const e = s?.kind === 'ensemble' ? s : null;
      const model = e?.models[k];
      const u = model?.memberUtility;
      return {
        ...withInterval('member_tstr', model?.member ?? null),
        ...withInterval('member_utility', u ? { mean: u.value, lo: u.lo, hi: u.hi } : null),
        ...withInterval('benefit', model?.benefit ?? null),
        tstr_closed_form: theory?.kind === 'ensemble' ? finite(theory.tstr[k]) : null,
        member_tstr_closed_form: theory?.kind === 'ensemble' ? finite(theory.memberTstr[k]) : null,
        ...agreement('member', e?.memberRanking ?? null),
      };
    }
    case 'select': {
      const v = s?.kind === 'select' ? s : null;
      const share = v?.sameChoice;
      return {
        ...withInterval('val_real', v?.valReal[k] ?? null),
        ...withInterval('val_synthetic', v?.valSynthetic[k] ?? null),
        chosen_real: v?.chosenReal[k] ?? null,
        chosen_synthetic: v?.chosenSynthetic[k] ?? null,
        ...withInterval('regret', v?.regret ?? null),
        ...withInterval('relative_regret', v?.relativeRegret ?? null),
        ...withInterval('same_choice', share ? { mean: share.estimate, lo: share.lo, hi: share.hi } : null),
      };
    }
  }
}

/** The self-consuming loop's chain per replicate and generation g = 0..G (long format); [] for other studies. */
export function generationRows(records: readonly (Record_ & { readonly index: number })[]): StudyRow[] {
  return records.flatMap((r) => {
    const chain = r.study?.kind === 'collapse' ? r.study : null;
    if (!chain) return [];
    return chain.spread.map((spread, g) => ({
      replicate: r.index + 1,
      generation: g,
      spread: finite(spread),
      tail_width: finite(chain.tail[g]),
    }));
  });
}

/** The study's summary as the engine gives it, with its closed forms beside it (`closedForm`), for JSON files. */
export function studyJson(
  summary: Pick<ExperimentSummary, 'study'>,
  theory: StudyTheory | null,
): (StudySummary & { closedForm: StudyTheory | null }) | null {
  return summary.study ? { ...summary.study, closedForm: theory } : null;
}
