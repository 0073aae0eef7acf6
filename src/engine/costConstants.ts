/**
 * The cost model's constants (cost.ts): seconds per unit of each term, by group (a learner, the draws, the
 * fidelity report, the summaries). Written by `npx tsx bench/cost-calibrate.ts --write`, which times the real
 * code in Node on one thread and fits these by least squares; edit by rerunning it, not by hand.
 */
export type CostGroup = Readonly<Record<string, number>>;

export interface CostConstants {
  /** When and where they were measured. */
  readonly measured: string;
  readonly machine: string;
  readonly groups: Readonly<Record<string, CostGroup>>;
}

export const COST_CONSTANTS: CostConstants = {
  measured: '2026-12-01',
  machine: '2 × AMD EPYC, 24 GB, Node v20.20.2, linux x64',
  groups: {
    ols: { qr: 1.269e-8, apply: 0.0, fixed: 0.0001851 },
    ridge: { qr: 1.381e-8, apply: 0.0, fixed: 0.0000926 },
    poly: { qr: 8.05e-9, expand: 2.388e-9, fixed: 0.0002327 },
    knn: {
      scanP: 2.845e-9,
      scan: 1.285e-9,
      insert: 3.167e-9,
      queries: 0.0,
      neighbors: 4.698e-8,
      fixed: 0.0,
      scan2: 3.961e-9,
      votes: 9.737e-8,
    },
    krr: { cube: 1.754e-10, pairsP: 1.73e-9, pairs: 7.083e-9, fixed: 0.0 },
    logistic: { newton: 1.597e-8, apply: 3.061e-8, fixed: 0.0002327 },
    mlp: { train: 1.614e-9, steps: 0.00003092, predict: 1.157e-8, fixed: 0.05052 },
    draws: {
      rowsP: 3.969e-8,
      rows: 6.857e-8,
      fixed: 0.00013,
      gaussian: 1.217e-8,
      gmm: 7.625e-7,
      smote: 2.002e-9,
    },
    fidelity: { pairs: 9.99e-8, c2st: 0.0, rows: 0.000004619, response: 0.0, fixed: 0.008792 },
    summaries: { boot: 0.0000383, sorts: 0.0001637, models: 1.582e-7, fixed: 0.000004065 },
  },
};
