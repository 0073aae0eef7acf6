/**
 * Summaries over replicates r = 1..R: per model mean TRTR and TSTR with t intervals, the signed gap
 * d_r = TSTR_r - TRTR_r, U^ = |mean d| with |.| of d's interval, TSTR/TRTR; and ranking agreement per replicate,
 * averaged with a seeded bootstrap interval (tau, rho, SRA) or a Wilson interval (top-1).
 */
import {
  meanInterval,
  scoreShareInterval,
  type BootstrapInterval,
  type MeanInterval,
  type ProportionInterval,
} from './metrics/intervals';
import {
  kendallTauB,
  pairwiseAgreementWithOrder,
  pairwiseConsistency,
  spearmanRho,
  syntheticRankingAgreement,
  top1Agreement,
} from './metrics/ranking';
import { definedMean, utilityOf, type UtilityEstimate } from './metrics/overReplicates';
import { summarizeStudy } from './studies/summary';
import type { StudyRecord, StudySummary } from './studies/types';

/** One replicate's risks per model (null where the model could not be fitted in that replicate). */
export interface ReplicateRecord {
  readonly index: number;
  readonly trtr: readonly (number | null)[];
  readonly tstr: readonly (number | null)[];
  readonly errors: readonly (string | null)[];
  /** What the plan's study adds (studies/types.ts). */
  readonly study?: StudyRecord;
}

/**
 * Replicate 0 while its models are being fitted (fast ones first): the models scored so far, as in a record, and
 * `pending[k]` for the ones still fitting (their trtr / tstr / errors entries are null until then).
 */
export interface PartialRecord extends ReplicateRecord {
  readonly pending: readonly boolean[];
}

export type { UtilityEstimate } from './metrics/overReplicates';

export interface ModelSummary {
  readonly id: string;
  readonly label: string;
  /** Replicates in which the model was fitted on both samples. */
  readonly fitted: number;
  readonly trtr: MeanInterval | null;
  readonly tstr: MeanInterval | null;
  readonly gap: MeanInterval | null;
  readonly utility: UtilityEstimate | null;
  /** mean TSTR / mean TRTR ("ML efficacy"); null when mean TRTR is 0 or the model never fitted. */
  readonly ratio: number | null;
  /** The last fit error, when there was one. */
  readonly error: string | null;
  /** Still fitting in replicate 0 (a partial summary: the faster models' first numbers are already in). */
  readonly pending?: true;
}

export interface RankingSummary {
  /** Replicates where every model was fitted (the only ones a ranking can be read from). */
  readonly replicates: number;
  /**
   * Mean over the replicates where it is defined, with a 95% percentile-bootstrap interval (inside [-1, 1]);
   * `unanimous` when every replicate gives the same value. Still a MeanInterval for older readers.
   */
  readonly kendallTauB: BootstrapInterval | null;
  readonly spearmanRho: BootstrapInterval | null;
  /**
   * Synthetic Ranking Agreement (Jordon et al. 2018): per replicate, the mean of the pair agreements over the
   * K(K-1)/2 pairs; averaged over replicates with a bootstrap interval. Equals the mean of C_jk over pairs.
   */
  readonly sra: BootstrapInterval | null;
  /**
   * Same best model: per replicate 1, 0, or with ties for the best |A ∩ B| / |A ∪ B| (so `successes` may be
   * fractional); Wilson interval.
   */
  readonly top1: ProportionInterval | null;
  /** C_jk: mean agreement of models j and k's order under TRTR and TSTR (a one-sided tie counts 1/2). */
  readonly consistency: number[][] | null;
  /** Fraction of replicates in which TSTR (and TRTR) order j and k as the population risks R(f*) do. */
  readonly tstrVsPopulation: number[][] | null;
  readonly trtrVsPopulation: number[][] | null;
}

export interface ExperimentSummary {
  readonly completed: number;
  readonly planned: number;
  readonly models: readonly ModelSummary[];
  /** Null with fewer than two models. */
  readonly ranking: RankingSummary | null;
  /** The study's summary (studies/summary.ts), when the records carry one. */
  readonly study?: StudySummary;
}

/**
 * `populationRisks`: R(f*_k) per model (references.ts), to compare each replicate's orders with the population
 * order; null when not computed (or when a model has none). `partial`: replicate 0 while its models are still
 * being fitted (no replicate completed yet): the per-model numbers of the models it has scored, the others
 * `pending`; it counts in no ranking (a ranking needs every model) and not in `completed`.
 */
export function summarize(
  records: readonly ReplicateRecord[],
  models: readonly { id: string; label: string }[],
  planned: number,
  populationRisks: readonly number[] | null = null,
  partial: PartialRecord | null = null,
): ExperimentSummary {
  const scored = partial ? [...records, partial] : records;
  const perModel = models.map(({ id, label }, k): ModelSummary => {
    const model = { id, label, ...(partial?.pending[k] ? { pending: true as const } : {}) };
    const pairs = scored.filter((r) => r.trtr[k] != null && r.tstr[k] != null);
    const error = [...scored].reverse().find((r) => r.errors[k])?.errors[k] ?? null;
    if (pairs.length === 0) {
      return { ...model, fitted: 0, trtr: null, tstr: null, gap: null, utility: null, ratio: null, error };
    }
    const trtr = meanInterval(pairs.map((r) => r.trtr[k]!));
    const tstr = meanInterval(pairs.map((r) => r.tstr[k]!));
    const gap = meanInterval(pairs.map((r) => r.tstr[k]! - r.trtr[k]!));
    return {
      ...model,
      fitted: pairs.length,
      trtr,
      tstr,
      gap,
      utility: utilityOf(gap),
      ratio: trtr.mean > 0 ? tstr.mean / trtr.mean : null,
      error,
    };
  });
  let ranking: RankingSummary | null = null;
  if (models.length >= 2) {
    const complete = records.filter((r) => r.trtr.every((v) => v != null) && r.tstr.every((v) => v != null));
    const a = complete.map((r) => r.trtr as number[]);
    const b = complete.map((r) => r.tstr as number[]);
    const agreed = a.reduce((sum, trtr, i) => sum + top1Agreement(trtr, b[i]!), 0);
    const population =
      populationRisks && populationRisks.every(Number.isFinite) && complete.length > 0
        ? populationRisks
        : null;
    ranking = {
      replicates: complete.length,
      kendallTauB: definedMean(a.map((trtr, i) => kendallTauB(trtr, b[i]!))),
      spearmanRho: definedMean(a.map((trtr, i) => spearmanRho(trtr, b[i]!))),
      sra: definedMean(a.map((trtr, i) => syntheticRankingAgreement(trtr, b[i]!))),
      top1: complete.length > 0 ? scoreShareInterval(agreed, complete.length) : null,
      consistency: complete.length > 0 ? pairwiseConsistency(a, b) : null,
      tstrVsPopulation: population && pairwiseAgreementWithOrder(b, population),
      trtrVsPopulation: population && pairwiseAgreementWithOrder(a, population),
    };
  }
  const study = summarizeStudy(records, models.length);
  return { completed: records.length, planned, models: perModel, ranking, ...(study ? { study } : {}) };
}
