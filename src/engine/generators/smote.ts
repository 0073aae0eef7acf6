/**
 * kNN smoothing (SMOTE-like): real point i uniform, j uniform among its k nearest real neighbours, lambda ~ U(0, 1):
 * x~ = x_i + lambda (x_j - x_i); regression y~ = y_i + lambda (y_j - y_i); classification j from i's class, y~ = y_i.
 */
import { matrix, type Matrix } from '../matrix';
import type { Sample } from '../populations/population';
import type { Task } from '../task';
import type { RandomStream } from '../rng';
import { classesOf, requireClassSize } from './gaussianCore';
import { GeneratorError } from './oracle';

/**
 * The k nearest rows to row i among the rows `pool` of x (i itself excluded; Euclidean, exact float64 scan), nearest
 * first, ties to the lower index. k must be at most |pool| - 1.
 */
export function neighborsInPool(x: Matrix, pool: Int32Array, i: number, k: number): Int32Array {
  const { cols: p, data } = x;
  const out = new Int32Array(k);
  const best = new Float64Array(k);
  let filled = 0;
  for (const r of pool) {
    if (r === i) continue;
    let dist = 0;
    for (let j = 0; j < p; j++) dist += (data[i * p + j]! - data[r * p + j]!) ** 2;
    if (filled === k && dist >= best[k - 1]!) continue; // pool is ascending: an equal distance keeps the lower index
    let at = filled < k ? filled++ : k - 1;
    while (at > 0 && best[at - 1]! > dist) {
      best[at] = best[at - 1]!;
      out[at] = out[at - 1]!;
      at--;
    }
    best[at] = dist;
    out[at] = r;
  }
  return out;
}

/**
 * m SMOTE draws from the real sample. Regression: neighbours among all real points, in x only. Classification:
 * neighbours within i's class, so class proportions are kept in expectation. k is capped at (pool size - 1);
 * GeneratorError when k is not a whole number >= 1, or a pool (the sample, or a class) has fewer than 2 points.
 * Neighbour lists are computed on first use of each i (at most min(n, m) exact scans).
 */
export function drawSmote(real: Sample, task: Task, k: number, m: number, rand: RandomStream): Sample {
  const { rows: n, cols: p, data } = real.x;
  if (!Number.isInteger(k) || k < 1) {
    throw new GeneratorError(`kNN smoothing: k = ${k} neighbours must be a whole number ≥ 1`);
  }
  if (n < 2) throw new GeneratorError(`kNN smoothing: needs at least 2 real points, got ${n}`);
  const poolOf = new Array<Int32Array>(n);
  if (task === 'regression') {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    poolOf.fill(all);
  } else {
    for (const cls of classesOf(real.y)) {
      requireClassSize(cls, 2, 'kNN smoothing');
      for (const r of cls.rows) poolOf[r] = cls.rows;
    }
  }
  const cache = new Map<number, Int32Array>();
  const x = matrix(m, p);
  const y = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    const i = Math.floor(rand.uniform() * n);
    let near = cache.get(i);
    if (!near) {
      const pool = poolOf[i]!;
      near = neighborsInPool(real.x, pool, i, Math.min(k, pool.length - 1));
      cache.set(i, near);
    }
    const j = near[Math.floor(rand.uniform() * near.length)]!;
    const lambda = rand.uniform();
    for (let c = 0; c < p; c++) {
      const a = data[i * p + c]!;
      x.data[s * p + c] = a + lambda * (data[j * p + c]! - a);
    }
    y[s] = task === 'regression' ? real.y[i]! + lambda * (real.y[j]! - real.y[i]!) : real.y[i]!;
  }
  return { x, y };
}
