import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mnistDigits } from './testMnist';
import { onBackend } from '../../test/backends';
import { GeneratorError } from '../generators/oracle';
import { stream } from '../rng';
import { CLASSES, PIXELS, type FittedDigitGenerator, type GeneratorEpoch, type Sample } from './types';
import { fitVae, type FittedVae } from './vae';

/** The first n digits of MNIST's training split (pixels / 255). */
const mnist = (n: number): Sample => mnistDigits('train', n);

/** Each class's mean image (PIXELS values per class). */
function classMeans(sample: Sample): Float64Array[] {
  const sums = Array.from({ length: CLASSES }, () => new Float64Array(PIXELS));
  const counts = new Array<number>(CLASSES).fill(0);
  sample.y.forEach((c, i) => {
    counts[c]!++;
    for (let j = 0; j < PIXELS; j++) sums[c]![j]! += sample.x.data[i * PIXELS + j]!;
  });
  return sums.map((s, c) => s.map((v) => v / counts[c]!));
}

/** Pearson correlation of two images: how alike their shapes are, whatever their ink. */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let [ma, mb] = [0, 0];
  for (let j = 0; j < PIXELS; j++) [ma, mb] = [ma + a[j]! / PIXELS, mb + b[j]! / PIXELS];
  let [ab, aa, bb] = [0, 0, 0];
  for (let j = 0; j < PIXELS; j++) {
    const [u, v] = [a[j]! - ma, b[j]! - mb];
    [ab, aa, bb] = [ab + u * v, aa + u * u, bb + v * v];
  }
  return ab / Math.sqrt(aa * bb);
}

/** The class whose real mean image correlates best with `image`. */
const closest = (image: ArrayLike<number>, means: readonly Float64Array[]) => {
  const r = means.map((m) => correlation(image, m));
  return r.indexOf(Math.max(...r));
};

/** Share of a sample's digits whose closest real class mean is their own label's. */
const ownClassShare = (sample: Sample, means: readonly Float64Array[]) =>
  sample.y.filter((c, i) => closest(sample.x.data.subarray(i * PIXELS, (i + 1) * PIXELS), means) === c)
    .length / sample.y.length;

const tally = (y: Float64Array) => Array.from({ length: CLASSES }, (_, c) => y.filter((v) => v === c).length);
const real = mnist(1000);

describe('the conditional VAE on real MNIST digits (wasm)', () => {
  onBackend('wasm');
  let fitted: FittedVae;
  const reported: GeneratorEpoch[] = [];
  let before = 0;
  beforeAll(async () => {
    before = tf.memory().numTensors;
    fitted = await fitVae(real, { latent: 8, epochs: 6 }, stream(7, 'vae'), (e) => reported.push(e));
  });

  it('reports every epoch, and its loss per digit falls', () => {
    expect(reported.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fitted.losses).toEqual(reported);
    const losses = reported.map((e) => e.loss);
    // The decoder starts at the real class mean images (about 170 nats a digit on this set), then learns strokes.
    expect(losses[0]!).toBeGreaterThan(120);
    expect(losses[0]!).toBeLessThan(200);
    for (let e = 1; e < losses.length; e++) expect(losses[e]!).toBeLessThan(losses[e - 1]!);
    expect(losses[5]!).toBeLessThan(0.92 * losses[0]!);
  });

  it('draws exactly the counts asked, mixed, with pixels in [0, 1]', async () => {
    const counts = [3, 0, 5, 1, 0, 7, 2, 0, 4, 6];
    const sample = await fitted.draw(counts, stream(1, 'draw'));
    expect(sample.x.rows).toBe(28);
    expect(sample.x.cols).toBe(PIXELS);
    expect(sample.y.length).toBe(28);
    expect(tally(sample.y)).toEqual(counts);
    expect(Array.from(sample.y)).not.toEqual([...sample.y].sort((a, b) => a - b));
    expect(sample.x.data.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    const empty = await fitted.draw(new Array<number>(CLASSES).fill(0), stream(1, 'draw'));
    expect([empty.x.rows, empty.y.length]).toEqual([0, 0]);
  });

  it('draws digits of the class asked: class means and single digits closest to their own real class', async () => {
    const sample = await fitted.draw(new Array<number>(CLASSES).fill(100), stream(2, 'draw'));
    const realMeans = classMeans(real);
    const right = classMeans(sample).filter((m, c) => closest(m, realMeans) === c).length;
    expect(right).toBeGreaterThanOrEqual(9);
    // Real digits score about 0.8 here; a decoder that reads the class from z rather than y scores about 0.3.
    expect(ownClassShare(sample, realMeans)).toBeGreaterThan(0.7);
    // Decoded means, not binary samples: grey-level strokes, and digits that differ within a class.
    expect(sample.x.data.some((v) => v > 0.2 && v < 0.8)).toBe(true);
    // z matters: ten drawn 2s are not one image (a decoder that ignored z would give correlations of 1).
    const twos = [...sample.y.keys()].filter((i) => sample.y[i] === 2).slice(0, 10);
    const image = (i: number) => sample.x.data.subarray(i * PIXELS, (i + 1) * PIXELS);
    const alike = twos.slice(1).map((i) => correlation(image(twos[0]!), image(i)));
    expect(alike.reduce((s, r) => s + r, 0) / alike.length).toBeLessThan(0.97);
  });

  it('frees every tensor once disposed, and refuses to draw afterwards', async () => {
    fitted.dispose();
    fitted.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(fitted.draw([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], stream(1, 'x'))).rejects.toThrow(/disposed/);
  });

  it('stops between minibatches when cancelled, leaking nothing', async () => {
    const start = tf.memory().numTensors;
    let calls = 0;
    const run = fitVae(real, { latent: 8, epochs: 3 }, stream(7, 'vae'), undefined, () => ++calls > 5);
    await expect(run).rejects.toMatchObject({ name: 'Cancelled' });
    expect(calls).toBe(6);
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('the conditional VAE on the cpu backend', () => {
  const small = mnist(160);
  const fitTwice = async (seed: number) => {
    const g = await fitVae(small, { latent: 4, epochs: 2 }, stream(seed, 'vae'));
    try {
      return { losses: g.losses, sample: await g.draw([2, 3, 2, 2, 2, 2, 2, 2, 2, 1], stream(seed, 'draw')) };
    } finally {
      g.dispose();
    }
  };

  it('gives the same digits for the same seed, and other digits for another', async () => {
    const start = tf.memory().numTensors;
    const [a, b, c] = [await fitTwice(3), await fitTwice(3), await fitTwice(4)];
    expect(tf.memory().numTensors).toBe(start);
    expect(b.losses).toEqual(a.losses);
    expect(b.sample.y).toEqual(a.sample.y);
    expect(b.sample.x.data).toEqual(a.sample.x.data);
    expect(c.sample.x.data).not.toEqual(a.sample.x.data);
  });

  it('throws a GeneratorError, not NaN pixels, when the training diverges', async () => {
    const start = tf.memory().numTensors;
    const run = fitVae(small, { latent: 4, epochs: 2, learningRate: 1e6 }, stream(1, 'vae'));
    await expect(run).rejects.toThrow(GeneratorError);
    await expect(
      fitVae(small, { latent: 4, epochs: 2, learningRate: 1e6 }, stream(1, 'vae')),
    ).rejects.toThrow(/the VAE diverged \(loss (NaN|Infinity) at epoch 1\); lower/);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('refuses bad settings, foreign data and classes it never saw', async () => {
    const rand = stream(1, 'vae');
    const bad = (sample: Sample, settings = { latent: 4, epochs: 1 }) => fitVae(sample, settings, rand);
    await expect(bad(small, { latent: 0, epochs: 1 })).rejects.toThrow(/latent dimensions/);
    await expect(bad(small, { latent: 4, epochs: 1.5 })).rejects.toThrow(/epochs/);
    await expect(
      bad({ x: { rows: 0, cols: PIXELS, data: new Float64Array(0) }, y: new Float64Array(0) }),
    ).rejects.toThrow(/at least one real digit/);
    await expect(
      bad({ x: { rows: 1, cols: 3, data: new Float64Array(3) }, y: new Float64Array(1) }),
    ).rejects.toThrow(/784-pixel/);
    const labelled = { x: small.x, y: small.y.map((v, i) => (i === 5 ? 10 : v)) };
    await expect(bad(labelled)).rejects.toThrow(/digit 6 has label 10/);
    const bright = {
      x: { ...small.x, data: small.x.data.map((v, k) => (k === PIXELS ? 255 : v)) },
      y: small.y,
    };
    await expect(bad(bright)).rejects.toThrow(/digit 2 has a pixel 255 outside/);

    const noSevens = { x: small.x, y: small.y.map((v) => (v === 7 ? 1 : v)) };
    const g: FittedDigitGenerator & FittedVae = await fitVae(noSevens, { latent: 4, epochs: 1 }, rand);
    try {
      await expect(g.draw([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], rand)).rejects.toThrow(/saw no real 7s/);
      await expect(g.draw([1, 1], rand)).rejects.toThrow(/10 whole, non-negative/);
      expect(tally((await g.draw([1, 1, 1, 1, 1, 1, 1, 0, 1, 1], rand)).y)[7]).toBe(0);
    } finally {
      g.dispose();
    }
  });
});
