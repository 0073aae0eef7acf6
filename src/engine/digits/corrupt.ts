/**
 * Corruptions of synthetic digits, in order: symmetric label flips, asymmetric flips (2->7, 3->8, 5<->6, 7->1),
 * blur x * G_sigma (separable, radius ceil(3 sigma), zero outside), noise x + N(0, s^2); clipped to [0, 1].
 */
import { GeneratorError } from '../generators/oracle';
import { matrix } from '../matrix';
import * as portable from '../portable';
import type { RandomStream } from '../rng';
import { clip01 } from './digitRows';
import { CLASSES, PIXELS, SIDE, type DigitCorruption, type Sample } from './types';

/** Patrini et al. (2017)'s MNIST flips: the label each of these classes turns into under asymmetric noise. */
export const ASYMMETRIC_FLIPS: Readonly<Record<number, number>> = { 2: 7, 3: 8, 5: 6, 6: 5, 7: 1 };

/** The normalized Gaussian kernel exp(-t^2 / 2 sigma^2) / sum, t = -ceil(3 sigma)..ceil(3 sigma). */
export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.ceil(3 * sigma);
  const w = Float64Array.from({ length: 2 * radius + 1 }, (_, i) =>
    portable.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
}

/**
 * Blurs each SIDE x SIDE row of `x` in place: correlation with the kernel along image rows, then columns, zero
 * outside the image, so intensity near the border leaks out and the rest is kept (the kernel sums to 1).
 */
function blurInPlace(x: Float64Array, rows: number, sigma: number): void {
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const S = SIDE; // a local: in Node's CommonJS transforms an imported constant is a getter call
  const P = PIXELS;
  const work = new Float64Array(P);
  for (let i = 0; i < rows; i++) {
    const at = i * P;
    for (let r = 0; r < S; r++) {
      for (let c = 0; c < S; c++) {
        let s = 0;
        const lo = Math.max(-radius, -c);
        const hi = Math.min(radius, S - 1 - c);
        for (let t = lo; t <= hi; t++) s += kernel[t + radius]! * x[at + r * S + c + t]!;
        work[r * S + c] = s;
      }
    }
    for (let r = 0; r < S; r++) {
      const lo = Math.max(-radius, -r);
      const hi = Math.min(radius, S - 1 - r);
      for (let c = 0; c < S; c++) {
        let s = 0;
        for (let t = lo; t <= hi; t++) s += kernel[t + radius]! * work[(r + t) * S + c]!;
        x[at + r * S + c] = s;
      }
    }
  }
}

function requireRate(value: number, name: string, max = 1): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= max)) {
    throw new GeneratorError(`corruption: ${name} = ${value} must be in [0, ${max}]`);
  }
}

/**
 * A corrupted copy of `sample` (new arrays). Labels: each flipped with probability flipSymmetric to one of the 9
 * other digits uniformly; then each label of 2, 3, 5, 6, 7 (as it is after the symmetric flips) turned into its
 * ASYMMETRIC_FLIPS pair with probability flipAsymmetric. Pixels: blurred (blur > 0), then N(0, pixelNoise^2)
 * added (pixelNoise > 0), then clipped to [0, 1]. A step at 0 draws nothing from `rand`, so all zero is the
 * identity. dropped and imbalance act on the class counts (generators.ts classCounts), not here.
 */
export function corruptDigits(sample: Sample, corruption: DigitCorruption, rand: RandomStream): Sample {
  const { flipSymmetric, flipAsymmetric, blur, pixelNoise } = corruption;
  requireRate(flipSymmetric, 'flipSymmetric');
  requireRate(flipAsymmetric, 'flipAsymmetric');
  requireRate(blur, 'blur', 28);
  requireRate(pixelNoise, 'pixelNoise', Infinity);
  if (sample.x.cols !== PIXELS) {
    throw new GeneratorError(`corruption: digits have ${PIXELS} pixels, these rows have ${sample.x.cols}`);
  }
  const n = sample.x.rows;
  const y = Float64Array.from(sample.y);
  if (flipSymmetric > 0) {
    for (let i = 0; i < n; i++) {
      if (rand.uniform() >= flipSymmetric) continue;
      // One of the CLASSES - 1 other labels, uniform: skip over the current one.
      const other = Math.floor(rand.uniform() * (CLASSES - 1));
      y[i] = other >= y[i]! ? other + 1 : other;
    }
  }
  if (flipAsymmetric > 0) {
    for (let i = 0; i < n; i++) {
      const pair = ASYMMETRIC_FLIPS[y[i]!];
      if (pair !== undefined && rand.uniform() < flipAsymmetric) y[i] = pair;
    }
  }
  const x = matrix(n, PIXELS, Float64Array.from(sample.x.data));
  if (blur > 0) blurInPlace(x.data, n, blur);
  if (pixelNoise > 0) for (let t = 0; t < x.data.length; t++) x.data[t]! += pixelNoise * rand.normal();
  for (let t = 0; t < x.data.length; t++) x.data[t] = clip01(x.data[t]!);
  return { x, y };
}
