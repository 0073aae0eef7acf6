/**
 * The minibatch MLP (mlp-minibatch.ts, minibatch.ts): its backpropagation against central differences of a
 * float64 forward pass for every head, on tfjs's CPU and WASM backends; the multi-class MLP (softmax outputs) and
 * batch > 0 for every task through the learner: fits, training curves, determinism, tensors, batches of
 * datasets; the `batch` spec parameter.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { setSliceMs } from '../yieldToEvents';
import { fitAll } from './batch';
import { type Head, headGradient, headLossSum } from './minibatch';
import { mlp } from './mlp';
import { mlpNetwork } from './mlp-minibatch';
import { initParams, paramLayout, type MlpShape } from './mlp-params';
import { parseModelSpec } from './spec';
import { FitError } from './types';

/** n points of three Gaussian blobs in the plane (labels 0, 1, 2), or `classes` blobs on a circle. */
function blobs(n: number, seed: number, classes = 3): { x: Matrix; y: Float64Array } {
  const rand = stream(seed, 'blobs');
  const x = matrix(n, 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const angle = (2 * Math.PI * c) / classes;
    x.data[2 * i] = 3 * Math.cos(angle) + 0.6 * rand.normal();
    x.data[2 * i + 1] = 3 * Math.sin(angle) + 0.6 * rand.normal();
    y[i] = c;
  }
  return { x, y };
}

/** The network's loss in float64: mean over rows of the head's loss (mlp-net.ts's layers, paramLayout's order). */
function referenceLoss(shape: MlpShape, theta: Float64Array, x: Matrix, y: Float64Array, head: Head): number {
  const { blocks } = paramLayout(shape, 1);
  let total = 0;
  for (let i = 0; i < x.rows; i++) {
    let h = Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols));
    blocks.forEach(({ offset, fanIn, fanOut }, l) => {
      const next = Array.from({ length: fanOut }, (_, o) => {
        let s = theta[offset + fanIn * fanOut + o]!;
        for (let j = 0; j < fanIn; j++) s += h[j]! * theta[offset + j * fanOut + o]!;
        return l < blocks.length - 1 ? Math.max(0, s) : s;
      });
      h = next;
    });
    const f = h[0]!;
    if (head === 'mse') total += (f - y[i]!) ** 2;
    else if (head === 'logistic') total += Math.log1p(Math.exp(f)) - y[i]! * f;
    else {
      const max = Math.max(...h);
      total += max + Math.log(h.reduce((s, v) => s + Math.exp(v - max), 0)) - h[y[i]!]!;
    }
  }
  return total / x.rows;
}

function accuracy(predicted: Float64Array, y: Float64Array): number {
  return predicted.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;
}

function suite(backend: 'cpu' | 'wasm'): void {
  describe(`minibatch MLP on ${backend}`, () => {
    if (backend !== 'cpu') onBackend(backend);

    for (const head of ['softmax', 'logistic', 'mse'] as const) {
      it(`backpropagates the ${head} loss (central differences of a float64 forward pass)`, () => {
        const shape: MlpShape = { inputs: 3, width: 6, depth: 2, outputs: head === 'softmax' ? 4 : 1 };
        const rand = stream(11, head);
        const x = matrix(
          9,
          3,
          Float64Array.from({ length: 27 }, () => rand.normal()),
        );
        const y = Float64Array.from({ length: 9 }, (_, i) =>
          head === 'softmax' ? i % 4 : head === 'logistic' ? i % 2 : rand.normal(),
        );
        const params = initParams(shape, 1, stream(12, head)).flat;
        for (let q = 0; q < params.length; q++) if (params[q] === 0) params[q] = 0.1 * rand.normal(); // biases
        const [grad, loss] = tf.tidy(() => {
          const theta = tf.tensor1d(params);
          const xs = tf.tensor2d(Float32Array.from(x.data), [9, 3]);
          const ys = tf.tensor1d(Float32Array.from(y));
          const net = mlpNetwork(shape, head);
          const { out, grad } = net.gradient(theta, xs, (f) => headGradient(head, f, ys));
          return [grad.dataSync(), headLossSum(head, out, ys).dataSync()[0]! / 9];
        });
        const theta = Float64Array.from(params);
        expect(loss).toBeCloseTo(referenceLoss(shape, theta, x, y, head), 5);
        let [worst, scale] = [0, 0];
        for (let q = 0; q < theta.length; q++) {
          const [up, down] = [Float64Array.from(theta), Float64Array.from(theta)];
          up[q]! += 1e-6;
          down[q]! -= 1e-6;
          const numeric =
            (referenceLoss(shape, up, x, y, head) - referenceLoss(shape, down, x, y, head)) / 2e-6;
          worst = Math.max(worst, Math.abs(grad[q]! - numeric));
          scale = Math.max(scale, Math.abs(numeric));
        }
        expect(worst / scale).toBeLessThan(1e-4);
      });
    }

    it('classifies three classes, traces its loss, repeats itself and leaves no tensor behind', async () => {
      const before = tf.memory().numTensors;
      const [train, test] = [blobs(150, 1), blobs(90, 2)];
      for (const batch of [0, 16]) {
        const learner = mlp(16, 1, batch ? 20 : 150, 0.02, 'classification', batch);
        const curve: [number, number][] = [];
        const traced = learner.fitTraced(train.x, train.y, (epoch, loss) => curve.push([epoch, loss]));
        const predicted = await traced.predict(test.x);
        expect(accuracy(predicted, test.y), `batch ${batch}`).toBeGreaterThanOrEqual(0.9);
        expect(traced.predictProba).toBeUndefined();
        const every = batch ? 1 : 3;
        expect(curve.map(([e]) => e)).toEqual(
          Array.from({ length: curve.length }, (_, i) => Math.min(i * every, batch ? 20 : 150)),
        );
        expect(curve.at(-1)![1]).toBeLessThan(curve[0]![1] / 4);
        expect(Array.from(await learner.fit(train.x, train.y).predict(test.x))).toEqual(
          Array.from(predicted),
        );
      }
      // Other data, another initial net: a feature moved by 1e-12 changes the seed, and so the loss before training.
      const initial = async (x: Matrix): Promise<number> => {
        let first = NaN;
        const learner = mlp(16, 1, 1, 0.02, 'classification', 16);
        await learner.fitTraced(x, train.y, (e, l) => (first = e === 0 ? l : first)).predict(test.x);
        return first;
      };
      const moved = matrix(
        150,
        2,
        train.x.data.map((v, q) => (q === 0 ? v + 1e-12 : v)),
      );
      expect(Math.abs((await initial(moved)) - (await initial(train.x)))).toBeGreaterThan(1e-4);
      expect(await initial(train.x)).toBe(await initial(train.x));
      expect(tf.memory().numTensors).toBe(before);
    });

    it('trains regressions and 0/1 classifiers on minibatches too', async () => {
      const rand = stream(5, 'sine');
      const x = matrix(
        120,
        1,
        Float64Array.from({ length: 120 }, () => 6 * rand.uniform() - 3),
      );
      const y = x.data.map((v) => 10 * Math.sin(v) + 4);
      const fitted = mlp(16, 2, 60, 0.02, 'regression', 16).fit(x, y);
      const predicted = await fitted.predict(x);
      const mse = predicted.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / 120;
      expect(mse).toBeLessThan(2); // var(10 sin x) is about 50
      const binary = blobs(100, 6, 2);
      const classifier = mlp(8, 1, 30, 0.02, 'classification', 10).fit(binary.x, binary.y);
      expect(accuracy(await classifier.predict(binary.x), binary.y)).toBeGreaterThan(0.95);
      const proba = await classifier.predictProba!(binary.x);
      proba.forEach((q) => expect(q > 0 && q < 1).toBe(true));
    });
  });
}

suite('cpu');
suite('wasm');

describe('minibatch MLP learner', () => {
  it('fits multi-class datasets given as a batch one by one', async () => {
    const data = [blobs(60, 7), blobs(60, 8)];
    const fits = await fitAll(mlp(8, 1, 80, 0.03, 'classification'), data);
    for (const [b, fit] of fits.entries()) {
      if (fit instanceof FitError) throw fit;
      expect(accuracy(await fit.predict(data[b]!.x), data[b]!.y)).toBeGreaterThan(0.9);
    }
  });

  it('gives the event loop back between batches when its slice is used up', async () => {
    const { x, y } = blobs(60, 9);
    setSliceMs(0);
    try {
      let [turns, training] = [0, true];
      const tick = (): void => {
        if (!training) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      await mlp(4, 1, 3, 0.01, 'classification', 10).fit(x, y).predict(x);
      training = false;
      expect(turns).toBeGreaterThanOrEqual(18); // 3 epochs of 6 batches
    } finally {
      setSliceMs(50);
    }
  });

  it('takes batch in its spec, leaving batch 0 out of the id', () => {
    expect(parseModelSpec('mlp:batch=0').id).toBe('mlp:width=32,depth=2,epochs=200,lr=0.01');
    const learner = parseModelSpec('mlp:width=128,depth=1,epochs=10,batch=64', 'classification');
    expect(learner.id).toBe('mlp:width=128,depth=1,epochs=10,lr=0.01,batch=64');
    expect(learner.label).toBe('MLP 1×128 (batch 64)');
    expect(() => parseModelSpec('mlp:batch=-1')).toThrow(/outside/);
    expect(() => parseModelSpec('mlp:batch=2.5')).toThrow(/whole/);
    expect(() => mlp(4, 1, 5, 0.01, 'regression', 1.5)).toThrow(/batch/);
  });
});
