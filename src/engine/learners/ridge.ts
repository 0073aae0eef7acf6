/**
 * Ridge regression with an unpenalized intercept (scikit-learn Ridge): f(x) = b + w'x,
 * (w, b) = argmin ||y - Xw - b||^2 + alpha ||w||^2, solved by QR of the design stacked on sqrt(alpha) I.
 */
import type { Matrix } from '../matrix';
import { fitLeastSquares, predictAffine } from './leastSquares';
import { FitError, type FittedModel, type Learner } from './types';

export function ridge(alpha: number): Learner {
  if (!(Number.isFinite(alpha) && alpha >= 0)) {
    throw new FitError(`ridge: alpha must be a finite number >= 0, got ${alpha}`);
  }
  return {
    id: `ridge:alpha=${alpha}`,
    label: `Ridge (α=${alpha})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      const fit = fitLeastSquares(x, y, alpha);
      const predict = async (test: Matrix) => predictAffine(fit, test);
      return fit.notice === undefined ? { predict } : { predict, notice: fit.notice };
    },
  };
}
