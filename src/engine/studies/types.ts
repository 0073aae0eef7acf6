/**
 * Studies beyond the paper (issue 14, docs/theory.md §9): what a plan's `study` asks each replicate to compute
 * besides TRTR and TSTR, what a replicate records for it, and its summary over replicates.
 *
 * - collapse: a self-consuming loop; the synthetic sample comes from the generator refitted `generations` times on
 *   its own draws (a share `fresh` of each generation's training data fresh real points). TSTR is scored on it.
 * - mix: every model is also trained on the real sample pooled with the synthetic one (n + m = n(1 + λ) points,
 *   λ = m/n) and scored on the real test sample (TMTR).
 * - ensemble: K synthetic samples from K generator seeds; the synthetic-trained "model" is the average of the K
 *   models' predictions (TSTR is the ensemble's); member 1's own TSTR is kept for the paired comparison.
 * - select: the models are the candidates of a hyperparameter; each is also trained on the first share
 *   (1 - holdout) of the real and of the synthetic sample and validated on the rest: the synthetic choice's regret.
 */
import type { BootstrapInterval, MeanInterval, ProportionInterval } from '../metrics/intervals';

export const STUDY_KINDS = ['none', 'collapse', 'mix', 'ensemble', 'select'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

export type StudySettings =
  | { readonly kind: 'collapse'; readonly generations: number; readonly fresh: number }
  | { readonly kind: 'mix' }
  | { readonly kind: 'ensemble'; readonly members: number }
  | { readonly kind: 'select'; readonly holdout: number };

/** Per generation g = 0..G of a self-consuming loop: the generation's training data against the real sample. */
export interface ChainRecord {
  /**
   * tr Σ^_g / tr Σ^_0: the maximum-likelihood feature variance of generation g's training data over the real
   * sample's (g = 0: the real sample, so 1), which is the spread of generation g's Gaussian fit.
   */
  readonly spread: readonly number[];
  /**
   * Mean over features of the 1%–99% quantile range of generation g's data over that of m fresh real points (the
   * same size, so the range's dependence on sample size cancels); 1 at g = 0.
   */
  readonly tail: readonly number[];
}

/** What one replicate records for its study (arrays per model, null where a fit failed). */
export type StudyRecord =
  | ({ readonly kind: 'collapse' } & ChainRecord)
  | { readonly kind: 'mix'; readonly tmtr: readonly (number | null)[] }
  | { readonly kind: 'ensemble'; readonly member: readonly (number | null)[] }
  | {
      readonly kind: 'select';
      readonly valReal: readonly (number | null)[];
      readonly valSynthetic: readonly (number | null)[];
    };

/** Ranking agreement of one order with TRTR's, over replicates. */
export interface OrderAgreement {
  readonly replicates: number;
  readonly kendallTauB: BootstrapInterval | null;
  /** Same best model as TRTR (Wilson interval). */
  readonly top1: ProportionInterval | null;
}

export interface MixModelSummary {
  /** Risk on real test data of the model trained on real + synthetic (TMTR). */
  readonly tmtr: MeanInterval | null;
  /** TRTR − TMTR per replicate (> 0: adding the synthetic points helped). */
  readonly gain: MeanInterval | null;
}

export interface EnsembleModelSummary {
  /** TSTR of one member (member 1: what K = 1 gives on the same draws). */
  readonly member: MeanInterval | null;
  /** U of one member, |mean(member − TRTR)| with its interval. */
  readonly memberUtility: { value: number; lo: number | null; hi: number | null } | null;
  /** member − ensemble TSTR per replicate (> 0: the ensemble is better). */
  readonly benefit: MeanInterval | null;
}

export type StudySummary =
  | {
      readonly kind: 'collapse';
      /** Per generation g = 0..G: spread and tail width over replicates (percentile-bootstrap intervals). */
      readonly spread: readonly BootstrapInterval[];
      readonly tail: readonly BootstrapInterval[];
    }
  | {
      readonly kind: 'mix';
      readonly models: readonly MixModelSummary[];
      /** TMTR's order against TRTR's. */
      readonly ranking: OrderAgreement | null;
    }
  | {
      readonly kind: 'ensemble';
      readonly models: readonly EnsembleModelSummary[];
      /** One member's order against TRTR's (the ensemble's is the main summary's ranking). */
      readonly memberRanking: OrderAgreement | null;
    }
  | {
      readonly kind: 'select';
      /** Real test risk of the candidate chosen on synthetic validation minus that of the real choice. */
      readonly regret: MeanInterval | null;
      /** Regret over the real choice's real test risk. */
      readonly relativeRegret: MeanInterval | null;
      /** Replicates in which both validations chose the same candidate. */
      readonly sameChoice: ProportionInterval | null;
      /** How often each candidate was chosen, on real and on synthetic validation. */
      readonly chosenReal: readonly number[];
      readonly chosenSynthetic: readonly number[];
      readonly valReal: readonly (MeanInterval | null)[];
      readonly valSynthetic: readonly (MeanInterval | null)[];
    };
