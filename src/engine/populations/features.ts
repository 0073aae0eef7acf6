/**
 * Feature distributions mu on R^p (p = 1..10), each drawn from a seeded stream:
 * gaussian N(0, C) with C_jj = 1, C_jk = rho; student t_df (the same C, heavy tails); uniform on [-sqrt 3, sqrt 3]^p
 * (unit variance); mixture of K equal-weight N(mu_k, I) with mu_k on a circle of radius `separation`.
 */
import * as portable from '../portable';
import { CholeskyDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { matrix, type Matrix } from '../matrix';
import type { RandomStream } from '../rng';

export const FEATURE_FAMILIES = ['gaussian', 'student', 'uniform', 'mixture'] as const;
export type FeatureFamily = (typeof FEATURE_FAMILIES)[number];

export interface FeatureModel {
  readonly family: FeatureFamily;
  readonly p: number;
  /** Correlation of every pair of features (gaussian, student); must lie in (-1/(p-1), 1). */
  readonly correlation: number;
  /** Student-t degrees of freedom. */
  readonly df: number;
  /** Mixture: number of components K and the radius of the circle their means sit on. */
  readonly components: number;
  readonly separation: number;
}

/** Smallest correlation that keeps the equicorrelation matrix positive definite, with a margin. */
export function minCorrelation(p: number): number {
  return p <= 1 ? -0.99 : -1 / (p - 1) + 0.01;
}

/** Lower Cholesky factor L of the equicorrelation matrix (C = L L'), row-major p x p. */
export function correlationFactor(p: number, rho: number): Float64Array {
  const c = new MlMatrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) c.set(i, j, i === j ? 1 : rho);
  const chol = new CholeskyDecomposition(c);
  if (!chol.isPositiveDefinite()) throw new Error(`correlation ${rho} is not valid for p = ${p}`);
  const l = chol.lowerTriangularMatrix;
  return Float64Array.from({ length: p * p }, (_, k) => l.get(Math.floor(k / p), k % p));
}

/** Mean of mixture component k (of K) in p dimensions: evenly spaced on a circle in (x1, x2); a line if p = 1. */
export function componentMean(k: number, components: number, separation: number, p: number): Float64Array {
  const mean = new Float64Array(p);
  if (components === 1) return mean;
  if (p === 1) {
    mean[0] = separation * (-1 + (2 * k) / (components - 1));
  } else {
    const angle = (2 * Math.PI * k) / components;
    mean[0] = separation * portable.cos(angle);
    mean[1] = separation * portable.sin(angle);
  }
  return mean;
}

/**
 * n draws from mu. `keepComponents` (mixture only) keeps the first components and drops the rest, the
 * "mode collapse" of a generator; weights are renormalized over the kept ones.
 */
export function drawFeatures(
  model: FeatureModel,
  n: number,
  rand: RandomStream,
  keepComponents = model.components,
): Matrix {
  const { p } = model;
  const out = matrix(n, p);
  const z = new Float64Array(p);
  const factor =
    model.family === 'gaussian' || model.family === 'student'
      ? correlationFactor(p, model.correlation)
      : null;
  const kept = Math.max(1, Math.min(model.components, keepComponents));
  const means =
    model.family === 'mixture'
      ? Array.from({ length: kept }, (_, k) => componentMean(k, model.components, model.separation, p))
      : [];
  for (let i = 0; i < n; i++) {
    const row = out.data.subarray(i * p, (i + 1) * p);
    switch (model.family) {
      case 'uniform':
        for (let j = 0; j < p; j++) row[j] = Math.sqrt(3) * (2 * rand.uniform() - 1);
        break;
      case 'mixture': {
        const mean = means[Math.floor(rand.uniform() * kept)]!;
        for (let j = 0; j < p; j++) row[j] = mean[j]! + rand.normal();
        break;
      }
      case 'gaussian':
      case 'student': {
        for (let j = 0; j < p; j++) z[j] = rand.normal();
        const radius = model.family === 'student' ? Math.sqrt(model.df / (2 * rand.gamma(model.df / 2))) : 1;
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let l = 0; l <= j; l++) s += factor![j * p + l]! * z[l]!;
          row[j] = radius * s;
        }
        break;
      }
    }
  }
  return out;
}

/** Population mean and covariance of mu (row-major p x p); Student-t needs df > 2 for a finite covariance. */
export function featureMoments(model: FeatureModel): { mean: Float64Array; cov: Float64Array } {
  const { p } = model;
  const mean = new Float64Array(p);
  const cov = new Float64Array(p * p);
  switch (model.family) {
    case 'uniform':
      for (let j = 0; j < p; j++) cov[j * p + j] = 1;
      break;
    case 'gaussian':
    case 'student': {
      const inflation =
        model.family === 'student' ? (model.df > 2 ? model.df / (model.df - 2) : Infinity) : 1;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) cov[i * p + j] = (i === j ? 1 : model.correlation) * inflation;
      break;
    }
    case 'mixture': {
      const means = Array.from({ length: model.components }, (_, k) =>
        componentMean(k, model.components, model.separation, p),
      );
      for (const m of means) for (let j = 0; j < p; j++) mean[j]! += m[j]! / means.length;
      for (const m of means) {
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < p; j++)
            cov[i * p + j]! += ((m[i]! - mean[i]!) * (m[j]! - mean[j]!)) / means.length;
        }
      }
      for (let j = 0; j < p; j++) cov[j * p + j]! += 1;
      break;
    }
  }
  return { mean, cov };
}
