/**
 * k-nearest-neighbour regression (scikit-learn KNeighborsRegressor, uniform weights, Euclidean):
 * f(x) = mean of y over the k training points nearest to x. The search runs on the tfjs backend (neighbors.ts).
 */
import type { Matrix } from '../matrix';
import { nearestNeighbors } from './neighbors';
import { FitError, type FittedModel, type Learner } from './types';

export function knn(k: number): Learner {
  if (!Number.isInteger(k) || k < 1) throw new FitError(`knn: k must be a whole number >= 1, got ${k}`);
  return {
    id: `knn:k=${k}`,
    label: `kNN (k=${k})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      if (k > x.rows) throw new FitError(`knn: k = ${k} is larger than the ${x.rows} training points`);
      return {
        async predict(test: Matrix): Promise<Float64Array> {
          const { indices } = await nearestNeighbors(x, test, k);
          const out = new Float64Array(test.rows);
          for (let i = 0; i < test.rows; i++) {
            let s = 0;
            for (let j = 0; j < k; j++) s += y[indices[i * k + j]!]!;
            out[i] = s / k;
          }
          return out;
        },
      };
    },
  };
}
