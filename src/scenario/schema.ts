/**
 * The scenario: every parameter of the playground in one typed list (key, type, bounds, default, URL name,
 * label, help, when it matters). The controls, the URL codec, the CLI and the engine's input check all use it.
 */
import { FEATURE_FAMILIES, type FeatureFamily } from '../engine/populations/features';
import { BIAS_SHAPES, ETA_KINDS, type BiasShape, type EtaKind } from '../engine/populations/response';

export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export const TASKS = ['regression', 'classification'] as const;
export const TSTR_ON = ['real', 'synthetic'] as const;
export const GENERATORS = ['oracle', 'gaussian', 'gmm', 'smote'] as const;

export interface Scenario {
  task: (typeof TASKS)[number];
  p: number;
  features: FeatureFamily;
  correlation: number;
  df: number;
  components: number;
  separation: number;
  eta: EtaKind;
  wLinear: number;
  wQuadratic: number;
  wSine: number;
  wStep: number;
  sigma: number;
  sharpness: number;
  offset: number;
  n: number;
  nTest: number;
  m: number;
  generator: (typeof GENERATORS)[number];
  generatorComponents: number;
  generatorNeighbors: number;
  shift: number;
  scale: number;
  rotation: number;
  keepComponents: number;
  truncate: number;
  bias: number;
  biasShape: BiasShape;
  noiseScale: number;
  flip01: number;
  flip10: number;
  models: string;
  replicates: number;
  tstrOn: (typeof TSTR_ON)[number];
  seed: number;
  backend: BackendChoice;
}

export type ParamGroup = 'real' | 'synthetic' | 'models' | 'experiment';

interface ParamBase {
  /** Name in share links: short, readable, stable across versions (renames go through url.ts migrations). */
  readonly url: string;
  readonly label: string;
  readonly help: string;
  readonly group: ParamGroup;
  /** Whether the parameter changes anything in this scenario (controls hide it when it does not). */
  readonly relevant?: (s: Scenario) => boolean;
}

export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** Slider step; integer parameters also round values from links to whole numbers. */
  readonly step: number;
  readonly integer: boolean;
  readonly default: number;
}

export interface EnumParam<T extends string> extends ParamBase {
  readonly kind: 'enum';
  readonly options: readonly T[];
  readonly optionLabels: Readonly<Record<T, string>>;
  readonly default: T;
}

/** Free text checked by a cross rule (the model list). */
export interface TextParam extends ParamBase {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly default: string;
}

type ParamSpecOf<K extends keyof Scenario> = K extends 'models'
  ? TextParam
  : [Scenario[K]] extends [string]
    ? EnumParam<Scenario[K] & string>
    : NumberParam;

export type ParamSpec = NumberParam | EnumParam<string> | TextParam;

const regression = (s: Scenario): boolean => s.task === 'regression';
const classification = (s: Scenario): boolean => s.task === 'classification';
const number = (spec: Omit<NumberParam, 'kind' | 'integer'> & { integer?: boolean }): NumberParam => ({
  kind: 'number',
  integer: false,
  ...spec,
});

export const PARAMS: { readonly [K in keyof Scenario]: ParamSpecOf<K> } = {
  task: {
    kind: 'enum',
    url: 'task',
    label: 'Task',
    help: 'Regression (squared error) or binary classification (0-1 error).',
    group: 'real',
    options: TASKS,
    optionLabels: { regression: 'regression', classification: 'classification' },
    default: 'regression',
  },
  p: number({
    url: 'p',
    label: 'Features p',
    help: 'Number of features. The data picture shows the first one (or the first two).',
    group: 'real',
    min: 1,
    max: 10,
    step: 1,
    integer: true,
    default: 1,
  }),
  features: {
    kind: 'enum',
    url: 'features',
    label: 'Feature distribution μ',
    help: 'Distribution of the real features.',
    group: 'real',
    options: FEATURE_FAMILIES,
    optionLabels: {
      gaussian: 'Gaussian',
      student: 'Student-t (heavy tails)',
      uniform: 'uniform box',
      mixture: 'Gaussian mixture',
    },
    default: 'gaussian',
  },
  correlation: number({
    url: 'corr',
    label: 'Feature correlation',
    help: 'Correlation between every pair of features (Gaussian and Student-t).',
    group: 'real',
    min: -0.99,
    max: 0.99,
    step: 0.01,
    default: 0,
    relevant: (s) => s.p > 1 && (s.features === 'gaussian' || s.features === 'student'),
  }),
  df: number({
    url: 'df',
    label: 'Degrees of freedom',
    help: 'Student-t degrees of freedom: smaller means heavier tails.',
    group: 'real',
    min: 1,
    max: 30,
    step: 1,
    default: 5,
    relevant: (s) => s.features === 'student',
  }),
  components: number({
    url: 'modes',
    label: 'Mixture components',
    help: 'Number of equal-weight Gaussian components, on a circle (a line when p = 1).',
    group: 'real',
    min: 1,
    max: 6,
    step: 1,
    integer: true,
    default: 3,
    relevant: (s) => s.features === 'mixture',
  }),
  separation: number({
    url: 'sep',
    label: 'Component separation',
    help: 'Distance of the component means from the origin.',
    group: 'real',
    min: 0,
    max: 6,
    step: 0.1,
    default: 2.5,
    relevant: (s) => s.features === 'mixture',
  }),
  eta: {
    kind: 'enum',
    url: 'eta',
    label: 'True function η (or logit shape g)',
    help: 'E[Y | X = x] for regression; the shape g in P(Y = 1 | x) = σ(a g(x) + offset) for classification. t = b′x.',
    group: 'real',
    options: ETA_KINDS,
    optionLabels: {
      linear: 'linear: 0.5 + t',
      quadratic: 'quadratic: 0.5 + t + x′Qx',
      sine: 'sine: sin(2t)',
      step: 'step: 0.5 + sign(t)',
      mixed: 'weighted sum',
    },
    default: 'quadratic',
  },
  wLinear: number({
    url: 'w_lin',
    label: 'Weight of t',
    help: 'Weight of the linear part in the weighted sum.',
    group: 'real',
    min: -3,
    max: 3,
    step: 0.1,
    default: 1,
    relevant: (s) => s.eta === 'mixed',
  }),
  wQuadratic: number({
    url: 'w_quad',
    label: 'Weight of x′Qx',
    help: 'Weight of the quadratic part in the weighted sum.',
    group: 'real',
    min: -3,
    max: 3,
    step: 0.1,
    default: 0.5,
    relevant: (s) => s.eta === 'mixed',
  }),
  wSine: number({
    url: 'w_sine',
    label: 'Weight of sin(2t)',
    help: 'Weight of the sine part in the weighted sum.',
    group: 'real',
    min: -3,
    max: 3,
    step: 0.1,
    default: 0.5,
    relevant: (s) => s.eta === 'mixed',
  }),
  wStep: number({
    url: 'w_step',
    label: 'Weight of sign(t)',
    help: 'Weight of the step part in the weighted sum.',
    group: 'real',
    min: -3,
    max: 3,
    step: 0.1,
    default: 0,
    relevant: (s) => s.eta === 'mixed',
  }),
  sigma: number({
    url: 'sigma',
    label: 'Noise σ',
    help: 'Standard deviation of the response noise.',
    group: 'real',
    min: 0,
    max: 3,
    step: 0.05,
    default: 0.5,
    relevant: regression,
  }),
  sharpness: number({
    url: 'a',
    label: 'Sharpness a',
    help: 'Logit scale: larger a means less label noise near the decision boundary (low-noise condition).',
    group: 'real',
    min: 0.1,
    max: 30,
    step: 0.1,
    default: 3,
    relevant: classification,
  }),
  offset: number({
    url: 'offset',
    label: 'Logit offset',
    help: 'Shifts the class balance: positive values make class 1 more common.',
    group: 'real',
    min: -5,
    max: 5,
    step: 0.1,
    default: 0,
    relevant: classification,
  }),
  n: number({
    url: 'n',
    label: 'Real training size n',
    help: 'Number of real points the real-trained models (TRTR) learn from.',
    group: 'real',
    min: 10,
    max: 5000,
    step: 10,
    integer: true,
    default: 200,
  }),
  nTest: number({
    url: 'test',
    label: 'Real test size',
    help: 'Fresh real points on which every model is scored.',
    group: 'real',
    min: 1000,
    max: 50000,
    step: 1000,
    integer: true,
    default: 10000,
  }),
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
  models: {
    kind: 'text',
    url: 'models',
    label: 'Models',
    help: 'Up to 8 models, ";"-separated, e.g. ols;poly:degree=3;knn:k=10.',
    group: 'models',
    maxLength: 400,
    default: 'ols;poly:degree=3;knn:k=10',
  },
  replicates: number({
    url: 'R',
    label: 'Replicates R',
    help: 'Fresh real, synthetic and test samples per replicate; intervals come from the spread over replicates.',
    group: 'experiment',
    min: 1,
    max: 500,
    step: 1,
    integer: true,
    default: 20,
  }),
  tstrOn: {
    kind: 'enum',
    url: 'tstr_on',
    label: 'Synthetic-trained models tested on',
    help: 'Real test data (TSTR, default), or a synthetic hold-out (TSTS: what you see with only synthetic data).',
    group: 'experiment',
    options: TSTR_ON,
    optionLabels: { real: 'real test data (TSTR)', synthetic: 'synthetic hold-out (TSTS)' },
    default: 'real',
  },
  seed: number({
    url: 'seed',
    label: 'Seed',
    help: 'Every random draw comes from this seed: the same link always gives the same numbers.',
    group: 'experiment',
    min: 0,
    max: 2147483647,
    step: 1,
    integer: true,
    default: 1,
  }),
  backend: {
    kind: 'enum',
    url: 'backend',
    label: 'Compute backend',
    help: 'Where tfjs runs the tensor work. auto: WebGL on a hardware GPU, else WASM, else CPU. Results do not depend on it.',
    group: 'experiment',
    options: BACKEND_CHOICES,
    optionLabels: { auto: 'auto', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' },
    default: 'auto',
  },
};

export const PARAM_KEYS = Object.keys(PARAMS) as (keyof Scenario)[];

/** The spec of a parameter, widened for code that handles every kind. */
export function paramSpec(key: keyof Scenario): ParamSpec {
  return PARAMS[key] as ParamSpec;
}

export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = PARAMS[key].default;
  return out as unknown as Scenario;
}
