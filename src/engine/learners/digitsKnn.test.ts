/**
 * kNN on real MNIST digits against scikit-learn (fixtures/digits/knn.json, made by make_knn.py from the same IDX
 * files): the same predicted label for every test digit, k = 1, 3, 10; and its accuracy on 10,000 training
 * digits at the published figure, about 0.95 (LeCun et al.'s kNN results are near 0.97 on all 60,000).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mnistDigits } from '../digits/testMnist';
import { knn } from './knn';

const fixture = JSON.parse(readFileSync('src/engine/fixtures/digits/knn.json', 'utf8')) as {
  train: { start: number; count: number };
  test: { start: number; count: number; step: number };
  labels: number[];
  predictions: Record<string, number[]>;
};

describe('kNN on MNIST digits', () => {
  it('predicts what scikit-learn predicts, digit for digit', async () => {
    const train = mnistDigits('train', fixture.train.count, fixture.train.start);
    const test = mnistDigits('test', fixture.test.count, fixture.test.start, fixture.test.step);
    expect(Array.from(test.y)).toEqual(fixture.labels);
    for (const [k, expected] of Object.entries(fixture.predictions)) {
      const predicted = await knn(Number(k), 'classification').fit(train.x, train.y).predict(test.x);
      expect(Array.from(predicted), `k = ${k}`).toEqual(expected);
    }
  });

  it(
    'scores about 0.95 on the official test digits when trained on 10,000',
    { timeout: 60_000 },
    async () => {
      const train = mnistDigits('train', 10_000);
      const test = mnistDigits('test', 1000, 0, 10);
      const predicted = await knn(3, 'classification').fit(train.x, train.y).predict(test.x);
      const accuracy = predicted.reduce((s, v, i) => s + (v === test.y[i] ? 1 : 0), 0) / test.y.length;
      console.log(`kNN (k=3) on 10,000 training digits: accuracy ${accuracy} on 1,000 test digits`);
      expect(accuracy).toBeGreaterThan(0.93);
      expect(accuracy).toBeLessThan(0.98);
    },
  );
});
