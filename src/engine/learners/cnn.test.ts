/**
 * The CNN: its tfjs forward pass and written-out backpropagation against a float64 reference (outputs; gradients
 * by central differences, max-pool ties included), on tfjs's CPU and WASM backends; training on both backends
 * (losses fall and agree to float32 rounding); determinism, tensors, FitErrors and its spec.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { cnnInit, cnnLayout, cnnNetwork } from './cnn-net';
import { referenceLoss, referenceOutputs } from './cnn.reference';
import { cnn } from './cnn';
import { headGradient } from './minibatch';
import { parseModelSpec, SpecError } from './spec';
import { FitError } from './types';

/**
 * n images of 28 x 28 in three classes: a bright horizontal (0), vertical (1) or diagonal (2) bar at a random
 * place on a black background (exact zeros, so pools see ties), plus faint noise on a random quarter of pixels.
 */
function bars(n: number, seed: number): { x: Matrix; y: Float64Array } {
  const rand = stream(seed, 'bars');
  const x = matrix(n, 784);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const label = r % 3;
    const [a, b] = [4 + Math.floor(rand.uniform() * 16), 4 + Math.floor(rand.uniform() * 16)];
    for (let t = -4; t <= 4; t++) {
      const [row, col] = label === 0 ? [a, b + t] : label === 1 ? [a + t, b] : [a + t, b + t];
      x.data[r * 784 + row * 28 + col] = 0.6 + 0.4 * rand.uniform();
    }
    for (let q = 0; q < 784; q++) if (rand.uniform() < 0.25) x.data[r * 784 + q]! += 0.1 * rand.uniform();
    y[r] = label;
  }
  return { x, y };
}

function suite(backend: 'cpu' | 'wasm'): void {
  describe(`CNN on ${backend}`, () => {
    if (backend !== 'cpu') onBackend(backend);

    it('computes the reference outputs and the gradient of the reference loss', () => {
      const [filters, classes, rows] = [2, 3, 4];
      const { x, y } = bars(rows, 1);
      const { size } = cnnLayout(filters, classes);
      const params = cnnInit(filters, classes, stream(2, 'gradient check'));
      // Non-zero biases, so that the zero background's outputs pass the ReLUs and tie in the pools.
      const { layers } = cnnLayout(filters, classes);
      const rand = stream(3, 'biases');
      for (const { offset, fanIn, fanOut } of layers) {
        for (let o = 0; o < fanOut; o++) params[offset + fanIn * fanOut + o] = 0.2 * rand.uniform();
      }
      const net = cnnNetwork(filters, classes);
      const [outputs, grad] = tf.tidy(() => {
        const theta = tf.tensor1d(params);
        const xs = tf.tensor2d(Float32Array.from(x.data), [rows, 784]);
        const labels = tf.tensor1d(Float32Array.from(y));
        const { out, grad } = net.gradient(theta, xs, (f) => headGradient('softmax', f, labels));
        return [out.dataSync(), grad.dataSync()];
      });
      expect(grad.length).toBe(size);
      const theta = Float64Array.from(params);
      const reference = referenceOutputs(theta, filters, classes, x.data, rows);
      reference.forEach((v, i) => expect(outputs[i]).toBeCloseTo(v, 4));
      // Central differences of the float64 reference loss, 30 parameters of every weight and bias block.
      const loss = (t: Float64Array): number =>
        referenceLoss(referenceOutputs(t, filters, classes, x.data, rows), y, 3);
      for (const { offset, fanIn, fanOut } of layers) {
        for (const [start, count] of [
          [offset, fanIn * fanOut],
          [offset + fanIn * fanOut, fanOut],
        ] as const) {
          let [worst, scale] = [0, 1e-3];
          for (let k = 0; k < Math.min(30, count); k++) {
            const q = start + Math.floor(rand.uniform() * count);
            const [up, down] = [Float64Array.from(theta), Float64Array.from(theta)];
            up[q]! += 1e-5;
            down[q]! -= 1e-5;
            const numeric = (loss(up) - loss(down)) / 2e-5;
            worst = Math.max(worst, Math.abs(grad[q]! - numeric));
            scale = Math.max(scale, Math.abs(numeric));
          }
          expect(worst / scale, `block at ${start}`).toBeLessThan(2e-3);
        }
      }
    });

    it('learns the bars, predicts the same twice, and leaves no tensor behind', async () => {
      const before = tf.memory().numTensors;
      const train = bars(96, 4);
      const test = bars(60, 5);
      const learner = cnn(4, 8, 0.01, 16);
      const losses: number[] = [];
      const traced = learner.fitTraced(train.x, train.y, (epoch, loss) => losses[epoch] = loss); // prettier-ignore
      const predicted = await traced.predict(test.x);
      const accuracy = predicted.reduce((s, v, i) => s + (v === test.y[i] ? 1 : 0), 0) / test.y.length;
      expect(accuracy).toBeGreaterThanOrEqual(0.8);
      expect(losses).toHaveLength(9);
      expect(losses[8]!).toBeLessThan(losses[0]! / 3);
      expect(traced.predictProba).toBeUndefined();
      // The untraced fit is the same network.
      expect(Array.from(await learner.fit(train.x, train.y).predict(test.x))).toEqual(Array.from(predicted));
      // Labels 0/1: two outputs, and P(y = 1 | x).
      const binary = train.y.map((v) => (v === 1 ? 1 : 0));
      const proba = await cnn(2, 1, 0.01, 32).fit(train.x, binary).predictProba!(test.x);
      proba.forEach((q) => expect(q > 0 && q < 1).toBe(true));
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}

suite('cpu');
suite('wasm');

describe('CNN across backends', () => {
  it('trains the same network on CPU and WASM, to float32 rounding', async () => {
    const train = bars(48, 6);
    const run = async (backend: 'cpu' | 'wasm'): Promise<number[]> => {
      await tf.setBackend(backend);
      const losses: number[] = [];
      await cnn(4, 4, 0.005, 16)
        .fitTraced(train.x, train.y, (e, l) => losses.push(l))
        .predict(train.x);
      return losses;
    };
    try {
      const [cpu, wasm] = [await run('cpu'), await run('wasm')];
      expect(cpu).toHaveLength(5);
      expect(cpu[4]!).toBeLessThan(0.9 * cpu[0]!);
      cpu.forEach((l, e) => expect(Math.abs(wasm[e]! - l)).toBeLessThan(1e-3 * l));
    } finally {
      await tf.setBackend('cpu');
    }
  });
});

describe('CNN checks and spec', () => {
  it('refuses rows that are not 28 x 28 images, labels that are no classes, and bad settings', () => {
    const { x, y } = bars(6, 7);
    expect(() => cnn().fit(matrix(6, 100), y)).toThrow(FitError);
    expect(() => cnn().fit(matrix(6, 100), y)).toThrow(
      /28 x 28 images, 784 features per row; these rows have 100/,
    );
    expect(() =>
      cnn().fit(
        x,
        y.map((v) => v + 0.5),
      ),
    ).toThrow(/class numbers/);
    expect(() => cnn().fit(x, y.subarray(1))).toThrow(/6 images but 5 labels/);
    expect(() => cnn(0)).toThrow(/filters/);
    expect(() => cnn(8, 5, 0)).toThrow(/lr/);
  });

  it('is built from its spec, for classification only', () => {
    const learner = parseModelSpec('cnn', 'classification');
    expect(learner.id).toBe('cnn:filters=8,epochs=5,lr=0.005,batch=64');
    expect(learner.label).toBe('CNN (8 filters)');
    expect(parseModelSpec('cnn:filters=4,batch=32', 'classification').id).toBe(
      'cnn:filters=4,epochs=5,lr=0.005,batch=32',
    );
    expect(() => parseModelSpec('cnn', 'regression')).toThrow(SpecError);
    expect(() => parseModelSpec('cnn:filters=0', 'classification')).toThrow(/outside/);
  });
});
