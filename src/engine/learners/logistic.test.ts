import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { fitLogistic, logistic } from './logistic';
import { FitError } from './types';

/** The root of a decreasing function on [lo, hi] by bisection (an independent check of Newton's answer). */
function bisect(f: (w: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// Eight 2-D points, labels 0/1, not separable (point 6 is a 0 among 1s).
const X = matrix(
  8,
  2,
  Float64Array.of(0.5, 1, 1.5, -0.5, -1, 0.3, 2, 2, -0.5, -1.5, 0, 0.7, 1, 0.1, -2, 1.1),
);
const Y = Float64Array.of(1, 1, 0, 1, 0, 0, 1, 0);

describe('logistic regression (L2, intercept unpenalized)', () => {
  it('solves the symmetric two-point problem: b = 0 and w = 2 C sigmoid(-w)', () => {
    // x = -1 (label 0), x = 1 (label 1): the gradient w + C sum (sigmoid(z_i) - y_i) x_i vanishes at
    // w - 2 C sigmoid(-w) = 0, and by symmetry at b = 0.
    for (const c of [0.1, 1, 50]) {
      const fit = fitLogistic(column(Float64Array.of(-1, 1)), Float64Array.of(0, 1), c);
      const w = bisect((v) => 2 * c - v * (1 + Math.exp(v)), 0, 100);
      expect(fit.weights[0]).toBeCloseTo(w, 12);
      expect(fit.intercept).toBeCloseTo(0, 12);
    }
  });

  it('matches an independent Newton solve (and scikit-learn) on eight 2-D points', async () => {
    // /usr/bin/python3 with numpy: 50 plain Newton steps on the same objective (gradient <= 5e-16 at the end),
    // theta = [w1, w2, b], and sigmoid([0.3, -0.2] . w + b), sigmoid([-1, 2] . w + b).
    // scikit-learn 1.2.1 LogisticRegression(C, tol=1e-14) stops within 1e-6 of these (lbfgs stops on ftol).
    const reference: [number, number[], number[]][] = [
      [
        1,
        [1.2806327802081163, 0.2679020259839266, -0.3563870276124217],
        [0.4935559571399572, 0.24951216769228896],
      ],
      [
        0.1,
        [0.3240776328254121, 0.07386542135550617, -0.09011072188985578],
        [0.49808488028715314, 0.43377697651301034],
      ],
      [
        10,
        [3.157013294334494, 0.5418610887161641, -1.0423748072522856],
        [0.449264455400838, 0.04246565638774527],
      ],
    ];
    const test = matrix(2, 2, Float64Array.of(0.3, -0.2, -1, 2));
    for (const [c, theta, proba] of reference) {
      const fit = fitLogistic(X, Y, c);
      expect(Array.from([...fit.weights, fit.intercept])).toEqual(theta.map((v) => expect.closeTo(v, 12)));
      const model = logistic(c).fit(X, Y);
      const p = await model.predictProba!(test);
      expect(Array.from(p)).toEqual(proba.map((v) => expect.closeTo(v, 12)));
      // scikit-learn: predict(X) = [1, 1, 0, 1, 0, 0, 1, 0] for all three C.
      expect(Array.from(await model.predict(X))).toEqual([1, 1, 0, 1, 0, 0, 1, 0]);
    }
  });

  it('predicts label 1 exactly when the probability exceeds 1/2', async () => {
    const model = logistic(1).fit(X, Y);
    const grid = matrix(5, 2, Float64Array.of(-3, 0, -1, 1, 0, 0, 1, -1, 3, 0));
    const labels = await model.predict(grid);
    const proba = await model.predictProba!(grid);
    proba.forEach((p, i) => {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
      expect(labels[i]).toBe(p > 0.5 ? 1 : 0);
    });
  });

  it('converges on separable data with a large C (weights stay finite)', async () => {
    const x = column(Float64Array.of(-3, -2, -1, 1, 2, 3));
    const y = Float64Array.of(0, 0, 0, 1, 1, 1);
    const fit = fitLogistic(x, y, 1e6);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(Array.from(await logistic(1e6).fit(x, y).predict(x))).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('refuses a single class and labels that are not class numbers, with clear errors', () => {
    const x = column(Float64Array.of(1, 2, 3));
    expect(() => logistic(1).fit(x, Float64Array.of(1, 1, 1))).toThrow(FitError);
    expect(() => logistic(1).fit(x, Float64Array.of(0, 0, 0))).toThrow(/single class/);
    // Labels 0, 1, 2 are three classes (softmax.ts); a label that is no class number is refused.
    expect(() => logistic(1).fit(x, Float64Array.of(0, 1, 0.5))).toThrow(/0 or 1/);
    expect(() => logistic(0)).toThrow(/C must be > 0/);
    expect(logistic(1).id).toBe('logistic:C=1');
  });
});
