/**
 * The cost model's constants (cost.ts): seconds per unit of each term, by group (a learner, the draws, the
 * fidelity report, the summaries). Written by `npx tsx bench/cost-calibrate.ts --write`, which times the real
 * code in Node on one thread (CPU time: the machine may be shared) and fits these by least squares; edit by
 * rerunning it, not by hand.
 */
export type CostGroup = Readonly<Record<string, number>>;

export interface CostConstants {
  /** When and where they were measured. */
  readonly measured: string;
  readonly machine: string;
  /**
   * Measured over summed seconds for whole small runs: the pieces, timed alone, run this much slower inside a run
   * (allocations, garbage collection, cold caches, the run's bookkeeping). Applied to every part.
   */
  readonly overhead: number;
  readonly groups: Readonly<Record<string, CostGroup>>;
}

export const COST_CONSTANTS: CostConstants = {
  measured: '2026-12-01',
  machine: '2 × AMD EPYC, 24 GB, Node v20.20.2, linux x64',
  overhead: 1.357,
  groups: {
    ols: { qr: 1.32e-8, apply: 0.0, fixed: 0.0002871 },
    ridge: { qr: 1.8e-8, apply: 4.481e-10, fixed: 0.00006909 },
    poly: { qr: 3.485e-9, expand: 5.065e-9, fixed: 0.0002354 },
    knn: {
      scanP: 2.655e-10,
      scan: 7.365e-10,
      insert: 6.81e-10,
      queries: 0.0,
      neighbors: 1.22e-8,
      fixed: 0.00006913,
      scan2: 1.209e-9,
      votes: 3.145e-8,
    },
    krr: { cube: 2.416e-11, pairsP: 4.639e-11, pairs: 2.605e-9, fixed: 0.00004674 },
    logistic: { newton: 1.645e-8, apply: 5.393e-9, fixed: 0.000453 },
    mlp: { train: 1.524e-10, steps: 0.000001806, predict: 1.448e-11, fixed: 0.0 },
    draws: { rowsP: 4.553e-8, rows: 9.307e-8, fixed: 0.0, gaussian: 4.762e-9, gmm: 6.72e-7, smote: 1.694e-9 },
    fidelity: { pairs: 9.853e-8, c2st: 4.203e-9, rows: 7.287e-7, response: 6.295e-8, fixed: 0.003261 },
    summaries: { boot: 0.00001535, sorts: 0.00002781, ranks: 2.137e-7, models: 9.671e-8, fixed: 0.000005637 },
  },
};
