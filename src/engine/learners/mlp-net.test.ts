/**
 * Checks of the batched MLP's pieces: the hand-written backpropagation against float64 central differences
 * (L(theta + h) - L(theta - h)) / 2h of a host forward pass, Adam's first steps, and the initial weight scales.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import type { Task } from '../task';
import { adam } from './mlp-adam';
import { gradients, initParams, type MlpShape, paramLayout, selectNetwork, splitParams } from './mlp-net';

/** sum_b L_b in float64 on the host, from the same (float32-valued) flat parameters. */
function hostLoss(
  shape: MlpShape,
  flat: Float64Array,
  count: number,
  x: Float32Array,
  y: Float32Array,
  task: Task,
): number {
  const { blocks } = paramLayout(shape, count);
  const n = y.length / count;
  let total = 0;
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < n; i++) {
      let h = Array.from(x.subarray((b * n + i) * shape.inputs, (b * n + i + 1) * shape.inputs));
      blocks.forEach(({ offset, fanIn, fanOut }, l) => {
        const w = offset + b * fanIn * fanOut;
        const bias = offset + count * fanIn * fanOut + b * fanOut;
        h = Array.from({ length: fanOut }, (_, o) => {
          let z = flat[bias + o]!;
          for (let k = 0; k < fanIn; k++) z += h[k]! * flat[w + k * fanOut + o]!;
          return l < blocks.length - 1 ? Math.max(z, 0) : z;
        });
      });
      const [f, t] = [h[0]!, y[b * n + i]!];
      const loss =
        task === 'regression' ? (f - t) ** 2 : Math.max(f, 0) + Math.log1p(Math.exp(-Math.abs(f))) - t * f;
      total += loss / n;
    }
  }
  return total;
}

describe('MLP backpropagation', () => {
  for (const task of ['regression', 'classification'] as const) {
    it(`matches float64 central differences (${task})`, async () => {
      const shape: MlpShape = { inputs: 2, width: 3, depth: 2 };
      const [count, n] = [2, 6];
      const rand = stream(3, `grad ${task}`);
      const { flat } = initParams(shape, count, rand);
      // Non-zero biases, so that their gradients and the ReLU masks are exercised.
      for (const { offset, fanIn, fanOut } of paramLayout(shape, count).blocks) {
        const start = offset + count * fanIn * fanOut;
        for (let i = 0; i < count * fanOut; i++) flat[start + i] = 0.3 * rand.normal();
      }
      const x = Float32Array.from({ length: count * n * shape.inputs }, () => rand.normal());
      const y = Float32Array.from({ length: count * n }, () =>
        task === 'regression' ? rand.normal() : rand.uniform() < 0.5 ? 0 : 1,
      );

      const before = tf.memory().numTensors;
      const grad = tf.tidy(() => {
        const params = splitParams(tf.tensor1d(flat), shape, count);
        const xT = tf.tensor3d(x, [count, n, shape.inputs]);
        return gradients(xT, tf.ones([count, n, 1]), tf.tensor2d(y, [count, n]), params, task).grad;
      });
      const computed = await grad.data();
      grad.dispose();
      expect(tf.memory().numTensors).toBe(before);

      expect(computed).toHaveLength(flat.length);
      const h = 1e-6;
      const wide = Float64Array.from(flat);
      for (let k = 0; k < flat.length; k++) {
        const loss = (delta: number): number => {
          wide[k] = flat[k]! + delta;
          return hostLoss(shape, wide, count, x, y, task);
        };
        const numeric = (loss(h) - loss(-h)) / (2 * h);
        wide[k] = flat[k]!;
        expect(Math.abs(computed[k]! - numeric)).toBeLessThan(1e-5 + 1e-4 * Math.abs(numeric));
      }
    });
  }
});

describe('MLP Adam', () => {
  it('takes steps of size lr against the gradient`s sign at first, and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const optimizer = adam(Float32Array.of(1, -2, 0.5), 0.1);
    const grad = tf.tensor1d([3, -0.01, 0]);
    optimizer.step(grad);
    // Step 1: m^ = g, v^ = g^2, so the update is lr g / (|g| + eps).
    const theta = await optimizer.theta.data();
    expect(theta[0]).toBeCloseTo(0.9, 6);
    expect(theta[1]).toBeCloseTo(-1.9, 5);
    expect(theta[2]).toBe(0.5);
    grad.dispose();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('MLP initial weights', () => {
  it('are He-normal in hidden layers and Glorot-normal at the output, biases 0, stream by stream', () => {
    const shape: MlpShape = { inputs: 50, width: 200, depth: 2 };
    const params = initParams(shape, 2, [stream(1, 'a'), stream(1, 'b')]);
    const alone = initParams(shape, 1, [stream(1, 'b')]);
    // Network 1 alone from stream 'b' = network 1 of the pair.
    expect(selectNetwork(shape, params, 1).flat).toEqual(alone.flat);
    const sd = (start: number, length: number): number =>
      Math.sqrt(alone.flat.subarray(start, start + length).reduce((s, e) => s + e * e, 0) / length);
    const [l0, l1, l2] = paramLayout(shape, 1).blocks;
    expect(sd(l0!.offset, 50 * 200) / Math.sqrt(2 / 50)).toBeCloseTo(1, 1);
    expect(sd(l1!.offset, 200 * 200) / Math.sqrt(2 / 200)).toBeCloseTo(1, 1);
    expect(sd(l2!.offset, 200) / Math.sqrt(2 / 201)).toBeCloseTo(1, 0);
    expect(alone.flat.subarray(l0!.offset + 50 * 200, l1!.offset).every((e) => e === 0)).toBe(true);
  });
});
