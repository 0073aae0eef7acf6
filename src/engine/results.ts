/**
 * What the page receives from the engine: plain, structured-clonable data (no tensors), streamed after every
 * replicate. Kept apart from the engine's code so the page can use these types without loading tfjs.
 */
import type { DigitsVisual } from './digits/visual';
import type { FidelityReport } from './fidelityReport';
import type { ExperimentSummary, ReplicateRecord } from './summary';

export type { FidelityReport } from './fidelityReport';

export type {
  ExperimentSummary,
  ModelSummary,
  PartialRecord,
  RankingSummary,
  ReplicateRecord,
} from './summary';

/** The points of one sample that are drawn (the first DISPLAY_POINTS draws, which are i.i.d.). */
export interface SampleView {
  /** First feature x1 of each shown point (the same array as columns[0]). */
  readonly x: number[];
  readonly y: number[];
  /** Size of the whole sample (all of it is used for training). */
  readonly total: number;
  /** Every feature of the shown points: columns[j][i] is x_(j+1) of point i. */
  readonly columns: number[][];
}

/**
 * p = 2: a size x size grid over the samples' (x1, x2) range; the value at (x1[i], x2[j]) sits at index
 * j * x1.length + i (x1 varies fastest).
 */
export interface SurfaceGrid {
  /** Cell centres along x1 and along x2, ascending. */
  readonly x1: number[];
  readonly x2: number[];
  /** E[Y | x]: eta (regression) or P(Y = 1 | x) (classification), real population; null for a dataset. */
  readonly eta: number[] | null;
  /** The synthetic population's E~[Y | x] (oracle mode only; a fitted generator has no closed form). */
  readonly etaSynthetic: number[] | null;
  /**
   * Each model fitted on real and on synthetic data: predicted y (regression); classification: P(y = 1 | x)
   * when `probability`, else the predicted label 0 / 1. null when the fit failed.
   */
  readonly models: readonly {
    id: string;
    real: number[] | null;
    synthetic: number[] | null;
    probability: boolean;
  }[];
}

/** Replicate 0 as a picture: the first feature against the response, and the fits along a grid (p = 1). */
export interface SceneVisual {
  readonly real: SampleView;
  readonly synthetic: SampleView;
  /** Grid over x1 with E[Y | x] of the real and synthetic populations and each model's fits; null for p > 1. */
  readonly grid: number[] | null;
  readonly eta: number[] | null;
  readonly etaSynthetic: number[] | null;
  readonly curves: readonly { id: string; real: number[] | null; synthetic: number[] | null }[];
  /** p = 2 only: predictions over the (x1, x2) plane; null otherwise. */
  readonly surface: SurfaceGrid | null;
  /** The digits lab: its gallery, class counts and confusion matrices (its samples have no scatter). */
  readonly digits?: DigitsVisual;
}

/** One loss reading: training loss after `epoch` full-batch steps (epoch 0 = the initial net). */
export interface LossPoint {
  readonly epoch: number;
  readonly loss: number;
}

/**
 * The first replicate's training curve of one model that reports it (the MLP), fitted on real and on synthetic data.
 * Loss: mean squared error in the units of y (regression) or mean log-loss (classification).
 */
export interface TrainingCurve {
  readonly id: string;
  readonly label: string;
  /** Epochs the model trains for (the curves are complete when their last epoch reaches it). */
  readonly epochs: number;
  readonly real: readonly LossPoint[];
  readonly synthetic: readonly LossPoint[];
}

/** A run's results, the same shape for every lab (the store pairs them with the scenario they belong to). */
export interface SceneResult {
  readonly summary: ExperimentSummary;
  /** Every completed replicate's TRTR and TSTR per model, in the summary's model order (for exports). */
  readonly records: readonly ReplicateRecord[];
  readonly visual: SceneVisual | null;
  /**
   * The first replicate's training curves of the models that report them (MLPs), in model order; they grow while
   * the first replicate trains (partial results with 0 replicates completed). Empty without such a model.
   */
  readonly training?: readonly TrainingCurve[];
  /** The digits lab's VAE: replicate 0's generator training loss per epoch (nats per digit), as it trains. */
  readonly generatorTraining?: readonly LossPoint[];
  /** Fidelity of the first replicate's synthetic sample to its real one. */
  readonly fidelity: FidelityReport | null;
  /** All planned replicates are in. */
  readonly done: boolean;
  readonly elapsedMs: number;
}

/**
 * Models with an outcome so far: numbers (fitted in at least one replicate) or a fit error. It grows through
 * replicate 1's partial summaries (fast models first) while `completed` is still 0.
 */
export function scoredModels(summary: ExperimentSummary): number {
  return summary.models.filter((m) => m.fitted > 0 || m.error !== null).length;
}

/** Whether any model has numbers yet: the page's "first numbers". */
export function hasNumbers(summary: ExperimentSummary): boolean {
  return summary.models.some((m) => m.fitted > 0);
}
