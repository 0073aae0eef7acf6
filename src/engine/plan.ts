/**
 * What the engine runs: a plain, structured-clonable plan (what to draw, fit and measure), built by a lab's plan
 * builder in scenario/labs/. The engine never sees a share link; every lab's plan has the same outputs
 * (per replicate and model a TRTR and a TSTR risk), so the results shape is the same for all labs.
 */
import type { FittedGeneratorSettings } from './generators/fitted';
import type { OracleSettings } from './generators/oracle';
import type { Population, Sample } from './populations/population';
import type { Task } from './task';
import type { StudySettings } from './studies/types';
import { PIXELS, type DigitCorruption, type DigitGeneratorSettings, type DigitsData } from './digits/types';

/** Where synthetic-trained models are scored: real test data (TSTR) or a synthetic hold-out (TSTS). */
export const TSTR_ON = ['real', 'synthetic'] as const;
export type TstrOn = (typeof TSTR_ON)[number];

/**
 * A simulated real population P: each replicate draws fresh real, test and synthetic samples, the synthetic ones
 * from an oracle P~ (`synthetic`) or from a generator fitted on the replicate's real sample (`fitted`).
 */
export interface PopulationSource {
  readonly kind: 'population';
  readonly population: Population;
  readonly synthetic: OracleSettings;
  /** Two-stage mode: the generator fitted on each real sample; null = oracle mode (`synthetic` applies). */
  readonly fitted: FittedGeneratorSettings | null;
}

/**
 * A fixed real dataset: each replicate splits its rows at random into n training and nTest test rows (a
 * replicate-labelled permutation of the seed), and the synthetic sample comes from a generator fitted on the
 * training rows only.
 */
export interface TableSource {
  readonly kind: 'table';
  /** The dataset's name, for messages. */
  readonly name: string;
  readonly rows: Sample;
  readonly fitted: FittedGeneratorSettings;
}

/**
 * The user's own files (the your-data lab): a real dataset, one synthetic dataset, and a real test file or none.
 * With R > 1 replicates, replicate r trains the synthetic-side model on a bootstrap resample of the synthetic
 * rows (m of them), and the real-side model on a fresh real training sample: without a test file, a random split
 * of the real rows into n training and nTest test rows (stratified by class for classification); with one, a
 * bootstrap resample of the real rows (n of them), tested on the whole test file. So the intervals over
 * replicates carry the training samples' variability (and, without a test file, the test split's) on both sides
 * alike. With R = 1 both train on their files as they are (beside a test file: scikit-learn's plain fit).
 */
export interface FilesSource {
  readonly kind: 'files';
  /** The synthetic dataset's name (a file name), for messages. */
  readonly name: string;
  readonly real: Sample;
  readonly synthetic: Sample;
  readonly test: Sample | null;
}

/**
 * Real handwritten digits (the digits lab, issue 11): replicate r draws n training digits from the official
 * training split and nTest from the official test split (which never trains a model or a generator); the
 * synthetic digits come from a generator fitted on the n real ones, then corrupted as `corruption` says.
 */
export interface DigitsSource {
  readonly kind: 'digits';
  /** The dataset's name, for messages. */
  readonly name: string;
  /**
   * The digits themselves: null in a plan built from a scenario (the scenario layer holds no data); the thread
   * that runs it loads the assets and fills them in (withDigits) before the run.
   */
  readonly data: DigitsData | null;
  readonly generator: DigitGeneratorSettings;
  readonly corruption: DigitCorruption;
}

export type DataSource = PopulationSource | TableSource | FilesSource | DigitsSource;

/** A digits plan with its data loaded (the run needs them). */
export function withDigits(plan: ExperimentPlan, data: DigitsData): ExperimentPlan {
  if (plan.source.kind !== 'digits') return plan;
  return { ...plan, source: { ...plan.source, data } };
}

/** Features per row of a plan's data. */
export function featureCount(plan: ExperimentPlan): number {
  const { source } = plan;
  if (source.kind === 'population') return source.population.features.p;
  if (source.kind === 'digits') return PIXELS;
  return source.kind === 'table' ? source.rows.x.cols : source.real.x.cols;
}

export interface ExperimentPlan {
  readonly task: Task;
  readonly source: DataSource;
  /** Real training size n, synthetic training size m, real test size. */
  readonly n: number;
  readonly m: number;
  readonly nTest: number;
  readonly replicates: number;
  readonly seed: number;
  readonly tstrOn: TstrOn;
  /** Model specs in canonical form, e.g. ['ols', 'knn:k=10']. */
  readonly models: readonly string[];
  /** A study beyond the paper (studies/types.ts); absent: TRTR and TSTR only. */
  readonly study?: StudySettings;
}

/** A plan whose data come from a simulated population (population references and closed forms need one). */
export type PopulationPlan = ExperimentPlan & { readonly source: PopulationSource };

export function isPopulationPlan(plan: ExperimentPlan): plan is PopulationPlan {
  return plan.source.kind === 'population';
}

/** A point of a sweep: the swept parameters' values (by the lab's parameter names) and the plan they give. */
export interface SweepPlanPoint {
  readonly values: Readonly<Record<string, number>>;
  readonly plan: ExperimentPlan;
}
