/**
 * The replicate runner: for r = 0..R-1 draw a fresh real sample D_r, synthetic sample D~_r and real test sample,
 * fit every model on both, and record TRTR_r,k = R^(A_k(D_r)) and TSTR_r,k = R^(A_k(D~_r)) on the test sample
 * (squared error or 0-1 loss). replicates.ts fits a chunk of replicates; this file hands the chunks out, to this
 * thread and to helper lanes, under the page's pace, and releases the records in replicate order. Deterministic
 * from the seed (whoever fits a replicate), streamed per replicate, cancellable between fits.
 */
import { GeneratorError } from './generators/oracle';
import type { ExperimentPlan } from './plan';
import { fidelityReport, type FidelityReport } from './fidelityReport';
import {
  Cancelled,
  fitChunk,
  learnersFor,
  type ChunkContext,
  type Replicate0,
  type TrainingEvent,
} from './replicates';
import type { Matrix } from './matrix';
import type { GeneratorEpoch } from './digits/types';
import type { Sample } from './populations/population';
import { summarize, type ExperimentSummary, type PartialRecord, type ReplicateRecord } from './summary';

export {
  Cancelled,
  fitReplicates,
  learnersFor,
  type GridPredictions,
  type Replicate0,
  type TrainingEvent,
} from './replicates';

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
  /**
   * While replicate 0's models are fitted (fast ones first), the summary after each model but the last: its
   * finished models' numbers, the others `pending` (summary.ts PartialRecord).
   */
  readonly onPartial?: (summary: ExperimentSummary) => void;
  /** Replicate 0's generator training losses (the digits lab's VAE), as they come. */
  readonly onGeneratorEpoch?: (epoch: GeneratorEpoch) => void;
  /** Replicate 0's samples as soon as they are drawn, before any model is fitted. */
  readonly onFirstDraws?: (real: Sample, synthetic: Sample) => void;
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

export interface RunResult {
  readonly records: ReplicateRecord[];
  readonly summary: ExperimentSummary;
  readonly first: Replicate0 | null;
  /** Fidelity of replicate 0's synthetic sample to its real one (null when not asked for). */
  readonly fidelity: FidelityReport | null;
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

export async function runExperiment(plan: ExperimentPlan, options: RunOptions = {}): Promise<RunResult> {
  const models = learnersFor(plan);
  const records: ReplicateRecord[] = [];
  /** Replicate 0 while its models are fitted: every summary until its record is out shows its finished models. */
  let partial: PartialRecord | null = null;
  const summaryNow = () =>
    summarize(
      records,
      models,
      plan.replicates,
      options.populationRisks ?? null,
      records.length === 0 ? partial : null,
    );
  let first: Replicate0 | null = null;
  let fidelity: FidelityReport | null = null;
  // Summarized on demand (the ranking intervals resample, so a summary is not free): a sweep point, with no
  // listener, summarizes once at the end instead of after every replicate.
  let summary: ExperimentSummary | null = null;
  const current = () => (summary ??= summaryNow());
  const context: ChunkContext = {
    ...(options.grid ? { grid: options.grid } : {}),
    ...(options.gridProbabilities ? { gridProbabilities: true } : {}),
    ...(options.onTraining ? { onTraining: options.onTraining } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    ...(options.onGeneratorEpoch ? { onGeneratorEpoch: options.onGeneratorEpoch } : {}),
    ...(options.onFirstDraws ? { onFirstDraws: options.onFirstDraws } : {}),
    onPartial: (next) => {
      partial = next;
      summary = null;
      options.onPartial?.(current());
    },
    summary: current,
  };

  // Records come back by chunk, from helpers in any order; they are released in replicate order, so the
  // summary after replicate r (and every number shown) is the same however the work was split.
  const arrived = new Map<number, ReplicateRecord>();
  const release = (chunk: readonly ReplicateRecord[]) => {
    for (const record of chunk) arrived.set(record.index, record);
    for (let record = arrived.get(records.length); record; record = arrived.get(records.length)) {
      arrived.delete(record.index);
      records.push(record);
      summary = null;
      if (options.onReplicate) options.onReplicate(record, current(), first, fidelity);
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
    // Fidelity of the first replicate comes after its numbers are out (it costs as much as a replicate's fits); the
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
  return { records, summary: current(), first, fidelity };
}

export { GeneratorError };
