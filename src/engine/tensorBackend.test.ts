/**
 * The lazy tensor backend: float64 models never start tfjs, nor does an MLP where the dense WebAssembly kernel
 * trains it (WASM, CPU); on WebGL the first MLP does (once). kNN takes the tensor path only on WebGL.
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

  it('starts tfjs for an MLP on WebGL only, not for float64 models or the kernel`s MLPs', async () => {
    let starts = 0;
    const start = async () => {
      starts++;
      await tf.setBackend('cpu');
    };
    registerTensorBackend('wasm', start);
    for (const id of ['ols', 'poly:degree=2', 'knn:k=3', 'krr:alpha=0.5,gamma=0.5']) {
      await parseModelSpec(id, 'regression').fit(x, y).predict(x);
    }
    const net = parseModelSpec('mlp:width=4,depth=1,epochs=3,lr=0.01', 'regression');
    expect((await net.fit(x, y).predict(x)).every(Number.isFinite)).toBe(true);
    expect(starts).toBe(0);
    // On WebGL the MLP keeps tfjs's batched program: its first fit starts the backend.
    registerTensorBackend('webgl', start);
    expect((await net.fit(x, y).predict(x)).every(Number.isFinite)).toBe(true);
    expect(starts).toBe(1);
  });

  it('a start that fails surfaces as the MLP prediction rejecting, not as a hang', async () => {
    registerTensorBackend('webgl', () => Promise.reject(new Error('no backend')));
    const net = parseModelSpec('mlp:width=4,depth=1,epochs=3,lr=0.01', 'regression');
    await expect(net.fit(x, y).predict(x)).rejects.toThrow('no backend');
  });
});
