/**
 * B multilayer perceptrons side by side: h_0 = x, h_l = relu(h_(l-1) W_l + b_l) for l = 1..D, f = h_D w + c, each
 * product one tf.matMul batched over B ([B, n, in] x [B, in, out]); losses, backpropagated gradients, initial weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import type { Task } from '../task';

export interface MlpShape {
  /** Input features p. */
  readonly inputs: number;
  /** Units per hidden layer. */
  readonly width: number;
  /** Hidden layers D (>= 1); the output layer comes on top. */
  readonly depth: number;
}

/** [fanIn, fanOut] of each layer: D hidden layers, then the single-unit output layer. */
export function layerSizes(shape: MlpShape): [number, number][] {
  const sizes: [number, number][] = [];
  let fanIn = shape.inputs;
  for (let l = 0; l < shape.depth; l++) {
    sizes.push([fanIn, shape.width]);
    fanIn = shape.width;
  }
  sizes.push([fanIn, 1]);
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
 * float32: hidden layers He-normal, N(0, 2 / fanIn) (the scale that keeps ReLU activations' variance), the linear
 * or logistic output layer Glorot-normal, N(0, 2 / (fanIn + fanOut)). Biases start at 0. Network b reads, layer by
 * layer and row-major, from streams[b], or from the single stream after networks 0..b-1 have taken theirs.
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

export interface MlpTensors {
  readonly weights: tf.Tensor3D[];
  readonly biases: tf.Tensor3D[];
}

/** A flat parameter tensor as [B, in, out] weights and [B, 1, out] biases (slices: call inside a tidy). */
export function splitParams(theta: tf.Tensor1D, shape: MlpShape, count: number): MlpTensors {
  const { blocks } = paramLayout(shape, count);
  const part = (start: number, dims: [number, number, number]): tf.Tensor3D =>
    tf.reshape(tf.slice(theta, [start], [dims[0] * dims[1] * dims[2]]), dims);
  return {
    weights: blocks.map(({ offset, fanIn, fanOut }) => part(offset, [count, fanIn, fanOut])),
    biases: blocks.map(({ offset, fanIn, fanOut }) =>
      part(offset + count * fanIn * fanOut, [count, 1, fanOut]),
    ),
  };
}

/**
 * Forward pass for inputs x [B, n, p] (`ones` is [B, n, 1] of 1s): outputs f [B, n] (logits for classification)
 * and each layer's input. A bias is added as the rank-1 product ones x b: tfjs's CPU backend broadcasts a
 * [B, 1, out] tensor element by element, 2x slower (WASM: the same speed).
 */
export function forwardLayers(
  x: tf.Tensor3D,
  ones: tf.Tensor3D,
  params: MlpTensors,
): { inputs: tf.Tensor3D[]; out: tf.Tensor2D } {
  const inputs: tf.Tensor3D[] = [];
  let h = x;
  const last = params.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    inputs.push(h);
    const z = tf.add<tf.Tensor3D>(tf.matMul(h, params.weights[l]!), tf.matMul(ones, params.biases[l]!));
    h = l < last ? tf.relu(z) : z;
  }
  return { inputs, out: tf.squeeze(h, [2]) };
}

/**
 * Per-network training loss, [B]: mean squared error (regression, on standardized targets) or mean log-loss
 * softplus(f) - y f with labels 0/1 (classification).
 */
export function networkLosses(out: tf.Tensor2D, y: tf.Tensor2D, task: Task): tf.Tensor1D {
  if (task === 'regression') return tf.mean(tf.squaredDifference(out, y), 1);
  return tf.mean(tf.sub(tf.softplus(out), tf.mul(y, out)), 1);
}

/**
 * Gradient of sum_b L_b by backpropagation, written out (tfjs-core's autodiff needs every gradient registered by
 * a side-effect import that its Node bundle lacks): g = dL/df = 2 (f - y) / n or (sigmoid(f) - y) / n, then per
 * layer from the top dW_l = a_(l-1)' g, db_l = 1' g, g <- (g W_l') * 1[a_(l-1) > 0]; flat, as paramLayout.
 */
export function gradients(
  x: tf.Tensor3D,
  ones: tf.Tensor3D,
  y: tf.Tensor2D,
  params: MlpTensors,
  task: Task,
): { out: tf.Tensor2D; grad: tf.Tensor1D } {
  const { inputs, out } = forwardLayers(x, ones, params);
  const n = out.shape[1];
  const residual =
    task === 'regression' ? tf.mul(tf.sub(out, y), 2 / n) : tf.div(tf.sub(tf.sigmoid(out), y), n);
  let g = tf.expandDims<tf.Tensor3D>(residual, 2);
  const parts: tf.Tensor1D[] = [];
  for (let l = params.weights.length - 1; l >= 0; l--) {
    const dW = tf.matMul(inputs[l]!, g, true, false);
    // 1' g as a product too: tf.sum over axis 1 transposes first on the CPU backend (15x slower).
    const dB = tf.matMul(ones, g, true, false);
    parts.unshift(tf.reshape(dW, [-1]), tf.reshape(dB, [-1]));
    if (l > 0) g = tf.mul(tf.matMul(g, params.weights[l]!, false, true), tf.step(inputs[l]!));
  }
  return { out, grad: tf.concat(parts) };
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
