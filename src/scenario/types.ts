/**
 * The scenario's shape and the types of its parameter specs (number, enum, text), shared by the parameter
 * lists in params/ and everything that reads them.
 */
import type { BackendChoice } from '../engine/backend';
import { FITTED_GENERATOR_KINDS } from '../engine/generators/fitted';
import { DIGIT_GENERATORS } from '../engine/digits/types';
import type { TstrOn } from '../engine/plan';
import type { FeatureFamily } from '../engine/populations/features';
import type { BiasShape, EtaKind } from '../engine/populations/response';
import type { Task } from '../engine/task';
import type { StudyKind } from '../engine/studies/types';

export { BACKEND_CHOICES, type BackendChoice } from '../engine/backend';
export { TSTR_ON } from '../engine/plan';
export { TASKS } from '../engine/task';
/** Where synthetic data come from: an oracle P~ set by the sliders, or a generator fitted on the real sample. */
export const GENERATORS = [
  'oracle',
  ...FITTED_GENERATOR_KINDS,
  ...DIGIT_GENERATORS.filter((kind) => kind !== 'smote'),
] as const;
/** The generators of the digits lab (smote is shared: same-class interpolation in both). */
export const IMAGE_ONLY_GENERATORS = DIGIT_GENERATORS.filter((kind) => kind !== 'smote');
/**
 * The labs: `simulated` (populations with every knob, the playground's first lab) and `toy` (a fixed small
 * dataset split per replicate, used by the tests to show that views, exports and the CLI work for any lab) and
 * `data` ("Your data": the user's real and synthetic files, issue 15). A link without `lab=` is the simulated lab.
 */
export const LAB_IDS = ['simulated', 'toy', 'data', 'mnist'] as const;
export type LabId = (typeof LAB_IDS)[number];

/**
 * Every parameter of every lab in one typed list (controls, links, files and the CLI all read it); `lab` says
 * which of them count (scenario/labs/: each lab's own keys, defaults, cross rules and plan builder).
 */
export interface Scenario {
  lab: LabId;
  task: Task;
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
  tstrOn: TstrOn;
  seed: number;
  backend: BackendChoice;
  /** The your-data lab: the target column ('' = detected), test share, missing-value policy, files (files.ts). */
  target: string;
  testFraction: number;
  /** The your-data lab: with a target of more than two classes, the class told apart from the rest ('' = none). */
  positive: string;
  /** The your-data lab: most rows of each file a replicate uses (0 = all); past it, a seeded sample. */
  maxRows: number;
  missing: MissingPolicy;
  files: string;
  /** The digits lab (issue 11): generator settings and corruptions of the synthetic digits (params/digits.ts). */
  pcaComponents: number;
  deformAmount: number;
  vaeLatent: number;
  vaeEpochs: number;
  flipSymmetric: number;
  flipAsymmetric: number;
  dropClasses: string;
  imbalance: number;
  blur: number;
  pixelNoise: number;
  /** The studies beyond the paper (issue 14): which one, and its knobs (params/study.ts). */
  study: StudyKind;
  generations: number;
  fresh: number;
  members: number;
  holdout: number;
}

export const MISSING_POLICIES = ['impute', 'drop'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

/** The free-text parameters (checked by their lab's cross rules). */
export type TextKey = 'models' | 'target' | 'positive' | 'files' | 'dropClasses';

export type ParamGroup = 'real' | 'synthetic' | 'study' | 'models' | 'experiment';

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

/** Free text checked by a cross rule (the model list, the your-data lab's target and files). */
export interface TextParam extends ParamBase {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly default: string;
}

export type ParamSpecOf<K extends keyof Scenario> = K extends TextKey
  ? TextParam
  : [Scenario[K]] extends [string]
    ? EnumParam<Scenario[K] & string>
    : NumberParam;

export type ParamSpec = NumberParam | EnumParam<string> | TextParam;

export const regression = (s: Scenario): boolean => s.task === 'regression';
export const classification = (s: Scenario): boolean => s.task === 'classification';
export const number = (spec: Omit<NumberParam, 'kind' | 'integer'> & { integer?: boolean }): NumberParam => ({
  kind: 'number',
  integer: false,
  ...spec,
});

/** A group of parameter specs, each typed by its key. */
export type ParamsOf<K extends keyof Scenario> = { readonly [P in K]: ParamSpecOf<P> };

/** A sweep axis: one numeric parameter of the scenario's lab over `steps` even values from `from` to `to`. */
export interface SweepAxis {
  readonly param: keyof Scenario;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}
