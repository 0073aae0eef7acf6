import { describe, expect, it } from 'vitest';
import { onBackend } from '../../test/backends';
import { column, matrix } from '../matrix';
import { stream } from '../rng';
import { knn, majority } from './knn';
import { nearestNeighbors } from './neighbors';

function bruteForce(train: Float64Array, query: Float64Array, p: number, k: number): number[][] {
  const n = train.length / p;
  const out: number[][] = [];
  for (let q = 0; q < query.length / p; q++) {
    const d = Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let j = 0; j < p; j++) s += (query[q * p + j]! - train[i * p + j]!) ** 2;
      return s;
    });
    out.push(
      Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => d[a]! - d[b]! || a - b)
        .slice(0, k),
    );
  }
  return out;
}

describe('kNN regression', () => {
  it('averages the k nearest responses (hand-checked)', async () => {
    const x = column(Float64Array.of(0, 1, 2, 3, 10));
    const y = Float64Array.of(0, 10, 20, 30, 100);
    const predicted = await knn(2)
      .fit(x, y)
      .predict(column(Float64Array.of(0.4, 2.6, 9)));
    // 0.4 -> {0, 1}: 5; 2.6 -> {3, 2}: 25; 9 -> {10, 3}: 65.
    expect(Array.from(predicted)).toEqual([5, 25, 65]);
  });

  it('k = n predicts the training mean everywhere', async () => {
    const y = Float64Array.of(1, 2, 3, 6);
    const predicted = await knn(4)
      .fit(column(Float64Array.of(-1, 0, 1, 5)), y)
      .predict(column(Float64Array.of(7)));
    expect(predicted[0]).toBe(3);
  });

  it('refuses k larger than the training set', () => {
    expect(() => knn(5).fit(column(Float64Array.of(1, 2)), Float64Array.of(1, 2))).toThrow(
      /larger than the 2/,
    );
  });
});

describe('kNN classification', () => {
  // Labels 5, 2, 5, 2, 7, 7 at x = 0..5; queries with no distance ties among the neighbours that matter.
  const x = column(Float64Array.of(0, 1, 2, 3, 4, 5));
  const y = Float64Array.of(5, 2, 5, 2, 7, 7);
  const queries = column(Float64Array.of(0.4, 1.4, 2.6, 4.6));

  it('predicts the most frequent neighbour label, ties to the smallest (as scikit-learn)', async () => {
    // /usr/bin/python3, scikit-learn 1.2.1: KNeighborsClassifier(k).fit(x, y).predict(queries) gives
    // k = 2: [2, 2, 2, 7]; k = 3: [5, 5, 2, 7]; k = 4: [2, 2, 2, 7].
    // By hand, k = 2 at 0.4: neighbours 0 (5) and 1 (2), one vote each -> the smaller label 2.
    const expected: Record<number, number[]> = { 2: [2, 2, 2, 7], 3: [5, 5, 2, 7], 4: [2, 2, 2, 7] };
    for (const [k, labels] of Object.entries(expected)) {
      const predicted = await knn(Number(k), 'classification').fit(x, y).predict(queries);
      expect(Array.from(predicted), `k = ${k}`).toEqual(labels);
    }
  });

  it('k = 1 returns the nearest label; regression on the same data still averages', async () => {
    expect(Array.from(await knn(1, 'classification').fit(x, y).predict(queries))).toEqual([5, 2, 2, 7]);
    // 0.4 -> {5, 2}: 3.5 (the mean, not a label).
    expect(
      (
        await knn(2)
          .fit(x, y)
          .predict(column(Float64Array.of(0.4)))
      )[0],
    ).toBe(3.5);
  });

  it('majority: the smallest of the most frequent values', () => {
    expect(majority(Float64Array.of(1, 0, 1, 0))).toBe(0);
    expect(majority(Float64Array.of(1, 1, 0))).toBe(1);
    expect(majority(Float64Array.of(3, -1, 3, 2, -1))).toBe(-1);
    expect(majority(Float64Array.of(4))).toBe(4);
  });
});

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`exact neighbour search on tfjs ${backend}`, () => {
    onBackend(backend);

    it('finds the exact neighbours of random 3-D data (against a float64 brute force)', async () => {
      const s = stream(3, 'knn-test');
      const train = s.normals(300 * 3);
      const query = s.normals(50 * 3);
      const { indices } = await nearestNeighbors(matrix(300, 3, train), matrix(50, 3, query), 7, true);
      const expected = bruteForce(train, query, 3, 7);
      expected.forEach((row, q) => expect(Array.from(indices.subarray(q * 7, q * 7 + 7))).toEqual(row));
    });

    it('stays exact when float32 cannot separate the candidates (falls back to float64)', async () => {
      // 200 points far from the origin, 1e-9 apart: float32 sees them all at the same distance.
      const train = Float64Array.from({ length: 200 }, (_, i) => 1000 + 1e-9 * ((i * 37) % 200));
      const query = Float64Array.of(1000 + 1e-9 * 100.4, 1000 + 1e-9 * 3.2);
      const { indices, exactScans } = await nearestNeighbors(column(train), column(query), 3, true);
      // Both queries fall back to (or, on CPU, always use) the float64 scan.
      expect(exactScans).toBe(2);
      const expected = bruteForce(train, query, 1, 3);
      expect([Array.from(indices.subarray(0, 3)), Array.from(indices.subarray(3, 6))]).toEqual(expected);
    });

    it('uses the float32 candidates when they are provably complete (the tensor path, forced here)', async () => {
      const s = stream(8, 'knn-fast');
      const { exactScans } = await nearestNeighbors(
        matrix(400, 2, s.normals(800)),
        matrix(100, 2, s.normals(200)),
        5,
        true,
      );
      expect(exactScans).toBe(backend === 'cpu' ? 100 : 0);
    });
  });
}

describe('which search runs', () => {
  onBackend('wasm');
  it('off WebGL the exact float64 scan runs by default, with the same neighbours as the tensor path', async () => {
    const s = stream(9, 'knn-default');
    const train = matrix(400, 2, s.normals(800));
    const query = matrix(100, 2, s.normals(200));
    const scan = await nearestNeighbors(train, query, 5);
    const tensor = await nearestNeighbors(train, query, 5, true);
    expect(scan.exactScans).toBe(100);
    expect(tensor.exactScans).toBe(0);
    expect(Array.from(scan.indices)).toEqual(Array.from(tensor.indices));
  });
});
