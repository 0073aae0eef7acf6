/**
 * Exact k-nearest-neighbour search (Euclidean) accelerated by tfjs. The tensor backend (WebGL, WASM or CPU)
 * computes float32 squared distances d32 for query blocks and keeps the c = k + margin smallest; those candidates
 * are re-ranked in float64. A rounding bound B(d) >= |d32 - d| proves that no other training point can be nearer
 * than the exact k-th distance when d_k < d32_(c) - B(d32_(c)); when that fails, the query is scanned in float64.
 * So the neighbours, and every number built on them, are the same on every backend and match scikit-learn.
 * Off WebGL (tfjs's CPU and WASM backends) the float64 scan runs alone: it is exact by itself and faster there
 * than tfjs's kernels (S1's kNN fits, `npm run bench`: 3.4x faster than the WASM candidate search).
 */
import * as tf from '@tensorflow/tfjs-core';
import { maxAbs, rowDistanceSquared, type Matrix } from '../matrix';

/** Extra float32 candidates beyond k: absorbs near-ties without a full float64 scan. */
const CANDIDATE_MARGIN = 16;
/** Elements in one [block, n, p] difference tensor: bounds GPU / WASM memory per step (16 MiB of float32). */
const MAX_BLOCK_ELEMENTS = 1 << 22;

export interface NeighborResult {
  /** Row-major [queries x k] indices into the training rows, nearest first (ties broken by lower index). */
  readonly indices: Int32Array;
  /** Queries whose candidates could not be proven complete and were scanned exactly in float64. */
  readonly exactScans: number;
}

/** Unit roundoff of the active backend's float type (WebGL on some phones computes in float16). */
function unitRoundoff(): number {
  if (tf.getBackend() === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return 2 ** -11;
  return 2 ** -24;
}

/**
 * The k nearest training rows of query row q by a full float64 scan: a sorted buffer of the best k so far
 * (by distance, then index), so a scan costs O(n) plus O(k) per improvement.
 */
function exactScan(
  train: Matrix,
  query: Matrix,
  q: number,
  k: number,
  out: Int32Array,
  best: Float64Array = new Float64Array(k),
): void {
  let filled = 0;
  for (let i = 0; i < train.rows; i++) {
    const d = rowDistanceSquared(query.data, q, train.data, i, train.cols);
    if (filled === k && d >= best[k - 1]!) continue; // equal distance: the lower index, already in, wins
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && best[at - 1]! > d) {
      best[at] = best[at - 1]!;
      out[q * k + at] = out[q * k + at - 1]!;
      at--;
    }
    best[at] = d;
    out[q * k + at] = i;
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
  tensorPath: boolean = tf.getBackend() === 'webgl',
): Promise<NeighborResult> {
  const { rows: n, cols: p } = train;
  if (query.cols !== p) throw new Error(`neighbors: query has ${query.cols} features, training data ${p}`);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new Error(`neighbors: k = ${k} with ${n} training points`);
  const indices = new Int32Array(query.rows * k);
  if (query.rows === 0) return { indices, exactScans: 0 };
  if (!tensorPath || tf.getBackend() === 'cpu') {
    // tfjs's CPU kernels are plain JavaScript too (and its topk sorts whole rows), and WASM's per-op overhead
    // and float32 candidate pass cost more than the exact float64 scan: only a GPU earns the tensor path.
    const best = new Float64Array(k);
    for (let q = 0; q < query.rows; q++) exactScan(train, query, q, k, indices, best);
    return { indices, exactScans: query.rows };
  }

  const c = Math.min(n, k + CANDIDATE_MARGIN);
  const u = unitRoundoff();
  const coordError = 4 * u * Math.max(maxAbs(train), maxAbs(query));
  const bound = (d: number): number =>
    2 * (2 * coordError * Math.sqrt(p * d) + p * coordError ** 2 + (p + 2) * u * d);

  const block = Math.max(1, Math.min(query.rows, Math.floor(MAX_BLOCK_ELEMENTS / Math.max(1, n * p))));
  const trainTensor = tf.tensor2d(Float32Array.from(train.data), [n, p]);
  const exact = new Float64Array(c);
  const order = new Int32Array(c);
  let exactScans = 0;
  try {
    for (let start = 0; start < query.rows; start += block) {
      const rows = Math.min(block, query.rows - start);
      const queryBlock = Float32Array.from(query.data.subarray(start * p, (start + rows) * p));
      const { values, indices: candidates } = tf.tidy(() => {
        const q = tf.tensor2d(queryBlock, [rows, p]);
        const d = tf.sum(tf.squaredDifference(tf.expandDims(q, 1), tf.expandDims(trainTensor, 0)), 2);
        return tf.topk(tf.neg(d), c, true);
      });
      let negD32: Float32Array;
      let cand: Int32Array;
      try {
        [negD32, cand] = (await Promise.all([values.data(), candidates.data()])) as [
          Float32Array,
          Int32Array,
        ];
      } finally {
        values.dispose();
        candidates.dispose();
      }
      for (let r = 0; r < rows; r++) {
        const qi = start + r;
        // Insertion sort of the c candidates by (exact distance, index): c is small, and nothing is allocated.
        for (let j = 0; j < c; j++) {
          const id = cand[r * c + j]!;
          const d = rowDistanceSquared(query.data, qi, train.data, id, p);
          let at = j;
          while (at > 0 && (exact[at - 1]! > d || (exact[at - 1] === d && order[at - 1]! > id))) {
            exact[at] = exact[at - 1]!;
            order[at] = order[at - 1]!;
            at--;
          }
          exact[at] = d;
          order[at] = id;
        }
        const cut32 = -negD32[r * c + c - 1]!;
        if (c < n && !(exact[k - 1]! < cut32 - bound(cut32))) {
          exactScan(train, query, qi, k, indices);
          exactScans++;
        } else {
          indices.set(order.subarray(0, k), qi * k);
        }
      }
    }
  } finally {
    trainTensor.dispose();
  }
  return { indices, exactScans };
}
