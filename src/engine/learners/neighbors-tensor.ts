/**
 * kNN's candidate search on a tfjs backend (loaded only when it runs: WebGL, or a unit test forcing it): float32
 * squared distances for query blocks, the c = k + margin smallest kept, re-ranked in float64, and a query whose
 * candidates cannot be proven complete scanned exactly (neighbors.ts explains the bound).
 */
import * as tf from '@tensorflow/tfjs-core';
import { maxAbs, rowDistanceSquared, type Matrix } from '../matrix';
import { exactScan } from './exactScan';

/** Extra float32 candidates beyond k: absorbs near-ties without a full float64 scan. */
const CANDIDATE_MARGIN = 16;
/** Elements in one [block, n, p] difference tensor: bounds GPU / WASM memory per step (16 MiB of float32). */
const MAX_BLOCK_ELEMENTS = 1 << 22;

/** Unit roundoff of the active backend's float type (WebGL on some phones computes in float16). */
function unitRoundoff(): number {
  if (tf.getBackend() === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return 2 ** -11;
  return 2 ** -24;
}

/**
 * Fills `indices` ([queries x k], nearest first) for every query row and returns how many queries needed the
 * exact scan; null on tfjs's CPU backend, where the caller's float64 scan alone is faster.
 */
export async function tensorCandidates(
  train: Matrix,
  query: Matrix,
  k: number,
  indices: Int32Array,
): Promise<number | null> {
  if (tf.getBackend() === 'cpu') return null;
  const { rows: n, cols: p } = train;
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
  return exactScans;
}
