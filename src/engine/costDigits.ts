/**
 * The cost model's terms for the digits lab (cost.ts holds the rest): softmax regression on 784 pixels and 10
 * classes, and the generators' fits and draws. Their constants (costDigitsConstants.ts) are fitted by
 * `npx tsx bench/cost-digits.ts --write` on real MNIST digits, as bench/cost-calibrate.ts fits the others.
 */
import type { ParsedSpec } from './learners/catalog';
import type { DigitsSource, ExperimentPlan } from './plan';
import { CLASSES, PIXELS } from './digits/types';
import type { Terms } from './costTerms';

/**
 * A learner's terms on `rows` digits where they differ from its ordinary ones (cost.ts learnerTerms): softmax
 * regression over 10 classes, and the MLP trained on tfjs with a softmax output (its full-batch form too). Null:
 * the ordinary terms apply (kNN, the CNN, a minibatch MLP).
 */
export function digitsLearnerTerms(spec: ParsedSpec, rows: number, test: number): Terms | null {
  const q = PIXELS + 1;
  if (spec.name === 'logistic') {
    // L-BFGS on the softmax loss: about as many passes over rows × q × classes whatever the size.
    return { softmax: rows * q * CLASSES, softmaxApply: test * q * CLASSES, fixed: 1 };
  }
  return null;
}

/** One digits replicate's draws: reading the digits, fitting the generator on n, drawing m (+ a hold-out). */
export function digitsDrawTerms(plan: ExperimentPlan, source: DigitsSource): Terms {
  const { n, m, nTest } = plan;
  const drawn = m + (plan.tstrOn === 'synthetic' ? nTest : 0);
  const g = source.generator;
  const pixels = { pixels: (n + nTest + drawn) * PIXELS, fixed: 1 };
  switch (g.kind) {
    case 'pca-gaussian':
      return {
        ...pixels,
        pca: n * PIXELS * (g.pcaComponents + 20),
        decode: drawn * PIXELS * g.pcaComponents,
      };
    case 'pca-gmm':
      return {
        ...pixels,
        pca: n * PIXELS * (g.pcaComponents + 20),
        gmm: Math.min(n, 5000) * g.mixtureComponents * g.pcaComponents ** 2,
        decode: drawn * PIXELS * g.pcaComponents,
      };
    case 'smote':
      return { ...pixels, smote: drawn * (n / CLASSES) * PIXELS * 0.2 };
    case 'deform':
      return { ...pixels, deform: drawn * PIXELS };
    case 'vae':
      // Encoder and decoder of 256 units, about 2 × 794 × 256 + 2 × 256 × 784 multiply-adds a digit, 3 passes.
      return { ...pixels, vae: g.vaeEpochs * n * 3 * (794 * 256 + 256 * 784), decode: drawn * 256 * 784 };
    default:
      return pixels;
  }
}
