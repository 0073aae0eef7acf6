/**
 * The MLP's parameters and inputs, without tfjs (both training routes use them: the tfjs program, mlp-train.ts,
 * and the WebAssembly kernel, mlp-kernel.ts): the layout of B networks' parameters in one flat vector, the seeded
 * initial weights, and the per-network standardization of inputs and targets.
 */
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';

export interface MlpShape {
  /** Input features p. */
  readonly inputs: number;
  /** Units per hidden layer. */
  readonly width: number;
  /** Hidden layers D (>= 1); the output layer comes on top. */
  readonly depth: number;
  /** Output units: 1 (regression, binary classification; the default) or the classes (softmax). */
  readonly outputs?: number;
}

/** [fanIn, fanOut] of each layer: D hidden layers, then the output layer (one unit unless shape.outputs). */
export function layerSizes(shape: MlpShape): [number, number][] {
  const sizes: [number, number][] = [];
  let fanIn = shape.inputs;
  for (let l = 0; l < shape.depth; l++) {
    sizes.push([fanIn, shape.width]);
    fanIn = shape.width;
  }
  sizes.push([fanIn, shape.outputs ?? 1]);
  return sizes;
}

/**
 * B networks' parameters in one flat float32 vector, layer after layer: weights [B, in, out], then biases
 * [B, 1, out], each row-major. One vector lets Adam update every parameter with a handful of kernels.
 */
export interface MlpParams {
  readonly count: number;
  readonly flat: Float32Array;
}

interface Block {
  readonly offset: number;
  readonly fanIn: number;
  readonly fanOut: number;
}

/** Where each layer's weights start in the flat vector of `count` networks (its biases follow), and its length. */
export function paramLayout(shape: MlpShape, count: number): { blocks: Block[]; total: number } {
  let offset = 0;
  const blocks = layerSizes(shape).map(([fanIn, fanOut]) => {
    const block = { offset, fanIn, fanOut };
    offset += count * (fanIn + 1) * fanOut;
    return block;
  });
  return { blocks, total: offset };
}

/**
 * Initial parameters of `count` networks. Every weight is drawn in float64 from a RandomStream, then rounded to
 * float32: hidden layers He-normal, N(0, 2 / fanIn) (the scale that keeps ReLU activations' variance), the linear,
 * logistic or softmax output layer Glorot-normal, N(0, 2 / (fanIn + fanOut)). Biases start at 0. Network b reads,
 * layer by layer and row-major, from streams[b], or from the single stream after networks 0..b-1 have taken theirs.
 */
export function initParams(
  shape: MlpShape,
  count: number,
  rand: RandomStream | readonly RandomStream[],
): MlpParams {
  const streams = Array.isArray(rand) ? rand : null;
  if (streams && streams.length !== count) {
    throw new Error(`mlp: ${streams.length} random streams for ${count} networks`);
  }
  const { blocks, total } = paramLayout(shape, count);
  const flat = new Float32Array(total);
  for (let b = 0; b < count; b++) {
    const source = streams ? streams[b]! : (rand as RandomStream);
    blocks.forEach(({ offset, fanIn, fanOut }, l) => {
      const hidden = l < blocks.length - 1;
      const sd = hidden ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
      const start = offset + b * fanIn * fanOut;
      for (let i = 0; i < fanIn * fanOut; i++) flat[start + i] = sd * source.normal();
    });
  }
  return { count, flat };
}

/** Network b's parameters alone (a batch of one). */
export function selectNetwork(shape: MlpShape, params: MlpParams, b: number): MlpParams {
  const flat = new Float32Array(paramLayout(shape, 1).total);
  let at = 0;
  const copy = (start: number, length: number): void => {
    flat.set(params.flat.subarray(start + b * length, start + (b + 1) * length), at);
    at += length;
  };
  for (const { offset, fanIn, fanOut } of paramLayout(shape, params.count).blocks) {
    copy(offset, fanIn * fanOut);
    copy(offset + params.count * fanIn * fanOut, fanOut);
  }
  return { count: 1, flat };
}

/**
 * How the inputs enter the net: 'columns' standardized column by column (tabular features on unrelated scales),
 * 'none' as they are (pixels, already on one scale).
 */
export type InputScaling = 'columns' | 'none';

/** The standardizer that changes nothing: mean 0, scale 1 for every column. */
export function unscaled(cols: number): Standardizer {
  return { mean: new Float64Array(cols), scale: new Float64Array(cols).fill(1) };
}

/** Column means and standard deviations (divisor n; a constant column gets 1, so it maps to 0). */
export interface Standardizer {
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

export function standardizer(data: Float64Array, rows: number, cols: number): Standardizer {
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j]! += data[i * cols + j]!;
  for (let j = 0; j < cols; j++) mean[j]! /= rows;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) scale[j]! += (data[i * cols + j]! - mean[j]!) ** 2;
  }
  for (let j = 0; j < cols; j++) {
    const sd = Math.sqrt(scale[j]! / rows);
    scale[j] = sd > 0 && Number.isFinite(sd) ? sd : 1;
  }
  return { mean, scale };
}

/** (x - mean) / scale per column, in float64, rounded into `out` from `offset`. */
export function standardizeInto(x: Matrix, s: Standardizer, out: Float32Array, offset = 0): void {
  const { rows, cols, data } = x;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[offset + i * cols + j] = (data[i * cols + j]! - s.mean[j]!) / s.scale[j]!;
    }
  }
}
