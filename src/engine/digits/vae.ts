/**
 * The digits lab's learned generator: a small conditional VAE (Kingma & Welling 2014; Sohn, Lee & Yan 2015)
 * trained in tfjs on the replicate's n real digits, networks and loss in vae-net.ts:
 *   encoder [x, onehot(y)] -> 256 ReLU -> (mu, log sigma^2) in R^latent;  decoder [z, onehot(y)] -> 256 ReLU -> 784
 *   sigmoid, plus a per-class output bias (vae-net.ts says why);  loss per digit = sum over pixels of the Bernoulli
 *   cross-entropy + KL(N(mu, sigma^2) || N(0, I)), the negative evidence lower bound.
 * Minibatch (64) Adam (lr 1e-3) for `epochs` passes over the n digits. Every random number (Glorot weights, the
 * per-epoch shuffle, the reparameterisation noise eps) comes from our seeded RandomStream and enters tfjs as data,
 * so the same digits and seed give the same generator on a given backend (bit-identical on cpu; other backends
 * round differently).
 *
 * Drawing: class c gets counts[c] digits, decoded from z ~ N(0, I) with the label's one-hot. A digit is the
 * decoder's mean, sigmoid(logits), i.e. each pixel's Bernoulli probability, not a Bernoulli draw of the pixels:
 * MNIST is grey-level, and sampled pixels would be salt-and-pepper binary images unlike any real digit; the
 * diversity comes from z. The fitted generator holds the decoder's weights as tensors: the caller must call
 * dispose() when done with it.
 */
import { Cancelled } from '../cancelled';
import * as tf from '@tensorflow/tfjs-core';
import { GeneratorError } from '../generators/oracle';
import { matrix } from '../matrix';
import type { RandomStream } from '../rng';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import { adam } from '../learners/mlp-adam';
import { CLASSES, PIXELS, type FittedDigitGenerator, type GeneratorEpoch, type Sample } from './types';
import { decodeLogits, type DecoderWeights, initParams, lossAndGradient, splitParams } from './vae-net';

/**
 * Defaults, as the lab's: n = 2,000 digits fit in about 14 s on the WASM backend (one core, Node). Fewer epochs
 * draw digits nearer their class's average (10 epochs: half the within-class spread of 20).
 */
export const VAE_DEFAULTS = { latent: 16, epochs: 20 } as const;
export const VAE_LATENT_MAX = 64;
export const VAE_EPOCHS_MAX = 200;
export const VAE_HIDDEN = 256;
export const VAE_BATCH = 64;
export const VAE_LEARNING_RATE = 1e-3;
/** Rows decoded per tensor program when drawing: bounds the [rows, 784] activations (3 MiB). */
const DRAW_BLOCK = 1024;

export interface VaeSettings {
  readonly latent: number;
  readonly epochs: number;
  /** Adam's step size (default VAE_LEARNING_RATE); not a lab control, there for tests and experiments. */
  readonly learningRate?: number;
}

/** A fitted VAE: draws digits, and keeps its training losses. Holds tensors: call dispose() when done. */
export interface FittedVae extends FittedDigitGenerator {
  /** Mean loss per digit (nats) of each epoch, in order. */
  readonly losses: GeneratorEpoch[];
  draw(counts: readonly number[], rand: RandomStream): Promise<Sample>;
  /** Frees the decoder's weights; draw refuses afterwards. Safe to call twice. */
  dispose(): void;
}

function checkSettings(settings: VaeSettings): void {
  const { latent, epochs, learningRate = VAE_LEARNING_RATE } = settings;
  if (!Number.isInteger(latent) || latent < 1 || latent > VAE_LATENT_MAX)
    throw new GeneratorError(
      `the VAE's latent dimensions must be a whole number from 1 to ${VAE_LATENT_MAX}`,
    );
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > VAE_EPOCHS_MAX)
    throw new GeneratorError(`the VAE's epochs must be a whole number from 1 to ${VAE_EPOCHS_MAX}`);
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    throw new GeneratorError("the VAE's learning rate must be a positive number");
}

/** The real digits as float32 pixels and integer labels, checked (the cross-entropy needs targets in [0, 1]). */
function hostData(real: Sample): { pixels: Float32Array; labels: Uint8Array } {
  const n = real.x.rows;
  if (n < 1) throw new GeneratorError('the VAE needs at least one real digit to learn from');
  if (real.x.cols !== PIXELS || real.y.length !== n)
    throw new GeneratorError(`the VAE learns ${PIXELS}-pixel digits with one label each`);
  const labels = Uint8Array.from(real.y);
  real.y.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= CLASSES)
      throw new GeneratorError(`digit ${i + 1} has label ${c}, not a digit 0-9`);
  });
  const pixels = Float32Array.from(real.x.data);
  real.x.data.forEach((v, k) => {
    if (!(v >= 0 && v <= 1))
      throw new GeneratorError(`digit ${Math.floor(k / PIXELS) + 1} has a pixel ${v} outside [0, 1]`);
  });
  return { pixels, labels };
}

/**
 * The decoder's starting output layer: `bias`, the logits of the real mean image, and `classOffsets`, per class
 * the logits of that class's mean image minus `bias` (0 for a class with no digits); means clipped to
 * [1e-3, 1 - 1e-3]. With them the untrained decoder already draws each class's average digit.
 */
function startingLogits(
  pixels: Float32Array,
  labels: Uint8Array,
): { bias: Float32Array; classOffsets: Float32Array } {
  const sums = new Float64Array((CLASSES + 1) * PIXELS);
  const counts = new Array<number>(CLASSES + 1).fill(0);
  labels.forEach((c, i) => {
    counts[c]!++;
    counts[CLASSES]!++;
    for (let j = 0; j < PIXELS; j++) {
      const v = pixels[i * PIXELS + j]!;
      sums[c * PIXELS + j] = sums[c * PIXELS + j]! + v;
      sums[CLASSES * PIXELS + j] = sums[CLASSES * PIXELS + j]! + v;
    }
  });
  const logit = (k: number, j: number) => {
    const p = Math.min(1 - 1e-3, Math.max(1e-3, sums[k * PIXELS + j]! / counts[k]!));
    return Math.log(p / (1 - p));
  };
  const bias = Float32Array.from({ length: PIXELS }, (_, j) => logit(CLASSES, j));
  const classOffsets = new Float32Array(CLASSES * PIXELS);
  for (let c = 0; c < CLASSES; c++) {
    if (counts[c]! > 0)
      for (let j = 0; j < PIXELS; j++) classOffsets[c * PIXELS + j] = logit(c, j) - bias[j]!;
  }
  return { bias, classOffsets };
}

/** Fisher-Yates in place with our stream. */
function shuffle(values: Uint32Array | Float64Array, rand: RandomStream): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rand.uniform() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}

/** One-hot rows for `count` labels read through `labelOf`. */
function oneHot(count: number, labelOf: (i: number) => number): Float32Array {
  const out = new Float32Array(count * CLASSES);
  for (let i = 0; i < count; i++) out[i * CLASSES + labelOf(i)] = 1;
  return out;
}

/**
 * Trains the VAE on `real` (pixels in [0, 1], labels 0-9). Draws from `rand`, in order: the weights, then per
 * epoch the shuffle and each minibatch's eps. Calls onEpoch after every epoch with the epoch's mean loss per digit
 * (the running minibatch losses, as Keras reports them); yields to the event loop between minibatches and checks
 * isCancelled() there (rejecting with Cancelled). Rejects with GeneratorError if the loss stops being finite.
 * Every tensor it makes is disposed, except the fitted generator's decoder weights (its dispose()).
 */
export async function fitVae(
  real: Sample,
  settings: VaeSettings,
  rand: RandomStream,
  onEpoch?: (e: GeneratorEpoch) => void,
  isCancelled?: () => boolean,
): Promise<FittedVae> {
  checkSettings(settings);
  const { pixels, labels } = hostData(real);
  const n = labels.length;
  const { latent, epochs } = settings;
  const seen = Array.from({ length: CLASSES }, (_, c) => labels.includes(c));

  const shape = { latent, hidden: VAE_HIDDEN };
  const initial = startingLogits(pixels, labels);
  const optimizer = adam(
    initParams(shape, rand, initial.bias, initial.classOffsets),
    settings.learningRate ?? VAE_LEARNING_RATE,
  );
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const losses: GeneratorEpoch[] = [];
  /** The epoch's sum of batch loss x batch size, kept on the device until the epoch ends (one read an epoch). */
  let total: tf.Scalar | null = null;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, rand);
      total = tf.scalar(0);
      for (let start = 0; start < n; start += VAE_BATCH) {
        if (isCancelled?.()) throw new Cancelled();
        const rows = Math.min(VAE_BATCH, n - start);
        const x = new Float32Array(rows * PIXELS);
        for (let i = 0; i < rows; i++) {
          const r = order[start + i]!;
          x.set(pixels.subarray(r * PIXELS, (r + 1) * PIXELS), i * PIXELS);
        }
        const y = oneHot(rows, (i) => labels[order[start + i]!]!);
        const eps = Float32Array.from({ length: rows * latent }, () => rand.normal());
        const previous: tf.Scalar = total;
        total = tf.tidy(() => {
          const xT = tf.tensor2d(x, [rows, PIXELS]);
          const yT = tf.tensor2d(y, [rows, CLASSES]);
          const epsT = tf.tensor2d(eps, [rows, latent]);
          const { loss, grad } = lossAndGradient(splitParams(optimizer.theta, shape), xT, yT, epsT);
          optimizer.step(grad);
          return tf.add<tf.Scalar>(previous, tf.mul(loss, rows));
        });
        previous.dispose();
        await yieldSlice();
      }
      const loss = (await total.data())[0]! / n;
      total.dispose();
      total = null;
      if (!Number.isFinite(loss))
        throw new GeneratorError(
          `the VAE diverged (loss ${loss} at epoch ${epoch}); lower the latent dimensions or the learning rate`,
        );
      losses.push({ epoch, loss });
      onEpoch?.({ epoch, loss });
    }
    // The decoder's weights: slices of the parameter vector, which tidy keeps as it returns them (they hold a
    // reference to its data, so Adam's disposal of the vector leaves them valid).
    const decoder = tf.tidy((): DecoderWeights => {
      const { w2, b2, w3, b3, c3 } = splitParams(optimizer.theta, shape);
      return { w2, b2, w3, b3, c3 };
    });
    return fittedVae(decoder, latent, seen, losses);
  } finally {
    total?.dispose();
    optimizer.dispose();
  }
}

function fittedVae(
  decoder: DecoderWeights,
  latent: number,
  seen: readonly boolean[],
  losses: GeneratorEpoch[],
): FittedVae {
  let disposed = false;
  return {
    losses,
    async draw(counts: readonly number[], rand: RandomStream): Promise<Sample> {
      if (disposed) throw new Error('the VAE was disposed: fit it again to draw');
      if (counts.length !== CLASSES || !counts.every((k) => Number.isInteger(k) && k >= 0))
        throw new GeneratorError(`draw needs ${CLASSES} whole, non-negative class counts`);
      const missing = counts.findIndex((k, c) => k > 0 && !seen[c]);
      if (missing >= 0)
        throw new GeneratorError(`the VAE saw no real ${missing}s, so it cannot draw any; lower their count`);
      const m = counts.reduce((s, k) => s + k, 0);
      // The labels in class order, then mixed by a seeded shuffle; each row's z is drawn after, in row order.
      const y = new Float64Array(m);
      let row = 0;
      counts.forEach((k, c) => {
        y.fill(c, row, row + k);
        row += k;
      });
      shuffle(y, rand);
      const x = new Float64Array(m * PIXELS);
      for (let start = 0; start < m; start += DRAW_BLOCK) {
        const rows = Math.min(DRAW_BLOCK, m - start);
        const z = Float32Array.from({ length: rows * latent }, () => rand.normal());
        const onehot = oneHot(rows, (i) => y[start + i]!);
        const means = tf.tidy(() =>
          tf.sigmoid(
            decodeLogits(decoder, tf.tensor2d(z, [rows, latent]), tf.tensor2d(onehot, [rows, CLASSES])),
          ),
        );
        let values: Float32Array;
        try {
          values = (await means.data()) as Float32Array;
        } finally {
          means.dispose();
        }
        // A finite loss leaves finite weights, so this only fires on a backend fault: never hand out NaN pixels.
        if (!values.every(Number.isFinite)) throw new GeneratorError('the VAE decoded non-finite pixels');
        x.set(values, start * PIXELS);
        if (sliceDue()) await yieldSlice();
      }
      return { x: matrix(m, PIXELS, x), y };
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      tf.dispose([decoder.w2, decoder.b2, decoder.w3, decoder.b3, decoder.c3]);
    },
  };
}
