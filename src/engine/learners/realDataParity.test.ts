/**
 * The learners against scikit-learn 1.2.1 on real, messy designs (fixtures/realdata, make_realdata.py): every test
 * prediction, not only the risks. Rank-deficient designs get LinearRegression's minimum-norm answer with a notice;
 * features five orders of magnitude apart change nothing.
 */
import { describe, expect, it } from 'vitest';
import { rankDeficientCases, realDataCase, type Sample } from '../fixtures/loadRealData';
import { matrix, type Matrix } from '../matrix';
import { meanLoss } from '../metrics/risk';
import { fitLeastSquares, predictAffine } from './leastSquares';
import { fitLogistic } from './logistic';
import { ols } from './ols';
import { monomials, poly } from './poly';
import { parseModelSpec } from './spec';

/** max |a - b| / max |b|. */
function relative(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let size = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    size = Math.max(size, Math.abs(expected[i]!));
  }
  return worst / size;
}

describe('rank-deficient designs: minimum-norm least squares, as scikit-learn', () => {
  for (const c of rankDeficientCases()) {
    for (const reference of c.models) {
      it(`${c.name}, ${reference.model}`, async () => {
        const model = parseModelSpec(reference.model).fit(c.train.x, c.train.y);
        expect(relative(await model.predict(c.testX), reference.prediction)).toBeLessThan(1e-10);
        const full = reference.model.startsWith('poly')
          ? monomials(c.train.x.cols, Number(reference.model.split('=')[1]))
          : { length: c.train.x.cols };
        if (reference.rank !== null && reference.rank < full.length) {
          expect(model.notice).toMatch(
            new RegExp(
              `rank-deficient design \\(${full.length} features, ${c.train.x.rows} points, rank ${reference.rank} after centring\\): minimum-norm least squares`,
            ),
          );
        } else expect(model.notice).toBeUndefined();
        if (!reference.model.startsWith('poly')) {
          // The minimum-norm solution is unique: the coefficients themselves agree.
          const fit = fitLeastSquares(c.train.x, c.train.y, reference.model === 'ridge:alpha=1' ? 1 : 0);
          expect(relative(fit.weights, reference.coef)).toBeLessThan(1e-9);
          expect(fit.intercept).toBeCloseTo(reference.intercept, 8);
        }
      });
    }
  }

  it('on features five orders of magnitude apart, it is as close to the exact answer as scikit-learn is', async () => {
    const c = rankDeficientCases().find((d) => d.name.startsWith('features five'))!;
    const expected = c.exactPrediction!;
    const ours = relative(await ols().fit(c.train.x, c.train.y).predict(c.testX), expected);
    const sklearn = relative(c.models[0]!.prediction, expected);
    expect(ours).toBeLessThan(1e-11);
    expect(sklearn).toBeLessThan(1e-11);
  });

  it('a constant column gets weight 0, and one point an intercept-only fit', async () => {
    const x = matrix(4, 2, Float64Array.of(1, 5, 2, 5, 3, 5, 4, 5));
    const fit = fitLeastSquares(x, Float64Array.of(1, 3, 5, 7));
    expect(fit.weights[0]).toBeCloseTo(2, 12);
    expect(fit.weights[1]).toBe(0);
    expect(fit.intercept).toBeCloseTo(-1, 12);
    const one = ols().fit(matrix(1, 2, Float64Array.of(3, 4)), Float64Array.of(7));
    expect(Array.from(await one.predict(matrix(2, 2, Float64Array.of(0, 0, 9, -9))))).toEqual([7, 7]);
    expect(one.notice).toMatch(/rank 0 after centring/);
  });
});

const diabetes = realDataCase('diabetes');
const cancer = realDataCase('breast_cancer');

function trainOn(c: typeof diabetes, which: 'real' | 'synthetic'): Sample {
  return which === 'real' ? c.realTrain : c.syntheticTrain;
}

describe('scikit-learn diabetes (442 x 10, a binary feature) with a Gaussian-fit synthetic copy', () => {
  for (const reference of diabetes.models) {
    it(`${reference.model}: test predictions, TRTR and TSTR as scikit-learn's`, async () => {
      const learner = parseModelSpec(reference.model, 'regression');
      for (const which of ['real', 'synthetic'] as const) {
        const train = trainOn(diabetes, which);
        const model = learner.fit(train.x, train.y);
        const prediction = await model.predict(diabetes.test.x);
        expect(relative(prediction, reference[`prediction_${which}`])).toBeLessThan(1e-9);
        const risk = meanLoss('regression', prediction, diabetes.test.y);
        const expected = which === 'real' ? reference.trtr : reference.tstr;
        expect(Math.abs(risk - expected)).toBeLessThan(1e-9 * expected);
        const rank = reference[`rank_${which}`];
        const degree = reference.model.startsWith('poly') ? Number(reference.model.split('=')[1]) : 1;
        if (rank !== null && rank < monomials(train.x.cols, degree).length) {
          expect(model.notice).toMatch(new RegExp(`rank ${rank} after centring`));
        } else expect(model.notice).toBeUndefined();
      }
    });
  }

  it('poly degree 3 (285 monomials, 265 points) needs the raw-monomial norm to match scikit-learn', () => {
    // The same fit with the norm taken on the standardized monomials is another least-squares solution: the
    // test rows leave the row space, so its predictions differ.
    const { x, y } = diabetes.realTrain;
    const terms = monomials(x.cols, 3);
    const standardized = standardizedMonomials(x, terms);
    const reference = diabetes.models.find((m) => m.model === 'poly:degree=3')!;
    const plain = predictAffine(fitLeastSquares(standardized.train, y), standardized.apply(diabetes.test.x));
    expect(relative(plain, reference.prediction_real)).toBeGreaterThan(1e-3);
  });
});

/** Monomials of the features standardized by the training mean and sd, as poly.ts forms them. */
function standardizedMonomials(
  x: Matrix,
  terms: number[][],
): { train: Matrix; apply: (m: Matrix) => Matrix } {
  const p = x.cols;
  const center = new Float64Array(p);
  const spread = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < x.rows; i++) center[j]! += x.data[i * p + j]! / x.rows;
    for (let i = 0; i < x.rows; i++) spread[j]! += (x.data[i * p + j]! - center[j]!) ** 2 / x.rows;
    spread[j] = Math.sqrt(spread[j]!);
  }
  const apply = (m: Matrix): Matrix => {
    const out = matrix(m.rows, terms.length);
    for (let i = 0; i < m.rows; i++) {
      terms.forEach((term, t) => {
        let v = 1;
        for (const j of term) v *= (m.data[i * p + j]! - center[j]!) / spread[j]!;
        out.data[i * terms.length + t] = v;
      });
    }
    return out;
  };
  return { train: apply(x), apply };
}

describe('scikit-learn breast cancer (569 x 30, features spanning five orders of magnitude)', () => {
  for (const reference of cancer.models) {
    const task = /^(ols|ridge)/.test(reference.model) ? 'regression' : 'classification';
    it(`${reference.model} (${task}): test predictions as scikit-learn's`, async () => {
      const learner = parseModelSpec(reference.model, task);
      for (const which of ['real', 'synthetic'] as const) {
        const train = trainOn(cancer, which);
        const model = learner.fit(train.x, train.y);
        const prediction = await model.predict(cancer.test.x);
        if (task === 'classification') {
          expect(Array.from(prediction)).toEqual(reference[`prediction_${which}`]);
        } else expect(relative(prediction, reference[`prediction_${which}`])).toBeLessThan(1e-9);
        const proba = reference[`proba_${which}`];
        // newton-cg with tol 1e-12 stops within 6e-9 of the optimum that Newton's method here reaches.
        if (proba && model.predictProba) {
          expect(relative(await model.predictProba(cancer.test.x), proba)).toBeLessThan(1e-7);
        }
      }
    });
  }

  it("logistic C = 1 converges in a few Newton steps; scikit-learn's default lbfgs stops 0.009 away", async () => {
    const lbfgs = cancer.logistic_lbfgs!;
    for (const which of ['real', 'synthetic'] as const) {
      const train = trainOn(cancer, which);
      expect(fitLogistic(train.x, train.y, 1).iterations).toBeLessThan(20);
      const model = parseModelSpec('logistic:C=1', 'classification').fit(train.x, train.y);
      const proba = await model.predictProba!(cancer.test.x);
      expect(relative(proba, lbfgs[`proba_${which}`] as number[])).toBeLessThan(0.01);
      const labels = await model.predict(cancer.test.x);
      const differ = (lbfgs[`prediction_${which}`] as number[]).filter((v, i) => v !== labels[i]).length;
      expect(differ).toBeLessThanOrEqual(1);
    }
  });

  it('rescaling the features (to unit spread, or by powers of ten) leaves OLS and poly predictions unchanged', async () => {
    const { x, y } = cancer.realTrain;
    const rescale = (m: Matrix, factor: (j: number) => number): Matrix =>
      matrix(
        m.rows,
        m.cols,
        m.data.map((v, k) => v * factor(k % m.cols)),
      );
    const powers = (j: number) => 10 ** ((j % 7) - 3);
    const base = await ols().fit(x, y).predict(cancer.test.x);
    const scaled = await ols().fit(rescale(x, powers), y).predict(rescale(cancer.test.x, powers));
    expect(relative(scaled, base)).toBeLessThan(1e-10);
    const few = (m: Matrix) =>
      matrix(
        m.rows,
        4,
        Float64Array.from(
          { length: m.rows * 4 },
          (_, k) => m.data[Math.floor(k / 4) * m.cols + [0, 3, 9, 23][k % 4]!]!,
        ),
      );
    const polyBase = await poly(2).fit(few(x), y).predict(few(cancer.test.x));
    const polyScaled = await poly(2)
      .fit(rescale(few(x), powers), y)
      .predict(rescale(few(cancer.test.x), powers));
    expect(relative(polyScaled, polyBase)).toBeLessThan(1e-9);
  });
});
