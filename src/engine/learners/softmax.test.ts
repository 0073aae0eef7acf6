/**
 * Softmax (multinomial logistic) regression against scikit-learn 1.2.1 (softmax.fixture.json, written by
 * fixtures/softmax/make_softmax.py): the optimum of newton-cg to 1e-5, lbfgs's answer to 1e-3, their test
 * predictions; the products on compressed and dense rows against plain loops; labels, errors and notices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { fitLogistic, logistic } from './logistic';
import { fitSoftmax, softmaxModel, type SoftmaxFit } from './softmax';
import { design } from './softmax-design';
import { parseModelSpec } from './spec';
import { FitError } from './types';

interface Answer {
  readonly coef: number[][];
  readonly intercept: number[];
  readonly prediction: number[];
  readonly gradient_max: number;
}

interface Case {
  readonly name: string;
  readonly C: number;
  readonly y: number[];
  readonly y_test: number[];
  readonly classes: number[];
  readonly lbfgs: Answer;
  readonly newton_cg: Answer;
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'softmax.fixture.json'), 'utf8')) as {
  x: number[][];
  x_test: number[][];
  cases: Case[];
};

const rowsOf = (rows: number[][]): Matrix =>
  matrix(rows.length, rows[0]!.length, Float64Array.from(rows.flat()));
const x = rowsOf(fixture.x);
const xTest = rowsOf(fixture.x_test);

/** Largest coefficient (and intercept) difference, relative to the largest coefficient of the reference. */
function distance(fit: SoftmaxFit, answer: Answer, intercepts: boolean): number {
  const k = fit.classes.length;
  let [diff, size] = [0, 0];
  answer.coef.forEach((row, c) =>
    row.forEach((w, j) => {
      diff = Math.max(diff, Math.abs(fit.weights[j * k + c]! - w));
      size = Math.max(size, Math.abs(w));
    }),
  );
  if (intercepts)
    answer.intercept.forEach((b, c) => (diff = Math.max(diff, Math.abs(fit.intercepts[c]! - b))));
  return diff / size;
}

function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) same += a[i] === b[i] ? 1 : 0;
  return same / a.length;
}

describe('softmax regression against scikit-learn', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: the optimum (newton-cg), lbfgs's answer and its test predictions`, async () => {
      // scikit-learn's answers are optima: newton-cg's gradient is at float64's floor, lbfgs's close to it.
      expect(c.newton_cg.gradient_max).toBeLessThan(1e-7);
      expect(c.lbfgs.gradient_max).toBeLessThan(1e-2);
      const y = Float64Array.from(c.y);
      const fit = fitSoftmax(x, y, c.C, c.classes);
      expect(fit.converged).toBe(true);
      expect(fit.classes).toEqual(c.classes);
      expect(distance(fit, c.newton_cg, true)).toBeLessThan(1e-5);
      // lbfgs stops on a relative decrease of 64 eps: its coefficients are within 1e-3, its intercepts less close.
      expect(distance(fit, c.lbfgs, false)).toBeLessThan(1e-3);
      const learner = parseModelSpec(`logistic:C=${c.C}`, 'classification');
      const predicted = await learner.fit(x, y).predict(xTest);
      expect(agreement(predicted, c.lbfgs.prediction)).toBeGreaterThanOrEqual(0.99);
      expect(agreement(predicted, c.newton_cg.prediction)).toBe(1);
      // Only classes that occur are predicted ("gapped" has 0, 2, 3, 7).
      expect(new Set(predicted).size).toBeLessThanOrEqual(c.classes.length);
      for (const v of predicted) expect(c.classes).toContain(v);
    });
  }
});

/** A sparse-ish random matrix: each entry nonzero with probability `share`. */
function randomMatrix(rows: number, cols: number, share: number, seed: number): Matrix {
  const rand = stream(seed, 'softmax-design');
  const m = matrix(rows, cols);
  for (let q = 0; q < m.data.length; q++) m.data[q] = rand.uniform() < share ? rand.normal() : 0;
  return m;
}

describe('softmax regression products', () => {
  it('X V and X′ G match plain loops on compressed and dense rows', () => {
    for (const share of [0.2, 0.9]) {
      const m = randomMatrix(37, 23, share, share * 10);
      const rand = stream(3, 'v');
      for (const k of [5, 10]) {
        const v = Float64Array.from({ length: m.cols * k }, () => rand.normal());
        const g = Float64Array.from({ length: m.rows * k }, () => rand.normal());
        const [xv, xg] = [new Float64Array(m.rows * k), new Float64Array(m.cols * k)];
        design(m).times(v, k, xv);
        design(m).transposeTimes(g, k, xg);
        for (let i = 0; i < m.rows; i++) {
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j]! * v[j * k + c]!;
            expect(xv[i * k + c]).toBeCloseTo(s, 12);
          }
        }
        for (let j = 0; j < m.cols; j++) {
          for (let c = 0; c < k; c++) {
            let s = 0;
            for (let i = 0; i < m.rows; i++) s += m.data[i * m.cols + j]! * g[i * k + c]!;
            expect(xg[j * k + c]).toBeCloseTo(s, 12);
          }
        }
      }
    }
  });

  it('fits the same weights on compressed and on dense rows (shifting every feature moves the intercepts)', async () => {
    const m = randomMatrix(120, 15, 0.3, 7);
    const rand = stream(8, 'labels');
    const y = Float64Array.from({ length: m.rows }, (_, i) =>
      m.data[i * 15]! > 0 ? 2 : rand.uniform() < 0.5 ? 0 : 1,
    );
    const shifted = matrix(
      m.rows,
      m.cols,
      m.data.map((v) => v + 3),
    );
    const [sparse, dense] = [fitSoftmax(m, y, 1, [0, 1, 2]), fitSoftmax(shifted, y, 1, [0, 1, 2])];
    expect(sparse.converged && dense.converged).toBe(true);
    sparse.weights.forEach((w, q) => expect(dense.weights[q]).toBeCloseTo(w, 5));
    for (let c = 0; c < 3; c++) {
      let moved = sparse.intercepts[c]!;
      for (let j = 0; j < 15; j++) moved -= 3 * sparse.weights[j * 3 + c]!;
      expect(dense.intercepts[c]).toBeCloseTo(moved, 4);
    }
    const [a, b] = [
      await softmaxModel(sparse, 15).predict(m),
      await softmaxModel(dense, 15).predict(shifted),
    ];
    expect(agreement(a, b)).toBe(1);
    expect(agreement(a, y)).toBeGreaterThan(0.5);
  });
});

describe('logistic regression: binary or multinomial by the labels', () => {
  it('keeps the binary Newton fit for labels 0/1 and fits softmax for class numbers', async () => {
    const rand = stream(5, 'route');
    const m = matrix(
      60,
      2,
      Float64Array.from({ length: 120 }, () => rand.normal()),
    );
    const binary = Float64Array.from({ length: 60 }, (_, i) => (m.data[2 * i]! > 0 ? 1 : 0));
    const newton = fitLogistic(m, binary, 1);
    const proba = await logistic(1).fit(m, binary).predictProba!(m);
    proba.forEach((q, i) => {
      const z =
        newton.weights[0]! * m.data[2 * i]! + newton.weights[1]! * m.data[2 * i + 1]! + newton.intercept;
      expect(q).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    });
    const three = binary.map((v, i) => (m.data[2 * i + 1]! > 1 ? 2 : v));
    const multi = logistic(1).fit(m, three);
    expect(multi.predictProba).toBeUndefined();
    expect(agreement(await multi.predict(m), three)).toBeGreaterThan(0.9);
  });

  it('refuses labels that are not class numbers, a single class and mismatched rows', () => {
    const m = matrix(3, 1, Float64Array.of(1, 2, 3));
    for (const bad of [0.5, -1, 1000, NaN]) {
      expect(() => logistic(1).fit(m, Float64Array.of(0, 2, bad))).toThrow(FitError);
      expect(() => logistic(1).fit(m, Float64Array.of(0, 2, bad))).toThrow(/0 or 1, or class numbers/);
    }
    expect(() => logistic(1).fit(m, Float64Array.of(3, 3, 3))).toThrow(/single class \(all 3\)/);
    expect(() => logistic(1).fit(m, Float64Array.of(0, 2))).toThrow(/3 feature rows but 2 labels/);
    const fitted = logistic(1).fit(m, Float64Array.of(0, 2, 5));
    return expect(fitted.predict(matrix(1, 2))).rejects.toThrow(/2 features, training 1/);
  });

  it('says so when L-BFGS runs out of iterations', async () => {
    const y = Float64Array.from(fixture.cases[0]!.y);
    const short = fitSoftmax(x, y, 1, [0, 1, 2], 3);
    expect(short.converged).toBe(false);
    expect(softmaxModel(short, x.cols).notice).toMatch(/stopped after 3 iterations/);
    expect(softmaxModel(fitSoftmax(x, y, 1, [0, 1, 2]), x.cols).notice).toBeUndefined();
  });
});
