/**
 * Kernel ridge regression with the RBF kernel and no intercept (scikit-learn KernelRidge(kernel='rbf')):
 * K_ij = exp(-gamma ||x_i - x_j||^2), dual = (K + alpha I)^-1 y by Cholesky, f(x) = sum_i dual_i k(x, x_i).
 */
import * as portable from '../portable';
import { rowDistanceSquared, type Matrix } from '../matrix';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import { choleskyInPlace, choleskySolve } from './cholesky';
import { FitError, type FittedModel, type Learner } from './types';

export function krr(alpha: number, gamma: number): Learner {
  if (!(Number.isFinite(alpha) && alpha > 0)) throw new FitError(`krr: alpha must be > 0, got ${alpha}`);
  if (!(Number.isFinite(gamma) && gamma > 0)) throw new FitError(`krr: gamma must be > 0, got ${gamma}`);
  return {
    id: `krr:alpha=${alpha},gamma=${gamma}`,
    label: `KRR (α=${alpha}, γ=${gamma})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      const { rows: n, cols: p } = x;
      if (y.length !== n) throw new FitError(`krr: ${n} feature rows but ${y.length} responses`);
      if (n < 1) throw new FitError('krr: needs at least 1 training point');
      const train = Float64Array.from(x.data);
      const gram = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++)
          gram[i * n + j] = portable.expFast(-gamma * rowDistanceSquared(train, i, train, j, p));
        gram[i * n + i] = 1 + alpha;
      }
      if (!choleskyInPlace(gram, n)) {
        throw new FitError(
          `krr: K + alpha I is not positive definite in float64 (alpha = ${alpha} is too small for these ` +
            `${n} points; raise alpha or lower gamma)`,
        );
      }
      const dual = choleskySolve(gram, n, y);
      return {
        // Row by row: memory stays O(n) however many test points there are.
        async predict(test: Matrix): Promise<Float64Array> {
          if (test.cols !== p) throw new FitError(`krr: test rows have ${test.cols} features, training ${p}`);
          const out = new Float64Array(test.rows);
          for (let t = 0; t < test.rows; t++) {
            // Long predictions give the thread back now and then (the main-thread fallback's frame budget).
            if ((t & 31) === 31 && sliceDue()) await yieldSlice();
            let s = 0;
            for (let i = 0; i < n; i++)
              s += dual[i]! * portable.expFast(-gamma * rowDistanceSquared(test.data, t, train, i, p));
            out[t] = s;
          }
          return out;
        },
      };
    },
  };
}
