/**
 * A plan run for the page: the replicate runner (run.ts) plus a picture of replicate 0 (points with all their
 * features; E[Y | x] and fitted curves along x1 when p = 1, over the (x1, x2) plane when p = 2) and the training
 * curves of replicate 0's MLPs, streamed to `onProgress` after every replicate and while the MLPs train.
 */
import { featureCount, type ExperimentPlan, type PopulationSource } from './plan';
import { parseSpecText } from './learners/catalog';
import { isTracedLearner } from './learners/mlp';
import { matrix, type Matrix } from './matrix';
import { conditionalMean, type Sample } from './populations/population';
import type { SampleView, SceneResult, SceneVisual, SurfaceGrid, TrainingCurve } from './results';
import { drawReplicate } from './draw';
import { summarize } from './summary';
import { digitsVisual } from './digits/visual';
import type { GeneratorEpoch } from './digits/types';
import { learnersFor, runExperiment, type Replicate0, type ReplicateLane, type TrainingEvent } from './run';

export { Cancelled } from './run';

/** Points per sample sent to the scatter plot (draws are i.i.d., so the first ones are a fair subsample). */
export const DISPLAY_POINTS = 300;
export const CURVE_POINTS = 161;
/** p = 2: cells per axis of the (x1, x2) grid (48 x 48 = 2304 predictions per model and sample). */
export const SURFACE_SIZE = 48;
/** Partial results while an MLP trains go out at most this often (10 a second). */
export const TRAINING_PROGRESS_MS = 100;

export interface SceneOptions {
  /** Minimum milliseconds between two training-progress partials (default TRAINING_PROGRESS_MS). */
  readonly trainingIntervalMs?: number;
  /** Fit replicates one at a time, not in batches (the benchmark's baseline; same numbers). */
  readonly oneAtATime?: boolean;
  /** Helper threads for this plan's replicates (run.ts RunOptions.farm). */
  readonly farm?: readonly ReplicateLane[];
}

function displayed(sample: Sample): SampleView {
  const count = Math.min(DISPLAY_POINTS, sample.x.rows);
  const p = sample.x.cols;
  const columns = Array.from({ length: p }, (_, j) =>
    Array.from({ length: count }, (_, i) => sample.x.data[i * p + j]!),
  );
  return { x: columns[0] ?? [], y: Array.from(sample.y.subarray(0, count)), total: sample.x.rows, columns };
}

/** Central 99.4% of feature j over both samples, and 5% of its width to widen it by on each side. */
function rangeOf(real: Sample, synthetic: Sample, j: number): { lo: number; hi: number; pad: number } {
  const p = real.x.cols;
  const values = new Float64Array(real.x.rows + synthetic.x.rows);
  let at = 0;
  for (const { x } of [real, synthetic]) for (let i = 0; i < x.rows; i++) values[at++] = x.data[i * p + j]!;
  const sorted = values.sort();
  const lo = sorted[Math.floor(0.003 * (sorted.length - 1))]!;
  const hi = sorted[Math.ceil(0.997 * (sorted.length - 1))]!;
  return { lo, hi, pad: 0.05 * (hi - lo || 1) };
}

/** Grid over the central 99.4% of both samples' x1, widened a little. */
function gridFor(real: Sample, synthetic: Sample): Matrix {
  const { lo, hi, pad } = rangeOf(real, synthetic, 0);
  const grid = Float64Array.from(
    { length: CURVE_POINTS },
    (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (CURVE_POINTS - 1),
  );
  return matrix(CURVE_POINTS, 1, grid);
}

/** Centres of `size` equal cells over the widened range. */
function centres({ lo, hi, pad }: { lo: number; hi: number; pad: number }, size: number): number[] {
  return Array.from({ length: size }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * (i + 0.5)) / size);
}

/** p = 2: the SURFACE_SIZE^2 grid rows (x1 fastest) over both samples' (x1, x2) range. */
function surfaceGridFor(real: Sample, synthetic: Sample): { x1: number[]; x2: number[]; rows: Matrix } {
  const x1 = centres(rangeOf(real, synthetic, 0), SURFACE_SIZE);
  const x2 = centres(rangeOf(real, synthetic, 1), SURFACE_SIZE);
  const data = new Float64Array(2 * SURFACE_SIZE * SURFACE_SIZE);
  x2.forEach((b, j) =>
    x1.forEach((a, i) => {
      data[2 * (j * SURFACE_SIZE + i)] = a;
      data[2 * (j * SURFACE_SIZE + i) + 1] = b;
    }),
  );
  return { x1, x2, rows: matrix(SURFACE_SIZE * SURFACE_SIZE, 2, data) };
}

function surfaceOf(
  plan: ExperimentPlan,
  first: Replicate0,
  grid: { x1: number[]; x2: number[]; rows: Matrix },
): SurfaceGrid {
  const { rows } = grid;
  const [population, oracle] = closedForms(plan);
  const over = (f: (row: Float64Array) => number) =>
    Array.from({ length: rows.rows }, (_, k) => f(rows.data.subarray(2 * k, 2 * k + 2)));
  return {
    x1: grid.x1,
    x2: grid.x2,
    eta: population ? over((row) => conditionalMean(population.population, row)) : null,
    etaSynthetic: oracle ? over((row) => conditionalMean(oracle.population, row, oracle.synthetic)) : null,
    models: first.curves.map((c) => ({
      id: c.id,
      real: c.real && Array.from(c.real),
      synthetic: c.synthetic && Array.from(c.synthetic),
      probability: c.probability === true,
    })),
  };
}

/**
 * The sources of the curves E[Y | x] and E~[Y | x]: a simulated population has the first; only an oracle P~ has
 * the second (a fitted generator or a dataset has no closed form).
 */
function closedForms(plan: ExperimentPlan): [PopulationSource | null, PopulationSource | null] {
  const { source } = plan;
  if (source.kind !== 'population') return [null, null];
  return [source, source.fitted ? null : source];
}

type Grid = { kind: 'curve'; rows: Matrix } | { kind: 'surface'; x1: number[]; x2: number[]; rows: Matrix };

const NO_POINTS: SampleView = { x: [], y: [], total: 0, columns: [] };

function visualOf(plan: ExperimentPlan, first: Replicate0, grid: Grid | null): SceneVisual {
  if (plan.source.kind === 'digits') {
    return {
      real: { ...NO_POINTS, total: first.real.x.rows },
      synthetic: { ...NO_POINTS, total: first.synthetic.x.rows },
      grid: null,
      eta: null,
      etaSynthetic: null,
      curves: [],
      surface: null,
      digits: digitsVisual(first.real, first.synthetic, first.confusion ?? []),
    };
  }
  const [population, oracle] = closedForms(plan);
  const curve = grid?.kind === 'curve' ? grid.rows : null;
  const along = (f: (x: number) => number) => (curve ? Array.from(curve.data, f) : null);
  return {
    real: displayed(first.real),
    synthetic: displayed(first.synthetic),
    grid: curve ? Array.from(curve.data) : null,
    eta: population ? along((x) => conditionalMean(population.population, [x])) : null,
    etaSynthetic: oracle ? along((x) => conditionalMean(oracle.population, [x], oracle.synthetic)) : null,
    curves: curve
      ? first.curves.map((c) => ({
          id: c.id,
          real: c.real && Array.from(c.real),
          synthetic: c.synthetic && Array.from(c.synthetic),
        }))
      : [],
    surface: grid?.kind === 'surface' ? surfaceOf(plan, first, grid) : null,
  };
}

/** The empty training curves of the plan's models that report them (MLPs), in model order. */
function trainingCurves(plan: ExperimentPlan): { model: number; curve: TrainingCurve }[] {
  const { task } = plan;
  return learnersFor(plan).flatMap(({ learner, id, label }, model) =>
    isTracedLearner(learner)
      ? [
          {
            model,
            curve: { id, label, epochs: parseSpecText(id, task).params.epochs ?? 0, real: [], synthetic: [] },
          },
        ]
      : [],
  );
}

export async function runScene(
  plan: ExperimentPlan,
  isCancelled: () => boolean = () => false,
  onProgress?: (partial: SceneResult) => void,
  pace?: (completed: number) => Promise<number>,
  options: SceneOptions = {},
): Promise<SceneResult> {
  const started = performance.now();
  const p = featureCount(plan);
  // The grid needs replicate 0's samples; a first pass over their draws is cheap next to the fits.
  const first = p <= 2 ? drawReplicate(plan, 0) : null;
  const grid: Grid | null = !first
    ? null
    : p === 1
      ? { kind: 'curve', rows: gridFor(first.real, first.synthetic) }
      : { kind: 'surface', ...surfaceGridFor(first.real, first.synthetic) };
  let visual: SceneVisual | null = null;
  const records: SceneResult['records'][number][] = [];

  const traces = trainingCurves(plan);
  const byModel = new Map(traces.map((t) => [t.model, t.curve]));
  const training = (): TrainingCurve[] =>
    traces.map(({ curve }) => ({ ...curve, real: [...curve.real], synthetic: [...curve.synthetic] }));
  const interval = options.trainingIntervalMs ?? TRAINING_PROGRESS_MS;
  let lastProgress = started;
  /** A partial result with everything so far (replicates, picture, curves), sent now. */
  const progress = (summary: SceneResult['summary'], fidelity: SceneResult['fidelity']): void => {
    lastProgress = performance.now();
    onProgress?.({
      summary,
      records: [...records],
      visual,
      training: training(),
      ...(generatorTraining.length > 0 ? { generatorTraining: [...generatorTraining] } : {}),
      fidelity,
      done: false,
      elapsedMs: lastProgress - started,
    });
  };
  const onTraining = (event: TrainingEvent, summary: SceneResult['summary']) => {
    const curve = byModel.get(event.model);
    if (!curve) return;
    (curve[event.sample] as { epoch: number; loss: number }[]).push({ epoch: event.epoch, loss: event.loss });
    if (!onProgress || performance.now() - lastProgress < interval) return;
    progress(summary, null);
  };

  const generatorTraining: GeneratorEpoch[] = [];
  const onGeneratorEpoch = (epoch: GeneratorEpoch) => {
    generatorTraining.push(epoch);
    if (!onProgress || performance.now() - lastProgress < interval) return;
    // Before replicate 0's models fit, no model has numbers: the summary says so.
    progress(summarize([], learnersFor(plan), plan.replicates, null), null);
  };
  const digits = plan.source.kind === 'digits';
  // Digits: the gallery goes out as soon as replicate 0 is drawn; its confusion matrices follow with its record.
  const onFirstDraws = (real: Sample, synthetic: Sample) => {
    visual = visualOf(plan, { real, synthetic, curves: [] }, null);
    progress(summarize([], learnersFor(plan), plan.replicates, null), null);
  };
  const result = await runExperiment(plan, {
    ...(digits ? { onGeneratorEpoch, onFirstDraws } : {}),
    ...(grid ? { grid: grid.rows, gridProbabilities: grid.kind === 'surface' } : {}),
    ...(pace ? { pace } : {}),
    ...(options.oneAtATime ? { oneAtATime: true } : {}),
    ...(options.farm ? { farm: options.farm } : {}),
    ...(traces.length > 0 ? { onTraining } : {}),
    isCancelled,
    // Replicate 0's fast models are out before its slow ones finish: their numbers, the others pending.
    onPartial: (summary) => progress(summary, null),
    onReplicate: (record, summary, first, fidelity) => {
      records.push(record);
      if (first && (!visual || (digits && !visual.digits?.confusion.length)))
        visual = visualOf(plan, first, grid);
      // The last replicate's numbers come with the final result instead.
      if (summary.completed === summary.planned) lastProgress = performance.now();
      else progress(summary, fidelity);
    },
  });
  const elapsedMs = performance.now() - started;
  return {
    summary: result.summary,
    records: result.records,
    visual,
    training: training(),
    ...(generatorTraining.length > 0 ? { generatorTraining } : {}),
    fidelity: result.fidelity,
    done: true,
    elapsedMs,
  };
}
