/**
 * A = V diag(lambda) V' for a small symmetric A by cyclic Jacobi rotations (Golub and Van Loan 8.5): each zeroes
 * a_pq with tan = sgn(theta) / (|theta| + sqrt(theta^2 + 1)), theta = (a_qq - a_pp) / (2 a_pq).
 */

export interface SymmetricEigen {
  /** Eigenvalues, in the order of the columns of `vectors`. */
  readonly values: Float64Array;
  /** n x n row-major, eigenvectors in the columns (orthonormal). */
  readonly vectors: Float64Array;
  /** Column indices by eigenvalue, largest first (ties: lower index first). */
  readonly order: Int32Array;
}

/**
 * Eigenpairs of the symmetric n x n matrix `a` (row-major; only its values are read, `a` is not changed). Jacobi
 * is slow for large n (O(n^3) per sweep) but accurate to rounding, also for tiny eigenvalues, and simple: it is
 * meant for the small Rayleigh-Ritz problems of pca.ts (k + oversample <= ~120).
 */
export function jacobiEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new RangeError(`jacobiEigen: ${a.length} entries do not fill ${n} x ${n}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let scale = 0;
  for (const e of m) scale += e * e;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! * m[p * n + q]!;
    // Converged once the off-diagonal mass is rounding next to the whole matrix.
    if (off <= 1e-32 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A <- J' A J with J the rotation in the (p, q) plane: rows then columns.
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = Float64Array.from({ length: n }, (_, i) => m[i * n + i]!);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => values[y]! - values[x]! || x - y);
  return { values, vectors: v, order };
}
