/**
 * The scenario: every parameter of the playground in one typed list (key, type, bounds, default, URL name,
 * label, help). The controls, the URL codec and the engine's input check are all generated from this list.
 */
import { ETA_KINDS, type EtaKind } from '../engine/populations/regression';

export const BACKEND_CHOICES = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface Scenario {
  eta: EtaKind;
  sigma: number;
  n: number;
  nTest: number;
  m: number;
  shift: number;
  scale: number;
  bias: number;
  k: number;
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
}

export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** Slider step; integer parameters also round URL values to whole numbers. */
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

export type ParamSpec<V> = [V] extends [string] ? EnumParam<V> : NumberParam;

export const PARAMS: { readonly [K in keyof Scenario]: ParamSpec<Scenario[K]> } = {
  eta: {
    kind: 'enum',
    url: 'eta',
    label: 'True regression function η',
    help: 'E[Y | X = x] of the real population. Linear and cubic models are correctly specified for "linear".',
    group: 'real',
    options: ETA_KINDS,
    optionLabels: {
      linear: 'linear: 0.5 + x',
      quadratic: 'quadratic: 0.5 + x + 0.5x²',
      sine: 'sine: sin(2x)',
    },
    default: 'quadratic',
  },
  sigma: {
    kind: 'number',
    url: 'sigma',
    label: 'Noise σ',
    help: 'Standard deviation of the response noise, for real and synthetic responses alike.',
    group: 'real',
    min: 0,
    max: 3,
    step: 0.05,
    integer: false,
    default: 0.5,
  },
  n: {
    kind: 'number',
    url: 'n',
    label: 'Real training size n',
    help: 'Number of real points the real-trained models (TRTR) learn from.',
    group: 'real',
    min: 10,
    max: 5000,
    step: 10,
    integer: true,
    default: 200,
  },
  nTest: {
    kind: 'number',
    url: 'test',
    label: 'Real test size',
    help: 'Fresh real points on which every model is scored (both TRTR and TSTR).',
    group: 'real',
    min: 1000,
    max: 50000,
    step: 1000,
    integer: true,
    default: 10000,
  },
  m: {
    kind: 'number',
    url: 'm',
    label: 'Synthetic training size m',
    help: 'Number of synthetic points the synthetic-trained models (TSTR) learn from.',
    group: 'synthetic',
    min: 10,
    max: 5000,
    step: 10,
    integer: true,
    default: 200,
  },
  shift: {
    kind: 'number',
    url: 'shift',
    label: 'Feature shift',
    help: 'Synthetic features are drawn from N(shift, scale²) instead of the real N(0, 1).',
    group: 'synthetic',
    min: -3,
    max: 3,
    step: 0.1,
    integer: false,
    default: 0,
  },
  scale: {
    kind: 'number',
    url: 'scale',
    label: 'Feature scale',
    help: 'Standard deviation of the synthetic features (the real ones have 1).',
    group: 'synthetic',
    min: 0.1,
    max: 3,
    step: 0.05,
    integer: false,
    default: 1,
  },
  bias: {
    kind: 'number',
    url: 'bias',
    label: 'Response bias',
    help: 'Constant added to every synthetic response: η̃(x) = η(x) + bias.',
    group: 'synthetic',
    min: -3,
    max: 3,
    step: 0.05,
    integer: false,
    default: 0,
  },
  k: {
    kind: 'number',
    url: 'k',
    label: 'kNN neighbours k',
    help: 'Number of neighbours averaged by the kNN model; at most min(n, m).',
    group: 'models',
    min: 1,
    max: 100,
    step: 1,
    integer: true,
    default: 10,
  },
  seed: {
    kind: 'number',
    url: 'seed',
    label: 'Seed',
    help: 'Every random draw comes from this seed: the same link always gives the same numbers.',
    group: 'experiment',
    min: 0,
    max: 2147483647,
    step: 1,
    integer: true,
    default: 1,
  },
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

export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = PARAMS[key].default;
  return out as unknown as Scenario;
}
