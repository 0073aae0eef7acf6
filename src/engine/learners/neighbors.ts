/**
 * Exact k-nearest-neighbour search (Euclidean) accelerated by tfjs. The tensor backend (WebGL, WASM or CPU)
 * computes float32 squared distances d32 for query blocks and keeps the c = k + margin smallest; those candidates
 * are re-ranked in float64. A rounding bound B(d) >= |d32 - d| proves that no other training point can be nearer
 * than the exact k-th distance when d_k < d32_(c) - B(d32_(c)); when that fails, the query is scanned in float64.
 * So the neighbours, and every number built on them, are the same on every backend and match scikit-learn.
 * Off WebGL (tfjs's CPU and WASM backends) the float64 scan runs alone: it is exact by itself and faster there
 * than tfjs's kernels (S1's kNN fits, `npm run bench`: 3.4x faster than the WASM candidate search).
 */
import { rowDistanceSquared, type Matrix } from '../matrix';
import { tensorBackend, tensorsReady } from '../tensorBackend';
import { sliceDue, yieldSlice } from '../yieldToEvents';

export interface NeighborResult {
  /** Row-major [queries x k] indices into the training rows, nearest first (ties broken by lower index). */
  readonly indices: Int32Array;
  /** Queries whose candidates could not be proven complete and were scanned exactly in float64. */
  readonly exactScans: number;
}

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

/**
 * `tensorPath`: use the float32 candidate search on the active tfjs backend (default: only on WebGL). The unit
 * tests force it on WASM to check the candidate proof without a GPU; the neighbours are the same either way.
 */
export async function nearestNeighbors(
  train: Matrix,
  query: Matrix,
  k: number,
  tensorPath: boolean = tensorBackend() === 'webgl',
): Promise<NeighborResult> {
  const { rows: n, cols: p } = train;
  if (query.cols !== p) throw new Error(`neighbors: query has ${query.cols} features, training data ${p}`);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new Error(`neighbors: k = ${k} with ${n} training points`);
  const indices = new Int32Array(query.rows * k);
  if (query.rows === 0) return { indices, exactScans: 0 };
  if (tensorPath) {
    // tfjs (and the backend) load with the first search that uses them.
    await tensorsReady();
    const { tensorCandidates } = await import('./neighbors-tensor');
    const exactScans = await tensorCandidates(train, query, k, indices);
    if (exactScans !== null) return { indices, exactScans };
  }
  // tfjs's CPU kernels are plain JavaScript too (and its topk sorts whole rows), and WASM's per-op overhead and
  // float32 candidate pass cost more than the exact float64 scan: only a GPU earns the tensor path.
  const best = new Float64Array(k);
  for (let q = 0; q < query.rows; q++) {
    // Long searches give the thread back now and then (the main-thread fallback's frame budget).
    if ((q & 127) === 127 && sliceDue()) await yieldSlice();
    exactScan(train, query, q, k, indices, best);
  }
  return { indices, exactScans: query.rows };
}
