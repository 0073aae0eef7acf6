/**
 * Dense networks near the hardware: forward pass, loss, backpropagation and Adam for small fully connected
 * networks, fused, in WebAssembly SIMD. The caller (src/engine/kernels/dense.ts) owns the linear memory: it
 * writes the inputs at addresses from heapBase() up and passes pointers; nothing here allocates.
 *
 * A network: layer sizes s_0 (inputs), s_1, ..., s_L (outputs) as i32 at `sizes`; layer l maps s_(l-1) to s_l,
 * ReLU on the hidden layers, linear output. Its parameters are one f32 vector, layer after layer W_l [in][out]
 * row-major then b_l [out], padded with zeros to a multiple of 4 (paddedParams). Data come in point blocks of
 * four: x [ceil(n/4)][s_0] v128 with lane i = point 4b + i, targets y [ceil(n/4)][s_L] v128, padding lanes 0.
 * `nets` networks of one shape sit one after another (x, y, parameters, Adam moments), each trained on its own
 * data; each is computed alone by the same code, so a network's bits do not depend on the batch it is in.
 */
import { forwardLayer, inputGrads, weightGrads } from './layers';
import { outputLoss } from './loss';

export { LOSS_LOGISTIC, LOSS_MSE, LOSS_SOFTMAX } from './loss';
export { peak } from './peak';

/** Point blocks per tile: a tile's activations stay in the L1 cache between the forward and backward pass. */
const TILE: i32 = 16;

function size(sizes: usize, l: i32): i32 {
  return load<i32>(sizes + ((<usize>l) << 2));
}

/** First byte the caller may use (16-aligned): the module's own data ends below it. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Parameters of one network (weights and biases), unpadded. */
export function paramCount(sizes: usize, layers: i32): i32 {
  let count = 0;
  for (let l = 1; l <= layers; l++) count += (size(sizes, l - 1) + 1) * size(sizes, l);
  return count;
}

/** Parameters of one network as stored: padded to a multiple of 4 floats (16 bytes). */
export function paddedParams(sizes: usize, layers: i32): i32 {
  return (paramCount(sizes, layers) + 3) & ~3;
}

function widest(sizes: usize, layers: i32): i32 {
  let w = 0;
  for (let l = 1; l <= layers; l++) w = max(w, size(sizes, l));
  return w;
}

/** Bytes of working memory train, evaluate and predict need at `scratch`. */
export function scratchBytes(sizes: usize, layers: i32): usize {
  let acts: usize = 0;
  for (let l = 1; l <= layers; l++) acts += (<usize>(TILE * size(sizes, l))) << 4;
  const deltas = (<usize>(2 * TILE * widest(sizes, layers))) << 4;
  const padded = <usize>paddedParams(sizes, layers);
  return acts + deltas + (padded << 4) + (padded << 2) + 16;
}

/**
 * Loss of one network on its n points (mean over the points), and when `grads` is not 0 its gradient there
 * (paddedParams floats). Points go through in tiles: forward, output gradient, backward, each tile's weight
 * gradients added to per-lane partial sums that are reduced once at the end, (l0 + l1) + (l2 + l3).
 */
function netPass(
  sizes: usize,
  L: i32,
  n: i32,
  kind: i32,
  x: usize,
  y: usize,
  theta: usize,
  grads: usize,
  scratch: usize,
): f32 {
  const p = size(sizes, 0);
  const k = size(sizes, L);
  const nb = (n + 3) >> 2;
  let acts = scratch;
  for (let l = 1; l <= L; l++) acts += (<usize>(TILE * size(sizes, l))) << 4;
  const deltaA = acts;
  const deltaB = deltaA + ((<usize>(TILE * widest(sizes, L))) << 4);
  const acc = deltaB + ((<usize>(TILE * widest(sizes, L))) << 4);
  const padded = paddedParams(sizes, L);
  if (grads) memory.fill(acc, 0, (<usize>padded) << 4);
  // The loss's lane sums: the last 16 bytes of the scratch.
  const sumsAt = acc + ((<usize>padded) << 4) + ((<usize>padded) << 2);
  v128.store(sumsAt, f32x4.splat(0));
  for (let first = 0; first < nb; first += TILE) {
    const tb = min(TILE, nb - first);
    // Forward: layer l's outputs at scratch + sum_(m < l) TILE s_m blocks.
    const input = x + ((<usize>(first * p)) << 4);
    let h = input;
    let out = scratch;
    let w = theta;
    for (let l = 1; l <= L; l++) {
      const K = size(sizes, l - 1);
      const J = size(sizes, l);
      forwardLayer(h, K, w, J, out, tb, l < L);
      h = out;
      out += (<usize>(TILE * J)) << 4;
      w += (<usize>((K + 1) * J)) << 2;
    }
    const g = grads ? deltaA : 0;
    outputLoss(kind, h, y + ((<usize>(first * k)) << 4), k, first, tb, n, g, sumsAt);
    if (!grads) continue;
    // Backward, from the top layer: its input is the layer below's output (the data for layer 1).
    let gOut = deltaA;
    let gIn = deltaB;
    let wEnd = theta + ((<usize>paramCount(sizes, L)) << 2);
    let aEnd = acc + ((<usize>paramCount(sizes, L)) << 4);
    let below = h;
    for (let l = L; l >= 1; l--) {
      const K = size(sizes, l - 1);
      const J = size(sizes, l);
      const wl = wEnd - ((<usize>((K + 1) * J)) << 2);
      const al = aEnd - ((<usize>((K + 1) * J)) << 4);
      below = l > 1 ? below - ((<usize>(TILE * K)) << 4) : input;
      weightGrads(below, K, gOut, J, al, tb);
      if (l > 1) {
        inputGrads(gOut, J, wl, K, below, gIn, tb);
        const swap = gOut;
        gOut = gIn;
        gIn = swap;
      }
      wEnd = wl;
      aEnd = al;
    }
  }
  if (grads) {
    const count = paramCount(sizes, L);
    for (let i = 0; i < count; i++) {
      const a = v128.load(acc + ((<usize>i) << 4));
      const s =
        f32x4.extract_lane(a, 0) +
        f32x4.extract_lane(a, 1) +
        (f32x4.extract_lane(a, 2) + f32x4.extract_lane(a, 3));
      store<f32>(grads + ((<usize>i) << 2), s);
    }
    for (let i = count; i < padded; i++) store<f32>(grads + ((<usize>i) << 2), 0);
  }
  const sums = v128.load(sumsAt);
  const total =
    f32x4.extract_lane(sums, 0) +
    f32x4.extract_lane(sums, 1) +
    (f32x4.extract_lane(sums, 2) + f32x4.extract_lane(sums, 3));
  return total / <f32>n;
}

/**
 * Losses (f32 at losses[b]) and, when `grads` is not 0, gradients (paddedParams floats per network, one after
 * another) of `nets` networks at their current parameters. No parameter changes.
 */
export function evaluate(
  sizes: usize,
  layers: i32,
  nets: i32,
  n: i32,
  kind: i32,
  x: usize,
  y: usize,
  theta: usize,
  losses: usize,
  grads: usize,
  scratch: usize,
): void {
  const nb = (n + 3) >> 2;
  const xStride = (<usize>(nb * size(sizes, 0))) << 4;
  const yStride = (<usize>(nb * size(sizes, layers))) << 4;
  const pStride = (<usize>paddedParams(sizes, layers)) << 2;
  for (let b = 0; b < nets; b++) {
    const grad = grads ? grads + <usize>b * pStride : 0;
    const loss = netPass(
      sizes,
      layers,
      n,
      kind,
      x + <usize>b * xStride,
      y + <usize>b * yStride,
      theta + <usize>b * pStride,
      grad,
      scratch,
    );
    store<f32>(losses + ((<usize>b) << 2), loss);
  }
}

/**
 * `epochs` full-batch Adam steps for each of `nets` networks, network after network. adam: f32 b1, 1 - b1, b2,
 * 1 - b2, epsilon, then per step e the pair lr / (1 - b1^t), 1 - b2^t for its step number t (the bias
 * corrections, computed by the caller). losses[b * epochs + e]: network b's loss before step e (the forward pass
 * that step's gradient comes from). theta, m and v (paddedParams floats per network) are updated in place.
 */
export function train(
  sizes: usize,
  layers: i32,
  nets: i32,
  n: i32,
  kind: i32,
  x: usize,
  y: usize,
  theta: usize,
  m: usize,
  v: usize,
  epochs: i32,
  adam: usize,
  losses: usize,
  scratch: usize,
): void {
  const nb = (n + 3) >> 2;
  const xStride = (<usize>(nb * size(sizes, 0))) << 4;
  const yStride = (<usize>(nb * size(sizes, layers))) << 4;
  const padded = paddedParams(sizes, layers);
  const pStride = (<usize>padded) << 2;
  const grads = scratch + scratchBytes(sizes, layers) - pStride - 16;
  const b1 = f32x4.splat(load<f32>(adam));
  const b1c = f32x4.splat(load<f32>(adam, 4));
  const b2 = f32x4.splat(load<f32>(adam, 8));
  const b2c = f32x4.splat(load<f32>(adam, 12));
  const eps = f32x4.splat(load<f32>(adam, 16));
  for (let b = 0; b < nets; b++) {
    const th = theta + <usize>b * pStride;
    const mb = m + <usize>b * pStride;
    const vb = v + <usize>b * pStride;
    for (let e = 0; e < epochs; e++) {
      const loss = netPass(
        sizes,
        layers,
        n,
        kind,
        x + <usize>b * xStride,
        y + <usize>b * yStride,
        th,
        grads,
        scratch,
      );
      store<f32>(losses + ((<usize>(b * epochs + e)) << 2), loss);
      const c1 = f32x4.splat(load<f32>(adam + 20 + ((<usize>e) << 3)));
      const c2 = f32x4.splat(load<f32>(adam + 24 + ((<usize>e) << 3)));
      // As tf.train.adam: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, theta -= c1 m / (sqrt(v / c2) + eps).
      for (let i: usize = 0; i < pStride; i += 16) {
        const g = v128.load(grads + i);
        const mi = f32x4.add(f32x4.mul(v128.load(mb + i), b1), f32x4.mul(g, b1c));
        const vi = f32x4.add(f32x4.mul(v128.load(vb + i), b2), f32x4.mul(f32x4.mul(g, g), b2c));
        const den = f32x4.add(f32x4.sqrt(f32x4.div(vi, c2)), eps);
        v128.store(mb + i, mi);
        v128.store(vb + i, vi);
        v128.store(th + i, f32x4.sub(v128.load(th + i), f32x4.mul(f32x4.div(mi, den), c1)));
      }
    }
  }
}

/**
 * The outputs of one network (parameters at theta) for nb point blocks at x: out [nb][s_L] v128. Forward pass
 * only, the same arithmetic as training's.
 */
export function predict(
  sizes: usize,
  layers: i32,
  theta: usize,
  nb: i32,
  x: usize,
  out: usize,
  scratch: usize,
): void {
  const p = size(sizes, 0);
  const k = size(sizes, layers);
  for (let first = 0; first < nb; first += TILE) {
    const tb = min(TILE, nb - first);
    let h = x + ((<usize>(first * p)) << 4);
    let next = scratch;
    let w = theta;
    for (let l = 1; l <= layers; l++) {
      const K = size(sizes, l - 1);
      const J = size(sizes, l);
      const target = l == layers ? out + ((<usize>(first * k)) << 4) : next;
      forwardLayer(h, K, w, J, target, tb, l < layers);
      h = target;
      next += (<usize>(TILE * J)) << 4;
      w += (<usize>((K + 1) * J)) << 2;
    }
  }
}
