/**
 * The two products softmax regression spends its time in, X V ([n][p] x [p][k]) and X' G ([p][n] x [n][k]), in
 * float64 JavaScript: compressed rows (only the nonzero pixels, a fifth of an MNIST digit) when at most 3/4 of X
 * is nonzero, dense rows otherwise. Classes go five at a time (k is padded to a multiple of 5) with the five sums
 * in locals, which V8 keeps in registers: about 2x the speed of a loop over the classes. Every sum runs in a
 * fixed order, so the bits are the same in every engine.
 */
import type { Matrix } from '../matrix';

/** Classes per pass over a row; k must be a multiple of it. */
export const CLASS_BLOCK = 5;
/** Compressed rows pay up to this share of nonzeros (each nonzero costs about 1.2 dense entries). */
const SPARSE_SHARE = 0.75;

export interface Design {
  readonly rows: number;
  readonly cols: number;
  /** out [rows][k] = X v, v [cols][k]. */
  times(v: Float64Array, k: number, out: Float64Array): void;
  /** out [cols][k] = X' g, g [rows][k]. */
  transposeTimes(g: Float64Array, k: number, out: Float64Array): void;
}

/** Row i's nonzero entries are values[start[i] .. start[i + 1]), in columns index[...]. */
interface Compressed {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly values: Float64Array;
}

function compress(x: Matrix): Compressed | null {
  const { rows, cols, data } = x;
  let nonzero = 0;
  for (const v of data) if (v !== 0) nonzero++;
  if (nonzero > SPARSE_SHARE * rows * cols) return null;
  const start = new Int32Array(rows + 1);
  const index = new Int32Array(nonzero);
  const values = new Float64Array(nonzero);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      if (v === 0) continue;
      index[at] = j;
      values[at++] = v;
    }
    start[i + 1] = at;
  }
  return { start, index, values };
}

/** The design of x, compressed where that is faster. */
export function design(x: Matrix): Design {
  const sparse = compress(x);
  return sparse ? compressedDesign(x.rows, x.cols, sparse) : denseDesign(x);
}

function compressedDesign(rows: number, cols: number, { start, index, values }: Compressed): Design {
  return {
    rows,
    cols,
    times(v, k, out) {
      for (let i = 0; i < rows; i++) {
        const from = start[i]!,
          to = start[i + 1]!;
        for (let c = 0; c < k; c += CLASS_BLOCK) {
          let z0 = 0,
            z1 = 0,
            z2 = 0,
            z3 = 0,
            z4 = 0;
          for (let t = from; t < to; t++) {
            const a = values[t]!;
            const w = index[t]! * k + c;
            z0 += a * v[w]!;
            z1 += a * v[w + 1]!;
            z2 += a * v[w + 2]!;
            z3 += a * v[w + 3]!;
            z4 += a * v[w + 4]!;
          }
          const o = i * k + c;
          out[o] = z0;
          out[o + 1] = z1;
          out[o + 2] = z2;
          out[o + 3] = z3;
          out[o + 4] = z4;
        }
      }
    },
    transposeTimes(g, k, out) {
      out.fill(0);
      for (let i = 0; i < rows; i++) {
        const from = start[i]!,
          to = start[i + 1]!;
        for (let c = 0; c < k; c += CLASS_BLOCK) {
          const o = i * k + c;
          const g0 = g[o]!,
            g1 = g[o + 1]!,
            g2 = g[o + 2]!,
            g3 = g[o + 3]!,
            g4 = g[o + 4]!;
          for (let t = from; t < to; t++) {
            const a = values[t]!;
            const w = index[t]! * k + c;
            out[w]! += a * g0;
            out[w + 1]! += a * g1;
            out[w + 2]! += a * g2;
            out[w + 3]! += a * g3;
            out[w + 4]! += a * g4;
          }
        }
      }
    },
  };
}

function denseDesign({ rows, cols, data }: Matrix): Design {
  return {
    rows,
    cols,
    times(v, k, out) {
      for (let i = 0; i < rows; i++) {
        const r = i * cols;
        for (let c = 0; c < k; c += CLASS_BLOCK) {
          let z0 = 0,
            z1 = 0,
            z2 = 0,
            z3 = 0,
            z4 = 0;
          for (let j = 0; j < cols; j++) {
            const a = data[r + j]!;
            const w = j * k + c;
            z0 += a * v[w]!;
            z1 += a * v[w + 1]!;
            z2 += a * v[w + 2]!;
            z3 += a * v[w + 3]!;
            z4 += a * v[w + 4]!;
          }
          const o = i * k + c;
          out[o] = z0;
          out[o + 1] = z1;
          out[o + 2] = z2;
          out[o + 3] = z3;
          out[o + 4] = z4;
        }
      }
    },
    transposeTimes(g, k, out) {
      out.fill(0);
      for (let i = 0; i < rows; i++) {
        const r = i * cols;
        for (let c = 0; c < k; c += CLASS_BLOCK) {
          const o = i * k + c;
          const g0 = g[o]!,
            g1 = g[o + 1]!,
            g2 = g[o + 2]!,
            g3 = g[o + 3]!,
            g4 = g[o + 4]!;
          for (let j = 0; j < cols; j++) {
            const a = data[r + j]!;
            const w = j * k + c;
            out[w]! += a * g0;
            out[w + 1]! += a * g1;
            out[w + 2]! += a * g2;
            out[w + 3]! += a * g3;
            out[w + 4]! += a * g4;
          }
        }
      }
    },
  };
}
