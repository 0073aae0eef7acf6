/**
 * The conditional VAE's networks and loss (Kingma & Welling 2014; Sohn, Lee & Yan 2015), as tfjs-core ops:
 *   encoder  h = relu([x, onehot(y)] W1 + b1),  mu = h Wmu + bmu,  log sigma^2 = h Wlv + blv
 *   sample   z = mu + exp(log sigma^2 / 2) * eps,  eps ~ N(0, I) (given: drawn from our seeded stream)
 *   decoder  g = relu([z, onehot(y)] W2 + b2),  logits = g W3 + b3 + onehot(y) C,  pixel means = sigmoid(logits)
 *   loss     l(x, y) = sum_j [softplus(logit_j) - x_j logit_j]                  (Bernoulli cross-entropy, nats)
 *                    + 1/2 sum_k [mu_k^2 + sigma_k^2 - log sigma_k^2 - 1]      (KL(q(z | x, y) || N(0, I)))
 * i.e. the negative evidence lower bound of one digit, estimated with one z. Dense layers only, so every op is
 * one that the cpu, wasm and webgl backends all implement.
 *
 * C (10 x 784) is a per-class output bias, a skip from the label to the logits, started at the logits of each
 * class's real mean image. Without it the decoder learns, in the few hundred Adam steps a lab fit affords, to read
 * the class from z (which the encoder fills from x) long before it reads it from y; z ~ N(0, I) then decodes to
 * digits of no particular class. Measured on 2,000 real digits, latent 16, 20 epochs: 40% of drawn digits
 * correlate best with their own class's real mean image without C, 84% with it (real digits: 82%).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RandomStream } from '../rng';
import { CLASSES, PIXELS } from './types';

export interface VaeShape {
  readonly latent: number;
  readonly hidden: number;
}

/** Encoder and decoder weights; the decoder's four are what a fitted generator keeps. */
export interface VaeWeights {
  readonly w1: tf.Tensor2D;
  readonly b1: tf.Tensor1D;
  readonly wMu: tf.Tensor2D;
  readonly bMu: tf.Tensor1D;
  readonly wLogVar: tf.Tensor2D;
  readonly bLogVar: tf.Tensor1D;
  readonly w2: tf.Tensor2D;
  readonly b2: tf.Tensor1D;
  readonly w3: tf.Tensor2D;
  readonly b3: tf.Tensor1D;
  readonly c3: tf.Tensor2D;
}

export type DecoderWeights = Pick<VaeWeights, 'w2' | 'b2' | 'w3' | 'b3' | 'c3'>;

type Part = readonly [name: keyof VaeWeights, rows: number, cols: number | null];

/**
 * Where each weight lies in the one flat parameter vector that Adam updates (mlp-adam.ts: 13 kernels a step for
 * all of them, against 12 per tensor for tf.train.adam, which made Adam half of a wasm step). Matrices are
 * row-major; a bias has cols null. The gradients are flattened in the same order.
 */
function parts({ latent, hidden }: VaeShape): Part[] {
  return [
    ['w1', PIXELS + CLASSES, hidden],
    ['b1', hidden, null],
    ['wMu', hidden, latent],
    ['bMu', latent, null],
    ['wLogVar', hidden, latent],
    ['bLogVar', latent, null],
    ['w2', latent + CLASSES, hidden],
    ['b2', hidden, null],
    ['w3', hidden, PIXELS],
    ['b3', PIXELS, null],
    ['c3', CLASSES, PIXELS],
  ];
}

const size = ([, rows, cols]: Part): number => rows * (cols ?? 1);

/**
 * Fresh parameters: each matrix Glorot (Xavier) uniform, U(-a, a) with a = sqrt(6 / (fan_in + fan_out)), drawn
 * from `rand` in the order W1, Wmu, Wlv, W2, W3; zero biases except the output's, which starts at `outputBias`
 * (the logits of the real mean image: the decoder then begins at the average digit instead of grey, and the first
 * epoch learns strokes rather than the black background), and C at `classOffsets` (10 x 784, row-major).
 */
export function initParams(
  shape: VaeShape,
  rand: RandomStream,
  outputBias: Float32Array,
  classOffsets: Float32Array,
): Float32Array {
  const layout = parts(shape);
  const flat = new Float32Array(layout.reduce((total, part) => total + size(part), 0));
  let offset = 0;
  for (const part of layout) {
    const [name, rows, cols] = part;
    if (name === 'c3') flat.set(classOffsets, offset);
    else if (cols !== null) {
      const limit = Math.sqrt(6 / (rows + cols));
      for (let k = 0; k < rows * cols; k++) flat[offset + k] = (2 * rand.uniform() - 1) * limit;
    } else if (name === 'b3') flat.set(outputBias, offset);
    offset += size(part);
  }
  return flat;
}

/** The weights as views of the flat parameter vector (slices: call inside tf.tidy). */
export function splitParams(theta: tf.Tensor1D, shape: VaeShape): VaeWeights {
  const out: Partial<Record<keyof VaeWeights, tf.Tensor>> = {};
  let offset = 0;
  for (const part of parts(shape)) {
    const [name, rows, cols] = part;
    const piece = tf.slice(theta, [offset], [size(part)]);
    out[name] = cols === null ? piece : tf.reshape(piece, [rows, cols]);
    offset += size(part);
  }
  return out as VaeWeights;
}

/**
 * a W + b, then ReLU where asked: one fused kernel (wasm: about a fifth less CPU a step than matMul and add). The
 * hand-written backward pass needs no tape; under tfjs's tape this kernel leaks in tfjs-wasm 4.22.
 */
function dense(a: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, relu = false): tf.Tensor2D {
  return tf.fused.matMul({ a, b: w, bias: b, activation: relu ? 'relu' : 'linear' }) as tf.Tensor2D;
}

/** The decoder's logits for latent codes z [B, latent] and one-hot labels [B, 10]. */
export function decodeLogits(w: DecoderWeights, z: tf.Tensor2D, onehot: tf.Tensor2D): tf.Tensor2D {
  const g = dense(tf.concat2d([z, onehot], 1), w.w2, w.b2, true);
  return tf.add(dense(g, w.w3, w.b3), tf.matMul(onehot, w.c3));
}

/** The mean loss per digit of a minibatch, and its gradient as one flat vector laid out as the parameters. */
export interface LossAndGradient {
  readonly loss: tf.Scalar;
  readonly grad: tf.Tensor1D;
}

/**
 * Mean negative ELBO per digit of one minibatch (x [B, 784] in [0, 1], one-hot labels [B, 10], noise eps
 * [B, latent]) and its gradients, backpropagated by hand as mlp-net.ts does: the project registers no tfjs
 * gradients (a tape would also keep every intermediate), and the closed forms are short. softplus(l) - x l is
 * -[x log sigmoid(l) + (1 - x) log(1 - sigmoid(l))] without log(0) at saturated pixels; its derivative in l is
 * sigmoid(l) - x. Through z = mu + exp(v / 2) eps: dz/dmu = 1, dz/dv = exp(v / 2) eps / 2; the KL adds mu and
 * (exp(v) - 1) / 2. ReLU passes gradient where its output is positive (tf.step of the output).
 * Products with a transposed factor transpose it first: tfjs-wasm 4.22's matMul with transposeA / transposeB
 * runs 5-15x slower than an explicit tf.transpose and a plain matMul (measured: 0.8 against 6-12 GFLOP/s).
 */
export function lossAndGradient(
  w: VaeWeights,
  x: tf.Tensor2D,
  onehot: tf.Tensor2D,
  eps: tf.Tensor2D,
): LossAndGradient {
  const [rows, latent] = eps.shape;
  const input = tf.concat2d([x, onehot], 1);
  const h = dense(input, w.w1, w.b1, true);
  const mu = dense(h, w.wMu, w.bMu);
  const logVar = dense(h, w.wLogVar, w.bLogVar);
  const variance = tf.exp(logVar);
  // exp(log var / 2), not sqrt(variance): the square root's gradient is infinite where the variance underflows.
  const sd = tf.exp(tf.mul(logVar, 0.5));
  const code = tf.concat2d([tf.add(mu, tf.mul(sd, eps)), onehot], 1);
  const g = dense(code, w.w2, w.b2, true);
  const logits = tf.add(dense(g, w.w3, w.b3), tf.matMul(onehot, w.c3));
  const reconstruction = tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)));
  const kl = tf.mul(tf.sum(tf.sub(tf.add(tf.square(mu), variance), tf.add(logVar, 1))), 0.5);
  const loss = tf.div<tf.Scalar>(tf.add(reconstruction, kl), rows);

  // Backward pass; every term carries the 1 / B of the mean.
  const dLogits = tf.div<tf.Tensor2D>(tf.sub(tf.sigmoid(logits), x), rows);
  const dG = tf.mul<tf.Tensor2D>(tf.matMul(dLogits, tf.transpose(w.w3)), tf.step(g));
  const dZ = tf.matMul(dG, tf.transpose(tf.slice(w.w2, [0, 0], [latent, -1])));
  const dMu = tf.add<tf.Tensor2D>(dZ, tf.div(mu, rows));
  const dLogVar = tf.add<tf.Tensor2D>(
    tf.mul(tf.mul(dZ, eps), tf.mul(sd, 0.5)),
    tf.div(tf.sub(variance, 1), 2 * rows),
  );
  const dH = tf.mul<tf.Tensor2D>(
    tf.add(tf.matMul(dMu, tf.transpose(w.wMu)), tf.matMul(dLogVar, tf.transpose(w.wLogVar))),
    tf.step(h),
  );
  const weight = (a: tf.Tensor2D, d: tf.Tensor2D) => tf.matMul(tf.transpose(a), d);
  const bias = (d: tf.Tensor2D) => tf.sum(d, 0);
  const grads = [
    weight(input, dH),
    bias(dH),
    weight(h, dMu),
    bias(dMu),
    weight(h, dLogVar),
    bias(dLogVar),
    weight(code, dG),
    bias(dG),
    weight(g, dLogits),
    bias(dLogits),
    weight(onehot, dLogits),
  ];
  return { loss, grad: tf.concat1d(grads.map((d) => tf.reshape(d, [-1]))) };
}
