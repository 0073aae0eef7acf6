/**
 * The matmul-like loops of one dense layer on a tile of point blocks. A v128 holds one unit of four points
 * (lane i = point 4b + i), so every loop is vertical f32x4 arithmetic: no horizontal sums, any layer width.
 * Activations are [blocks][units] v128; weights W [in][out] f32 row-major, then the biases b [out] f32.
 *
 * Every lane sums in one fixed order (k or t ascending, one multiply then one add: no fused multiply-add), so a
 * lane's result does not depend on how the loops are blocked, on the other lanes or on the other networks.
 */

/** out[t][j] = act(b[j] + sum_k h[t][k] W[k][j]) for blocks t < tb; act = ReLU when `relu`, else identity. */
export function forwardLayer(h: usize, K: i32, w: usize, J: i32, out: usize, tb: i32, relu: bool): void {
  const bias = w + ((<usize>K * <usize>J) << 2);
  const rowH = (<usize>K) << 4;
  const rowO = (<usize>J) << 4;
  const rowW = (<usize>J) << 2;
  const zero = f32x4.splat(0);
  let t = 0;
  for (; t + 1 < tb; t += 2) {
    const h0 = h + <usize>t * rowH;
    const h1 = h0 + rowH;
    const o0 = out + <usize>t * rowO;
    const o1 = o0 + rowO;
    let j = 0;
    for (; j + 3 < J; j += 4) {
      const bj = bias + ((<usize>j) << 2);
      let a0 = v128.load32_splat(bj);
      let a1 = v128.load32_splat(bj, 4);
      let a2 = v128.load32_splat(bj, 8);
      let a3 = v128.load32_splat(bj, 12);
      let c0 = a0;
      let c1 = a1;
      let c2 = a2;
      let c3 = a3;
      let wk = w + ((<usize>j) << 2);
      for (let k: usize = 0; k < rowH; k += 16) {
        const x0 = v128.load(h0 + k);
        const x1 = v128.load(h1 + k);
        const w0 = v128.load32_splat(wk);
        const w1 = v128.load32_splat(wk, 4);
        const w2 = v128.load32_splat(wk, 8);
        const w3 = v128.load32_splat(wk, 12);
        a0 = f32x4.add(a0, f32x4.mul(x0, w0));
        a1 = f32x4.add(a1, f32x4.mul(x0, w1));
        a2 = f32x4.add(a2, f32x4.mul(x0, w2));
        a3 = f32x4.add(a3, f32x4.mul(x0, w3));
        c0 = f32x4.add(c0, f32x4.mul(x1, w0));
        c1 = f32x4.add(c1, f32x4.mul(x1, w1));
        c2 = f32x4.add(c2, f32x4.mul(x1, w2));
        c3 = f32x4.add(c3, f32x4.mul(x1, w3));
        wk += rowW;
      }
      if (relu) {
        a0 = f32x4.max(a0, zero);
        a1 = f32x4.max(a1, zero);
        a2 = f32x4.max(a2, zero);
        a3 = f32x4.max(a3, zero);
        c0 = f32x4.max(c0, zero);
        c1 = f32x4.max(c1, zero);
        c2 = f32x4.max(c2, zero);
        c3 = f32x4.max(c3, zero);
      }
      const oj = (<usize>j) << 4;
      v128.store(o0 + oj, a0);
      v128.store(o0 + oj, a1, 16);
      v128.store(o0 + oj, a2, 32);
      v128.store(o0 + oj, a3, 48);
      v128.store(o1 + oj, c0);
      v128.store(o1 + oj, c1, 16);
      v128.store(o1 + oj, c2, 32);
      v128.store(o1 + oj, c3, 48);
    }
    for (; j < J; j++) {
      forwardUnit(
        h0,
        rowH,
        w + ((<usize>j) << 2),
        rowW,
        bias + ((<usize>j) << 2),
        o0 + ((<usize>j) << 4),
        relu,
      );
      forwardUnit(
        h1,
        rowH,
        w + ((<usize>j) << 2),
        rowW,
        bias + ((<usize>j) << 2),
        o1 + ((<usize>j) << 4),
        relu,
      );
    }
  }
  if (t < tb) {
    const h0 = h + <usize>t * rowH;
    const o0 = out + <usize>t * rowO;
    for (let j = 0; j < J; j++) {
      forwardUnit(
        h0,
        rowH,
        w + ((<usize>j) << 2),
        rowW,
        bias + ((<usize>j) << 2),
        o0 + ((<usize>j) << 4),
        relu,
      );
    }
  }
}

/** One unit of one block: the same sum, in the same order, as the blocked loop's. */
function forwardUnit(h: usize, rowH: usize, wj: usize, rowW: usize, bj: usize, o: usize, relu: bool): void {
  let a = v128.load32_splat(bj);
  for (let k: usize = 0; k < rowH; k += 16) {
    a = f32x4.add(a, f32x4.mul(v128.load(h + k), v128.load32_splat(wj)));
    wj += rowW;
  }
  v128.store(o, relu ? f32x4.max(a, f32x4.splat(0)) : a);
}

/**
 * Adds this tile's weight gradients to the lane partial sums: acc[k][j] += sum_t h[t][k] g[t][j], then the
 * bias sums accB[j] += sum_t g[t][j] (acc [K][J] v128, accB right after it), t ascending.
 */
export function weightGrads(h: usize, K: i32, g: usize, J: i32, acc: usize, tb: i32): void {
  const rowH = (<usize>K) << 4;
  const rowG = (<usize>J) << 4;
  const end = <usize>tb * rowG;
  let k = 0;
  for (; k + 1 < K; k += 2) {
    const hk = h + ((<usize>k) << 4);
    const r0 = acc + <usize>k * rowG;
    const r1 = r0 + rowG;
    let j = 0;
    for (; j + 3 < J; j += 4) {
      const oj = (<usize>j) << 4;
      let a0 = v128.load(r0 + oj);
      let a1 = v128.load(r0 + oj, 16);
      let a2 = v128.load(r0 + oj, 32);
      let a3 = v128.load(r0 + oj, 48);
      let c0 = v128.load(r1 + oj);
      let c1 = v128.load(r1 + oj, 16);
      let c2 = v128.load(r1 + oj, 32);
      let c3 = v128.load(r1 + oj, 48);
      let ht = hk;
      for (let gt = g + oj; gt < g + oj + end; gt += rowG) {
        const x0 = v128.load(ht);
        const x1 = v128.load(ht, 16);
        const g0 = v128.load(gt);
        const g1 = v128.load(gt, 16);
        const g2 = v128.load(gt, 32);
        const g3 = v128.load(gt, 48);
        a0 = f32x4.add(a0, f32x4.mul(x0, g0));
        a1 = f32x4.add(a1, f32x4.mul(x0, g1));
        a2 = f32x4.add(a2, f32x4.mul(x0, g2));
        a3 = f32x4.add(a3, f32x4.mul(x0, g3));
        c0 = f32x4.add(c0, f32x4.mul(x1, g0));
        c1 = f32x4.add(c1, f32x4.mul(x1, g1));
        c2 = f32x4.add(c2, f32x4.mul(x1, g2));
        c3 = f32x4.add(c3, f32x4.mul(x1, g3));
        ht += rowH;
      }
      v128.store(r0 + oj, a0);
      v128.store(r0 + oj, a1, 16);
      v128.store(r0 + oj, a2, 32);
      v128.store(r0 + oj, a3, 48);
      v128.store(r1 + oj, c0);
      v128.store(r1 + oj, c1, 16);
      v128.store(r1 + oj, c2, 32);
      v128.store(r1 + oj, c3, 48);
    }
    for (; j < J; j++) {
      weightUnit(hk, rowH, g + ((<usize>j) << 4), rowG, end, r0 + ((<usize>j) << 4));
      weightUnit(hk + 16, rowH, g + ((<usize>j) << 4), rowG, end, r1 + ((<usize>j) << 4));
    }
  }
  for (; k < K; k++) {
    const r = acc + <usize>k * rowG;
    for (let j = 0; j < J; j++) {
      weightUnit(h + ((<usize>k) << 4), rowH, g + ((<usize>j) << 4), rowG, end, r + ((<usize>j) << 4));
    }
  }
  const accB = acc + <usize>K * rowG;
  for (let j = 0; j < J; j++) {
    const gj = g + ((<usize>j) << 4);
    let a = v128.load(accB + ((<usize>j) << 4));
    for (let at: usize = 0; at < end; at += rowG) a = f32x4.add(a, v128.load(gj + at));
    v128.store(accB + ((<usize>j) << 4), a);
  }
}

function weightUnit(hk: usize, rowH: usize, gj: usize, rowG: usize, end: usize, r: usize): void {
  let a = v128.load(r);
  let ht = hk;
  for (let at: usize = 0; at < end; at += rowG) {
    a = f32x4.add(a, f32x4.mul(v128.load(ht), v128.load(gj + at)));
    ht += rowH;
  }
  v128.store(r, a);
}

/**
 * The gradient at the layer's input: gp[t][k] = (sum_j g[t][j] W[k][j]) where h[t][k] > 0 (ReLU's derivative
 * at the input it produced), else 0; j ascending.
 */
export function inputGrads(g: usize, J: i32, w: usize, K: i32, h: usize, gp: usize, tb: i32): void {
  const rowG = (<usize>J) << 4;
  const rowH = (<usize>K) << 4;
  const rowW = (<usize>J) << 2;
  const zero = f32x4.splat(0);
  for (let t = 0; t < tb; t++) {
    const gt = g + <usize>t * rowG;
    const ht = h + <usize>t * rowH;
    const pt = gp + <usize>t * rowH;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      let a0 = zero;
      let a1 = zero;
      let a2 = zero;
      let a3 = zero;
      let wj = w + <usize>k * rowW;
      for (let j: usize = 0; j < rowG; j += 16) {
        const gv = v128.load(gt + j);
        a0 = f32x4.add(a0, f32x4.mul(gv, v128.load32_splat(wj)));
        a1 = f32x4.add(a1, f32x4.mul(gv, v128.load32_splat(wj + rowW)));
        a2 = f32x4.add(a2, f32x4.mul(gv, v128.load32_splat(wj + 2 * rowW)));
        a3 = f32x4.add(a3, f32x4.mul(gv, v128.load32_splat(wj + 3 * rowW)));
        wj += 4;
      }
      const ok = (<usize>k) << 4;
      v128.store(pt + ok, v128.and(a0, f32x4.gt(v128.load(ht + ok), zero)));
      v128.store(pt + ok, v128.and(a1, f32x4.gt(v128.load(ht + ok, 16), zero)), 16);
      v128.store(pt + ok, v128.and(a2, f32x4.gt(v128.load(ht + ok, 32), zero)), 32);
      v128.store(pt + ok, v128.and(a3, f32x4.gt(v128.load(ht + ok, 48), zero)), 48);
    }
    for (; k < K; k++) {
      let a = zero;
      let wj = w + <usize>k * rowW;
      for (let j: usize = 0; j < rowG; j += 16) {
        a = f32x4.add(a, f32x4.mul(v128.load(gt + j), v128.load32_splat(wj)));
        wj += 4;
      }
      const ok = (<usize>k) << 4;
      v128.store(pt + ok, v128.and(a, f32x4.gt(v128.load(ht + ok), zero)));
    }
  }
}
