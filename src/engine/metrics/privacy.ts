/**
 * A minimal privacy check of a synthetic table against the real training rows it was made from: exact copies of
 * training rows, and the distance to the closest record (DCR) set against a baseline, the same distances from a
 * real hold-out (rows the generator never saw) to the training rows. Synthetic rows much closer to the training
 * rows than fresh real rows are suspicious: the generator may have memorized them. Not a guarantee of privacy:
 * a pass says only that these two simple attacks find nothing.
 */
import { rowDistanceSquared, sampleRows, type Matrix } from '../matrix';
import { stream } from '../rng';
import { nearestNeighbors } from '../learners/neighbors';
import { standardizeByFirst } from './c2st';
import { sortedQuantile } from './intervals';

/** Synthetic DCR below these fractions of the hold-out's (median, 5th percentile) counts as "closer". */
export const CLOSER_MEDIAN = 0.8;
export const CLOSER_P5 = 0.5;

export interface DistanceSummary {
  readonly median: number;
  /** 5th percentile (type 7, numpy's default). */
  readonly p5: number;
}

export interface PrivacyCheck {
  readonly syntheticRows: number;
  /** Synthetic rows equal, value for value, to some training row (indices into the synthetic table). */
  readonly exactCopies: number[];
  readonly exactCopyShare: number;
  /** The same share for the real hold-out: tables with few distinct rows repeat rows anyway. */
  readonly holdoutCopyShare: number;
  /** Distance from each synthetic row to its nearest training row, on features standardized by the training rows. */
  readonly synthetic: DistanceSummary;
  /** The baseline: the same distances from the real hold-out rows. */
  readonly holdout: DistanceSummary;
  /** More exact copies than the hold-out has, or DCR well below the hold-out's (CLOSER_MEDIAN, CLOSER_P5). */
  readonly suspicious: boolean;
  readonly verdict: string;
  /** Where the distances used seeded samples of the rows (large tables); null when they used every row. */
  readonly sample: PrivacySample | null;
}

function rowKey(m: Matrix, i: number): string {
  // String(-0) is "0": equal numbers give equal keys.
  return Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols), String).join(',');
}

function keysOf(m: Matrix): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < m.rows; i++) keys.add(rowKey(m, i));
  return keys;
}

function copiesIn(keys: ReadonlySet<string>, query: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < query.rows; i++) if (keys.has(rowKey(query, i))) out.push(i);
  return out;
}

/** Indices of the rows of `query` that are identical to some row of `train` (same encoding, same columns). */
export function exactCopies(train: Matrix, query: Matrix): number[] {
  if (train.cols !== query.cols) throw new RangeError(`exactCopies: ${train.cols} vs ${query.cols} columns`);
  return copiesIn(keysOf(train), query);
}

/** Euclidean distance from each row of `query` to its nearest row of `train` (exact, neighbors.ts). */
export async function distancesToClosest(train: Matrix, query: Matrix): Promise<Float64Array> {
  if (train.rows < 1) throw new RangeError('distancesToClosest: no training rows');
  const { indices } = await nearestNeighbors(train, query, 1);
  return Float64Array.from(indices, (j, i) =>
    Math.sqrt(rowDistanceSquared(query.data, i, train.data, j, train.cols)),
  );
}

export function summarizeDistances(distances: Float64Array): DistanceSummary {
  if (distances.length === 0) throw new RangeError('summarizeDistances: no distances');
  const sorted = Float64Array.from(distances).sort();
  return { median: sortedQuantile(sorted, 0.5), p5: sortedQuantile(sorted, 0.05) };
}

const distance = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toPrecision(2));
const percent = (share: number): string => `${(100 * share).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`;

/** The check in plain words, from its numbers. */
export function privacyVerdict(check: Omit<PrivacyCheck, 'verdict' | 'suspicious' | 'sample'>): {
  suspicious: boolean;
  verdict: string;
} {
  const copies = check.exactCopies.length;
  const copying = copies > 0 && check.exactCopyShare > check.holdoutCopyShare;
  const closer =
    check.synthetic.median < CLOSER_MEDIAN * check.holdout.median ||
    check.synthetic.p5 < CLOSER_P5 * check.holdout.p5;
  const parts: string[] = [];
  if (copies === 0) parts.push('no exact copies');
  else {
    parts.push(
      `${copies} exact ${copies === 1 ? 'copy' : 'copies'} of training rows (${percent(check.exactCopyShare)} of ` +
        `the synthetic rows; real hold-out rows: ${percent(check.holdoutCopyShare)})`,
    );
  }
  const figures =
    `median DCR ${distance(check.synthetic.median)} vs ${distance(check.holdout.median)}` +
    (closer ? `, 5th percentile ${distance(check.synthetic.p5)} vs ${distance(check.holdout.p5)}` : '');
  parts.push(
    closer
      ? `synthetic rows are closer to the training rows than real hold-out rows are (${figures}): they may be ` +
          'training rows with small changes'
      : `synthetic rows are no closer to the training rows than real hold-out rows are (${figures})`,
  );
  return { suspicious: copying || closer, verdict: parts.join('; ') };
}

/**
 * How much of each table the distances use: a seeded sample of at most `reference` training rows, and of at most
 * `queries` synthetic and hold-out rows (exact copies always look at every row). The synthetic rows and the
 * hold-out are measured against the same reference rows, so the comparison stays like for like.
 */
export interface PrivacySampling {
  readonly reference: number;
  readonly queries: number;
  readonly seed: number;
}

/** Sizes that keep one dataset's distances to about a second on a laptop (1,000 x 10,000 rows of 50 columns). */
export const PRIVACY_SAMPLING: PrivacySampling = { reference: 10_000, queries: 1_000, seed: 1 };

/** The rows the distances used, where they are fewer than the tables have (null: every row). */
export interface PrivacySample {
  readonly reference: number;
  readonly trainRows: number;
  readonly queries: number;
}

/** The real side of the check, the same for every synthetic dataset: built once (privacyBaseline). */
export interface PrivacyBaseline {
  readonly cols: number;
  readonly trainKeys: ReadonlySet<string>;
  /** The training rows the distances are measured to (a sample past `sampling.reference`), unstandardized. */
  readonly reference: Matrix;
  readonly trainRows: number;
  readonly holdout: DistanceSummary;
  readonly holdoutCopyShare: number;
  readonly sampling: PrivacySampling;
}

/** Standardized by the reference rows' mean and sd: the reference and each query in the same units. */
async function closest(reference: Matrix, query: Matrix): Promise<Float64Array> {
  const [t, q] = standardizeByFirst(reference, query) as [Matrix, Matrix];
  return distancesToClosest(t, q);
}

export async function privacyBaseline(
  train: Matrix,
  holdout: Matrix,
  sampling: PrivacySampling = PRIVACY_SAMPLING,
): Promise<PrivacyBaseline> {
  if (holdout.rows < 1) throw new RangeError('privacyCheck: empty hold-out');
  if (train.cols !== holdout.cols)
    throw new RangeError(`privacyCheck: ${train.cols} vs ${holdout.cols} columns`);
  const trainKeys = keysOf(train);
  const reference = sampleRows(train, sampling.reference, stream(sampling.seed, 'privacy/reference'));
  const queries = sampleRows(holdout, sampling.queries, stream(sampling.seed, 'privacy/holdout'));
  return {
    cols: train.cols,
    trainKeys,
    reference,
    trainRows: train.rows,
    holdout: summarizeDistances(await closest(reference, queries)),
    holdoutCopyShare: copiesIn(trainKeys, holdout).length / holdout.rows,
    sampling,
  };
}

/** Exact copies (every row) and DCR (on the baseline's sample) of `synthetic` against the baseline's rows. */
export async function privacyAgainst(baseline: PrivacyBaseline, synthetic: Matrix): Promise<PrivacyCheck> {
  if (synthetic.rows < 1) throw new RangeError('privacyCheck: empty synthetic data');
  if (synthetic.cols !== baseline.cols)
    throw new RangeError(`privacyCheck: ${synthetic.cols} vs ${baseline.cols} columns`);
  const copies = copiesIn(baseline.trainKeys, synthetic);
  const { sampling, reference, trainRows } = baseline;
  const queries = sampleRows(synthetic, sampling.queries, stream(sampling.seed, 'privacy/synthetic'));
  const sampled = reference.rows < trainRows || queries.rows < synthetic.rows;
  const numbers = {
    syntheticRows: synthetic.rows,
    exactCopies: copies,
    exactCopyShare: copies.length / synthetic.rows,
    holdoutCopyShare: baseline.holdoutCopyShare,
    synthetic: summarizeDistances(await closest(reference, queries)),
    holdout: baseline.holdout,
    sample: sampled ? { reference: reference.rows, trainRows, queries: sampling.queries } : null,
  };
  return { ...numbers, ...privacyVerdict(numbers) };
}

/**
 * Exact copies and DCR of `synthetic` against the real `train` rows, with a real `holdout` as the baseline. All
 * three are encoded the same way (same columns); distances use the columns standardized by the training rows'
 * mean and sd (divisor n - 1; an sd of 0 counts as 1), so no feature dominates by its units. Past the sampling's
 * sizes the distances use seeded samples of the rows (PrivacySampling), and the check says so.
 */
export async function privacyCheck(
  train: Matrix,
  synthetic: Matrix,
  holdout: Matrix,
  sampling: PrivacySampling = PRIVACY_SAMPLING,
): Promise<PrivacyCheck> {
  return privacyAgainst(await privacyBaseline(train, holdout, sampling), synthetic);
}
