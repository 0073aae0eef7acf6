/** Parameters of the synthetic data: size, the generator (oracle or fitted), and the oracle's perturbations. */
import { BIAS_SHAPES } from '../../engine/populations/response';
import { GENERATORS, type ParamsOf, classification, number } from '../types';

export const SYNTHETIC_PARAMS: ParamsOf<
  | 'm'
  | 'generator'
  | 'generatorComponents'
  | 'generatorNeighbors'
  | 'shift'
  | 'scale'
  | 'rotation'
  | 'keepComponents'
  | 'truncate'
  | 'bias'
  | 'biasShape'
  | 'noiseScale'
  | 'flip01'
  | 'flip10'
> = {
  m: number({
    url: 'm',
    label: 'Synthetic training size m',
    help: 'Number of synthetic points the synthetic-trained models (TSTR) learn from.',
    group: 'synthetic',
    min: 10,
    max: 5000,
    step: 10,
    integer: true,
    default: 200,
  }),
  generator: {
    kind: 'enum',
    url: 'gen',
    label: 'Synthetic data from',
    help: 'Oracle: a synthetic population you perturb directly. Fitted (two-stage): a generator fitted on each real sample draws the synthetic one.',
    group: 'synthetic',
    options: GENERATORS,
    optionLabels: {
      oracle: 'oracle perturbation (set below)',
      gaussian: 'fitted Gaussian of (x, y)',
      gmm: 'fitted Gaussian mixture (EM)',
      smote: 'kNN smoothing (SMOTE-like)',
    },
    default: 'oracle',
  },
  generatorComponents: number({
    url: 'gen_k',
    label: 'Mixture components K',
    help: 'Components of the fitted mixture (per class for classification).',
    group: 'synthetic',
    min: 1,
    max: 10,
    step: 1,
    integer: true,
    default: 3,
    relevant: (s) => s.generator === 'gmm',
  }),
  generatorNeighbors: number({
    url: 'gen_nn',
    label: 'Smoothing neighbours k',
    help: 'Each synthetic point interpolates a real point and one of its k nearest real neighbours.',
    group: 'synthetic',
    min: 1,
    max: 20,
    step: 1,
    integer: true,
    default: 5,
    relevant: (s) => s.generator === 'smote',
  }),
  shift: number({
    url: 'shift',
    label: 'Feature shift',
    help: 'Synthetic features move by this much along x₁.',
    group: 'synthetic',
    min: -3,
    max: 3,
    step: 0.1,
    default: 0,
    relevant: (s) => s.generator === 'oracle',
  }),
  scale: number({
    url: 'scale',
    label: 'Feature scale',
    help: 'Synthetic features are spread by this factor (1 = as real).',
    group: 'synthetic',
    min: 0.1,
    max: 3,
    step: 0.05,
    default: 1,
    relevant: (s) => s.generator === 'oracle',
  }),
  rotation: number({
    url: 'rot',
    label: 'Rotation (degrees)',
    help: 'Synthetic features are rotated in the (x₁, x₂) plane.',
    group: 'synthetic',
    min: -180,
    max: 180,
    step: 5,
    default: 0,
    relevant: (s) => s.generator === 'oracle' && s.p >= 2,
  }),
  keepComponents: number({
    url: 'keep',
    label: 'Modes kept',
    help: 'Mode collapse: the generator produces only the first modes of the mixture.',
    group: 'synthetic',
    min: 1,
    max: 6,
    step: 1,
    integer: true,
    default: 6,
    relevant: (s) => s.generator === 'oracle' && s.features === 'mixture',
  }),
  truncate: number({
    url: 'trunc',
    label: 'Support truncation',
    help: 'Synthetic draws with any |xⱼ| above this are dropped (0 = off).',
    group: 'synthetic',
    min: 0,
    max: 5,
    step: 0.1,
    default: 0,
    relevant: (s) => s.generator === 'oracle',
  }),
  bias: number({
    url: 'bias',
    label: 'Response bias b',
    help: 'Synthetic responses are biased by b g(x): η̃ = η + b g (regression), or the logit moves by a b g.',
    group: 'synthetic',
    min: -3,
    max: 3,
    step: 0.05,
    default: 0,
    relevant: (s) => s.generator === 'oracle',
  }),
  biasShape: {
    kind: 'enum',
    url: 'bias_g',
    label: 'Bias shape g',
    help: 'The function the response bias follows.',
    group: 'synthetic',
    options: BIAS_SHAPES,
    optionLabels: {
      constant: 'constant 1',
      linear: 't',
      quadratic: 't + x′Qx',
      sine: 'sin(2t)',
      step: 'sign(t)',
    },
    default: 'constant',
    relevant: (s) => s.generator === 'oracle' && s.bias !== 0,
  },
  noiseScale: number({
    url: 'noise',
    label: 'Response noise ×',
    help: 'Synthetic noise relative to real: σ̃ = ×σ (regression), a flatter logit a/× (classification).',
    group: 'synthetic',
    min: 0,
    max: 5,
    step: 0.05,
    default: 1,
    relevant: (s) => s.generator === 'oracle',
  }),
  flip01: number({
    url: 'flip01',
    label: 'Label flips 0 → 1',
    help: 'Probability that a synthetic label 0 becomes 1. Equal flips both ways keep the Bayes boundary.',
    group: 'synthetic',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0,
    relevant: (s) => s.generator === 'oracle' && classification(s),
  }),
  flip10: number({
    url: 'flip10',
    label: 'Label flips 1 → 0',
    help: 'Probability that a synthetic label 1 becomes 0.',
    group: 'synthetic',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0,
    relevant: (s) => s.generator === 'oracle' && classification(s),
  }),
};
