/**
 * The your-data lab's evaluation, shared by the page's engine worker and the CLI's `evaluate`: one experiment
 * plan per synthetic dataset over the user's encoded files (engine FilesSource: per replicate a stratified split
 * of the real rows, or a bootstrap of them beside a test file, and a bootstrap of the synthetic rows), run by the
 * engine's replicate runner, so every dataset gets TRTR, TSTR, U and the ranking agreement with intervals in the
 * engine's one results shape. Beside utility: the table fidelity (per-column KS / TV, correlation difference,
 * C2ST AUC) and the minimal privacy check (exact copies, distance to the closest real record against a real
 * hold-out). The same encoded files, settings and seed give the same numbers wherever this runs.
 */
import { tableFidelity, type TableFidelity } from '../engine/metrics/tableFidelity';
import { privacyAgainst, privacyBaseline, type PrivacyCheck } from '../engine/metrics/privacy';
import { pickRows, stratifiedSplit } from '../engine/draw';
import type { Matrix } from '../engine/matrix';
import type { ExperimentPlan } from '../engine/plan';
import type { Sample } from '../engine/populations/population';
import { stream } from '../engine/rng';
import { runExperiment, type RunOptions } from '../engine/run';
import type { ExperimentSummary, ReplicateRecord } from '../engine/summary';
import type { Task } from '../engine/task';
import type { Encoded } from './encode';

export interface FilesSettings {
  readonly task: Task;
  /** Model specs in canonical form, e.g. ['ols', 'knn:k=10']. */
  readonly models: readonly string[];
  readonly replicates: number;
  readonly seed: number;
  /** Share of the real rows held out for testing in each replicate when there is no test file (0.05 to 0.5). */
  readonly testFraction: number;
  /** Most rows of each file a replicate uses (0 or absent: all); past it, a seeded sample (draw.ts). */
  readonly maxRows?: number;
}

export const DEFAULT_TEST_FRACTION = 0.25;

/** Rows each replicate trains and tests on: n real, m synthetic, nTest test rows, each at most `maxRows` (0: all). */
export function filesSizes(
  encoded: Pick<Encoded, 'real' | 'test'>,
  synthetic: Sample,
  testFraction: number,
  maxRows = 0,
): { n: number; m: number; nTest: number } {
  const cap = (rows: number) => (maxRows > 0 ? Math.min(rows, maxRows) : rows);
  const rows = encoded.real.x.rows;
  if (encoded.test) return { n: cap(rows), m: cap(synthetic.x.rows), nTest: cap(encoded.test.x.rows) };
  const nTest = Math.min(rows - 1, Math.max(1, Math.round(rows * testFraction)));
  return { n: cap(rows - nTest), m: cap(synthetic.x.rows), nTest: cap(nTest) };
}

/** One plan per synthetic dataset, in the order of `encoded.synthetic` (`names` gives each its file name). */
export function filesPlans(
  encoded: Pick<Encoded, 'real' | 'synthetic' | 'test'>,
  names: readonly string[],
  settings: FilesSettings,
): ExperimentPlan[] {
  return encoded.synthetic.map((synthetic, i) => ({
    task: settings.task,
    source: {
      kind: 'files',
      name: names[i] ?? `synthetic ${i + 1}`,
      real: encoded.real,
      synthetic,
      test: encoded.test,
    },
    ...filesSizes(encoded, synthetic, settings.testFraction, settings.maxRows ?? 0),
    replicates: settings.replicates,
    seed: settings.seed,
    tstrOn: 'real',
    models: settings.models,
  }));
}

/** Features and target side by side (the target as the last column): what fidelity and privacy compare. */
function withTarget(sample: Sample): Matrix {
  const { rows, cols, data } = sample.x;
  const out = new Float64Array(rows * (cols + 1));
  for (let i = 0; i < rows; i++) {
    out.set(data.subarray(i * cols, (i + 1) * cols), i * (cols + 1));
    out[i * (cols + 1) + cols] = sample.y[i]!;
  }
  return { rows, cols: cols + 1, data: out };
}

/**
 * The privacy check's real training rows and real hold-out: the test file when there is one, else a seeded
 * stratified split of the real rows (the same for every synthetic dataset).
 */
export function privacyParts(
  encoded: Pick<Encoded, 'real' | 'test'>,
  settings: Pick<FilesSettings, 'task' | 'seed' | 'testFraction'>,
): { train: Sample; holdout: Sample } {
  if (encoded.test) return { train: encoded.real, holdout: encoded.test };
  const rows = encoded.real.x.rows;
  const size = Math.min(rows - 1, Math.max(1, Math.round(rows * settings.testFraction)));
  const split = stratifiedSplit(
    encoded.real.y,
    size,
    settings.task,
    stream(settings.seed, 'privacy-holdout'),
  );
  const pick = (rows: Uint32Array) => pickRows(encoded.real, rows, 0, rows.length);
  return { train: pick(split.train), holdout: pick(split.test) };
}

export interface DatasetReport {
  readonly name: string;
  readonly summary: ExperimentSummary;
  readonly records: readonly ReplicateRecord[];
  /** Fidelity of the whole synthetic dataset to the whole real dataset (features and target). */
  readonly fidelity: TableFidelity;
  readonly privacy: PrivacyCheck;
  readonly elapsedMs: number;
}

export interface EvaluateFilesOptions {
  /** After each replicate of dataset `index`, its summary so far (the page streams these). */
  readonly onProgress?: (index: number, summary: ExperimentSummary) => void;
  readonly isCancelled?: () => boolean;
  /**
   * Helper threads for one plan's replicates (as the sweep asks for them: a lane fits replicates of the plan it
   * was made for, so each synthetic dataset's run gets its own lanes).
   */
  readonly farm?: (plan: ExperimentPlan) => NonNullable<RunOptions['farm']>;
}

/** Every synthetic dataset's report, in order. */
export async function evaluateFiles(
  encoded: Encoded,
  names: readonly string[],
  settings: FilesSettings,
  options: EvaluateFilesOptions = {},
): Promise<DatasetReport[]> {
  const plans = filesPlans(encoded, names, settings);
  const { train, holdout } = privacyParts(encoded, settings);
  const features = [...encoded.encoding.features, encoded.encoding.target];
  // The real side of fidelity and privacy is the same for every synthetic dataset: built once.
  const [realRecords, trainRecords, holdoutRecords] = [encoded.real, train, holdout].map(withTarget) as [
    Matrix,
    Matrix,
    Matrix,
  ];
  const baseline = await privacyBaseline(trainRecords, holdoutRecords);
  const reports: DatasetReport[] = [];
  for (const [index, plan] of plans.entries()) {
    const began = performance.now();
    const result = await runExperiment(plan, {
      fidelity: false,
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      ...(options.farm ? { farm: options.farm(plan) } : {}),
      ...(options.onProgress ? { onReplicate: (_r, summary) => options.onProgress!(index, summary) } : {}),
    });
    const synthetic = withTarget(encoded.synthetic[index]!);
    reports.push({
      name: plan.source.kind === 'files' ? plan.source.name : `synthetic ${index + 1}`,
      summary: result.summary,
      records: result.records,
      fidelity: await tableFidelity(realRecords, synthetic, features),
      privacy: await privacyAgainst(baseline, synthetic),
      elapsedMs: performance.now() - began,
    });
  }
  return reports;
}

export interface LeaderboardRow {
  readonly name: string;
  /** Mean over models of U (the utility gap); lower is better. Null when no model fitted. */
  readonly meanUtility: number | null;
  /** Mean over models of TSTR / TRTR: 1 = as good as real data, unitless (U is in the loss's units). */
  readonly meanRatio: number | null;
  /** Synthetic Ranking Agreement (mean pair agreement); higher is better. Null with fewer than two models. */
  readonly sra: number | null;
  readonly kendallTauB: number | null;
  /** Place by utility (1 = smallest mean U) and by ranking agreement (1 = highest SRA). */
  readonly utilityPlace: number | null;
  readonly rankingPlace: number | null;
}

/** The synthetic datasets ranked by utility (mean U over models) and by ranking agreement (SRA). */
export function leaderboard(reports: readonly Pick<DatasetReport, 'name' | 'summary'>[]): LeaderboardRow[] {
  const rows = reports.map(({ name, summary }) => {
    const mean = (values: readonly (number | null | undefined)[]) => {
      const defined = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      return defined.length > 0 ? defined.reduce((s, v) => s + v, 0) / defined.length : null;
    };
    return {
      name,
      meanUtility: mean(summary.models.map((m) => m.utility?.value)),
      meanRatio: mean(summary.models.map((m) => m.ratio)),
      sra: summary.ranking?.sra?.mean ?? null,
      kendallTauB: summary.ranking?.kendallTauB?.mean ?? null,
    };
  });
  const place = (
    value: (r: (typeof rows)[number]) => number | null,
    better: (a: number, b: number) => number,
  ) => {
    const ranked = rows
      .map((r, i) => ({ i, v: value(r) }))
      .filter((e): e is { i: number; v: number } => e.v !== null)
      .sort((a, b) => better(a.v, b.v) || a.i - b.i);
    const places = new Map(ranked.map((e, k) => [e.i, k + 1]));
    return (i: number) => places.get(i) ?? null;
  };
  const byUtility = place(
    (r) => r.meanUtility,
    (a, b) => a - b,
  );
  const byRanking = place(
    (r) => r.sra,
    (a, b) => b - a,
  );
  return rows.map((r, i) => ({ ...r, utilityPlace: byUtility(i), rankingPlace: byRanking(i) }));
}
