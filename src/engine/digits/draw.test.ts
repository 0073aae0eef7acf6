/**
 * A digits replicate: real training digits from the training split only, test digits from the test split only,
 * synthetic digits from a generator fitted on the real ones with the corruptions' class counts; seeded; and a run
 * of a digits plan gives the usual results plus confusion matrices and a gallery. Blob "digits" (testBlobs.ts)
 * stand in for MNIST so the test needs no assets.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentPlan } from '../plan';
import { withDigits } from '../plan';
import { runScene } from '../scene';
import { drawDigitsReplicate } from './draw';
import { blobDigits } from './testBlobs';
import { CLASSES, NO_CORRUPTION, PIXELS, type DigitCorruption, type DigitImages } from './types';

/** Blob digits as stored (bytes), `offset` added to every label-free pixel so the two splits can be told apart. */
function split(count: number, seed: number, mark: number): DigitImages {
  const sample = blobDigits(count, seed);
  const images = new Uint8Array(count * PIXELS);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < PIXELS; j++)
      images[i * PIXELS + j] = Math.round(255 * sample.x.data[i * PIXELS + j]!);
    images[i * PIXELS] = mark; // pixel 0 says which split (and, below, which row) a digit came from
    images[i * PIXELS + 1] = i % 256;
    images[i * PIXELS + 2] = Math.floor(i / 256);
  }
  return { count, images, labels: Uint8Array.from(sample.y) };
}

const DATA = { train: split(600, 1, 11), test: split(300, 2, 22) };

function plan(corruption: Partial<DigitCorruption> = {}, more: Partial<ExperimentPlan> = {}): ExperimentPlan {
  const base: ExperimentPlan = {
    task: 'classification',
    source: {
      kind: 'digits',
      name: 'blobs',
      data: null,
      generator: {
        kind: 'diag-gaussian',
        pcaComponents: 10,
        mixtureComponents: 2,
        neighbors: 3,
        deformAmount: 1,
        vaeLatent: 4,
        vaeEpochs: 1,
      },
      corruption: { ...NO_CORRUPTION, ...corruption },
    },
    n: 200,
    m: 250,
    nTest: 100,
    replicates: 2,
    seed: 5,
    tstrOn: 'real',
    models: ['knn:k=1', 'knn:k=15'],
    ...more,
  };
  return withDigits(base, DATA);
}

const rowOf = (x: Float64Array, i: number) =>
  Math.round(255 * x[i * PIXELS + 1]!) + 256 * Math.round(255 * x[i * PIXELS + 2]!);

describe('a digits replicate', () => {
  it('draws distinct real digits from the training split and test digits from the test split, seeded', async () => {
    const p = plan();
    if (p.source.kind !== 'digits') throw new Error('a digits plan');
    const a = await drawDigitsReplicate(p, p.source, 0);
    expect(a.real.x.rows).toBe(200);
    expect(a.test.x.rows).toBe(100);
    const split = (s: typeof a.real, i: number) => Math.round(255 * s.x.data[i * PIXELS]!);
    expect(Array.from({ length: 200 }, (_, i) => split(a.real, i)).every((v) => v === 11)).toBe(true);
    expect(Array.from({ length: 100 }, (_, i) => split(a.test, i)).every((v) => v === 22)).toBe(true);
    expect(new Set(Array.from({ length: 200 }, (_, i) => rowOf(a.real.x.data, i))).size).toBe(200);
    // Labels follow their rows.
    for (let i = 0; i < 200; i++) expect(a.real.y[i]).toBe(DATA.train.labels[rowOf(a.real.x.data, i)]);
    const again = await drawDigitsReplicate(p, p.source, 0);
    expect(again.real.x.data).toEqual(a.real.x.data);
    expect(again.synthetic.x.data).toEqual(a.synthetic.x.data);
    const next = await drawDigitsReplicate(p, p.source, 1);
    expect(next.real.x.data).not.toEqual(a.real.x.data);
    expect(a.syntheticTest).toBe(a.test);
  });

  it('draws m synthetic digits in [0, 1], none of a dropped class, and a synthetic hold-out for TSTS', async () => {
    const p = plan({ dropped: [3, 8], imbalance: 0.5 }, { tstrOn: 'synthetic' });
    if (p.source.kind !== 'digits') throw new Error('a digits plan');
    const d = await drawDigitsReplicate(p, p.source, 0);
    expect(d.synthetic.x.rows).toBe(250);
    expect(d.syntheticTest.x.rows).toBe(100);
    expect(d.syntheticTest).not.toBe(d.test);
    const labels = [...d.synthetic.y, ...d.syntheticTest.y];
    expect(labels.some((c) => c === 3 || c === 8)).toBe(false);
    expect(d.synthetic.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    const count = (c: number) => d.synthetic.y.filter((v) => v === c).length;
    // Imbalance 0.5: nines about half as frequent as zeros.
    expect(count(9)).toBeLessThan(count(0));
  });

  it('says plainly when its digits are missing or too few', async () => {
    const p = plan();
    if (p.source.kind !== 'digits') throw new Error('a digits plan');
    await expect(drawDigitsReplicate(p, { ...p.source, data: null }, 0)).rejects.toThrow(/not loaded/);
    const big = { ...p, n: 601 };
    await expect(drawDigitsReplicate(big, p.source, 0)).rejects.toThrow(/too few for n = 601/);
  });
});

describe('a digits run', () => {
  it('gives TRTR and TSTR per model, confusion matrices on the test digits, and a gallery', async () => {
    const p = plan();
    const partials: string[] = [];
    const result = await runScene(p, undefined, (partial) => {
      if (partial.visual?.digits) partials.push(partial.visual.digits.confusion.length ? 'full' : 'gallery');
    });
    expect(result.summary.completed).toBe(2);
    const [one, fifteen] = result.summary.models;
    expect(one!.trtr!.mean).toBeGreaterThanOrEqual(0);
    expect(one!.trtr!.mean).toBeLessThan(0.2); // blobs are easy for 1-NN
    expect(fifteen!.tstr!.mean).toBeLessThanOrEqual(1);
    const digits = result.visual!.digits!;
    // The gallery went out before any model was fitted.
    expect(partials[0]).toBe('gallery');
    expect(digits.confusion.map((c) => c.id)).toEqual(['knn:k=1', 'knn:k=15']);
    const counts = digits.confusion[0]!.real!;
    expect(counts).toHaveLength(CLASSES * CLASSES);
    expect(counts.reduce((s, v) => s + v, 0)).toBe(100);
    // The confusion matrix's errors are replicate 1's TRTR.
    const wrong = counts.reduce((s, v, i) => s + (i % (CLASSES + 1) === 0 ? 0 : v), 0);
    expect(wrong / 100).toBeCloseTo(result.records[0]!.trtr[0]!, 12);
    expect(digits.gallery.real.every((row) => row.length === 8)).toBe(true);
    expect(digits.counts.synthetic.reduce((s, v) => s + v, 0)).toBe(250);
    expect(result.fidelity?.frechetPca).toBeGreaterThan(0);
    expect(result.fidelity?.c2stAuc).toBeGreaterThan(0.5);
  });
});
