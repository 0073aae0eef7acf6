/**
 * The float64 kernels (kernels/float64/, AssemblyScript compiled to WebAssembly SIMD): kernel ridge regression's
 * Gram matrix, Cholesky factor, dual weights and predictions, and kNN's exact scan, each with the same bits as
 * the JavaScript in src/engine/learners (krr.ts, cholesky.ts, exactScan.ts), which stays the reference and the
 * fallback. This module instantiates it once (float64Kernel(), cached; null where WebAssembly SIMD is missing)
 * and owns its linear memory: every call writes its inputs from the module's heap base up, runs, and reads its
 * results back, so nothing lives in the memory between calls (fits and predictions may interleave).
 */
import { gramFits } from './gramLimit';
import { exp, expFastTable } from '../portable';

interface Exports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  expTable(): number;
  expMany(x: number, count: number, out: number): void;
  krrFit(...args: number[]): number;
  krrPredict(...args: number[]): void;
  knnScan(...args: number[]): void;
}

export { GRAM_LIMIT_BYTES } from './gramLimit';

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

export class Float64Kernel {
  private readonly base: number;

  constructor(private readonly wasm: Exports) {
    this.base = wasm.heapBase();
    new Float64Array(wasm.memory.buffer, wasm.expTable(), 64).set(expFastTable());
  }

  /** Whether a kernel ridge fit on n points stays under GRAM_LIMIT_BYTES here. */
  fitsGram(n: number): boolean {
    return gramFits(n);
  }

  /** portable.expFast of every value (the tests compare the two). */
  expMany(x: Float64Array): Float64Array {
    const [xAt, outAt] = this.layout([x.byteLength, x.byteLength]) as [number, number];
    this.f64(xAt, x.length).set(x);
    this.wasm.expMany(xAt, x.length, outAt);
    return this.f64(outAt, x.length).slice();
  }

  /**
   * Kernel ridge's fit on training rows `train` [n][p] (row-major): the dual weights (K + alpha I)^-1 y with
   * K_ij = expFast(-gamma ||x_i - x_j||^2), or null when K + alpha I is not positive definite in float64.
   */
  krrFit(
    train: Float64Array,
    n: number,
    p: number,
    gamma: number,
    alpha: number,
    y: Float64Array,
  ): Float64Array | null {
    const stride = n + 1;
    const [cols, gram, dual] = this.layout([p * stride * 8, Math.ceil(n / 2) * n * 16, n * 8]) as [
      number,
      number,
      number,
    ];
    this.columns(train, n, p, cols);
    this.f64(dual, n).set(y);
    const ok = this.wasm.krrFit(cols, n, p, -gamma, 1 + alpha, gram, dual);
    return ok ? this.f64(dual, n).slice() : null;
  }

  /**
   * out[start + t] = sum_i dual_i expFast(-gamma ||x_t - train_i||^2) for test rows start .. start + count - 1
   * of `test` (row-major, p features).
   */
  krrPredict(
    train: Float64Array,
    n: number,
    p: number,
    dual: Float64Array,
    gamma: number,
    test: Float64Array,
    start: number,
    count: number,
    out: Float64Array,
  ): void {
    const pairs = Math.ceil(count / 2);
    const sizes = [n * p * 8, n * 8, pairs * p * 16, pairs * 16];
    const [trainAt, dualAt, testAt, outAt] = this.layout(sizes) as [number, number, number, number];
    this.f64(trainAt, n * p).set(train.subarray(0, n * p));
    this.f64(dualAt, n).set(dual);
    // Pair blocks [pairs][p][2]: lane = test row 2b or 2b + 1; an odd count's last lane is 0 (discarded).
    const blocks = this.f64(testAt, pairs * p * 2);
    blocks.fill(0);
    for (let t = 0; t < count; t++) {
      const row = (start + t) * p;
      const at = (t >> 1) * p * 2 + (t & 1);
      for (let f = 0; f < p; f++) blocks[at + 2 * f] = test[row + f]!;
    }
    this.wasm.krrPredict(trainAt, n, p, dualAt, -gamma, testAt, pairs, outAt);
    out.set(this.f64(outAt, count), start);
  }

  /**
   * The k nearest training rows (by index, nearest first, ties to the lower index) of query rows start ..
   * start + count - 1 into out[q * k ...], as exactScan.ts finds them.
   */
  knnScan(
    train: Float64Array,
    n: number,
    p: number,
    query: Float64Array,
    start: number,
    count: number,
    k: number,
    out: Int32Array,
  ): void {
    const [cols, queryAt, outAt, best] = this.layout([
      p * (n + 1) * 8,
      count * p * 8,
      count * k * 4,
      k * 8,
    ]) as [number, number, number, number];
    this.columns(train, n, p, cols);
    this.f64(queryAt, count * p).set(query.subarray(start * p, (start + count) * p));
    const indices = new Int32Array(this.wasm.memory.buffer, outAt, count * k);
    indices.fill(0);
    this.wasm.knnScan(cols, n, p, queryAt, count, k, outAt, best);
    out.set(indices, start * k);
  }

  /** Bytes of linear memory the module holds (it grows to the largest call's need, then is reused). */
  get memoryBytes(): number {
    return this.wasm.memory.buffer.byteLength;
  }

  /** Rows [n][p] column-major at `at`: [p][n + 1], the last entry of each column 0 (a pair's padding lane). */
  private columns(rows: Float64Array, n: number, p: number, at: number): void {
    const cols = this.f64(at, p * (n + 1));
    for (let f = 0; f < p; f++) {
      const c = f * (n + 1);
      for (let i = 0; i < n; i++) cols[c + i] = rows[i * p + f]!;
      cols[c + n] = 0;
    }
  }

  /** Addresses of regions of these sizes from the heap base, each 16-aligned; the memory grown to hold them. */
  private layout(regions: readonly number[]): number[] {
    let at = this.base;
    const addresses = regions.map((bytes) => {
      const start = at;
      at += align(bytes);
      return start;
    });
    const { memory } = this.wasm;
    const missing = at - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    return addresses;
  }

  private f64(at: number, length: number): Float64Array {
    return new Float64Array(this.wasm.memory.buffer, at, length);
  }
}

let loading: Promise<Float64Kernel | null> | null = null;
let loaded: Float64Kernel | null = null;
let enabled = true;

/**
 * The kernels, instantiated on first use (asynchronously: browsers refuse to compile modules synchronously on
 * the main thread) and cached; null where WebAssembly or its SIMD is missing, or while switched off (the
 * caller then runs the JavaScript, which gives the same numbers).
 */
export function float64Kernel(): Promise<Float64Kernel | null> {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object') return null;
    const { FLOAT64_WASM_BASE64 } = await import('./float64Wasm');
    const bytes = Uint8Array.from(atob(FLOAT64_WASM_BASE64), (c) => c.charCodeAt(0));
    if (!WebAssembly.validate(bytes)) return null;
    const { instance } = await WebAssembly.instantiate(bytes, { exp: { referenceExp: exp } });
    loaded = new Float64Kernel(instance.exports as unknown as Exports);
    return loaded;
  })().catch(() => null);
  return loading.then((kernel) => (enabled ? kernel : null));
}

/**
 * The kernels if they are already instantiated (for synchronous code: kernel ridge's fit), else null, and then
 * their loading starts, so that later calls find them.
 */
export function float64KernelNow(): Float64Kernel | null {
  if (!loaded) void float64Kernel();
  return enabled ? loaded : null;
}

/** Switches the kernels off (the JavaScript runs everything) or back on: for the tests and the bench. */
export function setFloat64Kernel(on: boolean): void {
  enabled = on;
}
