/**
 * The dense kernel (kernels/dense/, AssemblyScript compiled to WebAssembly SIMD): fused forward pass, loss,
 * backpropagation and Adam for batches of small fully connected networks, and their forward pass alone. This
 * module instantiates it once (denseKernel(), cached; null where WebAssembly SIMD is missing) and owns its
 * linear memory: every call writes its inputs from the module's heap base up, runs, and reads its results back,
 * so the memory is scratch reused by the next call (grown when a call needs more, never holding a network).
 * A batch's state (data, parameters, Adam moments) lives in host arrays between calls: batches may interleave.
 *
 * Layout (kernels/dense/dense.ts): a v128 holds one unit of four points, so data go in as point blocks; a
 * network's parameters are layer after layer W [in][out] row-major then b [out] (mlp-net.ts's layout for one
 * network), padded with zeros to a multiple of 4.
 */
import { DENSE_WASM_BASE64 } from './denseWasm';

/** Squared error summed over the outputs, or log-loss of sigmoid outputs; mean over the points. */
export type DenseLoss = 'mse' | 'logistic';
const LOSS_CODE: Record<DenseLoss, number> = { mse: 0, logistic: 1 };

export interface AdamSettings {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** Networks of one shape, each with its own data, trained together; the host copy of everything they hold. */
export interface DenseBatch {
  /** Layer sizes: inputs, hidden layers, outputs. */
  readonly sizes: readonly number[];
  readonly nets: number;
  /** Points per network. */
  readonly n: number;
  readonly loss: DenseLoss;
  /** Inputs and targets in point blocks, network after network. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Parameters and Adam's moments, padded, network after network. */
  readonly theta: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  /** Adam steps taken. */
  steps: number;
}

interface Exports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  paramCount(sizes: number, layers: number): number;
  paddedParams(sizes: number, layers: number): number;
  scratchBytes(sizes: number, layers: number): number;
  evaluate(...args: number[]): void;
  train(...args: number[]): void;
  predict(...args: number[]): void;
  peak(iterations: number): number;
}

/** Rows per predict call: bounds the memory a large test set takes (1 MiB of inputs per feature). */
const PREDICT_ROWS = 1 << 16;

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/** Rows (row-major, `cols` per row) into point blocks [ceil(rows / 4)][cols][4] at dst[offset]; padding stays 0. */
export function packBlocks(
  src: ArrayLike<number>,
  rows: number,
  cols: number,
  dst: Float32Array,
  offset = 0,
): void {
  for (let i = 0; i < rows; i++) {
    const base = offset + (i >> 2) * cols * 4 + (i & 3);
    for (let j = 0; j < cols; j++) dst[base + j * 4] = src[i * cols + j]!;
  }
}

export class DenseKernel {
  private readonly base: number;

  constructor(private readonly wasm: Exports) {
    this.base = wasm.heapBase();
  }

  /** Parameters of one network of these sizes (weights and biases), and as stored (padded to 4). */
  paramCount(sizes: readonly number[]): number {
    return this.wasm.paramCount(this.writeSizes(sizes), sizes.length - 1);
  }

  paddedParams(sizes: readonly number[]): number {
    return this.wasm.paddedParams(this.writeSizes(sizes), sizes.length - 1);
  }

  /**
   * A batch of networks, network b with inputs x[b] (n rows of sizes[0], row-major), targets y[b] (n rows of
   * the outputs) and initial parameters params[b] (paramCount floats); Adam's moments start at 0.
   */
  batch(
    sizes: readonly number[],
    loss: DenseLoss,
    x: readonly Float32Array[],
    y: readonly Float32Array[],
    params: readonly Float32Array[],
  ): DenseBatch {
    const [p, k] = [sizes[0]!, sizes.at(-1)!];
    if (sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s >= 1)) {
      throw new Error(`dense: bad layer sizes ${sizes.join(',')}`);
    }
    if (loss === 'logistic' && k !== 1) throw new Error('dense: logistic loss takes one output');
    const nets = x.length;
    const n = y[0] ? y[0].length / k : 0;
    const [count, padded] = [this.paramCount(sizes), this.paddedParams(sizes)];
    if (nets === 0 || y.length !== nets || params.length !== nets) throw new Error('dense: uneven batch');
    const nb = Math.ceil(n / 4);
    const batch: DenseBatch = {
      sizes: [...sizes],
      nets,
      n,
      loss,
      x: new Float32Array(nets * nb * p * 4),
      y: new Float32Array(nets * nb * k * 4),
      theta: new Float32Array(nets * padded),
      m: new Float32Array(nets * padded),
      v: new Float32Array(nets * padded),
      steps: 0,
    };
    for (let b = 0; b < nets; b++) {
      if (x[b]!.length !== n * p || y[b]!.length !== n * k || params[b]!.length !== count) {
        throw new Error(`dense: network ${b}'s data or parameters do not fit its sizes`);
      }
      packBlocks(x[b]!, n, p, batch.x, b * nb * p * 4);
      packBlocks(y[b]!, n, k, batch.y, b * nb * k * 4);
      batch.theta.set(params[b]!, b * padded);
    }
    return batch;
  }

  /**
   * `epochs` Adam steps for every network of the batch, in one call. Returns each network's loss before each
   * step, [nets][epochs] (the loss after steps s, s + 1, ... where s = batch.steps before the call).
   */
  train(batch: DenseBatch, epochs: number, adam: AdamSettings): Float32Array {
    const { nets } = batch;
    const table = new Float32Array(5 + 2 * epochs);
    table.set([adam.beta1, 1 - adam.beta1, adam.beta2, 1 - adam.beta2, adam.epsilon]);
    for (let e = 0; e < epochs; e++) {
      const t = batch.steps + e + 1;
      // As mlp-adam.ts (and tf.train.adam): bias corrections in float64, handed over as float32.
      table[5 + 2 * e] = adam.lr / (1 - adam.beta1 ** t);
      table[6 + 2 * e] = 1 - adam.beta2 ** t;
    }
    const at = this.place(batch, [table.byteLength, nets * epochs * 4]);
    this.f32(at.extra[0]!, table.length).set(table);
    this.wasm.train(
      at.sizes,
      batch.sizes.length - 1,
      nets,
      batch.n,
      LOSS_CODE[batch.loss],
      at.x,
      at.y,
      at.theta,
      at.m,
      at.v,
      epochs,
      at.extra[0]!,
      at.extra[1]!,
      at.scratch,
    );
    batch.theta.set(this.f32(at.theta, batch.theta.length));
    batch.m.set(this.f32(at.m, batch.m.length));
    batch.v.set(this.f32(at.v, batch.v.length));
    batch.steps += epochs;
    return this.f32(at.extra[1]!, nets * epochs).slice();
  }

  /** Each network's loss at its current parameters and, with `gradients`, its gradient (padded, [nets][...]). */
  evaluate(batch: DenseBatch, gradients = false): { losses: Float32Array; grads: Float32Array | null } {
    const { nets } = batch;
    const at = this.place(batch, [nets * 4, gradients ? batch.theta.byteLength : 0]);
    const [losses, grads] = at.extra as [number, number];
    this.wasm.evaluate(
      at.sizes,
      batch.sizes.length - 1,
      nets,
      batch.n,
      LOSS_CODE[batch.loss],
      at.x,
      at.y,
      at.theta,
      losses,
      gradients ? grads : 0,
      at.scratch,
    );
    return {
      losses: this.f32(losses, nets).slice(),
      grads: gradients ? this.f32(grads, batch.theta.length).slice() : null,
    };
  }

  /** Network b's parameters (paramCount floats). */
  params(batch: DenseBatch, b: number): Float32Array {
    const padded = batch.theta.length / batch.nets;
    return batch.theta.slice(b * padded, b * padded + this.paramCount(batch.sizes));
  }

  /** Outputs [rows][k] of one network (params: paramCount floats) on rows x [rows][sizes[0]], row-major. */
  predict(sizes: readonly number[], params: Float32Array, x: Float32Array, rows: number): Float32Array {
    const [p, k] = [sizes[0]!, sizes.at(-1)!];
    const out = new Float32Array(rows * k);
    const padded = this.paddedParams(sizes);
    for (let start = 0; start < rows; start += PREDICT_ROWS) {
      const count = Math.min(PREDICT_ROWS, rows - start);
      const nb = Math.ceil(count / 4);
      const layout = this.layout(sizes, [padded * 4, nb * p * 16, nb * k * 16]);
      const [theta, xAt, outAt] = layout.extra as [number, number, number];
      const blocks = this.f32(xAt, nb * p * 4);
      blocks.fill(0);
      packBlocks(x.subarray(start * p, (start + count) * p), count, p, blocks);
      this.f32(theta, padded).fill(0).set(params);
      this.wasm.predict(layout.sizes, sizes.length - 1, theta, nb, xAt, outAt, layout.scratch);
      const result = this.f32(outAt, nb * k * 4);
      for (let i = 0; i < count; i++) {
        for (let o = 0; o < k; o++) out[(start + i) * k + o] = result[(i >> 2) * k * 4 + o * 4 + (i & 3)]!;
      }
    }
    return out;
  }

  /** Bytes of linear memory the module holds (it grows to the largest call's need, then is reused). */
  get memoryBytes(): number {
    return this.wasm.memory.buffer.byteLength;
  }

  /** Runs the float32 SIMD peak loop (kernels/dense/peak.ts): 96 flops per iteration. */
  peak(iterations: number): number {
    return this.wasm.peak(iterations);
  }

  /** Copies a batch's arrays into the memory (with `extra` more regions of the given bytes); their addresses. */
  private place(batch: DenseBatch, extra: readonly number[]) {
    const arrays = [batch.x, batch.y, batch.theta, batch.m, batch.v];
    const layout = this.layout(batch.sizes, [...arrays.map((a) => a.byteLength), ...extra]);
    arrays.forEach((a, i) => this.f32(layout.extra[i]!, a.length).set(a));
    const [x, y, theta, m, v] = layout.extra as [number, number, number, number, number];
    return { sizes: layout.sizes, x, y, theta, m, v, extra: layout.extra.slice(5), scratch: layout.scratch };
  }

  /** Addresses from the heap base: the sizes, then each region (16-aligned), then the scratch; memory grown. */
  private layout(sizes: readonly number[], regions: readonly number[]) {
    let at = this.base + align(4 * sizes.length);
    const extra = regions.map((bytes) => {
      const start = at;
      at += align(bytes);
      return start;
    });
    this.reserve(at - this.base);
    const sizesAt = this.writeSizes(sizes);
    const scratch = at;
    this.reserve(scratch + this.wasm.scratchBytes(sizesAt, sizes.length - 1) - this.base);
    return { sizes: sizesAt, extra, scratch };
  }

  private writeSizes(sizes: readonly number[]): number {
    this.reserve(align(4 * sizes.length));
    new Int32Array(this.wasm.memory.buffer, this.base, sizes.length).set(sizes);
    return this.base;
  }

  /** Grows the memory so that `bytes` from the heap base exist (views must be made after this). */
  private reserve(bytes: number): void {
    const { memory } = this.wasm;
    const missing = this.base + bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }

  private f32(at: number, length: number): Float32Array {
    return new Float32Array(this.wasm.memory.buffer, at, length);
  }
}

let loading: Promise<DenseKernel | null> | null = null;

/**
 * The kernel, instantiated on first use (asynchronously: browsers refuse to compile large modules synchronously
 * on the main thread) and cached; null where WebAssembly or its SIMD is missing (the caller falls back).
 */
export function denseKernel(): Promise<DenseKernel | null> {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = Uint8Array.from(atob(DENSE_WASM_BASE64), (c) => c.charCodeAt(0));
    if (!WebAssembly.validate(bytes)) return null;
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return new DenseKernel(instance.exports as unknown as Exports);
  })().catch(() => null);
  return loading;
}
