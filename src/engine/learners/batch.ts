/**
 * Fitting several datasets at once: A_k(D_1), ..., A_k(D_B). Learners that can (the MLP) train all B in one tensor
 * program; the others fit one after another. Each dataset gets its model or its FitError.
 */
import type { Matrix } from '../matrix';
import { FitError, type FittedModel, type Learner } from './types';

export interface Dataset {
  readonly x: Matrix;
  readonly y: Float64Array;
}

/** A learner that fits a whole batch (datasets of equal size) in one go. */
export interface BatchLearner extends Learner {
  fitBatch(datasets: readonly Dataset[]): Promise<FittedModel[]>;
  /** Whether one batched program beats fitting one by one on the active backend (default true). */
  batchPays?(): boolean;
}

export function isBatchLearner(learner: Learner): learner is BatchLearner {
  return typeof (learner as Partial<BatchLearner>).fitBatch === 'function';
}

/**
 * One fitted model (or the reason it could not be fitted) per dataset, in order. Fitted one by one, `between`
 * is awaited before each dataset: the run yields to the event loop there and may throw to cancel.
 */
export async function fitAll(
  learner: Learner,
  datasets: readonly Dataset[],
  between?: () => Promise<void>,
): Promise<(FittedModel | FitError)[]> {
  const sameSize = datasets.every((d) => d.x.rows === datasets[0]?.x.rows);
  const batched = isBatchLearner(learner) && (learner.batchPays?.() ?? true);
  if (batched && datasets.length > 1 && sameSize) {
    try {
      return await learner.fitBatch(datasets);
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      // One bad dataset spoils a batch: fall back to one at a time, so the others still get their models.
    }
  }
  const fits: (FittedModel | FitError)[] = [];
  for (const d of datasets) {
    await between?.();
    try {
      fits.push(learner.fit(d.x, d.y));
    } catch (error) {
      if (error instanceof FitError) fits.push(error);
      else throw error;
    }
  }
  return fits;
}
