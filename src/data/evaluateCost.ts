/**
 * What an evaluation of the user's files will cost, before it runs: the engine's cost model (engine/cost.ts) on
 * every synthetic dataset's plan (each model fitted on the real and the synthetic rows per replicate, the draws,
 * the summaries), plus each dataset's fidelity and privacy checks (the C2ST's logistic fit and the DCR scans,
 * costed as the learners they are), summed; and the largest "most rows per file" that keeps it within a budget.
 * Seconds are on one thread of the machine the constants were measured on, as everywhere else.
 */
import {
  estimatePlanCost,
  learnerSeconds,
  wallSeconds,
  type CostPart,
  type Pace,
  type PlanCost,
} from '../engine/cost';
import { parseSpecText } from '../engine/learners/catalog';
import { PRIVACY_SAMPLING } from '../engine/metrics/privacy';
import { c2stDesign } from '../engine/metrics/tableFidelity';
import type { Encoded } from './encode';
import { filesPlans, type FilesSettings } from './evaluate';

export interface FilesCost {
  /** Seconds in all (one thread, reference machine). */
  readonly seconds: number;
  /** Per model (summed over the datasets), the draws and summaries, and the checks: largest first. */
  readonly parts: readonly CostPart[];
  /** Each dataset's run (its plan's estimate), for the wall-clock time over threads (filesWallSeconds). */
  readonly plans: readonly PlanCost[];
  /** The fidelity and privacy checks, on the evaluation's own thread. */
  readonly checks: number;
  /** Rows each replicate uses, per dataset: n real, m synthetic, nTest test rows. */
  readonly sizes: readonly { readonly n: number; readonly m: number; readonly nTest: number }[];
}

type Sizes = Pick<Encoded, 'real' | 'synthetic' | 'test'>;

/** The DCR scan of (a sample of) `queries` rows against (a sample of) `train` rows: kNN's exact scan, k = 1. */
function scanSeconds(cols: number, train: number, queries: number): number {
  return learnerSeconds(
    parseSpecText('knn:k=1', 'regression'),
    Math.min(train, PRIVACY_SAMPLING.reference),
    cols,
    Math.min(queries, PRIVACY_SAMPLING.queries),
    'regression',
  );
}

/** The fidelity and privacy checks of one dataset of `rows` synthetic rows beside `real` and `train` real rows. */
function checkSeconds(cols: number, real: number, synthetic: number, train: number): number {
  const c2st = c2stDesign(cols);
  const c2stRows = Math.min(c2st.rows, Math.max(real, synthetic));
  const fit = learnerSeconds(
    parseSpecText('logistic:C=1', 'classification'),
    c2stRows,
    c2st.terms,
    c2stRows,
    'classification',
  );
  return fit + scanSeconds(cols, train, synthetic);
}

export function estimateFilesCost(encoded: Sizes, settings: FilesSettings): FilesCost {
  const plans = filesPlans(encoded, [], settings);
  const merged = new Map<string, CostPart>();
  const costs = plans.map((plan) => estimatePlanCost(plan, { grid: false, fidelity: false }));
  for (const cost of costs) {
    for (const part of cost.parts) {
      const seen = merged.get(part.id);
      merged.set(
        part.id,
        seen ? { ...seen, seconds: seen.seconds + part.seconds, count: seen.count + part.count } : part,
      );
    }
  }
  const cols = encoded.real.x.cols + 1;
  const real = encoded.real.x.rows;
  const train = encoded.test ? real : real - (plans[0]?.nTest ?? 0);
  // The hold-out's distances are measured once, each dataset's checks once (on the whole files, not max_rows).
  const holdout = scanSeconds(cols, train, encoded.test?.x.rows ?? real - train);
  const checks = encoded.synthetic.reduce(
    (sum, s) => sum + checkSeconds(cols, real, s.x.rows, train),
    holdout,
  );
  merged.set('checks', {
    kind: 'fidelity',
    id: 'checks',
    label: 'fidelity and privacy checks',
    detail: '',
    perFit: null,
    count: encoded.synthetic.length,
    seconds: checks,
  });
  const parts = [...merged.values()].sort((a, b) => b.seconds - a.seconds);
  return {
    seconds: parts.reduce((sum, p) => sum + p.seconds, 0),
    parts,
    plans: costs,
    checks,
    sizes: plans.map(({ n, m, nTest }) => ({ n, m, nTest })),
  };
}

/**
 * Wall-clock seconds of the evaluation: the datasets one after another, each run's replicates shared by the
 * threads as a run's are (engine/cost.ts wallSeconds), the checks on the evaluation's thread.
 */
export function filesWallSeconds(cost: FilesCost, pace: Pace = {}): number {
  const factor =
    pace.factor !== undefined && pace.factor > 0 && Number.isFinite(pace.factor) ? pace.factor : 1;
  return cost.plans.reduce((sum, plan) => sum + wallSeconds(plan, pace), 0) + factor * cost.checks;
}

/** The "most rows per file" the page offers when an evaluation is over its budget, largest first. */
export const ROW_STEPS = [200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500] as const;

/**
 * The largest step below the rows the evaluation uses now whose estimate is within `seconds` at `pace`; null
 * when none is (the models or replicates cost too much whatever the rows).
 */
export function rowsWithin(
  encoded: Sizes,
  settings: FilesSettings,
  seconds: number,
  pace: Pace = {},
): number | null {
  const largest = Math.max(
    encoded.real.x.rows,
    encoded.test?.x.rows ?? 0,
    ...encoded.synthetic.map((s) => s.x.rows),
  );
  const now = settings.maxRows && settings.maxRows > 0 ? Math.min(settings.maxRows, largest) : largest;
  for (const rows of ROW_STEPS) {
    if (rows >= now) continue;
    if (filesWallSeconds(estimateFilesCost(encoded, { ...settings, maxRows: rows }), pace) <= seconds)
      return rows;
  }
  return null;
}
