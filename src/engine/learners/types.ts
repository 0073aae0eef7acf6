/**
 * The learner contract: A_k(D) -> f^_k. A fitted model predicts responses for new feature rows.
 * Prediction is async because some learners run on tfjs tensors, whose read-back is asynchronous.
 */
import type { Matrix } from '../matrix';

export interface FittedModel {
  /** Predicted responses (regression) or predicted labels (classification). */
  predict(x: Matrix): Promise<Float64Array>;
  /** Classifiers with a probability model: P(y = 1 | x) per row. Absent for regressors. */
  predictProba?(x: Matrix): Promise<Float64Array>;
  /**
   * What the fit had to do that a user should know, in a sentence (e.g. a rank-deficient design fitted by
   * minimum-norm least squares). Absent for an ordinary fit.
   */
  readonly notice?: string;
}

export interface Learner {
  /** Stable identifier in the CLI's model syntax, e.g. `ols`, `poly:degree=3`, `knn:k=10`. */
  readonly id: string;
  /** Short name for plots and tables. */
  readonly label: string;
  fit(x: Matrix, y: Float64Array): FittedModel;
}

/** A fit that cannot be done with these data (too few points for the model, singular design). */
export class FitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitError';
  }
}
