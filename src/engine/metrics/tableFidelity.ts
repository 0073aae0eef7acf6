/**
 * Fidelity of a synthetic table to the real one, to set beside utility in the "Your data" lab: per column KS and
 * total variation, the correlation difference (columns.ts), and the C2ST AUC on the records standardized by the
 * real table (c2st.ts). The tables are encoded records (numbers), the target included if the caller wants it.
 *
 * Large tables are measured on seeded samples of their rows (FidelitySampling), and wide ones get a C2ST on the
 * features alone: a quadratic classifier on 50 columns has 1,326 terms, and its Newton fit on a few thousand rows
 * takes minutes (measured: 31 columns, 2,000 rows a side, 3.1 s; 50 columns linear, 4,000 rows a side, 77 ms).
 * The report says which was used.
 */
import { sampleRows, type Matrix } from '../matrix';
import { monomialCount } from '../cost';
import { stream } from '../rng';
import { c2stAuc, standardizeByFirst } from './c2st';
import {
  columnFidelity,
  correlationDifference,
  type ColumnFidelity,
  type CorrelationDifference,
} from './columns';

export interface FidelitySampling {
  /** Most rows a side for the per-column measures and the correlation difference. */
  readonly columns: number;
  /** Most rows a side for the C2ST (half of them train its classifier, half are scored). */
  readonly c2st: number;
  /** The C2ST uses all monomials of degree <= 2 up to this many columns, the columns alone past it. */
  readonly quadraticUpTo: number;
  /**
   * With quadratic terms, fewer rows: at most this work (rows a side x terms^2, one Newton iteration's Hessian)
   * and at least `quadraticRows` rows a side.
   */
  readonly quadraticWork: number;
  readonly quadraticRows: number;
  readonly seed: number;
}

/** About a second for a 50-column table on a laptop; below these sizes every row is used, as before. */
export const FIDELITY_SAMPLING: FidelitySampling = {
  columns: 20_000,
  c2st: 4_000,
  quadraticUpTo: 32,
  quadraticWork: 4e8,
  quadraticRows: 1_000,
  seed: 1,
};

export interface TableFidelity {
  readonly columns: ColumnFidelity[];
  readonly correlation: CorrelationDifference;
  /** Held-out AUC of a logistic classifier telling real from synthetic rows; 0.5 = indistinguishable. */
  readonly c2stAuc: number | null;
  /** The classifier's features: all monomials of degree <= 2, or the columns alone (wide tables). */
  readonly c2stFeatures: 'quadratic' | 'linear';
  /** Most rows a side each measure used, where a table had more (null: every row was used). */
  readonly sample: { readonly columns: number; readonly c2st: number } | null;
}

/** The C2ST's features and its most rows a side, for tables of `cols` columns (the cost model reads it too). */
export function c2stDesign(
  cols: number,
  sampling: FidelitySampling = FIDELITY_SAMPLING,
): { quadratic: boolean; terms: number; rows: number } {
  const quadratic = cols <= sampling.quadraticUpTo;
  const terms = quadratic ? monomialCount(cols, 2) : cols;
  const rows = quadratic
    ? Math.min(
        sampling.c2st,
        Math.max(sampling.quadraticRows, Math.floor(sampling.quadraticWork / terms ** 2)),
      )
    : sampling.c2st;
  return { quadratic, terms, rows };
}

export async function tableFidelity(
  real: Matrix,
  synthetic: Matrix,
  names: readonly string[],
  sampling: FidelitySampling = FIDELITY_SAMPLING,
): Promise<TableFidelity> {
  const pick = (m: Matrix, k: number, label: string) =>
    sampleRows(m, k, stream(sampling.seed, `fidelity/${label}`));
  const [realRows, syntheticRows] = [
    pick(real, sampling.columns, 'real'),
    pick(synthetic, sampling.columns, 'synthetic'),
  ];
  const { quadratic, rows: c2stRows } = c2stDesign(real.cols, sampling);
  const [a, b] = standardizeByFirst(
    pick(realRows, c2stRows, 'c2st-real'),
    pick(syntheticRows, c2stRows, 'c2st-synthetic'),
  ) as [Matrix, Matrix];
  const largest = Math.max(real.rows, synthetic.rows);
  return {
    columns: columnFidelity(realRows, syntheticRows, names),
    correlation: correlationDifference(realRows, syntheticRows, names),
    c2stAuc: await c2stAuc(a, b, quadratic ? 2 : 1),
    c2stFeatures: quadratic ? 'quadratic' : 'linear',
    sample: largest > c2stRows ? { columns: Math.min(largest, sampling.columns), c2st: c2stRows } : null,
  };
}
