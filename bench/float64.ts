/**
 * The float64 WebAssembly kernels (kernels/float64/) against the JavaScript they replace, on S1's shapes (two
 * features, n = 500 training points, 5,000 test points): kernel ridge's fit (Gram matrix, Cholesky, dual weights)
 * and prediction, and kNN's exact scan for k = 1 and 15, through the learners with the kernels switched off and
 * on. CPU time of the process (the machine is shared: wall time is more noise than signal), the range over a
 * few repeats after a warm-up; and whether both routes gave the same bits (they must).
 */
import { float64Kernel, setFloat64Kernel } from '../src/engine/kernels/float64';
import { knn } from '../src/engine/learners/knn';
import { krr } from '../src/engine/learners/krr';
import { matrix, type Matrix } from '../src/engine/matrix';
import { stream } from '../src/engine/rng';

/** CPU milliseconds, least and most over the repeats. */
export interface CpuRange {
  readonly min: number;
  readonly max: number;
}

export interface Float64Row {
  readonly work: string;
  readonly js: CpuRange;
  readonly wasm: CpuRange;
  /** Both routes' outputs compared bit for bit. */
  readonly sameBits: boolean;
}

export interface Float64Figures {
  readonly n: number;
  readonly test: number;
  readonly repeats: number;
  readonly rows: readonly Float64Row[];
}

const N = 500;
const TEST = 5000;

async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The same words: equal bits. */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  const [u, v] = [new Uint32Array(a.buffer), new Uint32Array(b.buffer)];
  return u.length === v.length && u.every((word, i) => word === v[i]);
}

/** `work` on both routes, alternating, `repeats` times after one warm-up each. */
async function compare(
  name: string,
  repeats: number,
  work: () => Promise<Float64Array>,
): Promise<Float64Row> {
  const times = { js: [] as number[], wasm: [] as number[] };
  const outputs: Record<'js' | 'wasm', Float64Array | null> = { js: null, wasm: null };
  for (let r = -1; r < repeats; r++) {
    for (const route of ['js', 'wasm'] as const) {
      setFloat64Kernel(route === 'wasm');
      const ms = await cpuMs(async () => (outputs[route] = await work()));
      if (r >= 0) times[route].push(ms);
    }
  }
  setFloat64Kernel(true);
  const range = (t: number[]): CpuRange => ({ min: Math.min(...t), max: Math.max(...t) });
  return {
    work: name,
    js: range(times.js),
    wasm: range(times.wasm),
    sameBits: sameBits(outputs.js!, outputs.wasm!),
  };
}

export async function benchFloat64(quick: boolean): Promise<Float64Figures> {
  if (!(await float64Kernel())) throw new Error('the float64 kernels did not load (no WebAssembly SIMD?)');
  const rand = stream(1, 'bench-float64');
  const points = (rows: number): Matrix =>
    matrix(
      rows,
      2,
      Float64Array.from({ length: 2 * rows }, () => rand.normal()),
    );
  const [x, test] = [points(N), points(TEST)];
  const y = Float64Array.from({ length: N }, (_, i) => {
    const [a, c] = [x.data[2 * i]!, x.data[2 * i + 1]!];
    return 0.5 + a - 0.7 * c + a * c + 0.5 * rand.normal();
  });
  const repeats = quick ? 3 : 7;
  const model = krr(0.5, 0.5);
  // A fit's output: its predictions at two training points (the dual weights at work; 1,000 kernel values).
  const two = matrix(2, 2, x.data.slice(0, 4));
  const fitRow = await compare('KRR fit: Gram matrix, Cholesky, dual weights', repeats, () =>
    model.fit(x, y).predict(two),
  );
  const fitted = model.fit(x, y);
  const rows = [
    fitRow,
    await compare(`KRR predict (${TEST} test points)`, repeats, () => fitted.predict(test)),
  ];
  for (const k of [1, 15]) {
    const fittedKnn = knn(k).fit(x, y);
    rows.push(
      await compare(`kNN k=${k} predict: the scan (${TEST} queries)`, repeats, () => fittedKnn.predict(test)),
    );
  }
  return { n: N, test: TEST, repeats, rows };
}

/** The printed figures. */
export function float64Lines(
  f: Float64Figures,
  fmt: (v: number | null, digits?: number) => string,
): string[] {
  const range = (r: CpuRange) => `${fmt(r.min, 1)}–${fmt(r.max, 1)}`;
  return [
    `Float64 kernels on S1's shapes (p = 2, n = ${f.n}, ${f.test} test points; CPU ms, range of ${f.repeats}):`,
    '',
    '| work | JavaScript | WebAssembly | speed-up | same bits |',
    '| --- | ---: | ---: | ---: | --- |',
    ...f.rows.map(
      (r) =>
        `| ${r.work} | ${range(r.js)} | ${range(r.wasm)} | ${fmt(r.js.min / r.wasm.min, 1)}× | ${r.sameBits ? 'yes' : 'NO'} |`,
    ),
  ];
}
