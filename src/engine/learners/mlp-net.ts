/**
 * B multilayer perceptrons side by side: h_0 = x, h_l = relu(h_(l-1) W_l + b_l) for l = 1..D, f = h_D w + c, each
 * product one tf.matMul batched over B ([B, n, in] x [B, in, out]); losses and backpropagated gradients. The
 * parameter layout, initial weights and standardization (no tfjs) are mlp-params.ts's, re-exported here.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Task } from '../task';
import { type MlpShape, paramLayout } from './mlp-params';

export {
  initParams,
  layerSizes,
  type MlpParams,
  type MlpShape,
  paramLayout,
  selectNetwork,
  standardizeInto,
  standardizer,
  type Standardizer,
} from './mlp-params';

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
