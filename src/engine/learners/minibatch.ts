/**
 * Minibatch Adam for one tfjs network (the softmax MLP, the CNN): each epoch visits the n training rows once, in
 * batches of `batch` rows (the last one shorter) in an order shuffled per epoch by a seeded stream, each batch one
 * Adam step (mlp-adam.ts) on its mean loss; batch 0 (or >= n) is full-batch Adam in row order. A network brings its
 * forward pass and its backpropagation written out (tfjs-core's Node bundle has no gradients registered); the
 * output heads (losses and their gradients) are here:
 *   mse       mean (f - y)^2 on standardized targets, dL/df = 2 (f - y) / b
 *   logistic  mean softplus(f) - y f (labels 0/1), dL/df = (sigmoid(f) - y) / b
 *   softmax   mean log sum_c exp(f_c) - f_y (labels 0..k-1), dL/df = (softmax(f) - onehot(y)) / b
 * The thread is given back between batches when its slice is used up (yieldToEvents.ts). Every tensor is disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RandomStream } from '../rng';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import { adam } from './mlp-adam';
import { shuffleInPlace } from './seeds';

export type Head = 'mse' | 'logistic' | 'softmax';

/** A network: its parameters are one flat float32 vector, its inputs rows of `features` values. */
export interface Network {
  /** Parameters. */
  readonly size: number;
  /** Outputs per row (1 for mse and logistic, the classes for softmax). */
  readonly outputs: number;
  readonly head: Head;
  /** Rows per forward pass when predicting or tracing (bounds the memory of one pass). */
  readonly chunk: number;
  /** Outputs [rows, outputs] of inputs x [rows, features] (call inside a tidy). */
  forward(theta: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D;
  /**
   * The outputs of x and the gradient of the batch's mean loss, given the gradient dL/df of the outputs (from
   * headGradient) by backpropagation; flat, in the parameters' layout (call inside a tidy).
   */
  gradient(
    theta: tf.Tensor1D,
    x: tf.Tensor2D,
    outputGradient: (out: tf.Tensor2D) => tf.Tensor2D,
  ): { out: tf.Tensor2D; grad: tf.Tensor1D };
}

/** Column sums of g [rows, k] as a product (tf.sum over rows transposes first on tfjs's CPU backend). */
export function columnSums(g: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(tf.ones([1, g.shape[0]]), g), [g.shape[1]]);
}

/** a' g for a [rows, m], g [rows, k]: [m, k], as (g' a)' with the smaller transposes. */
export function transposedProduct(a: tf.Tensor2D, g: tf.Tensor2D): tf.Tensor2D {
  return tf.transpose(tf.matMul(tf.transpose(g), a));
}

/** Sum over the rows of the head's loss of outputs `out` [rows, k] against targets y [rows]. */
export function headLossSum(head: Head, out: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
  if (head === 'mse') return tf.sum(tf.squaredDifference(tf.squeeze(out, [1]), y));
  if (head === 'logistic') {
    const f = tf.squeeze(out, [1]);
    return tf.sum(tf.sub(tf.softplus(f), tf.mul(y, f)));
  }
  const onehot = tf.oneHot(tf.cast(y, 'int32'), out.shape[1]);
  return tf.sum(tf.sub(tf.logSumExp(out, 1), tf.sum(tf.mul(out, onehot), 1)));
}

/** dL/df of the mean loss over the rows. */
export function headGradient(head: Head, out: tf.Tensor2D, y: tf.Tensor1D): tf.Tensor2D {
  const rows = out.shape[0];
  const column = tf.reshape(y, [rows, 1]);
  if (head === 'mse') return tf.mul(tf.sub(out, column), 2 / rows);
  if (head === 'logistic') return tf.div(tf.sub(tf.sigmoid(out), column), rows);
  const onehot = tf.oneHot(tf.cast(y, 'int32'), out.shape[1]);
  return tf.div(tf.sub(tf.softmax(out), onehot), rows);
}

export interface MinibatchSettings {
  readonly epochs: number;
  readonly lr: number;
  /** Rows per Adam step; 0 = all (full batch). */
  readonly batch: number;
  /** Training curves: the mean loss over all rows after epochs 0, every, 2 every, ... and the last. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
  readonly every?: number;
}

export interface TrainedNetwork {
  readonly params: Float32Array;
  /**
   * The mean training loss of the returned weights when traced, else the mean of the last epoch's batch losses
   * (free: the steps computed them); NaN or Infinity when training diverged.
   */
  readonly loss: number;
}

/** Rows `order[from..to)` of x [rows][features] (row-major) and their targets, uploaded as one batch. */
function upload(
  x: Float32Array,
  y: Float32Array,
  features: number,
  order: Int32Array,
  from: number,
  to: number,
): { xb: tf.Tensor2D; yb: tf.Tensor1D } {
  const count = to - from;
  const xs = new Float32Array(count * features);
  const ys = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const row = order[from + i]!;
    xs.set(x.subarray(row * features, (row + 1) * features), i * features);
    ys[i] = y[row]!;
  }
  return { xb: tf.tensor2d(xs, [count, features]), yb: tf.tensor1d(ys) };
}

/**
 * Trains `net` from `initial` on rows x [rows][features] (row-major) with targets y, shuffling with `shuffle`,
 * and returns its parameters and loss. Batches are gathered on the host and uploaded (tfjs-wasm's tf.gather
 * copies element by element, 1.5 ms for 64 digits); full-batch data are uploaded once.
 */
export async function trainNetwork(
  net: Network,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  initial: Float32Array,
  settings: MinibatchSettings,
  shuffle: RandomStream,
): Promise<TrainedNetwork> {
  const features = x.length / rows;
  const size = settings.batch > 0 && settings.batch < rows ? settings.batch : rows;
  const every = settings.every ?? 1;
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const optimizer = adam(initial, settings.lr);
  const { theta } = optimizer;
  const whole = size === rows ? upload(x, y, features, order, 0, rows) : null;
  /** Sum of the batch losses of the current epoch (kept out of the steps' tidies). */
  let epochLoss: tf.Scalar | null = null;
  /** Mean loss over all rows, in chunks of net.chunk rows, one read. */
  const traced = async (): Promise<number> => {
    const sum = tf.tidy(() => {
      const parts: tf.Scalar[] = [];
      for (let start = 0; start < rows; start += net.chunk) {
        const { xb, yb } = upload(x, y, features, order, start, Math.min(rows, start + net.chunk));
        parts.push(headLossSum(net.head, net.forward(theta, xb), yb));
      }
      return tf.addN(parts);
    });
    try {
      return (await sum.data())[0]! / rows;
    } finally {
      sum.dispose();
    }
  };
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      if (settings.onEpoch && (epoch - 1) % every === 0) settings.onEpoch(epoch - 1, await traced());
      if (!whole) shuffleInPlace(order, shuffle);
      epochLoss?.dispose();
      epochLoss = tf.scalar(0);
      for (let start = 0; start < rows; start += size) {
        const previous: tf.Scalar = epochLoss;
        epochLoss = tf.tidy(() => {
          const { xb, yb } = whole ?? upload(x, y, features, order, start, Math.min(rows, start + size));
          const { out, grad } = net.gradient(theta, xb, (f) => headGradient(net.head, f, yb));
          optimizer.step(grad);
          return tf.add(previous, headLossSum(net.head, out, yb));
        });
        previous.dispose();
        if (sliceDue()) await yieldSlice();
      }
    }
    const loss = settings.onEpoch ? await traced() : (await epochLoss!.data())[0]! / rows;
    settings.onEpoch?.(settings.epochs, loss);
    return { params: (await theta.data()) as Float32Array, loss };
  } finally {
    if (whole) tf.dispose([whole.xb, whole.yb]);
    epochLoss?.dispose();
    optimizer.dispose();
  }
}

/** Outputs [rows][net.outputs] (row-major) of the network with parameters `params` on rows x. */
export async function networkOutputs(
  net: Network,
  params: Float32Array,
  x: Float32Array,
  rows: number,
): Promise<Float32Array> {
  const features = rows > 0 ? x.length / rows : 0;
  const out = new Float32Array(rows * net.outputs);
  const theta = tf.tensor1d(params);
  try {
    for (let start = 0; start < rows; start += net.chunk) {
      const count = Math.min(net.chunk, rows - start);
      const f = tf.tidy(() =>
        net.forward(
          theta,
          tf.tensor2d(x.subarray(start * features, (start + count) * features), [count, features]),
        ),
      );
      try {
        out.set((await f.data()) as Float32Array, start * net.outputs);
      } finally {
        f.dispose();
      }
    }
  } finally {
    theta.dispose();
  }
  return out;
}
