/**
 * Multinomial logistic (softmax) regression, scikit-learn's LogisticRegression(C, multi_class='multinomial',
 * solver='lbfgs'), in float64: over the classes c that occur in the training labels,
 *   (W, b) = argmin 1/2 ||W||_F^2 + C sum_i [log sum_c exp(z_ic) - z_i,y_i],  z_ic = w_c' x_i + b_c,
 * intercepts unpenalised; a row is predicted the class of its largest score. The objective is strictly convex
 * in W and, as long as two classes occur, has one minimum, which L-BFGS (lbfgs.ts) finds.
 *
 * It is fitted with the features centred, z_ic = w_c' (x_i - m) + b~_c (m the column means): the same W, and
 * b = b~ - W' m, because the intercepts are free. Centring takes the mean's direction (the largest eigenvalue of
 * X'X for pixels in [0, 1]) out of the Hessian, so L-BFGS needs about 3x fewer iterations on MNIST; the products
 * with X stay sparse (softmax-design.ts) since the centring is applied to their results.
 *
 * A class with no training row is left out (its intercept would run to minus infinity): it is never predicted.
 */
import * as portable from '../portable';
import type { Matrix } from '../matrix';
import { argmaxRows } from './classes';
import { lbfgs, type LineFunction } from './lbfgs';
import { CLASS_BLOCK, type Design, design } from './softmax-design';
import { FitError, type FittedModel } from './types';

/** Stop once every gradient component is within this times C n (the scale of the loss term's gradient). */
const TOLERANCE = 1e-7;
const MAX_ITERATIONS = 1000;

export interface SoftmaxFit {
  /** The classes fitted (the labels that occur), ascending. */
  readonly classes: readonly number[];
  /** [p][k] row-major, in the units of the raw features. */
  readonly weights: Float64Array;
  /** [k], for the raw features. */
  readonly intercepts: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * The objective over theta = [W (p x kp, row-major), b~ (kp)], kp = k padded to a multiple of CLASS_BLOCK; the
 * padding classes have no rows and no score, so their gradient is 0 and their coordinates stay 0 throughout.
 */
class SoftmaxObjective implements LineFunction {
  readonly size: number;
  private readonly theta: Float64Array;
  private readonly direction: Float64Array;
  /** Scores at the current point and along the direction, [n][kp]. */
  private readonly z: Float64Array;
  private readonly zd: Float64Array;
  /** C (P - Y), [n][kp]. */
  private readonly residual: Float64Array;
  /** exp(z_ic - max_c z_ic) [n][k], their sums [n] and the loss of the last step `tried` (NaN: none). */
  private readonly exps: Float64Array;
  private readonly sums: Float64Array;
  private tried = NaN;
  private triedLoss = 0;
  private readonly shift: Float64Array;
  /** ||W||^2, W . dW, ||dW||^2 of the current point and the aimed direction. */
  private line = { ww: 0, wd: 0, dd: 0 };

  constructor(
    private readonly x: Design,
    private readonly mean: Float64Array,
    private readonly labels: Int32Array,
    private readonly k: number,
    private readonly kp: number,
    private readonly c: number,
  ) {
    this.size = (x.cols + 1) * kp;
    this.theta = new Float64Array(this.size);
    this.direction = new Float64Array(this.size);
    this.z = new Float64Array(x.rows * kp);
    this.zd = new Float64Array(x.rows * kp);
    this.residual = new Float64Array(x.rows * kp);
    this.exps = new Float64Array(x.rows * k);
    this.sums = new Float64Array(x.rows);
    this.shift = new Float64Array(kp);
  }

  point(): Float64Array {
    return this.theta;
  }

  start(theta: Float64Array, grad: Float64Array): number {
    this.theta.set(theta);
    this.scores(this.theta, this.z);
    return this.finish(grad, null);
  }

  aim(direction: Float64Array): void {
    this.direction.set(direction);
    this.scores(this.direction, this.zd);
    const weights = this.x.cols * this.kp;
    let ww = 0;
    let wd = 0;
    let dd = 0;
    for (let q = 0; q < weights; q++) {
      const w = this.theta[q]!;
      const d = direction[q]!;
      ww += w * w;
      wd += w * d;
      dd += d * d;
    }
    this.line = { ww, wd, dd };
    this.tried = NaN;
  }

  along(t: number): number {
    const { ww, wd, dd } = this.line;
    let loss = 0;
    for (let i = 0; i < this.x.rows; i++) loss += this.rowLoss(i, t);
    this.tried = t;
    this.triedLoss = loss;
    return 0.5 * (ww + 2 * t * wd + t * t * dd) + this.c * loss;
  }

  move(t: number, grad: Float64Array): number {
    for (let q = 0; q < this.size; q++) this.theta[q]! += t * this.direction[q]!;
    for (let q = 0; q < this.z.length; q++) this.z[q]! += t * this.zd[q]!;
    // The scores z + t zd are the ones the trial of t computed, bit for bit: its exponentials still hold.
    return this.finish(grad, t === this.tried ? this.triedLoss : null);
  }

  /** out [n][kp] = (X - 1 m') V + 1 v_b' for v = [V, v_b]. */
  private scores(v: Float64Array, out: Float64Array): void {
    const { cols, rows } = this.x;
    const kp = this.kp;
    this.x.times(v, kp, out);
    for (let c = 0; c < kp; c++) {
      let s = v[cols * kp + c]!;
      for (let j = 0; j < cols; j++) s -= this.mean[j]! * v[j * kp + c]!;
      this.shift[c] = s;
    }
    for (let i = 0; i < rows; i++) for (let c = 0; c < kp; c++) out[i * kp + c]! += this.shift[c]!;
  }

  /**
   * Row i's cross-entropy log sum_c exp(z_ic) - z_i,y_i at z + t zd, max-shifted (no exp overflows); the
   * exponentials and their sum stay in this.exps and this.sums for the residual.
   */
  private rowLoss(i: number, t: number): number {
    const { k, kp, z, zd, exps } = this;
    const o = i * kp;
    const e = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      const s = z[o + c]! + t * zd[o + c]!;
      exps[e + c] = s;
      if (s > max) max = s;
    }
    const own = exps[e + this.labels[i]!]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const v = portable.expFast(exps[e + c]! - max);
      exps[e + c] = v;
      sum += v;
    }
    this.sums[i] = sum;
    return max + portable.log(sum) - own;
  }

  /**
   * The value at the current point (its loss term `known` when a trial computed it), and its gradient
   * [W + C (X - 1 m')' (P - Y), C 1' (P - Y)] into grad.
   */
  private finish(grad: Float64Array, known: number | null): number {
    const { cols, rows } = this.x;
    const { k, kp, exps, sums, residual } = this;
    let loss = known ?? 0;
    if (known === null) for (let i = 0; i < rows; i++) loss += this.rowLoss(i, 0);
    for (let i = 0; i < rows; i++) {
      const label = this.labels[i]!;
      for (let c = 0; c < k; c++) {
        residual[i * kp + c] = this.c * (exps[i * k + c]! / sums[i]! - (c === label ? 1 : 0));
      }
    }
    this.x.transposeTimes(residual, kp, grad);
    const totals = grad.subarray(cols * kp);
    totals.fill(0);
    for (let i = 0; i < rows; i++) for (let c = 0; c < kp; c++) totals[c]! += residual[i * kp + c]!;
    let penalty = 0;
    for (let j = 0; j < cols; j++) {
      for (let c = 0; c < kp; c++) {
        const w = this.theta[j * kp + c]!;
        penalty += w * w;
        grad[j * kp + c]! += w - this.mean[j]! * totals[c]!;
      }
    }
    return 0.5 * penalty + this.c * loss;
  }
}

/** Minimizes the objective for labels y (each one of `classes`, which has at least two entries). */
export function fitSoftmax(
  x: Matrix,
  y: Float64Array,
  c: number,
  classes: readonly number[],
  maxIterations = MAX_ITERATIONS,
): SoftmaxFit {
  const { rows: n, cols: p } = x;
  const k = classes.length;
  if (k < 2) throw new FitError(`logistic: the training labels have a single class (all ${classes[0]})`);
  const kp = Math.ceil(k / CLASS_BLOCK) * CLASS_BLOCK;
  const index = new Map(classes.map((label, i) => [label, i]));
  const labels = Int32Array.from(y, (v) => index.get(v)!);
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += x.data[i * p + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= n;
  const objective = new SoftmaxObjective(design(x), mean, labels, k, kp, c);
  const result = lbfgs(objective, new Float64Array(objective.size), {
    tolerance: TOLERANCE * c * n,
    maxIterations,
  });
  const theta = objective.point();
  if (!theta.every(Number.isFinite)) throw new FitError('logistic: the L-BFGS iterations diverged');
  const weights = new Float64Array(p * k);
  const intercepts = new Float64Array(k);
  for (let cl = 0; cl < k; cl++) {
    let b = theta[p * kp + cl]!;
    for (let j = 0; j < p; j++) {
      const w = theta[j * kp + cl]!;
      weights[j * k + cl] = w;
      b -= mean[j]! * w;
    }
    intercepts[cl] = b;
  }
  return { classes, weights, intercepts, iterations: result.iterations, converged: result.converged };
}

/** Scores [rows][k] = X W + 1 b' of test rows (zero features skipped: most pixels). */
export function softmaxScores(fit: SoftmaxFit, test: Matrix): Float64Array {
  const k = fit.classes.length;
  const { rows, cols, data } = test;
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    out.set(fit.intercepts, o);
    for (let j = 0; j < cols; j++) {
      const a = data[i * cols + j]!;
      if (a === 0) continue;
      for (let cl = 0; cl < k; cl++) out[o + cl]! += a * fit.weights[j * k + cl]!;
    }
  }
  return out;
}

/** The fitted model: the class of the largest score; a notice when L-BFGS ran out of iterations. */
export function softmaxModel(fit: SoftmaxFit, features: number): FittedModel {
  const k = fit.classes.length;
  const model: FittedModel = {
    async predict(test: Matrix): Promise<Float64Array> {
      if (test.cols !== features)
        throw new FitError(`logistic: test rows have ${test.cols} features, training ${features}`);
      return argmaxRows(softmaxScores(fit, test), test.rows, k, fit.classes);
    },
  };
  if (fit.converged) return model;
  return {
    ...model,
    notice: `logistic: L-BFGS stopped after ${fit.iterations} iterations, before the gradient met its tolerance`,
  };
}
