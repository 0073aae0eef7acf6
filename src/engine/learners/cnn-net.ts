/**
 * The CNN as a minibatch Network (minibatch.ts), LeNet-like, on 28 x 28 images (one channel):
 *   conv 5x5, F filters -> ReLU -> 2x2 max pool   [b, 12, 12, F]
 *   conv 5x5, 2F filters -> ReLU -> 2x2 max pool  [b, 4, 4, 2F]
 *   dense HIDDEN -> ReLU -> dense k (softmax head)
 * with convolutions and pools from cnn-layers.ts and backpropagation written out. Parameters, flat: W1 [5, 5, 1, F],
 * b1, W2 [5, 5, F, 2F], b2, W3 [32 F, HIDDEN], b3, W4 [HIDDEN, k], b4. Products keep tfjs's plain orientation (the
 * transposes are explicit, of the smaller operand): tfjs-wasm multiplies with a transposed operand ~8x slower.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RandomStream } from '../rng';
import { convolve, filterGradient, inputGradient, KERNEL, pool, unpool } from './cnn-layers';
import {
  columnSums,
  type MinibatchSettings,
  type Network,
  networkOutputs,
  trainNetwork,
  transposedProduct,
} from './minibatch';

export const SIDE = 28;
/** Units of the hidden dense layer. */
export const HIDDEN = 128;
/** Rows per forward pass when predicting or tracing: about 60 MB of float32 at 32 filters. */
const CHUNK = 512;

interface Layer {
  /** Weights [fanIn, fanOut] from `offset`, then fanOut biases. */
  readonly offset: number;
  readonly fanIn: number;
  readonly fanOut: number;
}

/** The four layers' places in the flat vector, and its length. */
export function cnnLayout(filters: number, classes: number): { layers: Layer[]; size: number } {
  const area = KERNEL * KERNEL;
  const pooled = (((SIDE - KERNEL + 1) / 2 - KERNEL + 1) / 2) ** 2;
  const shapes: [number, number][] = [
    [area, filters],
    [area * filters, 2 * filters],
    [pooled * 2 * filters, HIDDEN],
    [HIDDEN, classes],
  ];
  let offset = 0;
  const layers = shapes.map(([fanIn, fanOut]) => {
    const layer = { offset, fanIn, fanOut };
    offset += (fanIn + 1) * fanOut;
    return layer;
  });
  return { layers, size: offset };
}

/**
 * Initial parameters from `rand`, in float64 rounded to float32, layer by layer and row-major: the convolutions
 * and the hidden layer He-normal N(0, 2 / fanIn), the softmax layer Glorot-normal N(0, 2 / (fanIn + fanOut)),
 * biases 0 (as the MLP, mlp-params.ts).
 */
export function cnnInit(filters: number, classes: number, rand: RandomStream): Float32Array {
  const { layers, size } = cnnLayout(filters, classes);
  const flat = new Float32Array(size);
  layers.forEach(({ offset, fanIn, fanOut }, l) => {
    const sd = l < layers.length - 1 ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    for (let i = 0; i < fanIn * fanOut; i++) flat[offset + i] = sd * rand.normal();
  });
  return flat;
}

/** The CNN for `classes` classes as a Network on rows of SIDE^2 pixels. */
export function cnnNetwork(filters: number, classes: number): Network {
  const { layers, size } = cnnLayout(filters, classes);
  const channels = [1, filters, 2 * filters];
  const split = (theta: tf.Tensor1D) => {
    const part = ({ offset, fanIn, fanOut }: Layer) => ({
      w: tf.slice(theta, [offset], [fanIn * fanOut]),
      b: tf.slice(theta, [offset + fanIn * fanOut], [fanOut]),
    });
    const [c1, c2, d3, d4] = [part(layers[0]!), part(layers[1]!), part(layers[2]!), part(layers[3]!)];
    const filter = (w: tf.Tensor1D, l: number) =>
      tf.reshape<tf.Rank.R4>(w, [KERNEL, KERNEL, channels[l]!, channels[l + 1]!]);
    const dense = (w: tf.Tensor1D, l: Layer) => tf.reshape<tf.Rank.R2>(w, [l.fanIn, l.fanOut]);
    return {
      w1: filter(c1.w, 0),
      b1: c1.b,
      w2: filter(c2.w, 1),
      b2: c2.b,
      w3: dense(d3.w, layers[2]!),
      b3: d3.b,
      w4: dense(d4.w, layers[3]!),
      b4: d4.b,
    };
  };
  /** Forward pass, keeping what the backward pass reads. */
  const pass = (theta: tf.Tensor1D, x: tf.Tensor2D) => {
    const p = split(theta);
    const rows = x.shape[0];
    const images = tf.reshape<tf.Rank.R4>(x, [rows, SIDE, SIDE, 1]);
    const a1 = convolve(images, p.w1, p.b1);
    const p1 = pool(a1);
    const a2 = convolve(p1, p.w2, p.b2);
    const p2 = pool(a2);
    const flat = tf.reshape<tf.Rank.R2>(p2, [rows, -1]);
    const hidden = tf.fused.matMul({ a: flat, b: p.w3, bias: p.b3, activation: 'relu' }) as tf.Tensor2D;
    const out = tf.fused.matMul({ a: hidden, b: p.w4, bias: p.b4 }) as tf.Tensor2D;
    return { p, images, a1, p1, a2, p2, flat, hidden, out };
  };
  /** Per-channel sums of a gradient [b, h, w, c]: its bias gradient. */
  const channelSums = (g: tf.Tensor4D): tf.Tensor1D => columnSums(tf.reshape(g, [-1, g.shape[3]]));
  return {
    size,
    outputs: classes,
    head: 'softmax',
    chunk: CHUNK,
    forward: (theta, x) => pass(theta, x).out,
    gradient(theta, x, outputGradient) {
      const { p, images, a1, p1, a2, p2, flat, hidden, out } = pass(theta, x);
      const gOut = outputGradient(out);
      const gHidden = tf.mul<tf.Tensor2D>(tf.matMul(gOut, tf.transpose(p.w4)), tf.step(hidden));
      const gFlat = tf.matMul(gHidden, tf.transpose(p.w3));
      const gz2 = tf.mul<tf.Tensor4D>(unpool(tf.reshape(gFlat, p2.shape), a2, p2), tf.step(a2));
      const gz1 = tf.mul<tf.Tensor4D>(unpool(inputGradient(gz2, p.w2), a1, p1), tf.step(a1));
      const flatten = (t: tf.Tensor): tf.Tensor1D => tf.reshape(t, [-1]);
      const parts = [
        flatten(filterGradient(images, gz1)),
        channelSums(gz1),
        flatten(filterGradient(p1, gz2)),
        channelSums(gz2),
        flatten(transposedProduct(flat, gHidden)),
        columnSums(gHidden),
        flatten(transposedProduct(hidden, gOut)),
        columnSums(gOut),
      ];
      return { out, grad: tf.concat(parts) };
    },
  };
}

/** A trained CNN: its parameters, its loss (as TrainedNetwork's), and its outputs on test rows. */
export interface TrainedCnn {
  readonly loss: number;
  readonly params: Float32Array;
  outputs(test: Float64Array, rows: number): Promise<Float32Array>;
}

/** Trains the CNN on rows x (SIDE^2 pixels each) with labels 0..classes-1, from `init`'s weights. */
export async function fitCnnNetwork(
  x: Float64Array,
  y: Float64Array,
  rows: number,
  filters: number,
  classes: number,
  settings: MinibatchSettings,
  init: RandomStream,
  shuffle: RandomStream,
): Promise<TrainedCnn> {
  const net = cnnNetwork(filters, classes);
  const initial = cnnInit(filters, classes, init);
  const trained = await trainNetwork(
    net,
    Float32Array.from(x),
    Float32Array.from(y),
    rows,
    initial,
    settings,
    shuffle,
  );
  return {
    ...trained,
    outputs: (test, count) => networkOutputs(net, trained.params, Float32Array.from(test), count),
  };
}
