/**
 * Fidelity of a synthetic table to the real one, to set beside utility in the "Your data" lab: per column KS and
 * total variation, the correlation difference (columns.ts), and the C2ST AUC on the records standardized by the
 * real table (c2st.ts). The tables are encoded records (numbers), the target included if the caller wants it.
 */
import type { Matrix } from '../matrix';
import { c2stAuc, standardizeByFirst } from './c2st';
import {
  columnFidelity,
  correlationDifference,
  type ColumnFidelity,
  type CorrelationDifference,
} from './columns';

export interface TableFidelity {
  readonly columns: ColumnFidelity[];
  readonly correlation: CorrelationDifference;
  /** Held-out AUC of a quadratic logistic classifier telling real from synthetic rows; 0.5 = indistinguishable. */
  readonly c2stAuc: number | null;
}

export async function tableFidelity(
  real: Matrix,
  synthetic: Matrix,
  names: readonly string[],
): Promise<TableFidelity> {
  const [a, b] = standardizeByFirst(real, synthetic) as [Matrix, Matrix];
  return {
    columns: columnFidelity(real, synthetic, names),
    correlation: correlationDifference(real, synthetic, names),
    c2stAuc: await c2stAuc(a, b),
  };
}
