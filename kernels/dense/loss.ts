/**
 * The output layer's loss and its gradient dL/df for one tile of point blocks. Padding lanes (the points past n
 * in the last block) add nothing to the loss and get a zero gradient.
 */

/** Squared error summed over the outputs, mean over the points: L = (1/n) sum_i sum_o (f - y)^2. */
export const LOSS_MSE: i32 = 0;
/** Log-loss of independent sigmoid outputs (one output: binary classification), mean over the points. */
export const LOSS_LOGISTIC: i32 = 1;
/** Reserved: softmax cross-entropy over the k outputs (a later digits MLP or CNN); not implemented yet. */
export const LOSS_SOFTMAX: i32 = 2;

/** All-ones lanes for the points 4 * block + i < n, zeros for the padding. */
function validLanes(block: i32, n: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(n - (block << 2)));
}

/**
 * For blocks first .. first + tb - 1: f [tb][k] v128 (the network's outputs), y the same shape; writes
 * g = dL/df to `g` (same shape) when `g` is not 0, and adds the loss terms to the lanes' partial sums, one
 * v128 at `sums` (before the division by n), blocks ascending.
 */
export function outputLoss(
  kind: i32,
  f: usize,
  y: usize,
  k: i32,
  first: i32,
  tb: i32,
  n: i32,
  g: usize,
  sumsAt: usize,
): void {
  let sums = v128.load(sumsAt);
  const count = tb * k;
  const last = (n + 3) >> 2;
  if (kind == LOSS_MSE) {
    const twoOverN = f32x4.splat(<f32>2 / <f32>n);
    for (let i = 0; i < count; i++) {
      const i16 = (<usize>i) << 4;
      let d = f32x4.sub(v128.load(f + i16), v128.load(y + i16));
      const block = first + i / k;
      if (block == last - 1) d = v128.and(d, validLanes(block, n));
      sums = f32x4.add(sums, f32x4.mul(d, d));
      if (g) v128.store(g + i16, f32x4.mul(d, twoOverN));
    }
    v128.store(sumsAt, sums);
    return;
  }
  // Logistic: per lane, softplus(f) - y f = max(f, 0) - y f + log1p(exp(-|f|)), and (sigmoid(f) - y) / n.
  const nf = <f32>n;
  for (let i = 0; i < count; i++) {
    const i16 = (<usize>i) << 4;
    const block = first + i / k;
    const lanes = block == last - 1 ? n - (block << 2) : 4;
    let terms = f32x4.splat(0);
    for (let lane = 0; lane < 4; lane++) {
      const z = load<f32>(f + i16 + ((<usize>lane) << 2));
      const t = load<f32>(y + i16 + ((<usize>lane) << 2));
      let term: f32 = 0;
      let grad: f32 = 0;
      if (lane < lanes) {
        term = Mathf.max(z, 0) - t * z + Mathf.log1p(Mathf.exp(-Mathf.abs(z)));
        let s: f32;
        if (z >= 0) {
          s = 1 / (1 + Mathf.exp(-z));
        } else {
          const e = Mathf.exp(z);
          s = e / (1 + e);
        }
        grad = (s - t) / nf;
      }
      terms = shiftIn(terms, term, lane);
      if (g) store<f32>(g + i16 + ((<usize>lane) << 2), grad);
    }
    sums = f32x4.add(sums, terms);
  }
  v128.store(sumsAt, sums);
}

/** `v` with lane `lane` set to `x` (replace_lane takes a constant lane). */
function shiftIn(v: v128, x: f32, lane: i32): v128 {
  if (lane == 0) return f32x4.replace_lane(v, 0, x);
  if (lane == 1) return f32x4.replace_lane(v, 1, x);
  if (lane == 2) return f32x4.replace_lane(v, 2, x);
  return f32x4.replace_lane(v, 3, x);
}
