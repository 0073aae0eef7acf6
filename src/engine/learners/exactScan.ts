/**
 * The exact float64 k-nearest-neighbour scan that every search path ends with or falls back on (neighbors.ts,
 * neighbors-tensor.ts): squared Euclidean distances, ties broken by the lower training index, as scikit-learn.
 */
import { rowDistanceSquared, type Matrix } from '../matrix';

/**
 * The k nearest training rows of query row q by a full float64 scan: a sorted buffer of the best k so far
 * (by distance, then index), so a scan costs O(n) plus O(k) per improvement.
 */
export function exactScan(
  train: Matrix,
  query: Matrix,
  q: number,
  k: number,
  out: Int32Array,
  best: Float64Array = new Float64Array(k),
): void {
  let filled = 0;
  let worst = Number.POSITIVE_INFINITY; // best[k - 1] once k are in
  const t = train.data;
  const p = train.cols;
  // Two features (the 2-D pictures, S1): the distance written out, the same operations in the same order.
  const q0 = p === 2 ? query.data[q * 2]! : 0;
  const q1 = p === 2 ? query.data[q * 2 + 1]! : 0;
  for (let i = 0; i < train.rows; i++) {
    let d: number;
    if (p === 2) {
      const d0 = q0 - t[i * 2]!;
      const d1 = q1 - t[i * 2 + 1]!;
      d = d0 * d0 + d1 * d1;
    } else d = rowDistanceSquared(query.data, q, t, i, p);
    if (d >= worst) continue; // equal distance: the lower index, already in, wins
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && best[at - 1]! > d) {
      best[at] = best[at - 1]!;
      out[q * k + at] = out[q * k + at - 1]!;
      at--;
    }
    best[at] = d;
    out[q * k + at] = i;
    if (filled === k) worst = best[k - 1]!;
  }
}
