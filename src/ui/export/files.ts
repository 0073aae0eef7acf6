/**
 * What the exports write, as pure functions of the page's state: results per replicate and per model (long
 * format), the per-model summary, sweep points, the scenario file, file names and the full share link. CSV goes
 * through papaparse (quoted as needed, formula-like text defused); JSON carries the scenario, its share link and
 * the app's version, so every file says where its numbers came from. A study beyond the paper adds its columns
 * after these (scenario/studyColumns.ts, the CLI's names too); without one the files are as before.
 */
import Papa from 'papaparse';
import type { MeanInterval } from '../../engine/metrics/intervals';
import type { ExperimentSummary } from '../../engine/results';
import { labParams } from '../../scenario/labs/index';
import type { ScenarioResult } from '../../scenario/results';
import type { SweepPoint } from '../../engine/sweep';
import type { PageState, SweepSetting } from '../../scenario/page';
import { paramSpec, type Scenario } from '../../scenario/schema';
import {
  generationRows,
  STUDY_REPLICATE_COLUMNS,
  STUDY_SUMMARY_COLUMNS,
  studyJson,
  studyKind,
  studyReplicateCells,
  studySummaryCells,
  studyTheoryOf,
  type StudyTheory,
} from '../../scenario/studyColumns';
import { URL_VERSION } from '../../scenario/url';

export { fileName, scenarioHash, shareUrl } from './names';

export const FORMAT_PREFIX = 'synthetic-utility-playground/';
export const SCENARIO_FORMAT = `${FORMAT_PREFIX}scenario`;
export const RESULTS_FORMAT = `${FORMAT_PREFIX}results`;
export const SUMMARY_FORMAT = `${FORMAT_PREFIX}summary`;
export const SWEEP_FORMAT = `${FORMAT_PREFIX}sweep`;

type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Where a file came from: the app's version and the full share link of its scenario (and page). */
export interface Provenance {
  readonly appVersion: string;
  readonly link: string;
}

/** CSV text (header row, CRLF-free, a final newline); text that a spreadsheet would run as a formula is quoted. */
export function toCsv(rows: readonly Row[], columns?: readonly string[]): string {
  const fields = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const data = rows.map((row) => fields.map((field) => row[field] ?? null));
  return `${Papa.unparse({ fields: [...fields], data }, { newline: '\n', escapeFormulae: true })}\n`;
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const finite = (value: number | null | undefined): number | null =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;

function interval(e: MeanInterval | null): { mean: number | null; lo: number | null; hi: number | null } {
  return { mean: finite(e?.mean), lo: finite(e?.lo), hi: finite(e?.hi) };
}

export const RESULTS_COLUMNS = ['replicate', 'model', 'model_label', 'trtr', 'tstr', 'gap', 'error'] as const;

/** The results columns of this scenario: RESULTS_COLUMNS, then its study's (e.g. TMTR and the gain). */
export function resultsColumns(scenario: Scenario): string[] {
  const kind = studyKind(scenario);
  return [...RESULTS_COLUMNS, ...(kind ? STUDY_REPLICATE_COLUMNS[kind] : [])];
}

/**
 * One row per replicate and model: TRTR, TSTR and the signed gap TSTR − TRTR (null where the model could not be
 * fitted in that replicate), then the study's cells. Replicates are numbered from 1, as in the CLI.
 */
export function resultsRows(result: ScenarioResult): Row[] {
  const models = result.summary.models;
  const kind = studyKind(result.scenario);
  return result.records.flatMap((record) =>
    models.map((model, k) => {
      const trtr = finite(record.trtr[k]);
      const tstr = finite(record.tstr[k]);
      return {
        replicate: record.index + 1,
        model: model.id,
        model_label: model.label,
        trtr,
        tstr,
        gap: trtr !== null && tstr !== null ? tstr - trtr : null,
        error: record.errors[k] ?? null,
        ...(kind ? studyReplicateCells(kind, record, k) : {}),
      };
    }),
  );
}

export const SUMMARY_COLUMNS = [
  'model',
  'model_label',
  'fitted',
  'trtr',
  'trtr_lo',
  'trtr_hi',
  'tstr',
  'tstr_lo',
  'tstr_hi',
  'gap',
  'gap_lo',
  'gap_hi',
  'utility',
  'utility_lo',
  'utility_hi',
  'ratio',
  'kendall_tau_b',
  'kendall_tau_b_lo',
  'kendall_tau_b_hi',
  'spearman_rho',
  'spearman_rho_lo',
  'spearman_rho_hi',
  'sra',
  'sra_lo',
  'sra_hi',
  'top1',
  'top1_lo',
  'top1_hi',
  'ranking_replicates',
  'completed',
  'planned',
  'error',
] as const;

/** The summary columns of this scenario: SUMMARY_COLUMNS, then its study's. */
export function summaryColumns(scenario: Scenario): string[] {
  const kind = studyKind(scenario);
  return [...SUMMARY_COLUMNS, ...(kind ? STUDY_SUMMARY_COLUMNS[kind] : [])];
}

/** A study's kind and closed forms, for the rows of one summary. */
interface StudyOf {
  readonly kind: NonNullable<ReturnType<typeof studyKind>>;
  readonly theory: StudyTheory | null;
}

function studyOf(scenario: Scenario, values?: Readonly<Record<string, number>>): StudyOf | null {
  const kind = studyKind(scenario);
  return kind ? { kind, theory: studyTheoryOf(scenario, values) } : null;
}

/**
 * One row per model: mean TRTR, TSTR and gap with 95% t intervals over replicates, U = |mean gap| with its
 * interval, TSTR/TRTR, and the ranking agreement (the same on every row: it is about all models together), then
 * the study's cells. Interval bounds are empty with a single replicate.
 */
export function summaryRows(summary: ExperimentSummary, study: StudyOf | null = null): Row[] {
  const r = summary.ranking;
  const tau = interval(r?.kendallTauB ?? null);
  const rho = interval(r?.spearmanRho ?? null);
  const sra = interval(r?.sra ?? null);
  return summary.models.map((m, k) => {
    const trtr = interval(m.trtr);
    const tstr = interval(m.tstr);
    const gap = interval(m.gap);
    return {
      model: m.id,
      model_label: m.label,
      fitted: m.fitted,
      trtr: trtr.mean,
      trtr_lo: trtr.lo,
      trtr_hi: trtr.hi,
      tstr: tstr.mean,
      tstr_lo: tstr.lo,
      tstr_hi: tstr.hi,
      gap: gap.mean,
      gap_lo: gap.lo,
      gap_hi: gap.hi,
      utility: finite(m.utility?.value),
      utility_lo: finite(m.utility?.lo),
      utility_hi: finite(m.utility?.hi),
      ratio: finite(m.ratio),
      kendall_tau_b: tau.mean,
      kendall_tau_b_lo: tau.lo,
      kendall_tau_b_hi: tau.hi,
      spearman_rho: rho.mean,
      spearman_rho_lo: rho.lo,
      spearman_rho_hi: rho.hi,
      sra: sra.mean,
      sra_lo: sra.lo,
      sra_hi: sra.hi,
      top1: finite(r?.top1?.estimate),
      top1_lo: finite(r?.top1?.lo),
      top1_hi: finite(r?.top1?.hi),
      ranking_replicates: r?.replicates ?? null,
      completed: summary.completed,
      planned: summary.planned,
      error: m.error,
      ...(study ? studySummaryCells(study.kind, summary, k, study.theory) : {}),
    };
  });
}

function rankingJson(summary: ExperimentSummary) {
  const r = summary.ranking;
  if (!r) return null;
  return {
    replicates: r.replicates,
    kendallTauB: r.kendallTauB && interval(r.kendallTauB),
    spearmanRho: r.spearmanRho && interval(r.spearmanRho),
    sra: r.sra && interval(r.sra),
    top1: r.top1 && { estimate: r.top1.estimate, lo: r.top1.lo, hi: r.top1.hi },
    consistency: r.consistency,
  };
}

function header(format: string, meta: Provenance, scenario: Scenario) {
  return {
    format,
    version: URL_VERSION,
    appVersion: meta.appVersion,
    link: meta.link,
    // The parameters the scenario's lab reads: a file of one lab names nothing of another.
    scenario: labParams(scenario),
  };
}

export function resultsCsv(result: ScenarioResult): string {
  return toCsv(resultsRows(result), resultsColumns(result.scenario));
}

export function summaryCsv(result: ScenarioResult): string {
  return toCsv(summaryRows(result.summary, studyOf(result.scenario)), summaryColumns(result.scenario));
}

/**
 * The summary of a run with its scenario and link; `withReplicates` adds every replicate's numbers. A study adds
 * its summary as the engine gives it with its closed forms (`study`), and the self-consuming loop its chain per
 * replicate and generation (`generations`, with the replicates).
 */
export function resultsJson(result: ScenarioResult, meta: Provenance, withReplicates = true): string {
  const study = studyOf(result.scenario);
  return toJson({
    ...header(withReplicates ? RESULTS_FORMAT : SUMMARY_FORMAT, meta, result.scenario),
    done: result.done,
    completed: result.summary.completed,
    planned: result.summary.planned,
    models: result.summary.models.map((m) => ({ id: m.id, label: m.label })),
    summary: summaryRows(result.summary, study),
    ranking: rankingJson(result.summary),
    fidelity: result.fidelity,
    ...(study ? { study: studyJson(result.summary, study.theory) } : {}),
    ...(withReplicates ? { replicates: resultsRows(result) } : {}),
    ...(withReplicates && study?.kind === 'collapse' ? { generations: generationRows(result.records) } : {}),
  });
}

export interface SweepExport {
  readonly setting: SweepSetting;
  readonly base: Scenario;
  readonly points: readonly SweepPoint[];
  readonly status: string;
  readonly total: number;
}

function sweepAxes(setting: SweepSetting) {
  return (setting.y ? [setting.x, setting.y] : [setting.x]).map((a) => ({
    param: paramSpec(a.param).url,
    key: a.param,
    from: a.from,
    to: a.to,
    steps: a.steps,
  }));
}

export function sweepColumns(setting: SweepSetting, base?: Scenario): string[] {
  const kind = base ? studyKind(base) : null;
  return [
    ...sweepAxes(setting).map((a) => a.param),
    'model',
    'model_label',
    'utility',
    'utility_lo',
    'utility_hi',
    'tstr',
    'tstr_lo',
    'tstr_hi',
    'trtr',
    'trtr_lo',
    'trtr_hi',
    'kendall_tau_b',
    'kendall_tau_b_lo',
    'kendall_tau_b_hi',
    'completed',
    ...(kind ? STUDY_SUMMARY_COLUMNS[kind] : []),
  ];
}

/**
 * One row per sweep point and model: the swept parameters' values (by link name), U with its interval, TSTR,
 * TRTR and the point's mean Kendall τ_b with its interval, then the study's cells (e.g. the spread at the last
 * generation, the regret, the mean TMTR, one member's U) with the point's closed forms.
 */
export function sweepRows(sweep: SweepExport): Row[] {
  const axes = sweepAxes(sweep.setting);
  return sweep.points.flatMap((point) => {
    const tau = interval(point.summary.ranking?.kendallTauB ?? null);
    const values = Object.fromEntries(axes.map((a) => [a.param, finite(point.values[a.key])]));
    const study = studyOf(sweep.base, point.values);
    return point.summary.models.map((m, k) => {
      const trtr = interval(m.trtr);
      const tstr = interval(m.tstr);
      return {
        ...values,
        model: m.id,
        model_label: m.label,
        utility: finite(m.utility?.value),
        utility_lo: finite(m.utility?.lo),
        utility_hi: finite(m.utility?.hi),
        tstr: tstr.mean,
        tstr_lo: tstr.lo,
        tstr_hi: tstr.hi,
        trtr: trtr.mean,
        trtr_lo: trtr.lo,
        trtr_hi: trtr.hi,
        kendall_tau_b: tau.mean,
        kendall_tau_b_lo: tau.lo,
        kendall_tau_b_hi: tau.hi,
        completed: point.summary.completed,
        ...(study ? studySummaryCells(study.kind, point.summary, k, study.theory) : {}),
      };
    });
  });
}

export function sweepCsv(sweep: SweepExport): string {
  return toCsv(sweepRows(sweep), sweepColumns(sweep.setting, sweep.base));
}

export function sweepJson(sweep: SweepExport, meta: Provenance): string {
  return toJson({
    ...header(SWEEP_FORMAT, meta, sweep.base),
    status: sweep.status,
    completed: sweep.points.length,
    total: sweep.total,
    axes: sweepAxes(sweep.setting),
    rows: sweepRows(sweep),
  });
}

/** The scenario file: loads back into the page (Load scenario, drag and drop) and runs in the CLI. */
export function scenarioFileJson(scenario: Scenario, page: PageState, meta: Provenance): string {
  return toJson({ ...header(SCENARIO_FORMAT, meta, scenario), page });
}
