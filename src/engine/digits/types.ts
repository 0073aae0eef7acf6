/**
 * The digits lab's shared shapes (issue 11): 28 x 28 grey-level digits as engine samples (x: rows x 784, pixel
 * intensities in [0, 1], row-major image rows; y: labels 0..9 as numbers), the generators' and corruptions'
 * settings. The generators (generators.ts), corruptions (corrupt.ts), networks and the VAE code against these.
 */
import type { Sample } from '../populations/population';
import type { RandomStream } from '../rng';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const CLASSES = 10;

export type { Sample };

export const DIGIT_GENERATORS = [
  'pca-gaussian',
  'diag-gaussian',
  'pca-gmm',
  'smote',
  'deform',
  'vae',
] as const;
export type DigitGeneratorKind = (typeof DIGIT_GENERATORS)[number];

export interface DigitGeneratorSettings {
  readonly kind: DigitGeneratorKind;
  /** PCA dimensions k (pca-gaussian, pca-gmm), 1..100. */
  readonly pcaComponents: number;
  /** Mixture components per class (pca-gmm), 1..20. */
  readonly mixtureComponents: number;
  /** Same-class neighbours (smote), 1..50. */
  readonly neighbors: number;
  /** Elastic deformation strength in pixels (deform), 0..8; 0 = shifts only. */
  readonly deformAmount: number;
  /** The VAE's latent dimensions and training epochs (vae). */
  readonly vaeLatent: number;
  readonly vaeEpochs: number;
}

/** One reading of a generator's training loss (the VAE), for the Training view. */
export interface GeneratorEpoch {
  readonly epoch: number;
  readonly loss: number;
}

/**
 * What happens to the generator's output (all zero / empty: nothing). Applied in this order: the class counts
 * (dropped classes, imbalance) decide how many digits of each class the generator draws; then label flips; then
 * blur and pixel noise.
 */
export interface DigitCorruption {
  /** Symmetric label noise: each label replaced, with this probability, by one of the 9 other labels uniformly. */
  readonly flipSymmetric: number;
  /**
   * Asymmetric label noise (Patrini et al. 2017's MNIST pairs 2 -> 7, 3 -> 8, 5 <-> 6, 7 -> 1): each label of those
   * classes flipped to its pair with this probability.
   */
  readonly flipAsymmetric: number;
  /** Classes the generator never produces (mode collapse), e.g. [3, 8]. */
  readonly dropped: readonly number[];
  /** Class imbalance: class c gets weight imbalance^(c / 9) of the real proportion (1 = as real). */
  readonly imbalance: number;
  /** Gaussian blur's standard deviation in pixels (0 = none). */
  readonly blur: number;
  /** Standard deviation of added pixel noise (then clipped to [0, 1]). */
  readonly pixelNoise: number;
}

export const NO_CORRUPTION: DigitCorruption = {
  flipSymmetric: 0,
  flipAsymmetric: 0,
  dropped: [],
  imbalance: 1,
  blur: 0,
  pixelNoise: 0,
};

/** A generator fitted on one replicate's real digits: draws `counts[c]` digits of class c. */
export interface FittedDigitGenerator {
  draw(counts: readonly number[], rand: RandomStream): Sample | Promise<Sample>;
}

export type { RandomStream };

/** One split of the digits as stored: `count` images of PIXELS bytes (0-255, row-major) and labels 0-9. */
export interface DigitImages {
  readonly count: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** The real digits a digits plan draws from: the official training and test splits. */
export interface DigitsData {
  readonly train: DigitImages;
  readonly test: DigitImages;
}
