/**
 * The dense WebAssembly kernel on S1's network (2 → 32 → 32 → 1, n = 500, 200 full-batch epochs), as the MLP
 * runs it (mlp-kernel.ts: standardization, seeded initial weights, training, final loss): one network per call
 * and B networks per call; tfjs-wasm (mlp-train.ts, one network at a time: the WASM route before the kernel) on
 * the same networks; and the machine's float32 SIMD peak, the kernel module's own loop of independent f32x4
 * multiply-add chains (kernels/dense/peak.ts). Times are the best of a few repeats (the machine is shared).
 * Then the float64 kernels (kernel ridge, kNN's scan) against the JavaScript they replace (float64.ts).
 */
import { denseKernel } from '../src/engine/kernels/dense';
import { matrix } from '../src/engine/matrix';
import { stream } from '../src/engine/rng';
import { fitMlpKernel } from '../src/engine/learners/mlp-kernel';
import { fitMlpBatch, type MlpDataset, type MlpSettings } from '../src/engine/learners/mlp-train';
import { benchFloat64, float64Lines, type Float64Figures } from './float64';
import { startBackend } from './node';

export interface KernelFigures {
  readonly network: string;
  readonly n: number;
  readonly epochs: number;
  /** Networks per batched call. */
  readonly batch: number;
  /** Multiply and add flops of one network's training: forward, weight and input gradients, every epoch. */
  readonly flopsPerNetwork: number;
  readonly singleMs: number;
  readonly batchedMs: number;
  /** tfjs on its WASM backend, one network at a time; null when that backend did not start. */
  readonly tfjsWasmMs: number | null;
  readonly peakGflops: number;
  /** The float64 kernels (absent from reports written before they existed). */
  readonly float64?: Float64Figures;
}

const SETTINGS: MlpSettings = { width: 32, depth: 2, epochs: 200, lr: 0.01 };
const N = 500;

/** S1-like data: x ~ N(0, I_2), y = 0.5 + x1 - 0.7 x2 + x1 x2 + noise. */
function datasets(count: number, seed: number): MlpDataset[] {
  return Array.from({ length: count }, (_, b) => {
    const rand = stream(seed + b, 'bench-kernel');
    const x = Float64Array.from({ length: 2 * N }, () => rand.normal());
    const y = Float64Array.from({ length: N }, (_, i) => {
      const [a, c] = [x[2 * i]!, x[2 * i + 1]!];
      return 0.5 + a - 0.7 * c + a * c + 0.5 * rand.normal();
    });
    return { x: matrix(N, 2, x), y };
  });
}

/** Best wall time of `repeats` runs of `work`, in ms. */
async function best(repeats: number, work: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

export async function benchKernel(quick: boolean): Promise<KernelFigures> {
  const kernel = await denseKernel();
  if (!kernel) throw new Error('the dense kernel did not load (no WebAssembly SIMD?)');
  const batch = 8;
  const data = datasets(batch, 1);
  const streams = () => data.map((_, b) => stream(b, 'bench-kernel-init'));
  const repeats = quick ? 2 : 5;
  const sizes = [2, SETTINGS.width, SETTINGS.width, 1];
  let products = 0;
  let inputGradients = 0;
  for (let l = 1; l < sizes.length; l++) {
    products += sizes[l - 1]! * sizes[l]!;
    if (l > 1) inputGradients += sizes[l - 1]! * sizes[l]!;
  }
  const flopsPerNetwork = 2 * (2 * products + inputGradients) * N * SETTINGS.epochs;

  await fitMlpKernel(kernel, data.slice(0, 1), SETTINGS, 'regression', streams().slice(0, 1)); // warm-up
  const singleMs =
    (await best(repeats, async () => {
      const s = streams();
      for (let b = 0; b < batch; b++) {
        await fitMlpKernel(kernel, [data[b]!], SETTINGS, 'regression', [s[b]!]);
      }
    })) / batch;
  const batchedMs =
    (await best(repeats, () => fitMlpKernel(kernel, data, SETTINGS, 'regression', streams()))) / batch;

  let tfjsWasmMs: number | null = null;
  if (await startBackend('wasm')) {
    const nets = quick ? 2 : 4;
    await fitMlpBatch([data[0]!], { ...SETTINGS, epochs: 5 }, 'regression', [streams()[0]!]); // warm-up
    tfjsWasmMs =
      (await best(quick ? 1 : 2, async () => {
        const s = streams();
        for (let b = 0; b < nets; b++) await fitMlpBatch([data[b]!], SETTINGS, 'regression', [s[b]!]);
      })) / nets;
  }

  const iterations = 2e7;
  kernel.peak(1e5);
  const peakMs = await best(repeats, async () => kernel.peak(iterations));
  return {
    network: sizes.join(' → '),
    n: N,
    epochs: SETTINGS.epochs,
    batch,
    flopsPerNetwork,
    singleMs,
    batchedMs,
    tfjsWasmMs,
    peakGflops: (iterations * 96) / peakMs / 1e6,
    float64: await benchFloat64(quick),
  };
}

/** The printed figures. */
export function kernelLines(k: KernelFigures, fmt: (v: number | null, digits?: number) => string): string[] {
  const gflops = (ms: number | null) => (ms === null ? null : k.flopsPerNetwork / ms / 1e6);
  const row = (route: string, ms: number | null) =>
    `| ${route} | ${fmt(ms, 1)} | ${fmt(gflops(ms))} | ${fmt(ms === null ? null : (100 * gflops(ms)!) / k.peakGflops, 0)}% |`;
  return [
    `Dense kernel on S1's network (${k.network}, n = ${k.n}, ${k.epochs} full-batch epochs, ${fmt(k.flopsPerNetwork / 1e9, 3)} GFLOP a network):`,
    '',
    '| route | ms per network | GFLOP/s | of peak |',
    '| --- | ---: | ---: | ---: |',
    row('kernel, one network per call', k.singleMs),
    row(`kernel, ${k.batch} networks per call`, k.batchedMs),
    row('tfjs-wasm, one network at a time (before)', k.tfjsWasmMs),
    `float32 SIMD peak (12 independent f32x4 multiply-add chains): ${fmt(k.peakGflops)} GFLOP/s. Kernel batched vs tfjs-wasm one at a time: ${fmt(k.tfjsWasmMs === null ? null : k.tfjsWasmMs / k.batchedMs)}×; batched vs one per call: ${fmt(k.singleMs / k.batchedMs)}×.`,
    ...(k.float64 ? ['', ...float64Lines(k.float64, fmt)] : []),
  ];
}
