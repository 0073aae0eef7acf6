/**
 * Kernel ridge regression's float64 work (src/engine/learners/krr.ts is the reference): the Gram matrix
 * K_ij = expFast(-gamma ||x_i - x_j||^2) with 1 + alpha on the diagonal, its Cholesky factor, the solves for the
 * dual weights, and predictions f(t) = sum_i dual_i expFast(-gamma ||t - x_i||^2). f64x2 lanes hold two
 * independent outputs (two rows of the matrix, two test points); each output is computed with the same
 * operations in the same order as the JavaScript (sums over k or i ascending, one multiply then one subtract or
 * add), so the results have the same bits.
 *
 * The matrix is stored in row pairs: entry (i, k) at pair i >> 1, column k, lane i & 1, a v128 per (pair,
 * column) [ceil(n/2)][n]; the lower triangle and the diagonal are used. Training points come column-major
 * [p][n + 1] for the Gram (lanes = two consecutive points, zero-padded) and row-major [n][p] for predictions.
 */
import { EXP4, expFast4, expInPlace } from './exp';

/** Address of entry (i, k) of the row-pair matrix at `a`. */
function at(a: usize, n: i32, i: i32, k: i32): usize {
  return a + (((<usize>(i >> 1) * <usize>n + <usize>k) << 4) | ((<usize>(i & 1)) << 3));
}

/** Squared distances between points 2q, 2q + 1 and point k (column-major, stride `stride`), in feature order. */
function pairDistance(cols: usize, stride: usize, p: i32, q: i32, k: i32): v128 {
  let a = cols + ((<usize>(2 * q)) << 3);
  let b = cols + ((<usize>k) << 3);
  let d = f64x2.sub(v128.load(a), v128.load64_splat(b));
  let s = f64x2.mul(d, d);
  for (let f = 1; f < p; f++) {
    a += stride;
    b += stride;
    d = f64x2.sub(v128.load(a), v128.load64_splat(b));
    s = f64x2.add(s, f64x2.mul(d, d));
  }
  return s;
}

/**
 * The Gram matrix's lower triangle and diagonal (diag = 1 + alpha) into `a`, row pairs: a pair's exponents
 * first, then their exp in place.
 */
export function gram(cols: usize, n: i32, p: i32, negGamma: f64, diag: f64, a: usize): void {
  const stride = (<usize>(n + 1)) << 3;
  const g = f64x2.splat(negGamma);
  for (let q = 0; 2 * q < n; q++) {
    const row = a + ((<usize>q * <usize>n) << 4);
    for (let k = 0; k <= 2 * q; k++) {
      v128.store(row + ((<usize>k) << 4), f64x2.mul(g, pairDistance(cols, stride, p, q, k)));
    }
    expInPlace(row, 2 * q + 1);
    // Column 2q: lane 0 is the diagonal; column 2q + 1: lane 1 is (lane 0 is above it, never read).
    const diagonal = row + ((<usize>(2 * q)) << 4);
    store<f64>(diagonal, diag);
    if (2 * q + 1 < n) v128.store(diagonal + 16, f64x2.replace_lane(f64x2.splat(0), 1, diag));
    else store<f64>(diagonal, 0, 8);
  }
}

/**
 * In place, the Cholesky factor L of the row-pair matrix (cholesky.ts's choleskyInPlace, column by column: the
 * pivot, then L_ij = (A_ij - sum_k<j L_ik L_jk) / L_jj for i > j, four pairs of rows at a time). Returns 0 when a
 * pivot is not positive.
 */
export function cholesky(a: usize, n: i32): i32 {
  const pairs = (n + 1) >> 1;
  const pairBytes = (<usize>n) << 4;
  for (let j = 0; j < n; j++) {
    const rowJ = at(a, n, j, 0);
    let d = load<f64>(at(a, n, j, j));
    for (let k = 0; k < j; k++) {
      const l = load<f64>(rowJ + ((<usize>k) << 4));
      d -= l * l;
    }
    if (!(d > 0)) return 0;
    const pivot = Math.sqrt(d);
    store<f64>(at(a, n, j, j), pivot);
    if ((j & 1) === 0 && j + 1 < n) {
      const rowI = at(a, n, j + 1, 0);
      let s = load<f64>(rowI + ((<usize>j) << 4));
      for (let k = 0; k < j; k++)
        s -= load<f64>(rowI + ((<usize>k) << 4)) * load<f64>(rowJ + ((<usize>k) << 4));
      store<f64>(rowI + ((<usize>j) << 4), s / pivot);
    }
    const pv = f64x2.splat(pivot);
    const colJ = (<usize>j) << 4;
    let q = (j >> 1) + 1;
    for (; q + 3 < pairs; q += 4) {
      const r0 = a + <usize>q * pairBytes;
      const r1 = r0 + pairBytes;
      const r2 = r1 + pairBytes;
      const r3 = r2 + pairBytes;
      let s0 = v128.load(r0 + colJ);
      let s1 = v128.load(r1 + colJ);
      let s2 = v128.load(r2 + colJ);
      let s3 = v128.load(r3 + colJ);
      for (let k: usize = 0; k < colJ; k += 16) {
        const l = v128.load64_splat(rowJ + k);
        s0 = f64x2.sub(s0, f64x2.mul(v128.load(r0 + k), l));
        s1 = f64x2.sub(s1, f64x2.mul(v128.load(r1 + k), l));
        s2 = f64x2.sub(s2, f64x2.mul(v128.load(r2 + k), l));
        s3 = f64x2.sub(s3, f64x2.mul(v128.load(r3 + k), l));
      }
      v128.store(r0 + colJ, f64x2.div(s0, pv));
      v128.store(r1 + colJ, f64x2.div(s1, pv));
      v128.store(r2 + colJ, f64x2.div(s2, pv));
      v128.store(r3 + colJ, f64x2.div(s3, pv));
    }
    for (; q < pairs; q++) {
      const r0 = a + <usize>q * pairBytes;
      let s0 = v128.load(r0 + colJ);
      for (let k: usize = 0; k < colJ; k += 16) {
        s0 = f64x2.sub(s0, f64x2.mul(v128.load(r0 + k), v128.load64_splat(rowJ + k)));
      }
      v128.store(r0 + colJ, f64x2.div(s0, pv));
    }
  }
  return 1;
}

/** x = (L L')^-1 b for the factor (cholesky.ts's choleskySolve); b at `x` is overwritten. */
export function solve(a: usize, n: i32, x: usize): void {
  for (let i = 0; i < n; i++) {
    let s = load<f64>(x + ((<usize>i) << 3));
    for (let k = 0; k < i; k++) s -= load<f64>(at(a, n, i, k)) * load<f64>(x + ((<usize>k) << 3));
    store<f64>(x + ((<usize>i) << 3), s / load<f64>(at(a, n, i, i)));
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = load<f64>(x + ((<usize>i) << 3));
    for (let k = i + 1; k < n; k++) s -= load<f64>(at(a, n, k, i)) * load<f64>(x + ((<usize>k) << 3));
    store<f64>(x + ((<usize>i) << 3), s / load<f64>(at(a, n, i, i)));
  }
}

/**
 * Fit: Gram matrix, factor and dual weights (y at `dual` in, the weights out). Returns 0 when K + alpha I is
 * not positive definite in float64.
 */
export function krrFit(cols: usize, n: i32, p: i32, negGamma: f64, diag: f64, a: usize, dual: usize): i32 {
  gram(cols, n, p, negGamma, diag, a);
  if (!cholesky(a, n)) return 0;
  solve(a, n, dual);
  return 1;
}

/**
 * out[t] = sum_i dual_i expFast(negGamma ||t - x_i||^2), i ascending, for the test points in pair blocks
 * [pairs][p] v128 (lane = point 2b or 2b + 1); training points row-major [n][p]. Two pairs (four points) at a
 * time share each training point's loads and go through expFast4 together.
 */
export function krrPredict(
  train: usize,
  n: i32,
  p: i32,
  dual: usize,
  negGamma: f64,
  test: usize,
  pairs: i32,
  out: usize,
): void {
  const g = f64x2.splat(negGamma);
  const block = (<usize>p) << 4;
  for (let b = 0; b < pairs; b += 2) {
    const t0 = test + <usize>b * block;
    // A lone last pair runs with itself as the second (its result is stored once).
    const t1 = b + 1 < pairs ? t0 + block : t0;
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let x = train;
    for (let i = 0; i < n; i++) {
      let xi = v128.load64_splat(x);
      let d0 = f64x2.sub(v128.load(t0), xi);
      let d1 = f64x2.sub(v128.load(t1), xi);
      let s0 = f64x2.mul(d0, d0);
      let s1 = f64x2.mul(d1, d1);
      for (let f = 1; f < p; f++) {
        xi = v128.load64_splat(x + ((<usize>f) << 3));
        d0 = f64x2.sub(v128.load(t0 + ((<usize>f) << 4)), xi);
        d1 = f64x2.sub(v128.load(t1 + ((<usize>f) << 4)), xi);
        s0 = f64x2.add(s0, f64x2.mul(d0, d0));
        s1 = f64x2.add(s1, f64x2.mul(d1, d1));
      }
      const e0 = expFast4(f64x2.mul(g, s0), f64x2.mul(g, s1));
      const w = v128.load64_splat(dual + ((<usize>i) << 3));
      acc0 = f64x2.add(acc0, f64x2.mul(w, e0));
      acc1 = f64x2.add(acc1, f64x2.mul(w, v128.load(EXP4)));
      x += (<usize>p) << 3;
    }
    v128.store(out + ((<usize>b) << 4), acc0);
    if (b + 1 < pairs) v128.store(out + ((<usize>(b + 1)) << 4), acc1);
  }
}
