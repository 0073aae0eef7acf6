/**
 * The replicate runner: for r = 0..R-1 draw a fresh real sample D_r, synthetic sample D~_r and real test sample,
 * fit every model on both, and record TRTR_r,k = R^(A_k(D_r)) and TSTR_r,k = R^(A_k(D~_r)) on the test sample
 * (squared error or 0-1 loss). Deterministic from the seed, streamed per replicate, cancellable between fits.
 */
import { GeneratorError, drawOracle } from './generators/oracle';
import { parseModelSpec } from './learners/spec';
import { specLabel, parseSpecText } from './learners/catalog';
import { yieldSlice } from './yieldToEvents';
import { fitAll } from './learners/batch';
import { isTracedLearner } from './learners/mlp';
import { FitError, type FittedModel, type Learner } from './learners/types';
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

/**
 * One model's predictions on the grid rows: predicted responses or labels, or P(y = 1 | x) where `probability`
 * (RunOptions.gridProbabilities, classifiers with probabilities); null when the fit failed.
 */
export interface GridPredictions {
  readonly id: string;
  readonly real: Float64Array | null;
  readonly synthetic: Float64Array | null;
  readonly probability?: boolean;
}

/** Replicate 0's samples and every model's predictions on extra query rows (a plot grid). */
export interface Replicate0 {
  readonly real: Sample;
  readonly synthetic: Sample;
  readonly curves: readonly GridPredictions[];
}

/** One training-loss reading of replicate 0's fit of model `model` (index in the plan's model list). */
export interface TrainingEvent {
  readonly model: number;
  readonly id: string;
  readonly sample: 'real' | 'synthetic';
  readonly epoch: number;
  readonly loss: number;
}

export interface RunOptions {
  /** Rows at which replicate 0's fits are also evaluated (for the data picture). */
  readonly grid?: Matrix;
  /** Classification: the grid gets P(y = 1 | x) from the models that have it instead of labels. */
  readonly gridProbabilities?: boolean;
  /**
   * Replicate 0's training losses, as they come, for learners that report them (the MLP, mlp.ts fitTraced), with
   * the summary so far. Tracing does not change the fits.
   */
  readonly onTraining?: (event: TrainingEvent, summary: ExperimentSummary) => void;
  /** Measure replicate 0's fidelity (default true). */
  readonly fidelity?: boolean;
  /** R(f*_k) per model (references.ts): the summary then compares each replicate's order with it. */
  readonly populationRisks?: readonly number[];
  readonly isCancelled?: () => boolean;
  /**
   * Playback control (play / pause / step / slow in the page): awaited before each chunk of replicates with the
   * number of replicates handed out so far (fitted, or being fitted by a helper); resolves with the largest chunk
   * allowed next (>= 1). Chunking never changes which
   * samples a replicate draws, so paced and unpaced runs give the same numbers.
   */
  readonly pace?: (completed: number) => Promise<number>;
  /**
   * Fit one replicate's datasets at a time instead of a chunk in one tensor program (default false): the
   * baseline `npm run bench` compares the batched engine with. Same numbers either way.
   */
  readonly oneAtATime?: boolean;
  /**
   * Helper threads that fit replicates alongside this one (worker/farm.ts, cli/nodeFarm.ts; ignored with oneAtATime). Replicate
   * 0 is always fitted here; records are released in replicate order, so the numbers do not depend on them.
   */
  readonly farm?: readonly ReplicateLane[];
  /** Called after every replicate, in replicate order, with the record and the summary so far. */
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

export function learnersFor(plan: ExperimentPlan): { learner: Learner; id: string; label: string }[] {
  const task = plan.population.task;
  return plan.models.map((id) => ({
    learner: parseModelSpec(id, task),
    id,
    label: specLabel(parseSpecText(id, task)),
  }));
}

/** Replicates are fitted in chunks (1, 2, 4, then 8): batched learners train a chunk at once, and the first
 * replicate still streams out alone, fast. */
export function chunkSizes(replicates: number, largest = 8): number[] {
  const sizes: number[] = [];
  let next = 1;
  for (let left = replicates; left > 0; left -= sizes[sizes.length - 1]!) {
    sizes.push(Math.min(next, left));
    next = Math.min(next * 2, largest);
  }
  return sizes;
}

async function predictOrError(
  model: FittedModel | FitError,
  queries: Matrix,
): Promise<Float64Array | string> {
  if (model instanceof FitError) return model.message;
  try {
    return await model.predict(queries);
  } catch (error) {
    if (error instanceof FitError) return error.message;
    throw error;
  }
}

async function probaOrNull(model: FittedModel | FitError, queries: Matrix): Promise<Float64Array | null> {
  if (model instanceof FitError || !model.predictProba) return null;
  try {
    return await model.predictProba(queries);
  } catch (error) {
    if (error instanceof FitError) return null;
    throw error;
  }
}

/** Another thread that fits replicates of the same plan (an engine helper: worker/farm.ts, cli/nodeFarm.ts). */
export interface ReplicateLane {
  /** Resolves when the helper can take work; rejects when it could not start (the run goes on without it). */
  readonly ready: Promise<void>;
  /** Fits replicates `indices` of the run's plan: their records in order, or null when it was cancelled. */
  fit(indices: readonly number[]): Promise<ReplicateRecord[] | null>;
}

/**
 * With helpers, a chunk aims for this much work, so each message carries enough to pay for itself while the
 * records still stream in about every tenth of a second per lane.
 */
const CHUNK_TARGET_MS = 100;

interface ChunkContext {
  readonly grid?: Matrix;
  readonly gridProbabilities?: boolean;
  readonly onTraining?: RunOptions['onTraining'];
  /** The summary so far (training events carry it). */
  readonly summary: () => ExperimentSummary;
  readonly isCancelled?: () => boolean;
}

interface ChunkResult {
  readonly records: ReplicateRecord[];
  /** Replicate 0's samples and grid predictions, when the chunk holds it. */
  readonly first: Replicate0 | null;
}

/**
 * Fits every model on replicates `indices` (each on its real and its synthetic sample, batched where a learner
 * gains from it) and scores them on the replicate's test sample. Replicate 0, when alone in its chunk, also
 * predicts on the grid and reports its training curves.
 */
async function fitChunk(
  plan: ExperimentPlan,
  models: ReturnType<typeof learnersFor>,
  indices: readonly number[],
  context: ChunkContext,
): Promise<ChunkResult> {
  const { population } = plan;
  const size = indices.length;
  const draws = indices.map((r) => drawReplicate(plan, r));
  const grid = indices[0] === 0 ? context.grid : undefined;
  const trtr = indices.map((): (number | null)[] => []);
  const tstr = indices.map((): (number | null)[] => []);
  const errors = indices.map((): (string | null)[] => []);
  const curves: Replicate0['curves'][number][] = [];
  // Before every fit the run yields to the event loop: a newer scenario, a pause or a cancel is read at
  // once, not after the whole run (the float64 learners never wait on anything).
  const between = async () => {
    await yieldSlice();
    if (context.isCancelled?.()) throw new Cancelled();
  };
  for (const [k, { learner, id }] of models.entries()) {
    await between();
    const { onTraining } = context;
    // Replicate 0 is alone in its chunk: its fits report their training curves when asked to.
    const traced =
      indices[0] === 0 && size === 1 && onTraining && isTracedLearner(learner)
        ? { learner, onTraining }
        : null;
    const fit = async (sample: 'real' | 'synthetic'): Promise<(FittedModel | FitError)[]> => {
      const datasets = draws.map((d) => d[sample]);
      if (!traced) return fitAll(learner, datasets, between);
      try {
        const report = (epoch: number, loss: number) => {
          // A traced net trains across awaits: a newer run stops it here (its fit then rejects with Cancelled).
          if (context.isCancelled?.()) throw new Cancelled();
          traced.onTraining({ model: k, id, sample, epoch, loss }, context.summary());
        };
        return [traced.learner.fitTraced(datasets[0]!.x, datasets[0]!.y, report)];
      } catch (error) {
        if (error instanceof FitError) return [error];
        throw error;
      }
    };
    // A traced MLP's fit returns while it trains: the real and synthetic nets train side by side.
    const onReal = await fit('real');
    const onSynthetic = await fit('synthetic');
    for (const [c, d] of draws.entries()) {
      const withGrid = (x: Matrix) => (c === 0 && grid ? stackRows([x, grid]) : x);
      const real = await predictOrError(onReal[c]!, withGrid(d.test.x));
      const synthetic = await predictOrError(onSynthetic[c]!, withGrid(d.syntheticTest.x));
      const score = (p: Float64Array | string, y: Float64Array) =>
        typeof p === 'string' ? null : meanLoss(population.task, p.subarray(0, plan.nTest), y);
      trtr[c]!.push(score(real, d.test.y));
      tstr[c]!.push(score(synthetic, d.syntheticTest.y));
      errors[c]!.push(typeof real === 'string' ? real : typeof synthetic === 'string' ? synthetic : null);
      if (c === 0 && grid) {
        const onGrid = (p: Float64Array | string) => (typeof p === 'string' ? null : p.slice(plan.nTest));
        const probability =
          context.gridProbabilities === true &&
          population.task === 'classification' &&
          [onReal[c], onSynthetic[c]].some((m) => !(m instanceof FitError) && m?.predictProba);
        curves.push({
          id,
          real: probability ? await probaOrNull(onReal[c]!, grid) : onGrid(real),
          synthetic: probability ? await probaOrNull(onSynthetic[c]!, grid) : onGrid(synthetic),
          ...(context.gridProbabilities ? { probability } : {}),
        });
      }
    }
  }
  return {
    records: indices.map((r, c) => ({ index: r, trtr: trtr[c]!, tstr: tstr[c]!, errors: errors[c]! })),
    first: indices[0] === 0 ? { real: draws[0]!.real, synthetic: draws[0]!.synthetic, curves } : null,
  };
}

/**
 * Replicates `indices` of a plan, records only: what an engine helper runs for the thread that owns the run.
 * The same fits as runExperiment's, so a record is the same whichever thread computed it.
 */
export async function fitReplicates(
  plan: ExperimentPlan,
  indices: readonly number[],
  isCancelled?: () => boolean,
): Promise<ReplicateRecord[]> {
  const models = learnersFor(plan);
  const summary = () => summarize([], models, plan.replicates, null);
  const context = { summary, ...(isCancelled ? { isCancelled } : {}) };
  return (await fitChunk(plan, models, indices, context)).records;
}

export async function runExperiment(plan: ExperimentPlan, options: RunOptions = {}): Promise<RunResult> {
  const models = learnersFor(plan);
  const records: ReplicateRecord[] = [];
  const summaryNow = () => summarize(records, models, plan.replicates, options.populationRisks ?? null);
  let first: Replicate0 | null = null;
  let fidelity: FidelityReport | null = null;
  let summary = summaryNow();
  const context: ChunkContext = {
    ...(options.grid ? { grid: options.grid } : {}),
    ...(options.gridProbabilities ? { gridProbabilities: true } : {}),
    ...(options.onTraining ? { onTraining: options.onTraining } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    summary: () => summary,
  };

  // Records come back by chunk, from helpers in any order; they are released in replicate order, so the
  // summary after replicate r (and every number shown) is the same however the work was split.
  const arrived = new Map<number, ReplicateRecord>();
  const release = (chunk: readonly ReplicateRecord[]) => {
    for (const record of chunk) arrived.set(record.index, record);
    for (let record = arrived.get(records.length); record; record = arrived.get(records.length)) {
      arrived.delete(record.index);
      records.push(record);
      summary = summaryNow();
      options.onReplicate?.(record, summary, first, fidelity);
    }
  };

  // Chunks of replicate indices, handed out one at a time (the pace decides how many may go). Alone, chunks
  // grow 1, 2, 4, 8 as chunkSizes() lists them (a pace that allows less restarts the growth from there).
  let cursor = 0;
  let next = 1;
  let largest = options.oneAtATime ? 1 : 8;
  let stopped = false;
  /** Resolves once a lane failed (a cancel included): a lane waiting in the pace stops waiting. */
  let stopNow: () => void = () => undefined;
  const stopSignal = new Promise<null>((resolve) => (stopNow = () => resolve(null)));
  const stop = () => {
    stopped = true;
    stopNow();
  };
  let handing: Promise<unknown> = Promise.resolve();
  const take = (): Promise<number[] | null> => {
    const chunk = handing.then(async (): Promise<number[] | null> => {
      // A cancelled run must not wait in the pace: it would hold the wait (and a step) meant for the newer run.
      if (options.isCancelled?.()) throw new Cancelled();
      if (stopped || cursor >= plan.replicates) return null;
      let size = Math.min(next, plan.replicates - cursor);
      if (options.pace) {
        // A paused run whose other lane failed stops waiting for a step: the failure is reported at once.
        const allowed = await Promise.race([options.pace(cursor), stopSignal]);
        if (options.isCancelled?.()) throw new Cancelled();
        if (stopped || allowed === null) return null;
        if (allowed < size) size = next = Math.max(1, Math.floor(allowed));
      }
      next = Math.min(next * 2, largest);
      const indices = Array.from({ length: size }, (_, i) => cursor + i);
      cursor += size;
      return indices;
    });
    handing = chunk.catch(() => undefined);
    return chunk;
  };

  const helpers = options.oneAtATime ? [] : (options.farm ?? []);
  let firstDone: () => void = () => undefined;
  const replicate0 = new Promise<void>((resolve) => (firstDone = resolve));

  const fitHere = async (indices: readonly number[]): Promise<void> => {
    const began = performance.now();
    const chunk = await fitChunk(plan, models, indices, context);
    if (chunk.first) first = chunk.first;
    release(chunk.records);
    if (indices[0] !== 0) return;
    if (helpers.length > 0) {
      // Chunks sized to about CHUNK_TARGET_MS of work, by what replicate 0 took.
      const each = Math.max(1, performance.now() - began);
      largest = Math.max(1, Math.min(8, Math.round(CHUNK_TARGET_MS / each)));
      next = Math.min(next, largest);
    }
    firstDone();
    // Fidelity of replicate 1 comes after its numbers are out (it costs as much as a replicate's fits); the
    // helpers are already fitting the next replicates meanwhile.
    if (options.fidelity !== false) {
      fidelity = await fidelityReport(plan, first!.real, first!.synthetic);
    }
  };

  /** Resolves when this thread has taken its last chunk: a helper still starting then has nothing to do. */
  let hereDone: () => void = () => undefined;
  const noneLeft = new Promise<'none left'>((resolve) => (hereDone = () => resolve('none left')));
  const here = async (): Promise<void> => {
    try {
      for (let chunk = await take(); chunk; chunk = await take()) await fitHere(chunk);
    } finally {
      firstDone(); // also with no replicate at all
      hereDone();
    }
  };
  const there = async (lane: ReplicateLane): Promise<void> => {
    // Helpers join after replicate 0: its numbers come first, with the whole machine to itself.
    await replicate0;
    try {
      // A helper still starting when the work is all handed out is not waited for.
      if ((await Promise.race([lane.ready, noneLeft])) === 'none left') return;
    } catch {
      return; // this helper never started: the others (and this thread) carry on
    }
    for (let chunk = await take(); chunk; chunk = await take()) {
      let fitted: ReplicateRecord[] | null = null;
      try {
        fitted = await lane.fit(chunk);
      } catch {
        // The helper failed (it crashed, or could not run this plan): its chunk is fitted here instead.
      }
      if (options.isCancelled?.()) throw new Cancelled();
      if (!fitted) {
        await fitHere(chunk);
        return;
      }
      release(fitted);
    }
  };

  const lanes = [here(), ...helpers.map(there)];
  // Stop handing out chunks as soon as one lane fails (a cancel included), then report the first failure.
  const settled = await Promise.allSettled(
    lanes.map((lane) =>
      lane.catch((error: unknown) => {
        stop();
        firstDone();
        throw error;
      }),
    ),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  firstDone();
  return { records, summary, first, fidelity };
}

export { GeneratorError };
