/**
 * The float64 WebAssembly kernels against the JavaScript they replace, bit for bit (Float64Arrays compared
 * through their Uint32 views; neighbour indices exactly): expFast, kernel ridge's dual weights and predictions,
 * kNN's scan, on random shapes (p = 1, 2, 3, 7; n and test sizes odd and not multiples of 4; k = 1 and 15),
 * with ties in the distances, and through the learners with the kernels switched off and on.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { matrix, rowDistanceSquared } from '../matrix';
import * as portable from '../portable';
import { stream } from '../rng';
import { exactScan } from '../learners/exactScan';
import { knn } from '../learners/knn';
import { krr, krrDualJs } from '../learners/krr';
import { setSliceMs } from '../yieldToEvents';
import { float64Kernel, float64KernelNow, setFloat64Kernel, type Float64Kernel } from './float64';

let kernel: Float64Kernel;
beforeAll(async () => {
  const loaded = await float64Kernel();
  if (!loaded) throw new Error('no WebAssembly SIMD in this Node');
  kernel = loaded;
});
afterEach(() => setFloat64Kernel(true));

/** The words of a Float64Array: equal words are equal bits (NaN payloads and -0 included). */
const bits = (a: Float64Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

/** kernel ridge's prediction loop in JavaScript (krr.ts's fallback). */
function predictJs(
  train: Float64Array,
  n: number,
  p: number,
  dual: Float64Array,
  gamma: number,
  test: Float64Array,
) {
  const rows = test.length / p;
  const out = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    let s = 0;
    for (let i = 0; i < n; i++)
      s += dual[i]! * portable.expFast(-gamma * rowDistanceSquared(test, t, train, i, p));
    out[t] = s;
  }
  return out;
}

const SHAPES: [n: number, p: number, rows: number][] = [
  [1, 1, 1],
  [2, 2, 3],
  [3, 3, 2],
  [5, 7, 9],
  [37, 1, 11],
  [64, 2, 5],
  [101, 3, 33],
  [99, 7, 17],
  [250, 2, 301],
];

describe('expFast in WebAssembly', () => {
  it('gives portable.expFast bits everywhere: the fast range, its edges, subnormal and zero results, NaN', () => {
    const rand = stream(1, 'float64-exp');
    const edges = [-708, -707.9999999999999, -708.0000000000001, 709, 708.9999999999999, -745.1332191019411];
    const more = [
      -745.1332191019412,
      -745,
      -746,
      -800,
      -Infinity,
      Infinity,
      NaN,
      0,
      -0,
      1e-300,
      -1e-20,
      5,
      -1,
    ];
    const values = [...edges, ...more];
    for (let i = 0; i < 100_000; i++)
      values.push(-rand.uniform() * 10 ** (3 - (i % 6)) * (i % 7 === 0 ? -1 : 1));
    const x = Float64Array.from(values);
    const got = kernel.expMany(x);
    const want = x.map((v) => portable.expFast(v));
    // NaN's payload is not IEEE's business: compare it as NaN, everything else bit for bit.
    const nan = values.findIndex((v) => Number.isNaN(v));
    expect(Number.isNaN(got[nan]!)).toBe(true);
    got[nan] = want[nan] = 0;
    expect(bits(got)).toEqual(bits(want));
  });
});

describe('kernel ridge in WebAssembly', () => {
  it.each(SHAPES)('n = %i, p = %i: the same dual weights and predictions', (n, p, rows) => {
    const rand = stream(n * 10 + p, 'float64-krr');
    const gamma = 0.05 + 2 * rand.uniform();
    const alpha = 0.01 + rand.uniform();
    const train = Float64Array.from({ length: n * p }, () => rand.normal());
    const y = Float64Array.from({ length: n }, () => 3 * rand.normal());
    const test = Float64Array.from({ length: rows * p }, () => 1.5 * rand.normal());
    const dual = krrDualJs(train, n, p, gamma, alpha, y)!;
    expect(bits(kernel.krrFit(train, n, p, gamma, alpha, y)!)).toEqual(bits(dual));
    // In blocks of 2 and 5 rows from odd offsets: every block's rows land where the one loop puts them.
    for (const block of [2, 5, rows]) {
      const out = new Float64Array(rows);
      for (let start = 0; start < rows; start += block) {
        kernel.krrPredict(train, n, p, dual, gamma, test, start, Math.min(block, rows - start), out);
      }
      expect(bits(out)).toEqual(bits(predictJs(train, n, p, dual, gamma, test)));
    }
  });

  it('far points (kernel values of 0, subnormal ones) and a large gamma: the same bits', () => {
    const rand = stream(3, 'float64-krr-far');
    const [n, p, rows, gamma] = [41, 2, 23, 30];
    const train = Float64Array.from({ length: n * p }, () => 6 * rand.normal());
    const y = Float64Array.from({ length: n }, () => rand.normal());
    const test = Float64Array.from({ length: rows * p }, () => 6 * rand.normal());
    const dual = krrDualJs(train, n, p, gamma, 0.5, y)!;
    expect(bits(kernel.krrFit(train, n, p, gamma, 0.5, y)!)).toEqual(bits(dual));
    const out = new Float64Array(rows);
    kernel.krrPredict(train, n, p, dual, gamma, test, 0, rows, out);
    expect(bits(out)).toEqual(bits(predictJs(train, n, p, dual, gamma, test)));
  });

  it('refuses the same matrices as the JavaScript (not positive definite in float64)', () => {
    const train = Float64Array.of(2, 2, 2);
    expect(krrDualJs(train, 3, 1, 1, 1e-300, Float64Array.of(1, 2, 3))).toBeNull();
    expect(kernel.krrFit(train, 3, 1, 1, 1e-300, Float64Array.of(1, 2, 3))).toBeNull();
  });
});

describe("kNN's scan in WebAssembly", () => {
  const scanJs = (train: Float64Array, n: number, p: number, query: Float64Array, k: number): Int32Array => {
    const rows = query.length / p;
    const out = new Int32Array(rows * k);
    for (let q = 0; q < rows; q++) exactScan(matrix(n, p, train), matrix(rows, p, query), q, k, out);
    return out;
  };

  it.each(SHAPES.filter(([n]) => n >= 15))(
    'n = %i, p = %i: the same neighbours, k = 1 and 15',
    (n, p, rows) => {
      const rand = stream(n * 10 + p, 'float64-knn');
      const train = Float64Array.from({ length: n * p }, () => rand.normal());
      const query = Float64Array.from({ length: rows * p }, () => rand.normal());
      for (const k of [1, 15]) {
        const out = new Int32Array(rows * k);
        for (let start = 0; start < rows; start += 4) {
          kernel.knnScan(train, n, p, query, start, Math.min(4, rows - start), k, out);
        }
        expect(Array.from(out)).toEqual(Array.from(scanJs(train, n, p, query, k)));
      }
    },
  );

  it('ties in the distances: the lower index wins, as in the JavaScript', () => {
    const rand = stream(5, 'float64-knn-ties');
    for (const p of [1, 2, 3, 7]) {
      // Small integer coordinates, repeated points: many exactly equal distances.
      const n = 103;
      const train = Float64Array.from({ length: n * p }, () => Math.floor(3 * rand.uniform()));
      const query = Float64Array.from({ length: 29 * p }, () => Math.floor(3 * rand.uniform()));
      for (const k of [1, 2, 15, n]) {
        const out = new Int32Array(29 * k);
        kernel.knnScan(train, n, p, query, 0, 29, k, out);
        expect(Array.from(out)).toEqual(Array.from(scanJs(train, n, p, query, k)));
      }
    }
  });
});

describe('the learners on both routes', () => {
  it('float64KernelNow is the loaded kernels; switched off, no kernels', async () => {
    expect(float64KernelNow()).toBe(kernel);
    setFloat64Kernel(false);
    expect(float64KernelNow()).toBeNull();
    expect(await float64Kernel()).toBeNull();
  });

  it('KRR and kNN (k = 1, 15) predict the same bits with the kernels off (JavaScript) and on', async () => {
    const rand = stream(9, 'float64-learners');
    for (const [n, p, rows] of [
      [87, 2, 1001],
      [301, 3, 77],
    ] as const) {
      const x = matrix(
        n,
        p,
        Float64Array.from({ length: n * p }, () => rand.normal()),
      );
      const y = Float64Array.from({ length: n }, () => rand.normal());
      const test = matrix(
        rows,
        p,
        Float64Array.from({ length: rows * p }, () => rand.normal()),
      );
      for (const learner of [krr(0.5, 0.5), knn(1), knn(15), knn(15, 'classification')]) {
        const labels = learner.id.startsWith('knn') ? y.map((v) => (v > 0 ? 1 : 0)) : y;
        setFloat64Kernel(false);
        const js = await learner.fit(x, labels).predict(test);
        setFloat64Kernel(true);
        const wasm = await learner.fit(x, labels).predict(test);
        expect(bits(wasm)).toEqual(bits(js));
      }
    }
  });

  it('long predictions on the kernels still give the thread back between blocks of rows', async () => {
    const rand = stream(11, 'float64-yield');
    const x = matrix(
      87,
      2,
      Float64Array.from({ length: 174 }, () => rand.normal()),
    );
    const y = Float64Array.from({ length: 87 }, () => rand.normal());
    const test = matrix(
      4000,
      2,
      Float64Array.from({ length: 8000 }, () => rand.normal()),
    );
    setSliceMs(0); // every check finds the slice used up
    try {
      for (const learner of [krr(0.5, 0.5), knn(15)]) {
        const fitted = learner.fit(x, y);
        let ranMeanwhile = false;
        setImmediate(() => (ranMeanwhile = true));
        await fitted.predict(test);
        // Without a yield the prediction (microtasks only) would finish before the task queued first.
        expect(ranMeanwhile).toBe(true);
      }
    } finally {
      setSliceMs(50);
    }
  });
});
