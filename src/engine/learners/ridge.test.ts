import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { ols } from './ols';
import { ridge } from './ridge';

describe('ridge regression', () => {
  it('shrinks the 1-D slope to Sxy / (Sxx + alpha), intercept unpenalized', async () => {
    // x = 0..4, y = 1, 2, 2, 4, 5: mean x 2, mean y 2.8, Sxy = 10, Sxx = 10.
    const x = column(Float64Array.of(0, 1, 2, 3, 4));
    const y = Float64Array.of(1, 2, 2, 4, 5);
    for (const alpha of [0.5, 3, 1e4]) {
      const slope = 10 / (10 + alpha);
      const predicted = await ridge(alpha)
        .fit(x, y)
        .predict(column(Float64Array.of(2, 7)));
      expect(predicted[0]).toBeCloseTo(2.8, 12); // the fit passes through (mean x, mean y)
      expect(predicted[1]).toBeCloseTo(2.8 + slope * 5, 12);
    }
  });

  it('equals OLS at alpha = 0', async () => {
    const x = matrix(6, 2, Float64Array.of(0, 1, 1, 3, 2, 2, 3, 7, 4, 4, 5, 1));
    const y = Float64Array.of(1, 0, 2, 5, 3, 1);
    const test = matrix(2, 2, Float64Array.of(0.5, 0.5, -3, 9));
    const a = await ridge(0).fit(x, y).predict(test);
    const b = await ols().fit(x, y).predict(test);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
  });

  it("matches the normal equations (X'X + alpha I) w = X'y_c on centred 2-D data", async () => {
    // x1 = -1, 0, 1 and x2 = 1, -2, 1 have mean 0; y = 1, 0, 8 has mean 3, y_c = -2, -3, 5.
    // X'X = [[2, 0], [0, 6]], X'y_c = [7, 9]; alpha = 1: w = [7 / 3, 9 / 7], b = 3.
    const x = matrix(3, 2, Float64Array.of(-1, 1, 0, -2, 1, 1));
    const predicted = await ridge(1)
      .fit(x, Float64Array.of(1, 0, 8))
      .predict(matrix(1, 2, Float64Array.of(1, 1)));
    expect(predicted[0]).toBeCloseTo(3 + 7 / 3 + 9 / 7, 12);
  });

  it('gives a constant feature weight 0 instead of failing (as scikit-learn does)', async () => {
    const x = matrix(4, 2, Float64Array.of(0, 5, 1, 5, 2, 5, 3, 5));
    const y = Float64Array.of(1, 3, 5, 7);
    // Sxx = 5, Sxy = 10, alpha = 1: slope 10 / 6 on x1; x2 contributes nothing anywhere.
    const predicted = await ridge(1)
      .fit(x, y)
      .predict(matrix(2, 2, Float64Array.of(1.5, 5, 1.5, -100)));
    expect(predicted[0]).toBeCloseTo(4, 12);
    expect(predicted[1]).toBeCloseTo(4, 12);
  });

  it('fits a single point with any alpha > 0 (w = 0, b = y)', async () => {
    const predicted = await ridge(2)
      .fit(column(Float64Array.of(3)), Float64Array.of(-1.5))
      .predict(column(Float64Array.of(10)));
    expect(predicted[0]).toBeCloseTo(-1.5, 14);
  });

  it('has a stable id and refuses a negative alpha', () => {
    expect(ridge(2).id).toBe('ridge:alpha=2');
    expect(ridge(0.25).id).toBe('ridge:alpha=0.25');
    expect(() => ridge(-1)).toThrow(/alpha/);
  });
});
