/** Parameters of the real population P: task, features mu, the function eta, noise, sizes. */
import { ETA_KINDS } from '../../engine/populations/response';
import { FEATURE_FAMILIES } from '../../engine/populations/features';
import { type ParamsOf, TASKS, classification, number, regression } from '../types';

export const REAL_PARAMS: ParamsOf<
  | 'task'
  | 'p'
  | 'features'
  | 'correlation'
  | 'df'
  | 'components'
  | 'separation'
  | 'eta'
  | 'wLinear'
  | 'wQuadratic'
  | 'wSine'
  | 'wStep'
  | 'sigma'
  | 'sharpness'
  | 'offset'
  | 'n'
  | 'nTest'
> = {
  task: {
    kind: 'enum',
    url: 'task',
    label: 'Task',
    help: 'Regression (squared error) or binary classification (0-1 error).',
    group: 'real',
    options: TASKS,
    optionLabels: { regression: 'regression', classification: 'classification' },
    default: 'regression',
    // The your-data lab sets it beside the columns (the schema panel), where it is detected from the target.
    relevant: (s) => s.lab !== 'data',
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
};
