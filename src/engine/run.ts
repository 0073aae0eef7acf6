/**
 * The replicate runner: for r = 0..R-1 draw a fresh real sample D_r, synthetic sample D~_r and real test sample,
 * fit every model on both, and record TRTR_r,k = R^(A_k(D_r)) and TSTR_r,k = R^(A_k(D~_r)) on the test sample
 * (squared error or 0-1 loss). Deterministic from the seed, streamed per replicate, cancellable between fits.
 */
import { GeneratorError, drawOracle } from './generators/oracle';
import { parseModelSpec } from './learners/spec';
import { specLabel, parseSpecText } from './learners/catalog';
import { FitError, type Learner } from './learners/types';
import { sliceRows, stackRows, type Matrix } from './matrix';
import { drawFitted } from './generators/fitted';
import { stream } from './rng';
import { meanLoss } from './metrics/risk';
import { drawReal, type Sample } from './populations/population';
import type { ExperimentPlan } from './experiment';
import { fidelityReport, type FidelityReport } from './fidelityReport';
import { summarize, type ExperimentSummary, type ReplicateRecord } from './summary';

/** Thrown when a newer request made this run obsolete. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Stream labels of replicate r; replicate 0 keeps the plain labels of link version 1. */
export function replicateLabel(base: string, r: number): string {
  return r === 0 ? base : `${base}#${r}`;
}

/** Replicate 0's samples and every model's predictions on extra query rows (a plot grid). */
export interface Replicate0 {
  readonly real: Sample;
  readonly synthetic: Sample;
  readonly curves: readonly { id: string; real: Float64Array | null; synthetic: Float64Array | null }[];
}

export interface RunOptions {
  /** Rows at which replicate 0's fits are also evaluated (for the data picture). */
  readonly grid?: Matrix;
  /** Measure replicate 0's fidelity (default true). */
  readonly fidelity?: boolean;
  /** R(f*_k) per model (references.ts): the summary then compares each replicate's order with it. */
  readonly populationRisks?: readonly number[];
  readonly isCancelled?: () => boolean;
  /** Called after every replicate with the record and the summary so far. */
  readonly onReplicate?: (
    record: ReplicateRecord,
    summary: ExperimentSummary,
    first: Replicate0 | null,
    fidelity: FidelityReport | null,
  ) => void;
}

/** Replicate r's samples: real D_r, synthetic D~_r, the real test sample, and where TSTR is scored. */
export function drawReplicate(
  plan: ExperimentPlan,
  r: number,
): { real: Sample; synthetic: Sample; test: Sample; syntheticTest: Sample } {
  const { population, seed } = plan;
  const real = drawReal(population, plan.n, seed, replicateLabel('real', r));
  const test = drawReal(population, plan.nTest, seed, replicateLabel('test', r));
  const holdout = plan.tstrOn === 'synthetic' ? plan.nTest : 0;
  if (plan.fitted) {
    // One fitted generator per replicate: the training sample and the hold-out come from the same G(D_r).
    const rand = stream(seed, replicateLabel('generator', r));
    const draws = drawFitted(real, population.task, plan.fitted, plan.m + holdout, rand);
    const synthetic = headRows(draws, 0, plan.m);
    return {
      real,
      synthetic,
      test,
      syntheticTest: holdout ? headRows(draws, plan.m, plan.m + holdout) : test,
    };
  }
  const synthetic = drawOracle(population, plan.synthetic, plan.m, seed, replicateLabel('synthetic', r));
  const syntheticTest = holdout
    ? drawOracle(population, plan.synthetic, holdout, seed, replicateLabel('synthetic-holdout', r))
    : test;
  return { real, synthetic, test, syntheticTest };
}

function headRows(sample: Sample, start: number, end: number): Sample {
  return { x: sliceRows(sample.x, start, end), y: sample.y.slice(start, end) };
}

export interface RunResult {
  readonly records: ReplicateRecord[];
  readonly summary: ExperimentSummary;
  readonly first: Replicate0 | null;
  /** Fidelity of replicate 0's synthetic sample to its real one (null when not asked for). */
  readonly fidelity: FidelityReport | null;
}

/** Fits on `train`, predicts `test` rows (plus grid rows); null with the reason when the fit is impossible. */
async function fitAndPredict(
  learner: Learner,
  train: Sample,
  queries: Matrix,
): Promise<{ prediction: Float64Array } | { error: string }> {
  try {
    return { prediction: await learner.fit(train.x, train.y).predict(queries) };
  } catch (error) {
    if (error instanceof FitError) return { error: error.message };
    throw error;
  }
}

export function learnersFor(plan: ExperimentPlan): { learner: Learner; id: string; label: string }[] {
  const task = plan.population.task;
  return plan.models.map((id) => ({
    learner: parseModelSpec(id, task),
    id,
    label: specLabel(parseSpecText(id, task)),
  }));
}

export async function runExperiment(plan: ExperimentPlan, options: RunOptions = {}): Promise<RunResult> {
  const { population } = plan;
  const models = learnersFor(plan);
  const records: ReplicateRecord[] = [];
  let first: Replicate0 | null = null;
  let fidelity: FidelityReport | null = null;
  let summary = summarize(records, models, plan.replicates, options.populationRisks ?? null);
  for (let r = 0; r < plan.replicates; r++) {
    const { real, synthetic, test, syntheticTest } = drawReplicate(plan, r);
    const grid = r === 0 ? options.grid : undefined;
    const realQueries = grid ? stackRows([test.x, grid]) : test.x;
    const syntheticQueries = grid ? stackRows([syntheticTest.x, grid]) : syntheticTest.x;
    const trtr: (number | null)[] = [];
    const tstr: (number | null)[] = [];
    const errors: (string | null)[] = [];
    const curves: Replicate0['curves'][number][] = [];
    for (const { learner, id } of models) {
      if (options.isCancelled?.()) throw new Cancelled();
      const onReal = await fitAndPredict(learner, real, realQueries);
      const onSynthetic = await fitAndPredict(learner, synthetic, syntheticQueries);
      const realPrediction = 'prediction' in onReal ? onReal.prediction : null;
      const syntheticPrediction = 'prediction' in onSynthetic ? onSynthetic.prediction : null;
      trtr.push(realPrediction && meanLoss(population.task, realPrediction.subarray(0, plan.nTest), test.y));
      tstr.push(
        syntheticPrediction &&
          meanLoss(population.task, syntheticPrediction.subarray(0, plan.nTest), syntheticTest.y),
      );
      errors.push('error' in onReal ? onReal.error : 'error' in onSynthetic ? onSynthetic.error : null);
      if (grid) {
        curves.push({
          id,
          real: realPrediction && realPrediction.slice(plan.nTest),
          synthetic: syntheticPrediction && syntheticPrediction.slice(plan.nTest),
        });
      }
    }
    if (r === 0) {
      first = { real, synthetic, curves };
      if (options.fidelity !== false) fidelity = await fidelityReport(plan, real, synthetic);
    }
    const record: ReplicateRecord = { index: r, trtr, tstr, errors };
    records.push(record);
    summary = summarize(records, models, plan.replicates, options.populationRisks ?? null);
    options.onReplicate?.(record, summary, first, fidelity);
  }
  return { records, summary, first, fidelity };
}

export { GeneratorError };
