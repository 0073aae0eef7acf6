/**
 * The dense WebAssembly kernel against a float64 reference (dense.reference.ts, itself checked by central
 * differences): losses, gradients, Adam steps and predictions on small networks, regression and
 * classification, one and several outputs; a network's bits do not depend on its batch; memory is reused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { denseKernel, type DenseKernel, type DenseLoss } from './dense';
import { adamStep, forward, lossAndGradient } from './dense.reference';

let kernel: DenseKernel;
beforeAll(async () => {
  const loaded = await denseKernel();
  if (!loaded) throw new Error('no WebAssembly SIMD in this Node');
  kernel = loaded;
});

interface Problem {
  sizes: number[];
  n: number;
  x: Float32Array;
  y: Float32Array;
  params: Float32Array;
}

/** Random inputs, targets (0/1 labels for the logistic loss) and He-scaled parameters, all float32. */
function problem(sizes: number[], n: number, loss: DenseLoss, seed: number): Problem {
  const rand = stream(seed, 'dense-kernel');
  const [p, k] = [sizes[0]!, sizes.at(-1)!];
  const x = Float32Array.from({ length: n * p }, () => rand.normal());
  const y = Float32Array.from({ length: n * k }, () =>
    loss === 'mse' ? rand.normal() : rand.uniform() < 0.5 ? 1 : 0,
  );
  const params: number[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const [K, J] = [sizes[l - 1]!, sizes[l]!];
    for (let i = 0; i < K * J; i++) params.push(Math.sqrt(2 / K) * rand.normal());
    for (let j = 0; j < J; j++) params.push(0.1 * rand.normal());
  }
  return { sizes, n, x, y, params: Float32Array.from(params) };
}

const CASES: [number[], number, DenseLoss][] = [
  [[3, 5, 7, 1], 11, 'mse'],
  [[3, 5, 7, 1], 11, 'logistic'],
  [[2, 32, 32, 1], 70, 'mse'], // 18 point blocks: two tiles, a partial last block
  [[2, 8, 1], 133, 'logistic'],
  [[4, 6, 3], 9, 'mse'], // three outputs
];

describe('dense kernel', () => {
  it('has a float64 reference whose gradient matches central differences', () => {
    for (const loss of ['mse', 'logistic'] as const) {
      const { sizes, n, x, y, params } = problem([3, 4, 2, 1], 7, loss, 1);
      const theta = Float64Array.from(params);
      const { grad } = lossAndGradient({ sizes, params: theta }, loss, x, y, n);
      const h = 1e-6;
      for (let i = 0; i < theta.length; i++) {
        const at = (d: number) => {
          const moved = Float64Array.from(theta);
          moved[i]! += d;
          return lossAndGradient({ sizes, params: moved }, loss, x, y, n).loss;
        };
        expect(grad[i]!).toBeCloseTo((at(h) - at(-h)) / (2 * h), 6);
      }
    }
  });

  it('computes losses and gradients as the float64 reference', () => {
    for (const [sizes, n, loss] of CASES) {
      const pr = problem(sizes, n, loss, n);
      const batch = kernel.batch(sizes, loss, [pr.x], [pr.y], [pr.params]);
      const { losses, grads } = kernel.evaluate(batch, true);
      const ref = lossAndGradient({ sizes, params: pr.params }, loss, pr.x, pr.y, n);
      expect(Math.abs(losses[0]! - ref.loss)).toBeLessThan(2e-6 * Math.max(1, ref.loss));
      const scale = Math.max(...ref.grad.map(Math.abs));
      ref.grad.forEach((g, i) => expect(Math.abs(grads![i]! - g)).toBeLessThan(1e-5 * scale));
      // The padding after the parameters gets no gradient.
      expect(Array.from(grads!.subarray(ref.grad.length))).toEqual(
        new Array(grads!.length - ref.grad.length).fill(0),
      );
    }
  });

  it('takes Adam steps as the float64 formula, reporting the loss before each', () => {
    for (const [sizes, n, loss] of CASES) {
      const pr = problem(sizes, n, loss, 2 * n);
      const batch = kernel.batch(sizes, loss, [pr.x], [pr.y], [pr.params]);
      const adam = { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
      const first = kernel.train(batch, 2, adam);
      const more = kernel.train(batch, 3, adam); // steps 3..5: the bias corrections carry on
      const theta = Float64Array.from(pr.params);
      const [m, v] = [new Float64Array(theta.length), new Float64Array(theta.length)];
      const losses: number[] = [];
      for (let t = 1; t <= 5; t++) {
        const { loss: l, grad } = lossAndGradient({ sizes, params: theta }, loss, pr.x, pr.y, n);
        losses.push(l);
        adamStep(theta, m, v, grad, t, adam.lr);
      }
      [...first, ...more].forEach((l, i) => expect(l).toBeCloseTo(losses[i]!, 5));
      const trained = kernel.params(batch, 0);
      theta.forEach((w, i) => expect(trained[i]!).toBeCloseTo(w, 4));
      expect(batch.steps).toBe(5);
    }
  });

  it('predicts as the reference forward pass, on any number of rows', () => {
    for (const [sizes, n, loss] of CASES) {
      const pr = problem(sizes, n, loss, 3 * n);
      const out = kernel.predict(sizes, pr.params, pr.x, n);
      const ref = forward({ sizes, params: pr.params }, pr.x, n);
      ref.forEach((f, i) => expect(Math.abs(out[i]! - f)).toBeLessThan(1e-5 * Math.max(1, Math.abs(f))));
    }
  });

  it('gives a network the same bits alone and in a batch, and reuses its memory', () => {
    const sizes = [2, 16, 16, 1];
    const problems = [1, 2, 3, 4, 5].map((seed) => problem(sizes, 50, 'logistic', seed));
    const adam = { lr: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };
    const make = (ps: Problem[]) =>
      kernel.batch(
        sizes,
        'logistic',
        ps.map((p) => p.x),
        ps.map((p) => p.y),
        ps.map((p) => p.params),
      );
    const together = make(problems);
    const lossesTogether = kernel.train(together, 20, adam);
    const bytes = kernel.memoryBytes;
    problems.forEach((pr, b) => {
      const alone = make([pr]);
      const lossesAlone = kernel.train(alone, 20, adam);
      expect(Array.from(lossesAlone)).toEqual(Array.from(lossesTogether.subarray(b * 20, (b + 1) * 20)));
      expect(Array.from(kernel.params(alone, 0))).toEqual(Array.from(kernel.params(together, b)));
    });
    for (let i = 0; i < 20; i++) kernel.train(make(problems), 2, adam);
    expect(kernel.memoryBytes).toBe(bytes);
  });

  it('measures a float32 SIMD peak', () => {
    expect(Number.isFinite(kernel.peak(1000))).toBe(true);
  });
});
