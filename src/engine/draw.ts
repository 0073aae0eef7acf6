/**
 * Replicate r's samples from a plan's data source, each drawn from the seed by replicate-labelled streams:
 * a simulated population draws fresh real, test and synthetic samples; a fixed dataset is split at random into
 * training and test rows (Fisher-Yates on the stream 'split#r'). Synthetic data come from the oracle P~ or from
 * a generator fitted on the replicate's real training sample only.
 */
import { drawFitted, type FittedGeneratorSettings } from './generators/fitted';
import { drawOracle } from './generators/oracle';
import { sampleIndices } from './matrix';
import type { ExperimentPlan, FilesSource, PopulationSource, TableSource } from './plan';
import { drawReal, type Sample } from './populations/population';
import { stream } from './rng';
import { headRows, replicateLabel } from './sampleRows';
import type { Task } from './task';
import { selfConsumingDraws } from './studies/collapse';
import { memberSamples } from './studies/members';
import type { ChainRecord } from './studies/types';

/** One replicate's samples: real D_r, synthetic D~_r, the real test sample, and where TSTR is scored. */
export interface ReplicateDraws {
  readonly real: Sample;
  readonly synthetic: Sample;
  readonly test: Sample;
  readonly syntheticTest: Sample;
  /** The self-consuming loop's spread and tails per generation (study collapse). */
  readonly chain?: ChainRecord;
  /** The ensemble's members 2..K (study ensemble; `synthetic` is member 1). */
  readonly members?: readonly Sample[];
}

export { headRows, replicateLabel } from './sampleRows';

/** The rows `order[start..end)` of a sample, in that order. */
export function pickRows(sample: Sample, order: Uint32Array, start: number, end: number): Sample {
  const p = sample.x.cols;
  const x = new Float64Array((end - start) * p);
  const y = new Float64Array(end - start);
  for (let i = start; i < end; i++) {
    const row = order[i]!;
    x.set(sample.x.data.subarray(row * p, (row + 1) * p), (i - start) * p);
    y[i - start] = sample.y[row]!;
  }
  return { x: { rows: end - start, cols: p, data: x }, y };
}

/** One fitted generator per replicate: the training sample and the hold-out both come from G(D_r). */
function fittedDraws(
  plan: ExperimentPlan,
  fitted: FittedGeneratorSettings,
  real: Sample,
  test: Sample,
  r: number,
): ReplicateDraws {
  const holdout = plan.tstrOn === 'synthetic' ? plan.nTest : 0;
  const rand = stream(plan.seed, replicateLabel('generator', r));
  const draws = drawFitted(real, plan.task, fitted, plan.m + holdout, rand);
  return {
    real,
    synthetic: headRows(draws, 0, plan.m),
    test,
    syntheticTest: holdout ? headRows(draws, plan.m, plan.m + holdout) : test,
  };
}

function populationDraws(plan: ExperimentPlan, source: PopulationSource, r: number): ReplicateDraws {
  const { population } = source;
  const { seed } = plan;
  const real = drawReal(population, plan.n, seed, replicateLabel('real', r));
  const test = drawReal(population, plan.nTest, seed, replicateLabel('test', r));
  if (plan.study?.kind === 'collapse') {
    const loop = selfConsumingDraws(plan, source, plan.study, real, r);
    return { real, synthetic: loop.synthetic, test, syntheticTest: loop.holdout ?? test, chain: loop.chain };
  }
  if (source.fitted) return fittedDraws(plan, source.fitted, real, test, r);
  const holdout = plan.tstrOn === 'synthetic' ? plan.nTest : 0;
  const synthetic = drawOracle(population, source.synthetic, plan.m, seed, replicateLabel('synthetic', r));
  const syntheticTest = holdout
    ? drawOracle(population, source.synthetic, holdout, seed, replicateLabel('synthetic-holdout', r))
    : test;
  return { real, synthetic, test, syntheticTest };
}

/** A dataset too small for the split, or labels outside {0, 1}, are the plan builder's bug: said plainly. */
function checkTable(source: TableSource, task: Task, n: number, nTest: number): void {
  const rows = source.rows.x.rows;
  if (n + nTest > rows) {
    throw new Error(`${source.name} has ${rows} rows: too few for ${n} training and ${nTest} test rows`);
  }
  if (task === 'classification' && source.rows.y.some((v) => v !== 0 && v !== 1)) {
    throw new Error(`${source.name}: classification needs labels 0 and 1`);
  }
}

function tableDraws(plan: ExperimentPlan, source: TableSource, r: number): ReplicateDraws {
  checkTable(source, plan.task, plan.n, plan.nTest);
  const rows = source.rows.x.rows;
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const rand = stream(plan.seed, replicateLabel('split', r));
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(rand.uniform() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const real = pickRows(source.rows, order, 0, plan.n);
  const test = pickRows(source.rows, order, plan.n, plan.n + plan.nTest);
  return fittedDraws(plan, source.fitted, real, test, r);
}

/** Fisher-Yates on `order` with a stream. */
function shuffle(order: Uint32Array, rand: { uniform(): number }): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand.uniform() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** `size` row indices drawn with replacement. */
function bootstrapOrder(rows: number, size: number, rand: { uniform(): number }): Uint32Array {
  return Uint32Array.from({ length: size }, () => Math.min(rows - 1, Math.floor(rand.uniform() * rows)));
}

/**
 * A random split of the rows into `train` and `test` rows; for classification, each class gives its share of
 * test rows (largest remainders), so both parts keep the class balance.
 */
export function stratifiedSplit(
  y: Float64Array,
  test: number,
  task: Task,
  rand: { uniform(): number },
): { train: Uint32Array; test: Uint32Array } {
  const rows = y.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const key = task === 'classification' ? y[i]! : 0;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const exact = keys.map((k) => (groups.get(k)!.length * test) / rows);
  const share = exact.map(Math.floor);
  const order = exact
    .map((v, i) => i)
    .sort((a, b) => exact[b]! - share[b]! - (exact[a]! - share[a]!) || a - b);
  for (let left = test - share.reduce((s, v) => s + v, 0), i = 0; left > 0; left--, i++) share[order[i]!]!++;
  const trainRows: number[] = [];
  const testRows: number[] = [];
  keys.forEach((key, g) => {
    const members = Uint32Array.from(groups.get(key)!);
    shuffle(members, rand);
    members.forEach((row, i) => (i < share[g]! ? testRows : trainRows).push(row));
  });
  return { train: Uint32Array.from(trainRows), test: Uint32Array.from(testRows) };
}

/** `size` of the rows, without replacement, kept in their order (matrix.ts sampleIndices); all of them when it has no more. */
function subsample(sample: Sample, size: number, rand: { uniform(): number }): Sample {
  if (size >= sample.x.rows) return sample;
  return pickRows(sample, sampleIndices(sample.x.rows, size, rand), 0, size);
}

/**
 * The user's files (FilesSource). One replicate: the files as they are (a plain fit, as scikit-learn's on the
 * same files); more: resamples (a stratified split of the real rows, or a bootstrap of them beside a test file,
 * and a bootstrap of the synthetic rows). Where the plan asks for fewer rows than a file has (the lab's most rows
 * per file), a seeded sample of them.
 */
function filesDraws(plan: ExperimentPlan, source: FilesSource, r: number): ReplicateDraws {
  const { real, synthetic, test } = source;
  const resample = plan.replicates > 1;
  const syntheticRand = stream(plan.seed, replicateLabel('synthetic', r));
  const onSynthetic = resample
    ? pickRows(synthetic, bootstrapOrder(synthetic.x.rows, plan.m, syntheticRand), 0, plan.m)
    : subsample(synthetic, plan.m, syntheticRand);
  const rand = stream(plan.seed, replicateLabel('split', r));
  if (test) {
    const picked = resample
      ? pickRows(real, bootstrapOrder(real.x.rows, plan.n, rand), 0, plan.n)
      : subsample(real, plan.n, rand);
    const testRows = subsample(test, plan.nTest, stream(plan.seed, replicateLabel('test', r)));
    return { real: picked, synthetic: onSynthetic, test: testRows, syntheticTest: testRows };
  }
  const split = stratifiedSplit(real.y, plan.nTest, plan.task, rand);
  // The training rows come grouped by class: fewer than all of them must be a uniform subset, not the first.
  if (plan.n < split.train.length) shuffle(split.train, rand);
  const training = pickRows(real, split.train, 0, Math.min(plan.n, split.train.length));
  const testRows = pickRows(real, split.test, 0, split.test.length);
  return { real: training, synthetic: onSynthetic, test: testRows, syntheticTest: testRows };
}

function sourceDraws(plan: ExperimentPlan, r: number): ReplicateDraws {
  const { source } = plan;
  if (source.kind === 'population') return populationDraws(plan, source, r);
  // Digits draws are asynchronous (a VAE trains): digits/draw.ts, called by replicates.ts.
  if (source.kind === 'digits') throw new Error('a digits plan draws with drawDigitsReplicate');
  return source.kind === 'table' ? tableDraws(plan, source, r) : filesDraws(plan, source, r);
}

/**
 * Replicate r's samples: real D_r, synthetic D~_r, the real test sample, and where TSTR is scored; with the
 * ensemble study, members 2..K's synthetic samples too.
 */
export function drawReplicate(plan: ExperimentPlan, r: number): ReplicateDraws {
  const draws = sourceDraws(plan, r);
  if (plan.study?.kind !== 'ensemble' || plan.study.members < 2) return draws;
  return { ...draws, members: memberSamples(plan, draws.real, r, plan.study.members) };
}
