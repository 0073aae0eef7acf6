/**
 * The MLP trained by the dense WebAssembly kernel (kernels/dense/, src/engine/kernels/dense.ts) instead of tfjs:
 * the same networks, data standardization, initial weights, loss, backpropagation and Adam as mlp-train.ts, in
 * fused float32 SIMD loops, many epochs per call. Each network is computed alone by the same code whatever
 * batch it is in, so a batched fit gives the same bits as fitting each dataset alone. No tfjs: a page on WASM or
 * CPU trains its MLPs without loading it.
 */
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import type { Task } from '../task';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import type { DenseKernel } from '../kernels/dense';
import { checkDatasets, checkSettings, type MlpDataset, type MlpSettings } from './mlp-checks';
import { type MlpModel, mlpModel } from './mlp-model';
import {
  initParams,
  layerSizes,
  type MlpShape,
  standardizeInto,
  standardizer,
  type Standardizer,
} from './mlp-params';

/** Adam's constants, as mlp-adam.ts (tf.train.adam's formula, Keras's epsilon). */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Multiply-adds per kernel call, about 5 ms: long trainings return to the event loop between calls. */
const CALL_WORK = 2 ** 24;

/** Layer sizes of the network: inputs, D hidden layers of width W, one output. */
function sizesOf(shape: MlpShape): number[] {
  return [shape.inputs, ...layerSizes(shape).map(([, fanOut]) => fanOut)];
}

/** One network's fitted model: rows standardized as in training, the kernel's forward pass, mapped back. */
function model(
  kernel: DenseKernel,
  task: Task,
  sizes: readonly number[],
  params: Float32Array,
  xs: Standardizer,
  yMean: number,
  yScale: number,
  loss: number,
): MlpModel {
  const scores = async (test: Matrix): Promise<Float64Array> => {
    const input = new Float32Array(test.rows * test.cols);
    standardizeInto(test, xs, input);
    return Float64Array.from(kernel.predict(sizes, params, input, test.rows));
  };
  return mlpModel(task, sizes[0]!, loss, params, scores, yMean, yScale);
}

/**
 * Fits one network per dataset (all of one n and p) and returns their models in order, as fitMlpBatch does:
 * network b starts from initParams with rand[b] (the weights the tfjs route starts from), sees its data
 * standardized by its own means and sds, and reports its losses through settings.onEpoch.
 */
export async function fitMlpKernel(
  kernel: DenseKernel,
  datasets: readonly MlpDataset[],
  settings: MlpSettings,
  task: Task,
  rand: readonly RandomStream[],
): Promise<MlpModel[]> {
  checkSettings(settings);
  checkDatasets(datasets, task);
  if (rand.length !== datasets.length) {
    throw new Error(`mlp: ${rand.length} random streams for ${datasets.length} networks`);
  }
  const { rows: n, cols: p } = datasets[0]!.x;
  const shape: MlpShape = { inputs: p, width: settings.width, depth: settings.depth };
  const sizes = sizesOf(shape);
  const { epochs, onEpoch } = settings;
  const every = settings.every ?? 10;

  const xStats = datasets.map(({ x }) => standardizer(x.data, n, p));
  const yStats = datasets.map(({ y }) => (task === 'regression' ? standardizer(y, n, 1) : null));
  const yMean = yStats.map((s) => s?.mean[0] ?? 0);
  const yScale = yStats.map((s) => s?.scale[0] ?? 1);
  const inputs = datasets.map(({ x }, b) => {
    const out = new Float32Array(n * p);
    standardizeInto(x, xStats[b]!, out);
    return out;
  });
  const targets = datasets.map(({ y }, b) => Float32Array.from(y, (v) => (v - yMean[b]!) / yScale[b]!));
  const initial = rand.map((stream) => initParams(shape, 1, stream).flat);
  const batch = kernel.batch(sizes, task === 'regression' ? 'mse' : 'logistic', inputs, targets, initial);
  const adam = { ...ADAM, lr: settings.lr };
  /** Losses in the units of y (MSE scales with sd(y)^2), as mlp-train.ts reports them. */
  const unscale = (losses: Float32Array): Float32Array => losses.map((v, b) => v * yScale[b]! ** 2);

  // An epoch is about 3 multiply-adds per parameter and point (forward, weight and input gradients).
  const multiplyAdds = datasets.length * n * 3 * kernel.paramCount(sizes);
  const perCall = Math.max(1, Math.floor(CALL_WORK / multiplyAdds));
  for (let epoch = 0; epoch < epochs;) {
    // A call's first epoch computes the loss after `epoch` steps: calls start where a curve point is due.
    const report = onEpoch !== undefined && epoch % every === 0;
    const count = Math.min(epochs - epoch, perCall, onEpoch ? every - (epoch % every) : epochs);
    const losses = kernel.train(batch, count, adam);
    if (report) onEpoch(epoch, unscale(losses.filter((_, i) => i % count === 0)));
    epoch += count;
    // A traced net gives the thread back at every curve point (two traced nets train side by side), any
    // training when its slice is used up (the main-thread fallback's frame budget, a cancel read in time).
    if (report || sliceDue()) await yieldSlice();
  }
  const losses = unscale(kernel.evaluate(batch).losses);
  onEpoch?.(epochs, losses);
  return datasets.map((_, b) =>
    model(kernel, task, sizes, kernel.params(batch, b), xStats[b]!, yMean[b]!, yScale[b]!, losses[b]!),
  );
}
