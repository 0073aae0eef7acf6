/**
 * Test risk on a sample: R^(f) = (1/n) sum_i loss(f(x_i), y_i), with squared loss (regression) or 0-1 loss
 * (classification labels). Intervals over replicates are intervals.ts's job.
 */
import type { Task } from '../task';

/**
 * Mean loss of predictions on n points: squared error (regression) or 0-1 error (classification labels).
 * Squares are written as products: x ** 2 may round differently between JavaScript engines, x * x may not.
 */
export function meanLoss(task: Task, prediction: ArrayLike<number>, y: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const d = prediction[i]! - y[i]!;
    total += task === 'regression' ? d * d : d === 0 ? 0 : 1;
  }
  return total / y.length;
}
