/**
 * The real population P: X ~ mu (features.ts), and Y = eta(X) + sigma eps (regression) or
 * Y ~ Bernoulli(sigmoid(a g(X) + offset)) (classification). Features and responses use separate streams.
 */
import type { Matrix } from '../matrix';
import type { Task } from '../task';
import { stream, type RandomStream } from '../rng';
import { drawFeatures, type FeatureModel } from './features';
import { basis, etaAt, shapeAt, sigmoid, type BiasShape, type ResponseShape } from './response';

export interface Population {
  readonly task: Task;
  readonly features: FeatureModel;
  readonly shape: ResponseShape;
  /** Regression noise standard deviation. */
  readonly sigma: number;
  /** Classification: logit sharpness a (larger = less label noise near the boundary) and logit offset. */
  readonly sharpness: number;
  readonly offset: number;
}

export interface Sample {
  readonly x: Matrix;
  readonly y: Float64Array;
}

/** How synthetic responses depart from the real ones (all zero / one: the same as real). */
export interface ResponsePerturbation {
  /** eta~ = eta + bias * g_bias (regression); logit + a * bias * g_bias (classification). */
  readonly bias: number;
  readonly biasShape: BiasShape;
  /** Noise multiplier: sigma~ = noiseScale * sigma; classification a~ = a / noiseScale. */
  readonly noiseScale: number;
  /** Label flips after drawing: P(0 -> 1) and P(1 -> 0). */
  readonly flip01: number;
  readonly flip10: number;
}

export const NO_PERTURBATION: ResponsePerturbation = {
  bias: 0,
  biasShape: 'constant',
  noiseScale: 1,
  flip01: 0,
  flip10: 0,
};

/** P(Y = 1 | x) of the real population (perturbation: of the synthetic one, before flips). */
export function probabilityOfOne(
  population: Population,
  row: ArrayLike<number>,
  perturbation: ResponsePerturbation = NO_PERTURBATION,
): number {
  const logit =
    population.sharpness *
    (shapeAt(population.shape, row) + perturbation.bias * basis(perturbation.biasShape, row));
  return sigmoid(logit / perturbation.noiseScale + population.offset);
}

/** E[Y | x]: eta(x) for regression, P(Y = 1 | x) for classification (perturbation included, flips too). */
export function conditionalMean(
  population: Population,
  row: ArrayLike<number>,
  perturbation: ResponsePerturbation = NO_PERTURBATION,
): number {
  if (population.task === 'regression') {
    return etaAt(population.shape, row) + perturbation.bias * basis(perturbation.biasShape, row);
  }
  const q = probabilityOfOne(population, row, perturbation);
  return q * (1 - perturbation.flip10) + (1 - q) * perturbation.flip01;
}

/** Responses for the feature rows x, from their own stream. */
export function drawResponses(
  population: Population,
  x: Matrix,
  rand: RandomStream,
  perturbation: ResponsePerturbation = NO_PERTURBATION,
): Float64Array {
  const y = new Float64Array(x.rows);
  const sd = perturbation.noiseScale * population.sigma;
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * x.cols, (i + 1) * x.cols);
    if (population.task === 'regression') {
      y[i] =
        etaAt(population.shape, row) +
        perturbation.bias * basis(perturbation.biasShape, row) +
        sd * rand.normal();
    } else {
      let label = rand.uniform() < probabilityOfOne(population, row, perturbation) ? 1 : 0;
      const flip = label === 1 ? perturbation.flip10 : perturbation.flip01;
      if (flip > 0 && rand.uniform() < flip) label = 1 - label;
      y[i] = label;
    }
  }
  return y;
}

/** n draws of the real population, streams `${label}/x` and `${label}/noise`. */
export function drawReal(population: Population, n: number, seed: number, label: string): Sample {
  const x = drawFeatures(population.features, n, stream(seed, `${label}/x`));
  return { x, y: drawResponses(population, x, stream(seed, `${label}/noise`)) };
}
