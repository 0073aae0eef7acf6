/**
 * Two-stage mode (docs/theory.md §2.3): a generator G is fitted on the real sample D = (x, y) and the synthetic
 * sample is m draws from G(D): D~ ~ G(D)^m, with G a Gaussian fit, a Gaussian mixture (EM) or kNN smoothing (SMOTE).
 */
import type { Sample } from '../populations/population';
import type { Task } from '../task';
import type { RandomStream } from '../rng';
import { drawGaussianFit, fitGaussian } from './gaussianFit';
import { drawGmmGenerator, fitGmmGenerator } from './gmm';
import { GeneratorError } from './oracle';
import { drawSmote } from './smote';

export const FITTED_GENERATOR_KINDS = ['gaussian', 'gmm', 'smote'] as const;
export type FittedGeneratorKind = (typeof FITTED_GENERATOR_KINDS)[number];

export interface FittedGeneratorSettings {
  readonly kind: FittedGeneratorKind;
  /** Mixture components K (gmm; per class for classification). */
  readonly components: number;
  /** Neighbours k (smote; capped at the pool size - 1). */
  readonly neighbors: number;
  /** Gaussian: the maximum-likelihood covariance (divisor n) instead of the unbiased one (the loop's refits). */
  readonly maximumLikelihood?: boolean;
}

export const GENERATOR_NOTES: Record<FittedGeneratorKind, { keeps: string; breaks: string }> = {
  gaussian: {
    keeps:
      'The mean and covariance of (x, y): the best linear fit of y on x and its residual spread. Classification: ' +
      'class proportions and each class’s mean and covariance.',
    breaks:
      'Everything beyond two moments: y given x becomes linear with Gaussian noise, so a curved η is lost; ' +
      'skewed, heavy-tailed, bounded or multi-modal features become one Gaussian ellipse per class.',
  },
  gmm: {
    keeps:
      'Several modes, and local non-linearity of η when K is large enough (each component carries its own local ' +
      'linear fit of y on x). Classification: class proportions, K components per class.',
    breaks:
      'Tails (Gaussian, fitted to a finite sample) and anything finer than K ellipses. Components that collapse ' +
      '(fewer than d + 1 points) are dropped, so it can keep fewer modes than K: mode collapse.',
  },
  smote: {
    keeps:
      'The support and local structure: every draw lies on a segment between a real point and one of its k ' +
      'nearest real neighbours (same class for classification), with its labels.',
    breaks:
      'It cannot extrapolate beyond the convex hull of neighbours; interpolating y shrinks the noise (mixing ' +
      'two noisy responses leaves on average 2σ²/3 of its variance), and the mixed (x, y) pairs follow the ' +
      'chord between neighbours, not a curved η.',
  },
};

/**
 * m synthetic draws from the generator fitted on `real`, all randomness (fit and draws) from `rand`.
 * Throws GeneratorError when the real sample cannot be fitted (too few points, K > n, non-finite values).
 */
export function drawFitted(
  real: Sample,
  task: Task,
  settings: FittedGeneratorSettings,
  m: number,
  rand: RandomStream,
): Sample {
  if (real.y.length !== real.x.rows) {
    throw new GeneratorError(`fitted generator: ${real.x.rows} feature rows but ${real.y.length} responses`);
  }
  if (!Number.isInteger(m) || m < 0)
    throw new GeneratorError(`fitted generator: m = ${m} draws is not valid`);
  if (!real.x.data.every(Number.isFinite) || !real.y.every(Number.isFinite)) {
    throw new GeneratorError('fitted generator: the real sample has non-finite values');
  }
  switch (settings.kind) {
    case 'gaussian':
      return drawGaussianFit(fitGaussian(real, task, settings.maximumLikelihood === true), m, rand);
    case 'gmm':
      return drawGmmGenerator(fitGmmGenerator(real, task, settings.components, rand), m, rand);
    case 'smote':
      return drawSmote(real, task, settings.neighbors, m, rand);
  }
}
