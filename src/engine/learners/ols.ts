/**
 * Ordinary least squares with intercept (scikit-learn LinearRegression): f(x) = b + w'x,
 * (w, b) = argmin ||y - Xw - b||^2, solved by QR on centred, scaled columns.
 */
import type { Matrix } from '../matrix';
import { fitLeastSquares, predictAffine } from './leastSquares';
import type { FittedModel, Learner } from './types';

export function ols(): Learner {
  return {
    id: 'ols',
    label: 'OLS',
    fit(x: Matrix, y: Float64Array): FittedModel {
      const fit = fitLeastSquares(x, y);
      const predict = async (test: Matrix) => predictAffine(fit, test);
      return fit.notice === undefined ? { predict } : { predict, notice: fit.notice };
    },
  };
}
