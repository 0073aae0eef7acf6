/**
 * kNN's exact float64 scan (src/engine/learners/exactScan.ts is the reference): for each query, the k nearest
 * training points by squared Euclidean distance, ties to the lower index, kept in a sorted buffer of the best k.
 * Distances come two training points at a time, four with two features (f64x2 lanes: points i and i + 1, each
 * summed over the features in order, as the JavaScript); the common case, none nearer than the current k-th, is
 * one compare. A group with a candidate goes through the buffer point by point in index order, exactly as the
 * one-at-a-time scan would.
 */

/** Distances of a group of training points that holds a candidate, lane by lane (static scratch). */
const GROUP: usize = memory.data(32, 16);

/**
 * exactScan.ts's sorted insertion, once the buffer holds k, of the `count` distances at GROUP (training points
 * i0, i0 + 1, ...) in order: a distance goes in when nearer than the k-th (an equal one keeps the lower index,
 * already in), shifting the farther ones down. Returns the new k-th distance.
 */
function insertGroup(count: i32, i0: i32, k: i32, out: usize, best: usize, worst: f64): f64 {
  for (let m = 0; m < count; m++) {
    const d = load<f64>(GROUP + ((<usize>m) << 3));
    if (d >= worst) continue;
    let at = k - 1;
    while (at > 0 && load<f64>(best + ((<usize>(at - 1)) << 3)) > d) {
      store<f64>(best + ((<usize>at) << 3), load<f64>(best + ((<usize>(at - 1)) << 3)));
      store<i32>(out + ((<usize>at) << 2), load<i32>(out + ((<usize>(at - 1)) << 2)));
      at--;
    }
    store<f64>(best + ((<usize>at) << 3), d);
    store<i32>(out + ((<usize>at) << 2), i0 + m);
    worst = load<f64>(best + ((<usize>(k - 1)) << 3));
  }
  return worst;
}

/** Squared distance between query (p values) and training point i (column-major, stride bytes), in order. */
function distance(cols: usize, stride: usize, p: i32, query: usize, i: i32): f64 {
  let c = cols + ((<usize>i) << 3);
  let d = load<f64>(query) - load<f64>(c);
  let s = d * d;
  for (let f = 1; f < p; f++) {
    c += stride;
    d = load<f64>(query + ((<usize>f) << 3)) - load<f64>(c);
    s += d * d;
  }
  return s;
}

/**
 * For queries [rows][p] (row-major) against training points column-major [p][n + 1] (stride n + 1), the k
 * nearest indices of each query into out [rows][k] (i32; untouched slots stay as they were), nearest first.
 * `best` is k f64 of scratch.
 */
export function knnScan(
  cols: usize,
  n: i32,
  p: i32,
  queries: usize,
  rows: i32,
  k: i32,
  out: usize,
  best: usize,
): void {
  const stride = (<usize>(n + 1)) << 3;
  for (let q = 0; q < rows; q++) {
    const query = queries + ((<usize>q * <usize>p) << 3);
    const o = out + ((<usize>q * <usize>k) << 2);
    // Until k are in, exactScan's insertion in full (as there, a distance of +Infinity never goes in).
    let filled = 0;
    let worst = Infinity;
    let i = 0;
    for (; filled < k && i < n; i++) {
      const d = distance(cols, stride, p, query, i);
      if (d >= worst) continue;
      let at = filled++;
      while (at > 0 && load<f64>(best + ((<usize>(at - 1)) << 3)) > d) {
        store<f64>(best + ((<usize>at) << 3), load<f64>(best + ((<usize>(at - 1)) << 3)));
        store<i32>(o + ((<usize>at) << 2), load<i32>(o + ((<usize>(at - 1)) << 2)));
        at--;
      }
      store<f64>(best + ((<usize>at) << 3), d);
      store<i32>(o + ((<usize>at) << 2), i);
      if (filled === k) worst = load<f64>(best + ((<usize>(k - 1)) << 3));
    }
    // Then groups of four (p = 2) or two training points, one compare when none is nearer than the k-th; one
    // place inserts (so the optimizer inlines insertGroup), the last odd points one at a time.
    const q0 = v128.load64_splat(query);
    const q1 = v128.load64_splat(query, 8); // used only when p = 2
    while (i < n) {
      let count = 1;
      if (p === 2 && i + 3 < n) {
        const c = cols + ((<usize>i) << 3);
        const a0 = f64x2.sub(q0, v128.load(c));
        const a1 = f64x2.sub(q1, v128.load(c + stride));
        const b0 = f64x2.sub(q0, v128.load(c, 16));
        const b1 = f64x2.sub(q1, v128.load(c + stride, 16));
        const da = f64x2.add(f64x2.mul(a0, a0), f64x2.mul(a1, a1));
        const db = f64x2.add(f64x2.mul(b0, b0), f64x2.mul(b1, b1));
        const w = f64x2.splat(worst);
        if (i64x2.all_true(v128.and(f64x2.ge(da, w), f64x2.ge(db, w)))) {
          i += 4;
          continue;
        }
        v128.store(GROUP, da);
        v128.store(GROUP, db, 16);
        count = 4;
      } else if (p !== 2 && i + 1 < n) {
        let c = cols + ((<usize>i) << 3);
        let d = f64x2.sub(q0, v128.load(c));
        let s = f64x2.mul(d, d);
        for (let f = 1; f < p; f++) {
          c += stride;
          d = f64x2.sub(v128.load64_splat(query + ((<usize>f) << 3)), v128.load(c));
          s = f64x2.add(s, f64x2.mul(d, d));
        }
        if (i64x2.all_true(f64x2.ge(s, f64x2.splat(worst)))) {
          i += 2;
          continue;
        }
        v128.store(GROUP, s);
        count = 2;
      } else store<f64>(GROUP, distance(cols, stride, p, query, i));
      worst = insertGroup(count, i, k, o, best, worst);
      i += count;
    }
  }
}
