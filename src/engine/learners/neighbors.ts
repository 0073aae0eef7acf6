/**
 * Exact k-nearest-neighbour search (Euclidean) accelerated by tfjs. The tensor backend (WebGL, WASM or CPU)
 * computes float32 squared distances d32 for query blocks and keeps the c = k + margin smallest; those candidates
 * are re-ranked in float64. A rounding bound B(d) >= |d32 - d| proves that no other training point can be nearer
 * than the exact k-th distance when d_k < d32_(c) - B(d32_(c)); when that fails, the query is scanned in float64.
 * So the neighbours, and every number built on them, are the same on every backend and match scikit-learn.
 * Off the GPU (tfjs's CPU and WASM backends) the float64 scan runs alone: it is exact by itself and faster there
 * than tfjs's kernels (S1's kNN fits, `npm run bench`: 3.4x faster than the WASM candidate search). It runs in
 * the float64 WebAssembly kernels (../kernels/float64.ts) where they load, with the same neighbours as exactScan.ts.
 */
import { isGpuBackend } from '../backend';
import type { Matrix } from '../matrix';
import { exactScan } from './exactScan';
import { float64Kernel } from '../kernels/float64';
import { tensorBackend, tensorsReady } from '../tensorBackend';
import { sliceDue, yieldSlice } from '../yieldToEvents';

export interface NeighborResult {
  /** Row-major [queries x k] indices into the training rows, nearest first (ties broken by lower index). */
  readonly indices: Int32Array;
  /** Queries whose candidates could not be proven complete and were scanned exactly in float64. */
  readonly exactScans: number;
}

/**
 * `tensorPath`: use the float32 candidate search on the active tfjs backend (default: only on a GPU, WebGL or
 * WebGPU). The unit
 * tests force it on WASM to check the candidate proof without a GPU; the neighbours are the same either way.
 */
export async function nearestNeighbors(
  train: Matrix,
  query: Matrix,
  k: number,
  tensorPath: boolean = isGpuBackend(tensorBackend()),
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
  const kernel = await float64Kernel();
  if (kernel) {
    // Blocks of queries of about 2^17 steps each (n distances, and about k^2 / 4 moves while the best k fill
    // up), a yield between them when the slice is used up.
    const rows = Math.max(1, Math.floor(2 ** 17 / (n + (k * k) / 4)));
    for (let start = 0; start < query.rows; start += rows) {
      if (start > 0 && sliceDue()) await yieldSlice();
      const count = Math.min(rows, query.rows - start);
      kernel.knnScan(train.data, n, p, query.data, start, count, k, indices);
    }
    return { indices, exactScans: query.rows };
  }
  const best = new Float64Array(k);
  for (let q = 0; q < query.rows; q++) {
    // Long searches give the thread back now and then (the main-thread fallback's frame budget).
    if ((q & 127) === 127 && sliceDue()) await yieldSlice();
    exactScan(train, query, q, k, indices, best);
  }
  return { indices, exactScans: query.rows };
}
