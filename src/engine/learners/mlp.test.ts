/**
 * Tests of the MLP learner: determinism, fits (sin regression, separable classification), batched = alone,
 * training curves, no leaked tensors and FitErrors; on tfjs's CPU and WASM backends.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { column, matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { parseModelSpec } from './spec';
import { mlp, mlpInitStream } from './mlp';
import { fitMlpBatch, type MlpSettings } from './mlp-train';
import { FitError } from './types';

function sine(n: number, seed: number): { x: Matrix; y: Float64Array } {
  const rand = stream(seed, 'sine');
  const x = Float64Array.from({ length: n }, () => 6 * rand.uniform() - 3);
  return { x: column(x), y: x.map(Math.sin) };
}

/** Two features, label 1 iff x1 + x2 > 0, kept at least 0.2 from the boundary. */
function separable(n: number, seed: number): { x: Matrix; y: Float64Array } {
  const rand = stream(seed, 'separable');
  const data = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n;) {
    const a = 4 * rand.uniform() - 2;
    const b = 4 * rand.uniform() - 2;
    if (Math.abs(a + b) < 0.2) continue;
    data[2 * i] = a;
    data[2 * i + 1] = b;
    y[i++] = a + b > 0 ? 1 : 0;
  }
  return { x: matrix(n, 2, data), y };
}

function mse(a: Float64Array, b: Float64Array): number {
  return a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0) / a.length;
}

function suite(backend: 'cpu' | 'wasm'): void {
  describe(`MLP on ${backend}`, () => {
    if (backend !== 'cpu') onBackend(backend);

    it('gives the same predictions for the same data, twice', async () => {
      const { x, y } = sine(40, 1);
      const learner = mlp(8, 2, 30, 0.01);
      const first = await learner.fit(x, y).predict(x);
      const second = await learner.fit(x, y).predict(x);
      expect(Array.from(second)).toEqual(Array.from(first));
      const other = await learner
        .fit(
          x,
          y.map((v) => v + 1e-9),
        )
        .predict(x);
      expect(Array.from(other)).not.toEqual(Array.from(first)); // other data, other initial net
    });

    it('fits sin(x) on [-3, 3] to a low training MSE', async () => {
      const { x, y } = sine(100, 2);
      const [model] = await fitMlpBatch(
        [{ x, y }],
        { width: 16, depth: 2, epochs: 300, lr: 0.02 },
        'regression',
        [stream(2, 'init')],
      );
      const predicted = await model!.predict(x);
      // sin has variance ~0.5 here: the linear fit leaves ~0.2, the network far less.
      expect(mse(predicted, y)).toBeLessThan(0.01);
      expect(model!.loss).toBeCloseTo(mse(predicted, y), 4);
      expect(model!.predictProba).toBeUndefined();
    });

    it('classifies a separable problem, with probabilities that agree with the labels', async () => {
      const { x, y } = separable(80, 3);
      const fitted = mlp(8, 1, 100, 0.05, 'classification').fit(x, y);
      const labels = await fitted.predict(x);
      const proba = await fitted.predictProba!(x);
      const accuracy = labels.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length;
      expect(accuracy).toBeGreaterThanOrEqual(0.97);
      proba.forEach((q, i) => {
        expect(q).toBeGreaterThan(0);
        expect(q).toBeLessThan(1);
        expect(labels[i]).toBe(q > 0.5 ? 1 : 0);
      });
    });

    it('trains a batch of networks as it trains each alone', async () => {
      const data = [sine(30, 4), sine(30, 5), { x: sine(30, 6).x, y: sine(30, 6).y.map((v) => 10 * v + 3) }];
      const settings: MlpSettings = { width: 6, depth: 2, epochs: 25, lr: 0.03 };
      const streams = (): ReturnType<typeof stream>[] => data.map((_, b) => stream(7, `net ${b}`));
      const batch = await fitMlpBatch(data, settings, 'regression', streams());
      const test = column(Float64Array.of(-2.5, -1, 0, 0.3, 2.9));
      for (const [b, d] of data.entries()) {
        const [alone] = await fitMlpBatch([d], settings, 'regression', [streams()[b]!]);
        const together = await batch[b]!.predict(test);
        const single = await alone!.predict(test);
        single.forEach((v, i) => expect(together[i]).toBeCloseTo(v, 4));
        expect(batch[b]!.loss).toBeCloseTo(alone!.loss, 5);
      }
      // One stream for the batch draws network b's weights after networks 0..b-1: a different but valid batch.
      const shared = await fitMlpBatch(data, settings, 'regression', stream(7, 'shared'));
      expect(shared).toHaveLength(3);
    });

    it('streams every network`s loss every `every` epochs and after the last', async () => {
      const data = [sine(30, 8), sine(30, 9)];
      const calls: [number, number[]][] = [];
      const settings: MlpSettings = {
        width: 8,
        depth: 1,
        epochs: 25,
        lr: 0.03,
        every: 10,
        onEpoch: (epoch, losses) => calls.push([epoch, Array.from(losses)]),
      };
      const models = await fitMlpBatch(data, settings, 'regression', stream(1, 'curves'));
      expect(calls.map(([e]) => e)).toEqual([0, 10, 20, 25]);
      for (const [, losses] of calls) expect(losses).toHaveLength(2);
      const [first, last] = [calls[0]![1], calls.at(-1)![1]];
      for (let b = 0; b < 2; b++) {
        expect(last[b]!).toBeLessThan(first[b]!);
        expect(last[b]!).toBe(Math.fround(models[b]!.loss));
      }
    });

    it('leaves no tensor behind: fits, predictions, failures', async () => {
      const { x, y } = sine(20, 10);
      const cls = separable(20, 11);
      const before = tf.memory().numTensors;
      for (let cycle = 0; cycle < 2; cycle++) {
        await mlp(4, 2, 5, 0.01).fit(x, y).predict(x);
        const fitted = mlp(4, 1, 5, 0.01, 'classification').fit(cls.x, cls.y);
        await fitted.predict(cls.x);
        await fitted.predictProba!(cls.x);
        const settings: MlpSettings = {
          width: 4,
          depth: 3,
          epochs: 7,
          lr: 0.01,
          every: 2,
          onEpoch: () => {},
        };
        const models = await fitMlpBatch([{ x, y }, sine(20, 12)], settings, 'regression', stream(1, 'b'));
        await Promise.all(models.map((m) => m.predict(x)));
        const throwing: MlpSettings = { ...settings, onEpoch: () => { throw new Error('stop'); } }; // prettier-ignore
        await expect(fitMlpBatch([{ x, y }], throwing, 'regression', stream(1, 'c'))).rejects.toThrow('stop');
        await expect(fitMlpBatch([{ x, y }], settings, 'regression', [])).rejects.toThrow(/0 random streams/);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}

suite('cpu');
suite('wasm');

describe('MLP input checks', () => {
  it('refuses fewer than 2 points, bad labels and uneven batches with a FitError', async () => {
    const learner = mlp(4, 1, 5, 0.01);
    expect(() => learner.fit(column(Float64Array.of(1)), Float64Array.of(2))).toThrow(FitError);
    expect(() => learner.fit(column(Float64Array.of(1)), Float64Array.of(2))).toThrow(
      /at least 2 training points/,
    );
    expect(() => learner.fit(column(Float64Array.of(1, 2)), Float64Array.of(2))).toThrow(
      /2 feature rows but 1/,
    );
    expect(() => learner.fit(column(Float64Array.of(1, NaN)), Float64Array.of(1, 2))).toThrow(/not finite/);
    const classifier = mlp(4, 1, 5, 0.01, 'classification');
    // Labels 0 and 2 are classes (the softmax network, mlp-minibatch.ts); 0.5 is no class.
    expect(() => classifier.fit(column(Float64Array.of(1, 2)), Float64Array.of(0, 0.5))).toThrow(
      /0 or 1, or class numbers .*got 0.5/,
    );
    const uneven = fitMlpBatch(
      [sine(5, 1), sine(6, 1)],
      { width: 2, depth: 1, epochs: 1, lr: 0.1 },
      'regression',
      stream(1, 'u'),
    );
    await expect(uneven).rejects.toThrow(/equal shapes/);
    expect(() => mlp(0, 1, 5, 0.01)).toThrow(/width/);
    // One class only is no error (unlike logistic regression, a finite run has a finite answer): it predicts it.
    const one = column(Float64Array.of(1, 2, 3));
    const single = mlp(4, 1, 30, 0.1, 'classification').fit(one, new Float64Array(3));
    expect(Array.from(await single.predict(one))).toEqual([0, 0, 0]);
    expect(() => mlp(4, 1, 5, 0)).toThrow(/lr/);
  });

  it('is built from its spec with the canonical id and label', () => {
    const learner = parseModelSpec('mlp');
    expect(learner.id).toBe('mlp:width=32,depth=2,epochs=200,lr=0.01');
    expect(learner.label).toBe('MLP 2×32');
    expect(parseModelSpec('mlp:width=16,lr=1e-3', 'classification').id).toBe(
      'mlp:width=16,depth=2,epochs=200,lr=0.001',
    );
  });

  it('seeds the initial net from the data and the model id', () => {
    const { x, y } = sine(10, 1);
    const draw = (id: string, yy: Float64Array): number => mlpInitStream(id, x, yy).normal();
    expect(draw('a', y)).toBe(draw('a', y));
    expect(draw('a', y)).not.toBe(draw('b', y));
    expect(draw('a', y)).not.toBe(
      draw(
        'a',
        y.map((v, i) => (i === 5 ? v + 1e-12 : v)),
      ),
    );
  });
});
