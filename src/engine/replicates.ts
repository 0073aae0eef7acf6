/**
 * One replicate's work, wherever it runs (the run's own thread or a helper): its samples, drawn from the seed by
 * replicate-labelled streams, and every model fitted on the real and on the synthetic sample and scored on the
 * test sample. run.ts schedules replicates; this file fits them.
 */
import { Cancelled } from './cancelled';
import { parseModelSpec } from './learners/spec';
import { specLabel, parseSpecText } from './learners/catalog';
import { yieldSlice } from './yieldToEvents';
import { fitAll } from './learners/batch';
import { isTracedLearner } from './learners/mlp';
import { FitError, type FittedModel, type Learner } from './learners/types';
import { stackRows, type Matrix } from './matrix';
import { meanLoss } from './metrics/risk';
import type { Sample } from './populations/population';
import { learnerSeconds } from './cost';
import { drawReplicate, type ReplicateDraws } from './draw';
import type { DigitsDrawHooks } from './digits/draw';
import { featureCount, type ExperimentPlan } from './plan';
import { CLASSES, type GeneratorEpoch } from './digits/types';
import { confusionCounts } from './metrics/confusion';
import { summarize, type ExperimentSummary, type PartialRecord, type ReplicateRecord } from './summary';
import { fitStudyArms, studyRecord, studyState } from './studies/arms';

export { Cancelled };

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
  /**
   * Digits: each model's confusion matrix on replicate 0's test digits (metrics/confusion.ts), real-trained and
   * synthetic-trained (where TSTR is scored); null where the fit failed.
   */
  readonly confusion?: readonly ModelConfusion[];
}

export interface ModelConfusion {
  readonly id: string;
  readonly real: number[] | null;
  readonly synthetic: number[] | null;
}

/** One training-loss reading of replicate 0's fit of model `model` (index in the plan's model list). */
export interface TrainingEvent {
  readonly model: number;
  readonly id: string;
  readonly sample: 'real' | 'synthetic';
  readonly epoch: number;
  readonly loss: number;
}

export function learnersFor(plan: ExperimentPlan): { learner: Learner; id: string; label: string }[] {
  const { task } = plan;
  const context = { images: plan.source.kind === 'digits' };
  return plan.models.map((id) => ({
    learner: parseModelSpec(id, task, context),
    id,
    label: specLabel(parseSpecText(id, task)),
  }));
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

/**
 * The order replicate 0 fits its models in: by the cost model's estimate of each fit (cost.ts, constants fitted
 * on real timings), cheapest first, list order on ties, so the fast models' first numbers are out before a slow
 * one finishes. Fits do not depend on the order (a learner carries no random state between fits), so neither
 * do the numbers.
 */
export function fitOrder(plan: ExperimentPlan, models: readonly { id: string }[]): number[] {
  const p = featureCount(plan);
  const seconds = models.map(({ id }) => {
    return learnerSeconds(parseSpecText(id, plan.task), Math.max(plan.n, plan.m), p, plan.nTest, plan.task);
  });
  return models.map((_, k) => k).sort((a, b) => seconds[a]! - seconds[b]! || a - b);
}

export interface ChunkContext {
  readonly grid?: Matrix;
  readonly gridProbabilities?: boolean;
  readonly onTraining?: (event: TrainingEvent, summary: ExperimentSummary) => void;
  /** The summary so far (training events carry it). */
  readonly summary: () => ExperimentSummary;
  /**
   * Replicate 0, fitted alone, after each of its models but the last is scored: the partial record so far (the
   * full record follows in the chunk's result).
   */
  readonly onPartial?: (partial: PartialRecord) => void;
  readonly isCancelled?: () => boolean;
  /** Replicate 0's generator training losses (the digits lab's VAE), as they come. */
  readonly onGeneratorEpoch?: (epoch: GeneratorEpoch) => void;
  /** Replicate 0's samples as soon as they are drawn, before any model is fitted (the digits gallery). */
  readonly onFirstDraws?: (real: Sample, synthetic: Sample) => void;
}

/** Replicate r's samples; the digits lab's generator may train (its VAE) and reports through `hooks`. */
async function drawAny(plan: ExperimentPlan, r: number, hooks: DigitsDrawHooks): Promise<ReplicateDraws> {
  const { source } = plan;
  if (source.kind !== 'digits') return drawReplicate(plan, r);
  const onGeneratorEpoch = hooks.onGeneratorEpoch;
  // The digits' generators load with the first digits plan: the other labs' pages never fetch them.
  const { drawDigitsReplicate } = await import('./digits/draw');
  return drawDigitsReplicate(plan, source, r, {
    ...(onGeneratorEpoch ? { onGeneratorEpoch } : {}),
    ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
  });
}

export interface ChunkResult {
  readonly records: ReplicateRecord[];
  /** Replicate 0's samples and grid predictions, when the chunk holds it. */
  readonly first: Replicate0 | null;
}

/**
 * Fits every model on replicates `indices` (each on its real and its synthetic sample, batched where a learner
 * gains from it) and scores them on the replicate's test sample. Replicate 0, when alone in its chunk, also
 * predicts on the grid and reports its training curves.
 */
export async function fitChunk(
  plan: ExperimentPlan,
  models: ReturnType<typeof learnersFor>,
  indices: readonly number[],
  context: ChunkContext,
): Promise<ChunkResult> {
  const { task } = plan;
  const size = indices.length;
  const draws: ReplicateDraws[] = [];
  const { isCancelled } = context;
  for (const r of indices) {
    const hooks = r === 0 ? context : isCancelled ? { isCancelled } : {};
    draws.push(await drawAny(plan, r, hooks));
    if (r === 0) context.onFirstDraws?.(draws[0]!.real, draws[0]!.synthetic);
  }
  const grid = indices[0] === 0 ? context.grid : undefined;
  const K = models.length;
  const empty = <T>(): (T | null)[] => Array.from({ length: K }, () => null);
  const trtr = indices.map(() => empty<number>());
  const tstr = indices.map(() => empty<number>());
  const errors = indices.map(() => empty<string>());
  const curves: (Replicate0['curves'][number] | null)[] = empty();
  const confusion: (ModelConfusion | null)[] | null = plan.source.kind === 'digits' ? empty() : null;
  const study = studyState(size, K);
  const alone = indices[0] === 0 && size === 1;
  const order = alone ? fitOrder(plan, models) : models.map((_, k) => k);
  const pending = models.map(() => true);
  // Before every fit the run yields to the event loop: a newer scenario, a pause or a cancel is read at
  // once, not after the whole run (the float64 learners never wait on anything).
  const between = async () => {
    await yieldSlice();
    if (context.isCancelled?.()) throw new Cancelled();
  };
  for (const [step, k] of order.entries()) {
    const { learner, id } = models[k]!;
    await between();
    const { onTraining } = context;
    // Replicate 0 is alone in its chunk: its fits report their training curves when asked to.
    const traced = alone && onTraining && isTracedLearner(learner) ? { learner, onTraining } : null;
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
        typeof p === 'string' ? null : meanLoss(task, p.subarray(0, plan.nTest), y);
      trtr[c]![k] = score(real, d.test.y);
      tstr[c]![k] = score(synthetic, d.syntheticTest.y);
      errors[c]![k] = typeof real === 'string' ? real : typeof synthetic === 'string' ? synthetic : null;
      if (c === 0 && confusion) {
        const counts = (p: Float64Array | string, y: Float64Array) =>
          typeof p === 'string' ? null : confusionCounts(p, y, CLASSES);
        confusion[k] = { id, real: counts(real, d.test.y), synthetic: counts(synthetic, d.syntheticTest.y) };
      }
      if (c === 0 && grid) {
        const onGrid = (p: Float64Array | string) => (typeof p === 'string' ? null : p.slice(plan.nTest));
        const probability =
          context.gridProbabilities === true &&
          task === 'classification' &&
          [onReal[c], onSynthetic[c]].some((m) => !(m instanceof FitError) && m?.predictProba);
        curves[k] = {
          id,
          real: probability ? await probaOrNull(onReal[c]!, grid) : onGrid(real),
          synthetic: probability ? await probaOrNull(onSynthetic[c]!, grid) : onGrid(synthetic),
          ...(context.gridProbabilities ? { probability } : {}),
        };
      }
    }
    await fitStudyArms(plan, learner, k, draws, onSynthetic, tstr, study, between);
    pending[k] = false;
    if (alone && step < K - 1 && context.onPartial) {
      context.onPartial({
        index: 0,
        trtr: [...trtr[0]!],
        tstr: [...tstr[0]!],
        errors: [...errors[0]!],
        pending: [...pending],
      });
    }
  }
  const first =
    indices[0] === 0
      ? {
          real: draws[0]!.real,
          synthetic: draws[0]!.synthetic,
          curves: curves.filter((c) => c !== null),
          ...(confusion ? { confusion: confusion.filter((c) => c !== null) } : {}),
        }
      : null;
  return {
    records: indices.map((r, c) => {
      const record = studyRecord(plan, study, c, draws[c]!);
      return {
        index: r,
        trtr: trtr[c]!,
        tstr: tstr[c]!,
        errors: errors[c]!,
        ...(record ? { study: record } : {}),
      };
    }),
    first,
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
