import * as tf from '@tensorflow/tfjs-core';
// tfjs's own gradients, registered in this test file only: the reference for the hand-written backward pass.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { CLASSES, PIXELS } from './types';
import { initParams, lossAndGradient, splitParams } from './vae-net';

describe('the VAE backward pass', () => {
  it('matches tfjs autodiff of the same loss', async () => {
    const rand = stream(5, 'net');
    const shape = { latent: 3, hidden: 6 };
    const rows = 5;
    const bias = Float32Array.from({ length: PIXELS }, () => rand.normal());
    const offsets = Float32Array.from({ length: CLASSES * PIXELS }, () => rand.normal());
    const theta = tf.tensor1d(initParams(shape, rand, bias, offsets));
    const x = tf.tensor2d(
      Float32Array.from({ length: rows * PIXELS }, () => rand.uniform()),
      [rows, PIXELS],
    );
    const onehot = tf.tensor2d(
      Float32Array.from({ length: rows * CLASSES }, (_, k) =>
        k % CLASSES === [0, 3, 9, 3, 7][Math.floor(k / CLASSES)] ? 1 : 0,
      ),
      [rows, CLASSES],
    );
    const eps = tf.tensor2d(
      Float32Array.from({ length: rows * shape.latent }, () => rand.normal()),
      [rows, shape.latent],
    );
    const mine = tf.tidy(() => lossAndGradient(splitParams(theta, shape), x, onehot, eps).grad);
    const reference = tf.grad(
      (t) => lossAndGradient(splitParams(t as tf.Tensor1D, shape), x, onehot, eps).loss,
    )(theta);
    const [a, b] = [await mine.data(), await reference.data()];
    expect(a.length).toBe(b.length);
    let scale = 0;
    for (let k = 0; k < b.length; k++) scale = Math.max(scale, Math.abs(b[k]!));
    expect(scale).toBeGreaterThan(0);
    let worst = 0;
    for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
    expect(worst / scale).toBeLessThan(1e-5);
    tf.dispose([theta, x, onehot, eps, mine, reference]);
  });
});
