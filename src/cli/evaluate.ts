/**
 * `evaluate`: the your-data lab's evaluation (src/data/evaluate.ts evaluateFiles, the function the page's worker
 * calls) on the user's files: a real training file, 1 to 8 synthetic ones and an optional real test file, read
 * and encoded by src/data (CSV, TSV, JSON, Parquet; categorical columns one-hot, ID-like columns left out).
 * Per synthetic dataset: TRTR, TSTR, U and TSTR/TRTR per model with 95% intervals, the ranking agreement, the
 * fidelity and the privacy check; a leaderboard over the datasets. A model that cannot be fitted is reported with
 * its error and never stops the others; only when no model fits anywhere is it an error (exit code 2).
 * The JSON shape (version 2) is documented in README "Headless CLI".
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  checkSize,
  DataError,
  encode,
  inferSchema,
  readTable,
  type Encoded,
  type RawTable,
} from '../data/index';
import {
  DEFAULT_TEST_FRACTION,
  evaluateFiles,
  leaderboard,
  type DatasetReport,
  type FilesSettings,
} from '../data/evaluate';
import { parseModelList, SpecError } from '../engine/learners/spec';
import { FitError, type Learner } from '../engine/learners/types';
import { summarize, type ExperimentSummary, type RankingSummary } from '../engine/summary';
import type { Task } from '../engine/task';
import { DATA_DEFAULT_MODELS } from '../scenario/labs/data/models';
import { CliError } from './errors';
import type { NodeFarm } from './nodeFarm';
import { datasetJson, type DatasetJson } from './evaluateJson';

/** The models when --models is left out: the your-data lab's defaults (the page's too). */
export const DEFAULT_EVALUATE_MODELS = DATA_DEFAULT_MODELS;

export interface EvaluateOptions {
  readonly realTrain: string;
  readonly syntheticTrain: readonly string[];
  readonly test: string | null;
  readonly target: string | null;
  readonly task: Task | null;
  readonly models: string | null;
  readonly missing: 'impute' | 'drop';
  readonly seed: number;
  readonly replicates: number;
  readonly testFraction: number;
  /** Most rows of each file a replicate uses (0: all). */
  readonly maxRows: number;
  /** A target of more than two classes: the class told apart from the rest. */
  readonly positiveClass: string | null;
}

export interface EvaluateReport {
  readonly version: 2;
  readonly task: Task;
  /** "chosen" (--task) or why it was detected. */
  readonly task_reason: string;
  readonly target: string;
  readonly features: readonly string[];
  readonly files: { real: string; synthetic: readonly string[]; test: string | null };
  /** "test file" (the test file each replicate; R = 1: the plain fit) or "splits" (stratified splits of real). */
  readonly testing: 'test file' | 'splits';
  readonly test_fraction: number | null;
  /** Most rows of each file a replicate used (0: all rows). */
  readonly max_rows: number;
  readonly replicates: number;
  readonly seed: number;
  readonly models_requested: readonly string[];
  readonly notices: readonly string[];
  readonly datasets: readonly DatasetJson[];
  readonly leaderboard: readonly Record<string, string | number | null>[];
  /** Exactly one synthetic file: datasets[0]'s models and ranking, as version 1 printed them. */
  readonly models?: DatasetJson['models'];
  readonly ranking?: DatasetJson['ranking'];
}

type Values = Record<string, string | boolean | string[] | undefined>;

function number(values: Values, key: string, ok: (v: number) => boolean, what: string): number | null {
  const raw = values[key];
  if (raw === undefined) return null;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !ok(value))
    throw new CliError(`--${key} must be ${what}, got "${String(raw)}"`);
  return value;
}

/** The command line's evaluate options, checked (each problem one CliError). */
export function evaluateOptions(values: Values): EvaluateOptions {
  const text = (key: string): string | null => {
    const v = values[key];
    if (v === undefined) return null;
    if (typeof v !== 'string' || v === '') throw new CliError(`--${key} needs a value`);
    return v;
  };
  const realTrain = text('real-train');
  if (realTrain === null) throw new CliError('evaluate needs --real-train');
  const synthetic = (values['synthetic-train'] as string[] | undefined) ?? [];
  if (synthetic.length === 0) throw new CliError('evaluate needs --synthetic-train (1 to 8 of them)');
  if (synthetic.length > 8)
    throw new CliError(`${synthetic.length} --synthetic-train files; evaluate compares at most 8`);
  const task = text('task');
  if (task !== null && task !== 'regression' && task !== 'classification')
    throw new CliError(`--task must be regression or classification, got "${task}"`);
  const missing = text('missing') ?? 'impute';
  if (missing !== 'impute' && missing !== 'drop')
    throw new CliError(`--missing must be impute or drop, got "${missing}"`);
  const test = text('test');
  const replicates = number(values, 'replicates', (v) => Number.isInteger(v) && v >= 1 && v <= 500, '1..500');
  const fraction = number(values, 'test-fraction', (v) => v >= 0.05 && v <= 0.5, 'from 0.05 to 0.5');
  if (fraction !== null && test !== null)
    throw new CliError('--test-fraction splits the real file when there is no --test; drop one of them');
  const maxRows = number(
    values,
    'max-rows',
    (v) => Number.isInteger(v) && v >= 0 && v <= 1_000_000,
    'a whole number from 0 (all rows) to 1,000,000',
  );
  const seed = number(values, 'seed', (v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32, 'a whole number');
  return {
    realTrain,
    syntheticTrain: synthetic,
    test,
    target: text('target'),
    task,
    models: text('models'),
    missing,
    seed: seed ?? 1,
    replicates: replicates ?? (test !== null ? 1 : 10),
    testFraction: fraction ?? DEFAULT_TEST_FRACTION,
    maxRows: maxRows ?? 0,
    positiveClass: text('positive-class'),
  };
}

async function read(file: string): Promise<RawTable> {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new CliError(`${file}: not a file`);
  checkSize(file, stat.size); // before the bytes are loaded: a file past the limit is refused unread
  return readTable(file, new Uint8Array(readFileSync(file)));
}

function learnersFor(models: string, task: Task): Learner[] {
  try {
    return parseModelList(models, task);
  } catch (error) {
    if (error instanceof SpecError) throw new CliError(`--models: ${error.message}`);
    throw error;
  }
}

/** The files read, the schema inferred and the files encoded: every refusal a CliError naming the file. */
export async function prepare(
  options: EvaluateOptions,
): Promise<{ encoded: Encoded; names: string[]; settings: FilesSettings; reason: string }> {
  try {
    const real = await read(options.realTrain);
    const synthetic = [];
    for (const file of options.syntheticTrain) synthetic.push(await read(file));
    const test = options.test === null ? undefined : await read(options.test);
    const files = { real, synthetic, ...(test ? { test } : {}) };
    const schema = inferSchema(files, {
      ...(options.target !== null ? { target: options.target } : {}),
      ...(options.task !== null ? { task: options.task } : {}),
    });
    const learners = learnersFor(options.models ?? DEFAULT_EVALUATE_MODELS[schema.task], schema.task);
    const encoded = encode(files, schema, {
      missing: options.missing,
      positiveClass: options.positiveClass ?? undefined,
    });
    const settings: FilesSettings = {
      task: schema.task,
      models: learners.map((l) => l.id),
      replicates: options.replicates,
      seed: options.seed,
      testFraction: options.testFraction,
      maxRows: options.maxRows,
    };
    return { encoded, names: [...options.syntheticTrain], settings, reason: schema.why.task };
  } catch (error) {
    if (error instanceof DataError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * What a least-squares fit (OLS, ridge, poly: the learners that can fit minimum-norm) had to do on each whole
 * training file, "<model> on <file>: <notice>". The replicates fit rows of these files, so they meet the same.
 */
function fitNotices(learners: readonly Learner[], files: { name: string; x: Encoded['real'] }[]): string[][] {
  return learners.map((learner) => {
    if (!/^(ols|ridge|poly)\b/.test(learner.id)) return [];
    const notices: string[] = [];
    for (const file of files) {
      try {
        const notice = learner.fit(file.x.x, file.x.y).notice;
        if (notice !== undefined) notices.push(`${learner.id} on ${file.name}: ${notice}`);
      } catch (error) {
        if (!(error instanceof FitError)) throw error;
      }
    }
    return notices;
  });
}

/** The ranking over the models fitted at least once (a model that never fits leaves the others' ranking be). */
export function rankingOfFitted(report: DatasetReport): RankingSummary | null {
  const { summary, records } = report;
  const kept = summary.models.flatMap((m, k) => (m.fitted > 0 ? [k] : []));
  if (kept.length === summary.models.length) return summary.ranking;
  if (kept.length < 2) return null;
  const pick = <T>(values: readonly T[]) => kept.map((k) => values[k]!);
  const subset = records.map((r) => ({
    ...r,
    trtr: pick(r.trtr),
    tstr: pick(r.tstr),
    errors: pick(r.errors),
  }));
  return summarize(subset, pick(summary.models), summary.planned).ranking;
}

export interface EvaluateRun {
  readonly report: EvaluateReport;
  /** The evaluateFiles reports, for --out csv and the text table. */
  readonly datasets: readonly DatasetReport[];
}

export async function evaluate(
  options: EvaluateOptions,
  hooks: { progress?: (message: string) => void; notice?: (message: string) => void; farm?: NodeFarm } = {},
): Promise<EvaluateRun> {
  const { encoded, names, settings, reason } = await prepare(options);
  for (const notice of encoded.notices) hooks.notice?.(`note: ${notice}`);
  hooks.progress?.(
    `${settings.task} (${reason}), target "${encoded.encoding.target}", ${encoded.summary}; ${settings.replicates} replicate${settings.replicates === 1 ? '' : 's'}`,
  );
  const learners = learnersFor(settings.models.join(';'), settings.task);
  const realNotices = fitNotices(learners, [{ name: options.realTrain, x: encoded.real }]);
  const reports = await evaluateFiles(encoded, names, settings, {
    onProgress: (i, s: ExperimentSummary) =>
      hooks.progress?.(`${names[i]}: replicate ${s.completed}/${s.planned}`),
    ...(hooks.farm ? { farm: (plan) => hooks.farm!.lanes(plan) } : {}),
  });
  const rankings = reports.map(rankingOfFitted);
  const datasets = reports.map((r, i) => {
    const own = fitNotices(learners, [{ name: names[i]!, x: encoded.synthetic[i]! }]);
    const notices = learners.map((_, k) => [...realNotices[k]!, ...own[k]!]);
    return datasetJson(r, rankings[i]!, notices, { real: options.realTrain, synthetic: names[i]! });
  });
  if (datasets.every((d) => d.models.every((m) => m.utility === null))) {
    const errors = [
      ...new Set(datasets.flatMap((d) => d.models.map((m) => m.error ?? `${m.model}: failed`))),
    ];
    throw new CliError(`no model could be fitted: ${errors.join('; ')}`);
  }
  const board = leaderboard(
    reports.map((r, i) => ({ name: r.name, summary: { ...r.summary, ranking: rankings[i]! } })),
  );
  const report: EvaluateReport = {
    version: 2,
    task: settings.task,
    task_reason: reason,
    target: encoded.encoding.target,
    features: encoded.encoding.features,
    files: { real: options.realTrain, synthetic: names, test: options.test },
    testing: options.test !== null ? 'test file' : 'splits',
    test_fraction: options.test !== null ? null : settings.testFraction,
    max_rows: settings.maxRows ?? 0,
    replicates: settings.replicates,
    seed: settings.seed,
    models_requested: settings.models,
    notices: encoded.notices,
    datasets,
    leaderboard: board.map((row) => ({
      name: row.name,
      mean_utility: row.meanUtility,
      mean_ratio: row.meanRatio,
      sra: row.sra,
      kendall_tau_b: row.kendallTauB,
      utility_place: row.utilityPlace,
      ranking_place: row.rankingPlace,
    })),
    ...(datasets.length === 1 ? { models: datasets[0]!.models, ranking: datasets[0]!.ranking } : {}),
  };
  return { report, datasets: reports };
}
