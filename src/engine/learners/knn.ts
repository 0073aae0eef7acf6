/**
 * k nearest neighbours (scikit-learn KNeighborsRegressor / KNeighborsClassifier, uniform, Euclidean; search in
 * neighbors.ts): regression f(x) = mean of the k nearest y; classification f(x) = their mode, ties -> smallest.
 */
import { float64KernelNow } from '../kernels/float64';
import type { Matrix } from '../matrix';
import { nearestNeighbors } from './neighbors';
import { FitError, type FittedModel, type Learner } from './types';
import type { Task } from '../task';

/** Most frequent value of `labels` (sorted in place), the smallest one among equally frequent values. */
export function majority(labels: Float64Array): number {
  labels.sort();
  let best = labels[0]!;
  let bestCount = 0;
  for (let start = 0; start < labels.length;) {
    let end = start + 1;
    while (end < labels.length && labels[end] === labels[start]) end++;
    // Strictly greater: an equally frequent later (larger) label never replaces an earlier (smaller) one.
    if (end - start > bestCount) {
      best = labels[start]!;
      bestCount = end - start;
    }
    start = end;
  }
  return best;
}

export function knn(k: number, task: Task = 'regression'): Learner {
  if (!Number.isInteger(k) || k < 1) throw new FitError(`knn: k must be a whole number >= 1, got ${k}`);
  const classify = task === 'classification';
  float64KernelNow(); // starts loading the float64 kernels (the scan's), so the first search need not wait
  return {
    id: `knn:k=${k}`,
    label: `kNN (k=${k})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      if (k > x.rows) throw new FitError(`knn: k = ${k} is larger than the ${x.rows} training points`);
      if (classify && y.some((v) => Number.isNaN(v))) throw new FitError('knn: a training label is NaN');
      return {
        async predict(test: Matrix): Promise<Float64Array> {
          const { indices } = await nearestNeighbors(x, test, k);
          const out = new Float64Array(test.rows);
          const votes = new Float64Array(k);
          for (let i = 0; i < test.rows; i++) {
            if (classify) {
              for (let j = 0; j < k; j++) votes[j] = y[indices[i * k + j]!]!;
              out[i] = majority(votes);
            } else {
              let s = 0;
              for (let j = 0; j < k; j++) s += y[indices[i * k + j]!]!;
              out[i] = s / k;
            }
          }
          return out;
        },
      };
    },
  };
}
