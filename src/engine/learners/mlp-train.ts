/**
 * Trains B MLPs at once by full-batch Adam (mlp-adam.ts) on L = sum_b L_b, so network b's gradient is its own
 * (dL/dtheta_b = dL_b/dtheta_b); L_b = mean squared error or mean log-loss of network b on its own dataset.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import type { Task } from '../task';
import { sliceDue, yieldSlice } from '../yieldToEvents';
import { adam } from './mlp-adam';
import {
  forwardLayers,
  gradients,
  initParams,
  type MlpParams,
  type MlpShape,
  networkLosses,
  selectNetwork,
  splitParams,
  standardizeInto,
  standardizer,
  type Standardizer,
} from './mlp-net';
import { checkDatasets, checkSettings, type MlpDataset, type MlpSettings } from './mlp-checks';
import { type MlpModel, mlpModel } from './mlp-model';

export { checkDatasets, checkSettings, type MlpDataset, type MlpSettings } from './mlp-checks';
export type { MlpModel } from './mlp-model';

/** Elements of one [rows, units] activation in prediction: bounds GPU / WASM memory per step (16 MiB). */
const MAX_BLOCK_ELEMENTS = 1 << 22;

/**
 * The fitted model of one network: inputs standardized as in training, the same forward pass, then mapped back
 * (mlp-model.ts). Its weights live on the host (float32, as trained); each prediction uploads them, runs the
 * forward pass and disposes everything, so a model holds no tensors between calls and needs no dispose.
 */
function model(
  task: Task,
  shape: MlpShape,
  params: MlpParams,
  xs: Standardizer,
  yMean: number,
  yScale: number,
  loss: number,
): MlpModel {
  const scores = async (test: Matrix): Promise<Float64Array> => {
    const out = new Float64Array(test.rows);
    const p = shape.inputs;
    const block = Math.max(1, Math.floor(MAX_BLOCK_ELEMENTS / Math.max(shape.width, p)));
    const theta = tf.tensor1d(params.flat);
    try {
      for (let start = 0; start < test.rows; start += block) {
        const rows = Math.min(block, test.rows - start);
        const input = new Float32Array(rows * p);
        standardizeInto(
          { rows, cols: p, data: test.data.subarray(start * p, (start + rows) * p) },
          xs,
          input,
        );
        const f = tf.tidy(() => {
          const x = tf.tensor3d(input, [1, rows, p]);
          return forwardLayers(x, tf.ones([1, rows, 1]), splitParams(theta, shape, 1)).out;
        });
        try {
          out.set(await f.data(), start);
        } finally {
          f.dispose();
        }
      }
    } finally {
      theta.dispose();
    }
    return out;
  };
  return mlpModel(task, shape.inputs, loss, params.flat, scores, yMean, yScale);
}

/**
 * Fits one network per dataset in a single batched tensor program and returns their models in order. All datasets
 * must have the same n and p (the inputs are one [B, n, p] tensor). Each network sees its own data standardized
 * by its own training mean and sd (targets too for regression), so fitting a dataset in a batch or alone
 * (rand given as one stream per network) gives the same network to float32 rounding. Every tensor is disposed.
 */
export async function fitMlpBatch(
  datasets: readonly MlpDataset[],
  settings: MlpSettings,
  task: Task,
  rand: RandomStream | readonly RandomStream[],
): Promise<MlpModel[]> {
  checkSettings(settings);
  checkDatasets(datasets, task);
  const count = datasets.length;
  const { rows: n, cols: p } = datasets[0]!.x;
  const shape: MlpShape = { inputs: p, width: settings.width, depth: settings.depth };
  const every = settings.every ?? 10;

  const xStats = datasets.map(({ x }) => standardizer(x.data, n, p));
  const yStats = datasets.map(({ y }) => (task === 'regression' ? standardizer(y, n, 1) : null));
  const yMean = yStats.map((s) => s?.mean[0] ?? 0);
  const yScale = yStats.map((s) => s?.scale[0] ?? 1);
  const xHost = new Float32Array(count * n * p);
  const yHost = new Float32Array(count * n);
  datasets.forEach(({ x, y }, b) => {
    standardizeInto(x, xStats[b]!, xHost, b * n * p);
    for (let i = 0; i < n; i++) yHost[b * n + i] = (y[i]! - yMean[b]!) / yScale[b]!;
  });
  /** Losses in the units of y (MSE scales with sd(y)^2). */
  const unscale = (losses: Float32Array): Float32Array => losses.map((v, b) => v * yScale[b]! ** 2);

  const optimizer = adam(initParams(shape, count, rand).flat, settings.lr);
  const { theta } = optimizer;
  const xT = tf.tensor3d(xHost, [count, n, p]);
  const yT = tf.tensor2d(yHost, [count, n]);
  const ones = tf.ones<tf.Rank.R3>([count, n, 1]);
  /** Loss tensors kept out of a step's tidy until they are read (disposed in any case). */
  const pending: tf.Tensor[] = [];
  const read = async (): Promise<Float32Array> => {
    const values = (await pending[0]!.data()) as Float32Array;
    tf.dispose(pending.splice(0));
    return unscale(values);
  };
  try {
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      // Step `epoch`'s forward pass computes the losses after epoch - 1 steps: keep them when they are due.
      const report = settings.onEpoch !== undefined && (epoch - 1) % every === 0;
      tf.tidy(() => {
        const { out, grad } = gradients(xT, ones, yT, splitParams(theta, shape, count), task);
        if (report) pending.push(tf.keep(networkLosses(out, yT, task)));
        optimizer.step(grad);
      });
      if (report) settings.onEpoch?.(epoch - 1, await read());
      // Long trainings give the thread back now and then (the main-thread fallback's frame budget).
      if (sliceDue()) await yieldSlice();
    }
    pending.push(
      tf.tidy(() => networkLosses(forwardLayers(xT, ones, splitParams(theta, shape, count)).out, yT, task)),
    );
    // One read for the final losses and the parameters.
    const [losses, flat] = await Promise.all([read(), theta.data() as Promise<Float32Array>]);
    settings.onEpoch?.(settings.epochs, losses);
    const trained: MlpParams = { count, flat };
    return datasets.map((_, b) =>
      model(task, shape, selectNetwork(shape, trained, b), xStats[b]!, yMean[b]!, yScale[b]!, losses[b]!),
    );
  } finally {
    tf.dispose([xT, yT, ones, ...pending]);
    optimizer.dispose();
  }
}
