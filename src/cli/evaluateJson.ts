/**
 * One synthetic dataset's part of `evaluate --json` (version 2, README "Headless CLI"): flat snake_case fields,
 * null where a number does not exist (a model never fitted, an interval from one replicate, a ranking of fewer
 * than two models). The version 1 fields (model, trtr, tstr, utility, error, notices; kendall_tau_b,
 * spearman_rho, top1) keep their names and meaning; with R = 1 beside a test file they are the same numbers.
 */
import type { DatasetReport } from '../data/evaluate';
import type { MeanInterval } from '../engine/metrics/intervals';
import type { RankingSummary } from '../engine/summary';

export interface ModelJson {
  model: string;
  label: string;
  /** Replicates in which the model was fitted on both training files. */
  fitted: number;
  trtr: number | null;
  trtr_lo: number | null;
  trtr_hi: number | null;
  tstr: number | null;
  tstr_lo: number | null;
  tstr_hi: number | null;
  /** U = |mean(TSTR - TRTR)|, with the interval of |.| of the mean gap's interval. */
  utility: number | null;
  utility_lo: number | null;
  utility_hi: number | null;
  /** mean TSTR / mean TRTR. */
  ratio: number | null;
  /** "<model> on <file>: <reason>" (with the share of replicates when R > 1), or null. */
  error: string | null;
  /** "<model> on <file>: <what the fit had to do>" (minimum-norm least squares). */
  notices: string[];
}

export interface RankingJson {
  /** Replicates in which every ranked model was fitted; the models ranked (those fitted at least once). */
  replicates: number;
  models: string[];
  kendall_tau_b: number | null;
  kendall_tau_b_lo: number | null;
  kendall_tau_b_hi: number | null;
  spearman_rho: number | null;
  spearman_rho_lo: number | null;
  spearman_rho_hi: number | null;
  /** Synthetic Ranking Agreement (Jordon et al. 2018): the mean pairwise order agreement. */
  sra: number | null;
  sra_lo: number | null;
  sra_hi: number | null;
  /** Share of replicates with the same best model (Wilson interval). */
  top1: number | null;
  top1_lo: number | null;
  top1_hi: number | null;
}

export interface DatasetJson {
  name: string;
  /** Rows of the encoded synthetic file. */
  rows: number;
  replicates: number;
  models: ModelJson[];
  ranking: RankingJson;
  fidelity: {
    c2st_auc: number | null;
    worst_ks: { column: string; ks: number } | null;
    worst_tv: { column: string; tv: number } | null;
    correlation_mean_abs: number | null;
    correlation_max_abs: number | null;
    correlation_max_pair: string[] | null;
    columns: { name: string; kind: string; ks: number; tv: number }[];
  };
  privacy: {
    exact_copies: number;
    exact_copy_share: number;
    holdout_copy_share: number;
    dcr_median: number;
    dcr_p5: number;
    holdout_dcr_median: number;
    holdout_dcr_p5: number;
    suspicious: boolean;
    verdict: string;
  };
}

const lo = (v: MeanInterval | null | undefined) => (v?.hasInterval ? v.lo : null);
const hi = (v: MeanInterval | null | undefined) => (v?.hasInterval ? v.hi : null);

function worst<T extends { name: string }>(columns: readonly T[], value: (c: T) => number): T | null {
  return columns.reduce<T | null>((best, c) => (best === null || value(c) > value(best) ? c : best), null);
}

/** The last failure of model k, naming the training file it failed on. */
function errorOf(
  report: DatasetReport,
  k: number,
  files: { real: string; synthetic: string },
): string | null {
  const failed = report.records.filter((r) => r.errors[k]);
  const last = failed.at(-1);
  if (!last) return null;
  const id = report.summary.models[k]!.id;
  const where =
    last.trtr[k] == null
      ? `${files.real}${last.tstr[k] == null ? ` (and on ${files.synthetic})` : ''}`
      : files.synthetic;
  const share =
    report.records.length > 1 ? ` (in ${failed.length} of ${report.records.length} replicates)` : '';
  return `${id} on ${where}: ${last.errors[k]}${share}`;
}

export function datasetJson(
  report: DatasetReport,
  ranking: RankingSummary | null,
  notices: readonly string[][],
  files: { real: string; synthetic: string },
): DatasetJson {
  const { summary, fidelity, privacy } = report;
  const ks = worst(fidelity.columns, (c) => c.ks);
  const tv = worst(fidelity.columns, (c) => c.tv);
  return {
    name: report.name,
    rows: privacy.syntheticRows,
    replicates: summary.completed,
    models: summary.models.map((m, k) => ({
      model: m.id,
      label: m.label,
      fitted: m.fitted,
      trtr: m.trtr?.mean ?? null,
      trtr_lo: lo(m.trtr),
      trtr_hi: hi(m.trtr),
      tstr: m.tstr?.mean ?? null,
      tstr_lo: lo(m.tstr),
      tstr_hi: hi(m.tstr),
      utility: m.utility?.value ?? null,
      utility_lo: m.utility?.lo ?? null,
      utility_hi: m.utility?.hi ?? null,
      ratio: m.ratio,
      error: errorOf(report, k, files),
      notices: [...(notices[k] ?? [])],
    })),
    ranking: {
      replicates: ranking?.replicates ?? 0,
      models: summary.models.filter((m) => m.fitted > 0).map((m) => m.id),
      kendall_tau_b: ranking?.kendallTauB?.mean ?? null,
      kendall_tau_b_lo: lo(ranking?.kendallTauB),
      kendall_tau_b_hi: hi(ranking?.kendallTauB),
      spearman_rho: ranking?.spearmanRho?.mean ?? null,
      spearman_rho_lo: lo(ranking?.spearmanRho),
      spearman_rho_hi: hi(ranking?.spearmanRho),
      sra: ranking?.sra?.mean ?? null,
      sra_lo: lo(ranking?.sra),
      sra_hi: hi(ranking?.sra),
      top1: ranking?.top1?.estimate ?? null,
      top1_lo: ranking?.top1 && ranking.top1.trials > 1 ? ranking.top1.lo : null,
      top1_hi: ranking?.top1 && ranking.top1.trials > 1 ? ranking.top1.hi : null,
    },
    fidelity: {
      c2st_auc: fidelity.c2stAuc,
      worst_ks: ks && { column: ks.name, ks: ks.ks },
      worst_tv: tv && { column: tv.name, tv: tv.tv },
      correlation_mean_abs: fidelity.correlation.meanAbs,
      correlation_max_abs: fidelity.correlation.maxAbs,
      correlation_max_pair: fidelity.correlation.maxPair && [...fidelity.correlation.maxPair],
      columns: fidelity.columns.map((c) => ({ name: c.name, kind: c.kind, ks: c.ks, tv: c.tv })),
    },
    privacy: {
      exact_copies: privacy.exactCopies.length,
      exact_copy_share: privacy.exactCopyShare,
      holdout_copy_share: privacy.holdoutCopyShare,
      dcr_median: privacy.synthetic.median,
      dcr_p5: privacy.synthetic.p5,
      holdout_dcr_median: privacy.holdout.median,
      holdout_dcr_p5: privacy.holdout.p5,
      suspicious: privacy.suspicious,
      verdict: privacy.verdict,
    },
  };
}
