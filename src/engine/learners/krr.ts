/**
 * Kernel ridge regression with the RBF kernel and no intercept (scikit-learn KernelRidge(kernel='rbf')):
 * K_ij = exp(-gamma ||x_i - x_j||^2), dual = (K + alpha I)^-1 y by Cholesky, f(x) = sum_i dual_i k(x, x_i).
 * The float64 WebAssembly kernels (../kernels/float64.ts) do the work where they run, with the same bits as the
 * JavaScript here, which is the reference and the fallback (no WebAssembly SIMD; Gram matrices over its limit).
 */
import * as portable from '../portable';
import { rowDistanceSquared, type Matrix } from '../matrix';
import { float64Kernel, float64KernelNow } from '../kernels/float64';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import { choleskyInPlace, choleskySolve } from './cholesky';
import { FitError, type FittedModel, type Learner } from './types';

/** Dual weights (K + alpha I)^-1 y in JavaScript, or null when K + alpha I is not positive definite. */
export function krrDualJs(
  train: Float64Array,
  n: number,
  p: number,
  gamma: number,
  alpha: number,
  y: Float64Array,
): Float64Array | null {
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++)
      gram[i * n + j] = portable.expFast(-gamma * rowDistanceSquared(train, i, train, j, p));
    gram[i * n + i] = 1 + alpha;
  }
  return choleskyInPlace(gram, n) ? choleskySolve(gram, n, y) : null;
}

/** Test rows per kernel call: about 2^17 kernel values, well under a millisecond (then a yield may come). */
const blockRows = (n: number): number => Math.max(2, 2 * Math.floor(2 ** 16 / n));

export function krr(alpha: number, gamma: number): Learner {
  if (!(Number.isFinite(alpha) && alpha > 0)) throw new FitError(`krr: alpha must be > 0, got ${alpha}`);
  if (!(Number.isFinite(gamma) && gamma > 0)) throw new FitError(`krr: gamma must be > 0, got ${gamma}`);
  float64KernelNow(); // starts loading the kernels, so that the fits find them
  return {
    id: `krr:alpha=${alpha},gamma=${gamma}`,
    label: `KRR (α=${alpha}, γ=${gamma})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      const { rows: n, cols: p } = x;
      if (y.length !== n) throw new FitError(`krr: ${n} feature rows but ${y.length} responses`);
      if (n < 1) throw new FitError('krr: needs at least 1 training point');
      const train = Float64Array.from(x.data);
      // Synchronous, so the kernels only if already loaded (the JavaScript gives the same weights).
      const now = float64KernelNow();
      const dual =
        now && now.fitsGram(n)
          ? now.krrFit(train, n, p, gamma, alpha, y)
          : krrDualJs(train, n, p, gamma, alpha, y);
      if (!dual) {
        throw new FitError(
          `krr: K + alpha I is not positive definite in float64 (alpha = ${alpha} is too small for these ` +
            `${n} points; raise alpha or lower gamma)`,
        );
      }
      return {
        // Memory stays O(n) however many test points there are; long predictions give the thread back now
        // and then (the main-thread fallback's frame budget).
        async predict(test: Matrix): Promise<Float64Array> {
          if (test.cols !== p) throw new FitError(`krr: test rows have ${test.cols} features, training ${p}`);
          const out = new Float64Array(test.rows);
          const kernel = await float64Kernel();
          if (kernel) {
            const rows = blockRows(n);
            for (let start = 0; start < test.rows; start += rows) {
              if (start > 0 && sliceDue()) await yieldSlice();
              const count = Math.min(rows, test.rows - start);
              kernel.krrPredict(train, n, p, dual, gamma, test.data, start, count, out);
            }
            return out;
          }
          for (let t = 0; t < test.rows; t++) {
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
