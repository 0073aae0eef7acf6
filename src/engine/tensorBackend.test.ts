/**
 * The lazy tensor backend: float64 models never start tfjs, the first MLP does (once), and kNN takes the
 * tensor path only where the engine chose WebGL.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, describe, expect, it } from 'vitest';
import { matrix } from './matrix';
import { parseModelSpec } from './learners/spec';
import { registerTensorBackend, tensorBackend, tensorsReady } from './tensorBackend';

const x = matrix(
  8,
  1,
  Float64Array.from({ length: 8 }, (_, i) => i / 7),
);
const y = Float64Array.from({ length: 8 }, (_, i) => (i % 3) / 2);

afterEach(() => registerTensorBackend(null, null));

describe('tensorBackend', () => {
  it('resolves at once where no engine registered a start', async () => {
    expect(tensorBackend()).toBeNull();
    await expect(tensorsReady()).resolves.toBeUndefined();
  });

  it('starts tfjs for the first MLP only, once, and not for float64 models', async () => {
    let starts = 0;
    registerTensorBackend('wasm', async () => {
      starts++;
      await tf.setBackend('cpu');
    });
    for (const id of ['ols', 'poly:degree=2', 'knn:k=3', 'krr:alpha=0.5,gamma=0.5']) {
      await parseModelSpec(id, 'regression').fit(x, y).predict(x);
    }
    expect(starts).toBe(0);
    const net = parseModelSpec('mlp:width=4,depth=1,epochs=3,lr=0.01', 'regression');
    const predictions = await net.fit(x, y).predict(x);
    expect(predictions.every(Number.isFinite)).toBe(true);
    expect(starts).toBe(1);
  });

  it('a start that fails surfaces as the MLP prediction rejecting, not as a hang', async () => {
    registerTensorBackend('webgl', () => Promise.reject(new Error('no backend')));
    const net = parseModelSpec('mlp:width=4,depth=1,epochs=3,lr=0.01', 'regression');
    await expect(net.fit(x, y).predict(x)).rejects.toThrow('no backend');
  });
});
