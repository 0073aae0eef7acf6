/**
 * The MLP on the dense WebAssembly kernel against the tfjs route (tfjs's CPU backend): the same initial net, the
 * same losses to float32 rounding, close predictions; batched fits with the bits of single ones; divergence as
 * a FitError; and no wait for tfjs where the backend is not WebGL.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { column, matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import type { Task } from '../task';
import { registerTensorBackend } from '../tensorBackend';
import { denseKernel, type DenseKernel } from '../kernels/dense';
import { mlp } from './mlp';
import { fitMlpKernel } from './mlp-kernel';
import { fitMlpBatch, type MlpSettings } from './mlp-train';
import { FitError } from './types';

let kernel: DenseKernel;
beforeAll(async () => {
  kernel = (await denseKernel())!;
});
afterEach(() => registerTensorBackend(null, null));

function data(task: Task, n: number, seed: number): { x: Matrix; y: Float64Array } {
  const rand = stream(seed, 'mlp-kernel');
  const x = Float64Array.from({ length: 2 * n }, () => 3 * rand.normal() + 1);
  const y = Float64Array.from({ length: n }, (_, i) => {
    const [a, b] = [x[2 * i]!, x[2 * i + 1]!];
    return task === 'regression' ? 5 * Math.sin(a) + b * b + rand.normal() : a * b > 1 ? 1 : 0;
  });
  return { x: matrix(n, 2, x), y };
}

/** Losses of epochs 0..E (every epoch) and the model, on one route. */
async function route(
  which: 'kernel' | 'tfjs',
  task: Task,
  d: { x: Matrix; y: Float64Array },
  epochs: number,
): Promise<{ losses: number[]; predictions: Float64Array }> {
  const losses: number[] = [];
  const settings: MlpSettings = {
    width: 16,
    depth: 2,
    epochs,
    lr: 0.02,
    every: 1,
    onEpoch: (_, l) => losses.push(l[0]!),
  };
  const rand = [stream(5, 'same init')];
  const [model] =
    which === 'kernel'
      ? await fitMlpKernel(kernel, [d], settings, task, rand)
      : await fitMlpBatch([d], settings, task, rand);
  const scores = task === 'regression' ? model!.predict(d.x) : model!.predictProba!(d.x);
  return { losses, predictions: await scores };
}

describe('MLP on the dense kernel', () => {
  for (const task of ['regression', 'classification'] as const) {
    it(`starts from the tfjs route's net and follows its losses (${task})`, async () => {
      const d = data(task, 90, task === 'regression' ? 1 : 2);
      const viaKernel = await route('kernel', task, d, 40);
      const viaTfjs = await route('tfjs', task, d, 40);
      expect(viaKernel.losses).toHaveLength(41);
      expect(viaTfjs.losses).toHaveLength(41);
      // Epoch 0 is the initial net: the same weights, so the same loss up to the sums' float32 rounding.
      const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
      expect(relative(viaKernel.losses[0]!, viaTfjs.losses[0]!)).toBeLessThan(1e-6);
      for (let e = 1; e <= 5; e++) {
        expect(relative(viaKernel.losses[e]!, viaTfjs.losses[e]!)).toBeLessThan(1e-5);
      }
      expect(relative(viaKernel.losses[40]!, viaTfjs.losses[40]!)).toBeLessThan(1e-3);
      expect(viaKernel.losses[40]!).toBeLessThan(viaKernel.losses[0]! / 2);
      const scale = Math.max(...viaTfjs.predictions.map(Math.abs));
      viaKernel.predictions.forEach((f, i) =>
        expect(Math.abs(f - viaTfjs.predictions[i]!)).toBeLessThan(1e-3 * scale),
      );
    });

    it(`gives a batched fit the bits of single fits (${task})`, async () => {
      const learner = mlp(8, 2, 30, 0.01, task);
      const datasets = [3, 4, 5].map((seed) => data(task, 50, seed));
      const test = data(task, 17, 9).x;
      expect(learner.batchPays!()).toBe(true);
      const batched = await learner.fitBatch(datasets);
      for (const [b, d] of datasets.entries()) {
        const alone = learner.fit(d.x, d.y);
        expect(Array.from(await batched[b]!.predict(test))).toEqual(Array.from(await alone.predict(test)));
        if (task === 'classification') {
          const [p, q] = [await batched[b]!.predictProba!(test), await alone.predictProba!(test)];
          expect(Array.from(p)).toEqual(Array.from(q));
        }
      }
    });
  }

  it('reports a diverged training as a FitError from predict', async () => {
    const d = data('regression', 40, 6);
    const fitted = mlp(8, 2, 20, 1e30).fit(d.x, d.y);
    await expect(fitted.predict(d.x)).rejects.toThrow(FitError);
    await expect(fitted.predict(d.x)).rejects.toThrow(/diverged/);
    const ok = mlp(4, 1, 5, 0.01).fit(d.x, d.y);
    await expect(ok.predict(column(Float64Array.of(1, 2)))).rejects.toThrow(/1 features, training 2/);
  });

  it('does not wait for tfjs unless the backend is WebGL', async () => {
    const d = data('regression', 30, 7);
    let started = 0;
    const never = () => {
      started++;
      return new Promise<never>(() => undefined);
    };
    registerTensorBackend('wasm', never);
    expect((await mlp(4, 1, 5, 0.01).fit(d.x, d.y).predict(d.x)).every(Number.isFinite)).toBe(true);
    registerTensorBackend('cpu', never);
    expect((await mlp(4, 1, 5, 0.01).fit(d.x, d.y).predict(d.x)).every(Number.isFinite)).toBe(true);
    expect(started).toBe(0);
    // WebGL keeps the tfjs program: the fit waits for the backend to start.
    registerTensorBackend('webgl', never);
    const waiting = mlp(4, 1, 5, 0.01).fit(d.x, d.y).predict(d.x);
    const state = await Promise.race([
      waiting.then(() => 'done'),
      new Promise((r) => setTimeout(r, 50, 'waits')),
    ]);
    expect(state).toBe('waits');
    expect(started).toBe(1);
  });
});
