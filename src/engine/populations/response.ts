/**
 * Response functions in p dimensions, from the linear index t = b'x (b = 1, -0.7, 0.5, -0.4, ...):
 * shapes g: linear t; quadratic t + x'Qx (Q_jj = 0.5, Q_jk = 0.25); sine sin(2t); step sign(t); mixed = weighted sum.
 * Regression: eta(x) = c + g(x) (c = 0 for sine, else 0.5). Classification: P(Y = 1 | x) = sigmoid(a g(x) + offset).
 */
import * as portable from '../portable';
export const ETA_KINDS = ['linear', 'quadratic', 'sine', 'step', 'mixed'] as const;
export type EtaKind = (typeof ETA_KINDS)[number];

export const BIAS_SHAPES = ['constant', 'linear', 'quadratic', 'sine', 'step'] as const;
export type BiasShape = (typeof BIAS_SHAPES)[number];

/** Coefficients of the linear index, one per feature (p <= 10). */
export const INDEX_COEFFICIENTS = Float64Array.of(1, -0.7, 0.5, -0.4, 0.3, -0.25, 0.2, -0.15, 0.1, -0.1);

export interface MixWeights {
  readonly linear: number;
  readonly quadratic: number;
  readonly sine: number;
  readonly step: number;
}

export interface ResponseShape {
  readonly kind: EtaKind;
  /** Used when kind = 'mixed'. */
  readonly mix: MixWeights;
}

export const ETA_FORMULAS: Record<EtaKind, string> = {
  linear: 'η(x) = 0.5 + b′x',
  quadratic: 'η(x) = 0.5 + b′x + x′Qx',
  sine: 'η(x) = sin(2b′x)',
  step: 'η(x) = 0.5 + sign(b′x)',
  mixed: 'η(x) = 0.5 + w₁b′x + w₂x′Qx + w₃sin(2b′x) + w₄sign(b′x)',
};

/** t = b'x of one row. */
export function linearIndex(row: ArrayLike<number>): number {
  let t = 0;
  for (let j = 0; j < row.length; j++) t += INDEX_COEFFICIENTS[j]! * row[j]!;
  return t;
}

/** x'Qx with Q_jj = 1/2, Q_jk = 1/4 (j != k): 1/2 sum x_j^2 + 1/2 sum_{j<k} x_j x_k. */
export function quadraticForm(row: ArrayLike<number>): number {
  let squares = 0;
  let sum = 0;
  for (let j = 0; j < row.length; j++) {
    squares += row[j]! * row[j]!;
    sum += row[j]!;
  }
  // sum_{j<k} x_j x_k = ((sum x)^2 - sum x^2) / 2.
  return 0.5 * squares + 0.25 * (sum * sum - squares);
}

/** The basis shapes shared by eta and the response bias. */
export function basis(shape: BiasShape, row: ArrayLike<number>): number {
  switch (shape) {
    case 'constant':
      return 1;
    case 'linear':
      return linearIndex(row);
    case 'quadratic':
      return linearIndex(row) + quadraticForm(row);
    case 'sine':
      return portable.sin(2 * linearIndex(row));
    case 'step':
      return Math.sign(linearIndex(row));
  }
}

/** g(x): the shape without intercept (the logit scale for classification). */
export function shapeAt(shape: ResponseShape, row: ArrayLike<number>): number {
  if (shape.kind !== 'mixed') return basis(shape.kind, row);
  const t = linearIndex(row);
  const { mix } = shape;
  return (
    mix.linear * t +
    mix.quadratic * quadraticForm(row) +
    mix.sine * portable.sin(2 * t) +
    mix.step * Math.sign(t)
  );
}

/** Regression function eta(x) = c + g(x); summed as (0.5 + t) + x'Qx so one-feature values equal link v1's bit for bit. */
export function etaAt(shape: ResponseShape, row: ArrayLike<number>): number {
  if (shape.kind === 'sine') return shapeAt(shape, row);
  if (shape.kind === 'quadratic') return 0.5 + linearIndex(row) + quadraticForm(row);
  return 0.5 + shapeAt(shape, row);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + portable.exp(-z)) : portable.exp(z) / (1 + portable.exp(z));
}
