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
}

export function isBatchLearner(learner: Learner): learner is BatchLearner {
  return typeof (learner as Partial<BatchLearner>).fitBatch === 'function';
}

/** One fitted model (or the reason it could not be fitted) per dataset, in order. */
export async function fitAll(
  learner: Learner,
  datasets: readonly Dataset[],
): Promise<(FittedModel | FitError)[]> {
  const sameSize = datasets.every((d) => d.x.rows === datasets[0]?.x.rows);
  if (isBatchLearner(learner) && datasets.length > 1 && sameSize) {
    try {
      return await learner.fitBatch(datasets);
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      // One bad dataset spoils a batch: fall back to one at a time, so the others still get their models.
    }
  }
  return datasets.map((d) => {
    try {
      return learner.fit(d.x, d.y);
    } catch (error) {
      if (error instanceof FitError) return error;
      throw error;
    }
  });
}
