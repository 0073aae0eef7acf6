/**
 * What the page receives from the engine: plain, structured-clonable data (no tensors), streamed after every
 * replicate. Kept apart from the engine's code so the page can use these types without loading tfjs.
 */
import type { Scenario } from '../scenario/schema';
import type { FidelityReport } from './fidelityReport';
import type { ExperimentSummary, ReplicateRecord } from './summary';

export type { FidelityReport } from './fidelityReport';

export type { ExperimentSummary, ModelSummary, RankingSummary, ReplicateRecord } from './summary';

/** Replicate 0 as a picture: the first feature against the response, and the fits along a grid (p = 1). */
export interface SceneVisual {
  readonly real: { x: number[]; y: number[]; total: number };
  readonly synthetic: { x: number[]; y: number[]; total: number };
  /** Grid over x1 with E[Y | x] of the real and synthetic populations and each model's fits; null for p > 1. */
  readonly grid: number[] | null;
  readonly eta: number[] | null;
  readonly etaSynthetic: number[] | null;
  readonly curves: readonly { id: string; real: number[] | null; synthetic: number[] | null }[];
}

export interface SceneResult {
  readonly scenario: Scenario;
  readonly summary: ExperimentSummary;
  /** Every completed replicate's TRTR and TSTR per model, in the summary's model order (for exports). */
  readonly records: readonly ReplicateRecord[];
  readonly visual: SceneVisual | null;
  /** Fidelity of replicate 1's synthetic sample to its real one. */
  readonly fidelity: FidelityReport | null;
  /** All planned replicates are in. */
  readonly done: boolean;
  readonly elapsedMs: number;
}
