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
  overhead: 1.272,
  groups: {
    ols: { qr: 1.492e-8, apply: 0.0, fixed: 0.0002199 },
    ridge: { qr: 1.476e-8, apply: 0.0, fixed: 0.0001051 },
    poly: { qr: 3.832e-9, expand: 5.923e-9, fixed: 0.0001582 },
    knn: {
      scanP: 1.583e-9,
      scan: 1.58e-9,
      insert: 2.042e-9,
      queries: 0.0,
      neighbors: 5.549e-9,
      fixed: 0.0001178,
      scan2: 2.563e-9,
      votes: 5.754e-8,
    },
    krr: { cube: 1.706e-10, pairsP: 2.312e-9, pairs: 7.615e-9, fixed: 0.0000449 },
    logistic: { newton: 1.66e-8, apply: 6.689e-9, fixed: 0.0005865 },
    mlp: { train: 1.508e-9, steps: 0.00008704, predict: 7.11e-10, fixed: 0.02769 },
    draws: { rowsP: 6.11e-8, rows: 1.485e-7, fixed: 0.0, gaussian: 6.248e-9, gmm: 8.514e-7, smote: 1.766e-9 },
    fidelity: { pairs: 8.01e-8, c2st: 4.397e-9, rows: 0.000003909, response: 0.0, fixed: 0.001136 },
    summaries: { boot: 0.00001965, sorts: 0.0002069, ranks: 1.361e-8, models: 7.465e-8, fixed: 0.00000586 },
  },
};
