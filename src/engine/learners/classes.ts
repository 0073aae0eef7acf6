/**
 * The labels a classifier trains on: 0/1 (the binary models: logistic regression by Newton, the sigmoid MLP), or
 * whole class numbers 0, 1, 2, ... (the multi-class models: softmax regression, the softmax MLP, the CNN). Data
 * whose labels are all 0 or 1 keep the binary models; any other label, e.g. a digit 0-9, makes the fit multi-class.
 */
import { FitError } from './types';

/** Largest class number a label may be: the multi-class models have one output per class 0..max label. */
export const MAX_CLASS = 999;

export interface ClassLabels {
  /** Every label is 0 or 1: the binary model fits, as before multi-class models existed. */
  readonly binary: boolean;
  /** Classes 0..max label: the outputs of a multi-class network. */
  readonly count: number;
  /** The classes that occur, ascending. */
  readonly present: readonly number[];
}

/** Reads and checks the labels; `who` names the model in the FitError ("logistic", "mlp"). */
export function classLabels(y: Float64Array, who: string): ClassLabels {
  const seen = new Set<number>();
  for (const v of y) {
    if (!(Number.isInteger(v) && v >= 0 && v <= MAX_CLASS)) {
      throw new FitError(
        `${who}: labels must be 0 or 1, or class numbers 0, 1, 2, ... up to ${MAX_CLASS}; got ${v}`,
      );
    }
    seen.add(v);
  }
  const present = [...seen].sort((a, b) => a - b);
  const max = present.at(-1) ?? 0;
  return { binary: max <= 1, count: max + 1, present };
}

/** Index of the largest score of each row of `scores` [rows][k] (the first on ties), mapped through `classes`. */
export function argmaxRows(
  scores: ArrayLike<number>,
  rows: number,
  k: number,
  classes?: readonly number[],
): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[i * k + c]! > scores[i * k + best]!) best = c;
    out[i] = classes ? classes[best]! : best;
  }
  return out;
}
