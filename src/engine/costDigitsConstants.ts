/**
 * The digits lab's cost constants (costDigits.ts's terms, and the tfjs networks' in cost.ts): seconds per unit by
 * group, fitted by `npx tsx bench/cost-digits.ts --write` on real MNIST digits in Node, one thread (tfjs-wasm);
 * edit by rerunning it.
 */
import type { CostGroup } from './costConstants';

export const DIGITS_COST_CONSTANTS: {
  readonly measured: string;
  readonly groups: Record<string, CostGroup>;
} = {
  measured: '2026-12-01',
  groups: {
    fidelity: {
      digitsPixels: 3.905e-8,
      digitsFixed: 0.2459,
    },
    logistic: {
      softmax: 3.754e-8,
      softmaxApply: 0,
      fixed: 0,
    },
    cnn: {
      train: 6.519e-10,
      steps: 0.002376,
      predict: 0,
      fixed: 0.05322,
    },
    mlp: {
      trainMinibatch: 4.889e-10,
      batchSteps: 0.0002524,
      predictMinibatch: 2.311e-10,
      fixedMinibatch: 0.03286,
    },
    'digits-draws': {
      pixels: 4.001e-8,
      fixed: 0,
      pca: 1.765e-9,
      decode: 1.083e-9,
      gmm: 1.29e-8,
      smote: 0,
      deform: 1.741e-7,
      vae: 1.667e-10,
    },
  },
};
