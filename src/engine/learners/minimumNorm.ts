/**
 * Minimum-norm least squares for rank-deficient designs, as scikit-learn's LinearRegression (scipy.linalg.lstsq):
 * among all minimizers of ||yc - Xc w|| the one of least Euclidean norm. The rank is decided on the columns scaled
 * to unit spread (so feature units cannot change it); the norm is minimized in the units the caller names.
 */
import { Matrix as MlMatrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';

/** Singular values at or below this fraction of the largest one (columns at unit spread) count as zero. */
export const RANK_TOLERANCE = 1e-11;

/** A sparse q x q matrix T by its non-zero entries [row, column, value]. */
export type SparseMap = readonly (readonly [row: number, column: number, value: number])[];

export interface MinimumNormSolution {
  /** Coefficients of the original (unscaled) columns. */
  readonly weights: Float64Array;
  /** Numerical rank of the centred design. */
  readonly rank: number;
}

/**
 * `design` = Xc D^-1 (n x q): centred columns divided by `scale` = D. Returns w with Xc w closest to `target` and,
 * among those, ||v|| least where w = T v (T = `coefficientMap`, q x q, sparse and invertible; identity when absent).
 *
 * With Xc D^-1 = U S V' (SVD; the r singular values above RANK_TOLERANCE s_max kept), the least-squares
 * solutions are the w with V_r' D w = d, d = S_r^-1 U_r' y. In v: B' v = d with B = T' D V_r (q x r, full column
 * rank), whose least-norm solution is v = B (B'B)^-1 d = Q R'^-1 d for B = QR. So w = T Q t with R' t = d.
 */
export function minimumNormSolve(
  design: MlMatrix,
  target: Float64Array,
  scale: Float64Array,
  coefficientMap?: SparseMap,
): MinimumNormSolution {
  const q = design.columns;
  const weights = new Float64Array(q);
  const svd = new SingularValueDecomposition(design, { autoTranspose: true });
  const s = svd.diagonal;
  const largest = s[0] ?? 0;
  let rank = 0;
  while (rank < s.length && largest > 0 && s[rank]! > RANK_TOLERANCE * largest) rank++;
  if (rank === 0) return { weights, rank };
  const u = svd.leftSingularVectors;
  const v = svd.rightSingularVectors;
  const d = new Float64Array(rank);
  for (let k = 0; k < rank; k++) {
    let dot = 0;
    for (let i = 0; i < target.length; i++) dot += u.get(i, k) * target[i]!;
    d[k] = dot / s[k]!;
  }
  // B = T' D V_r.
  const dv = new MlMatrix(q, rank);
  for (let j = 0; j < q; j++) for (let k = 0; k < rank; k++) dv.set(j, k, scale[j]! * v.get(j, k));
  const b = coefficientMap ? transposedTimes(coefficientMap, dv) : dv;
  const qr = new QrDecomposition(b);
  const r = qr.upperTriangularMatrix;
  const orthogonal = qr.orthogonalMatrix;
  // v = Q t with R' t = d (forward substitution: R' is lower triangular). D spreads B's columns over the features'
  // scales, so one step of iterative refinement on B' v = d brings the residual down to rounding in d's units.
  const least = new Float64Array(q);
  const residual = Float64Array.from(d);
  for (let step = 0; step < 2; step++) {
    const t = new Float64Array(rank);
    for (let k = 0; k < rank; k++) {
      let sum = residual[k]!;
      for (let i = 0; i < k; i++) sum -= r.get(i, k) * t[i]!;
      t[k] = sum / r.get(k, k);
    }
    for (let j = 0; j < q; j++) {
      let sum = 0;
      for (let k = 0; k < rank; k++) sum += orthogonal.get(j, k) * t[k]!;
      least[j]! += sum;
    }
    for (let k = 0; k < rank; k++) {
      let sum = d[k]!;
      for (let j = 0; j < q; j++) sum -= b.get(j, k) * least[j]!;
      residual[k] = sum;
    }
  }
  if (!coefficientMap) return { weights: least, rank };
  for (const [row, column, value] of coefficientMap) weights[row]! += value * least[column]!;
  return { weights, rank };
}

/** T' M for a sparse q x q T and a q x r M. */
function transposedTimes(t: SparseMap, m: MlMatrix): MlMatrix {
  const out = new MlMatrix(m.rows, m.columns);
  for (const [row, column, value] of t) {
    for (let c = 0; c < m.columns; c++) out.set(column, c, out.get(column, c) + value * m.get(row, c));
  }
  return out;
}
