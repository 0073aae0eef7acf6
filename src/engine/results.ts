/**
 * What a scene run returns: plain data (structured-clonable, no tensors), per model and for the plots.
 * Kept apart from the engine's code so the page can use these types without loading tfjs.
 */
import type { Estimate } from './metrics/risk';
import type { Scenario } from '../scenario/schema';

export interface ModelResult {
  readonly id: string;
  readonly label: string;
  /** Test risk (MSE on the real test sample) of the model trained on real data. */
  readonly trtr: Estimate;
  /** Test risk of the same model class trained on synthetic data. */
  readonly tstr: Estimate;
  /** Signed TSTR - TRTR, paired over the test points. */
  readonly gap: Estimate;
  /** U = |TSTR - TRTR|. */
  readonly utility: Estimate;
  /** TSTR / TRTR ("ML efficacy" in practitioners' reports); 1 means no loss; null when TRTR is 0. */
  readonly ratio: number | null;
  /** Fitted curves on `SceneResult.grid`. */
  readonly curveReal: number[];
  readonly curveSynthetic: number[];
}

/** A model that could not be fitted on these data (the message says why); the others still report. */
export interface ModelFailure {
  readonly id: string;
  readonly label: string;
  readonly error: string;
}

export type ModelOutcome = ModelResult | ModelFailure;

export function isFailure(outcome: ModelOutcome): outcome is ModelFailure {
  return 'error' in outcome;
}

export interface SceneResult {
  readonly scenario: Scenario;
  readonly real: { x: number[]; y: number[]; total: number };
  readonly synthetic: { x: number[]; y: number[]; total: number };
  readonly grid: number[];
  readonly eta: number[];
  readonly etaSynthetic: number[];
  readonly models: ModelOutcome[];
  readonly elapsedMs: number;
}
