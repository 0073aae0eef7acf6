/**
 * Dense row-major float64 matrices: the engine's plain data type for samples (n rows x p features).
 * Float64 on purpose: the learners must agree with scikit-learn to 1e-6 relative, which float32 cannot promise.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major values: entry (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new Error(`matrix: ${values.length} values do not fill ${rows} x ${cols}`);
  }
  return { rows, cols, data: values };
}

/** A one-feature matrix from a vector of values. */
export function column(values: Float64Array): Matrix {
  return matrix(values.length, 1, values);
}

/** Rows [start, end) of a matrix, sharing no memory with it. */
export function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return matrix(end - start, m.cols, m.data.slice(start * m.cols, end * m.cols));
}

/** Largest absolute entry (0 for an empty matrix). */
export function maxAbs(m: Matrix): number {
  let best = 0;
  for (const v of m.data) best = Math.max(best, Math.abs(v));
  return best;
}

/** Stacks matrices with the same number of columns on top of each other. */
export function stackRows(parts: readonly Matrix[]): Matrix {
  const cols = parts[0]?.cols ?? 0;
  const rows = parts.reduce((total, part) => total + part.rows, 0);
  const data = new Float64Array(rows * cols);
  let offset = 0;
  for (const part of parts) {
    if (part.cols !== cols) throw new Error('stackRows: column counts differ');
    data.set(part.data, offset);
    offset += part.data.length;
  }
  return matrix(rows, cols, data);
}

/** ||a_i - b_j||^2 between row aRow of `a` and row bRow of `b` (row-major data, p columns each). */
export function rowDistanceSquared(
  a: Float64Array,
  aRow: number,
  b: Float64Array,
  bRow: number,
  p: number,
): number {
  let s = 0;
  for (let j = 0; j < p; j++) {
    const d = a[aRow * p + j]! - b[bRow * p + j]!;
    s += d * d;
  }
  return s;
}

/** `k` (< rows) distinct row indices, uniform, sorted: a partial Fisher-Yates on 0..rows-1 with `rand`. */
export function sampleIndices(rows: number, k: number, rand: { uniform(): number }): Uint32Array {
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand.uniform() * (rows - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.subarray(0, k).sort();
}

/**
 * At most `k` rows of `m`, a uniform sample without replacement kept in file order (partial Fisher-Yates on the
 * row indices with `rand`); `m` itself when it has no more than `k` rows, so small tables are used whole.
 */
export function sampleRows(m: Matrix, k: number, rand: { uniform(): number }): Matrix {
  if (m.rows <= k) return m;
  const kept = sampleIndices(m.rows, k, rand);
  const out = new Float64Array(k * m.cols);
  kept.forEach((row, i) => out.set(m.data.subarray(row * m.cols, (row + 1) * m.cols), i * m.cols));
  return { rows: k, cols: m.cols, data: out };
}
