/**
 * A trained network as a fitted model, whichever route trained it (tfjs, mlp-train.ts, or the WebAssembly kernel,
 * mlp-kernel.ts): predict checks that training converged and the test rows' width, then maps the network's
 * scores (standardized predictions, or logits) to the task's predictions. No tfjs here.
 */
import type { Matrix } from '../matrix';
import type { Task } from '../task';
import { FitError, type FittedModel } from './types';

/** A trained network. */
export interface MlpModel extends FittedModel {
  /** Training loss of the returned weights (as in onEpoch); NaN or Infinity when training diverged. */
  readonly loss: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The model of one network with `inputs` features whose training ended at `loss`: `scores(test)` runs its
 * forward pass (inputs standardized as in training); regression maps a score z back to yMean + yScale z,
 * classification predicts 1 where z > 0 and P(y = 1) = sigmoid(z). A diverged network (non-finite loss or
 * weights) throws FitError from predict.
 */
export function mlpModel(
  task: Task,
  inputs: number,
  loss: number,
  weights: Float32Array,
  scores: (test: Matrix) => Promise<Float64Array>,
  yMean = 0,
  yScale = 1,
): MlpModel {
  const diverged = !Number.isFinite(loss) || !weights.every(Number.isFinite);
  const checked = async (test: Matrix): Promise<Float64Array> => {
    if (diverged) throw new FitError('mlp: training diverged (non-finite loss or weights); lower lr');
    if (test.cols !== inputs) {
      throw new FitError(`mlp: test rows have ${test.cols} features, training ${inputs}`);
    }
    return scores(test);
  };
  if (task === 'regression') {
    return { loss, predict: async (t) => (await checked(t)).map((z) => yMean + yScale * z) };
  }
  return {
    loss,
    predict: async (t) => (await checked(t)).map((z) => (z > 0 ? 1 : 0)),
    predictProba: async (t) => (await checked(t)).map(sigmoid),
  };
}
