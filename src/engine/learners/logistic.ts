/**
 * L2 logistic regression (scikit-learn LogisticRegression(C), labels 0/1, intercept unpenalized), by Newton in
 * float64: (w, b) = argmin 1/2 ||w||^2 + C sum_i [log(1 + exp(z_i)) - y_i z_i], z_i = w'x_i + b; 1 iff z > 0.
 * Labels other than 0 and 1 (class numbers, e.g. digits) fit the multinomial (softmax) model, softmax.ts.
 */
import * as portable from '../portable';
import type { Matrix } from '../matrix';
import { choleskyInPlace, choleskySolve } from './cholesky';
import { classLabels } from './classes';
import { FitError, type FittedModel, type Learner } from './types';

const MAX_ITERATIONS = 200;
/** Stop after a Newton step this small relative to the coefficients (the error left is about its square). */
const STEP_TOLERANCE = 1e-8;
const ARMIJO = 1e-4;
/** Relative size of objective changes that float64 rounding can produce. */
const ROUNDING = 1e-12;

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return Math.max(z, 0) + portable.log1p(portable.exp(-Math.abs(z)));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + portable.exp(-z));
  const e = portable.exp(z);
  return e / (1 + e);
}

/** Linear scores z = Xw + b, with theta = [w..., b]. */
function scores(x: Matrix, theta: Float64Array): Float64Array {
  const { rows, cols: p } = x;
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = theta[p]!;
    for (let j = 0; j < p; j++) s += theta[j]! * x.data[i * p + j]!;
    z[i] = s;
  }
  return z;
}

function objective(x: Matrix, y: Float64Array, theta: Float64Array, c: number): number {
  const z = scores(x, theta);
  let loss = 0;
  for (let i = 0; i < z.length; i++) loss += softplus(z[i]!) - y[i]! * z[i]!;
  let penalty = 0;
  for (let j = 0; j < x.cols; j++) penalty += theta[j]! * theta[j]!;
  return 0.5 * penalty + c * loss;
}

/**
 * Gradient of the objective at theta into `grad`, and, when `hessian` is given, the lower triangle of its
 * Hessian diag(1, ..., 1, 0) + C [X 1]' diag(p_i (1 - p_i)) [X 1] (row-major, (p + 1) x (p + 1)).
 */
function derivatives(
  x: Matrix,
  y: Float64Array,
  theta: Float64Array,
  c: number,
  grad: Float64Array,
  hessian?: Float64Array,
): void {
  const p = x.cols;
  const q = p + 1;
  const z = scores(x, theta);
  const row = new Float64Array(q);
  row[p] = 1;
  grad.fill(0);
  hessian?.fill(0);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < p; j++) row[j] = x.data[i * p + j]!;
    const prob = sigmoid(z[i]!);
    const r = c * (prob - y[i]!);
    for (let a = 0; a < q; a++) grad[a]! += r * row[a]!;
    if (!hessian) continue;
    const weight = c * prob * (1 - prob);
    for (let a = 0; a < q; a++) {
      const wa = weight * row[a]!;
      for (let b = 0; b <= a; b++) hessian[a * q + b]! += wa * row[b]!;
    }
  }
  for (let j = 0; j < p; j++) {
    grad[j]! += theta[j]!;
    if (hessian) hessian[j * q + j]! += 1;
  }
}

/** The Newton direction H^-1 g; if saturated probabilities make H singular, with the least jitter that works. */
function newtonStep(hessian: Float64Array, grad: Float64Array, q: number): Float64Array {
  for (let jitter = 0; jitter <= 1e6; jitter = jitter === 0 ? 1e-12 : jitter * 100) {
    const factor = hessian.slice();
    for (let a = 0; a < q; a++) factor[a * q + a]! += jitter * (1 + factor[a * q + a]!);
    if (choleskyInPlace(factor, q)) return choleskySolve(factor, q, grad);
  }
  throw new FitError('logistic: the Newton system could not be factored');
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

export interface LogisticFit {
  readonly weights: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
}

/** Newton's method with backtracking; the objective is strictly convex, so this reaches its minimum. */
export function fitLogistic(x: Matrix, y: Float64Array, c: number): LogisticFit {
  const { rows: n, cols: p } = x;
  if (y.length !== n) throw new FitError(`logistic: ${n} feature rows but ${y.length} labels`);
  let ones = 0;
  for (const v of y) {
    if (v !== 0 && v !== 1) throw new FitError(`logistic: labels must be 0 or 1, got ${v}`);
    ones += v;
  }
  if (ones === 0 || ones === n) {
    throw new FitError(`logistic: the training labels have a single class (all ${ones === 0 ? 0 : 1})`);
  }
  const q = p + 1;
  let theta = new Float64Array(q);
  let value = objective(x, y, theta, c);
  const hessian = new Float64Array(q * q);
  const grad = new Float64Array(q);
  const trialGrad = new Float64Array(q);
  const result = (iterations: number): LogisticFit => ({
    weights: theta.slice(0, p),
    intercept: theta[p]!,
    iterations,
  });
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    derivatives(x, y, theta, c, grad, hessian);
    const step = newtonStep(hessian, grad, q);
    let decrement = 0; // g' H^-1 g > 0; the descent direction is -step.
    for (let a = 0; a < q; a++) decrement += grad[a]! * step[a]!;
    // The gradient is zero to float64 rounding: no step can improve theta.
    if (!(decrement > 0)) return result(iteration - 1);
    // Close to the minimum Newton converges quadratically: after a step this small the error left is about
    // its square. Its decrease is below the objective's rounding, so it is taken without a line search.
    if (maxAbs(step) <= STEP_TOLERANCE * Math.max(1, maxAbs(theta))) {
      for (let a = 0; a < q; a++) theta[a]! -= step[a]!;
      return result(iteration);
    }
    // Backtracking: Armijo's sufficient decrease; where the decrease drowns in the objective's rounding, a
    // smaller gradient instead (the minimum is where the gradient vanishes).
    const gradSize = maxAbs(grad);
    let accepted = false;
    for (let t = 1; t >= 2 ** -40 && !accepted; t /= 2) {
      const trial = theta.map((v, a) => v - t * step[a]!);
      const trialValue = objective(x, y, trial, c);
      if (trialValue < value && trialValue <= value - ARMIJO * t * decrement) accepted = true;
      else if (Math.abs(trialValue - value) <= ROUNDING * Math.abs(value)) {
        derivatives(x, y, trial, c, trialGrad);
        accepted = maxAbs(trialGrad) < gradSize;
      }
      if (accepted) {
        theta = trial;
        value = trialValue;
      }
    }
    // No step along the Newton direction improves anything: theta is the minimum to float64 precision.
    if (!accepted) return result(iteration);
  }
  throw new FitError(`logistic: Newton's method did not converge in ${MAX_ITERATIONS} iterations`);
}

export function logistic(c: number): Learner {
  if (!(Number.isFinite(c) && c > 0)) throw new FitError(`logistic: C must be > 0, got ${c}`);
  return {
    id: `logistic:C=${c}`,
    label: `Logistic (C=${c})`,
    fit(x: Matrix, y: Float64Array): FittedModel {
      if (y.length !== x.rows) throw new FitError(`logistic: ${x.rows} feature rows but ${y.length} labels`);
      const labels = classLabels(y, 'logistic');
      if (!labels.binary) {
        if (labels.present.length < 2)
          throw new FitError(`logistic: the training labels have a single class (all ${labels.present[0]})`);
        // Softmax regression loads with the first multi-class fit (the digits lab): the other labs' pages never
        // fetch it. The fit runs once, when predictions are first asked for; its errors reject them.
        const model = import('./softmax').then(({ fitSoftmax, softmaxModel }) =>
          softmaxModel(fitSoftmax(x, y, c, labels.present), x.cols),
        );
        return { predict: async (test) => (await model).predict(test) };
      }
      const fit = fitLogistic(x, y, c);
      const theta = Float64Array.of(...fit.weights, fit.intercept);
      const check = (test: Matrix): void => {
        if (test.cols !== x.cols)
          throw new FitError(`logistic: test rows have ${test.cols} features, training ${x.cols}`);
      };
      return {
        async predict(test: Matrix): Promise<Float64Array> {
          check(test);
          return scores(test, theta).map((z) => (z > 0 ? 1 : 0));
        },
        async predictProba(test: Matrix): Promise<Float64Array> {
          check(test);
          return scores(test, theta).map(sigmoid);
        },
      };
    },
  };
}
