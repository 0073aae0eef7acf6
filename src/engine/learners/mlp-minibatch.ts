/**
 * The MLP trained by minibatch Adam on tfjs (minibatch.ts), one network at a time: the multi-class MLP (labels
 * 0..k-1, k softmax outputs, mean cross-entropy) on every backend, and any MLP with batch > 0. The network is
 * mlp-net.ts's, h_l = relu(h_(l-1) W_l + b_l), f = h_D W + c, with the same standardized inputs (and targets for
 * regression) and the same seeded He / Glorot initial weights (mlp-params.ts), on 2-D tensors. Products keep
 * tfjs's plain orientation (the transposes are explicit tf.transpose of the smaller operand): tfjs-wasm runs a
 * matMul with a transposed operand about 8x slower.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import type { Task } from '../task';
import { argmaxRows } from './classes';
import {
  columnSums,
  type Head,
  type MinibatchSettings,
  type Network,
  networkOutputs,
  trainNetwork,
  transposedProduct,
} from './minibatch';
import { type MlpModel, mlpModel } from './mlp-model';
import {
  initParams,
  type InputScaling,
  type MlpShape,
  paramLayout,
  standardizeInto,
  standardizer,
  unscaled,
} from './mlp-params';
import { FitError } from './types';

/** Elements of one [rows, units] activation per forward pass when predicting or tracing (16 MiB). */
const CHUNK_ELEMENTS = 1 << 22;

/** One MLP of `shape` as a minibatch Network. */
export function mlpNetwork(shape: MlpShape, head: Head): Network {
  const { blocks, total } = paramLayout(shape, 1);
  const outputs = shape.outputs ?? 1;
  const layers = (theta: tf.Tensor1D): { w: tf.Tensor2D; b: tf.Tensor1D }[] =>
    blocks.map(({ offset, fanIn, fanOut }) => ({
      w: tf.reshape(tf.slice(theta, [offset], [fanIn * fanOut]), [fanIn, fanOut]),
      b: tf.slice(theta, [offset + fanIn * fanOut], [fanOut]),
    }));
  /** Each layer's input and the outputs. */
  const pass = (theta: tf.Tensor1D, x: tf.Tensor2D) => {
    const params = layers(theta);
    const inputs: tf.Tensor2D[] = [];
    let h = x;
    params.forEach(({ w, b }, l) => {
      inputs.push(h);
      const z = tf.add<tf.Tensor2D>(tf.matMul(h, w), b);
      h = l < params.length - 1 ? tf.relu(z) : z;
    });
    return { params, inputs, out: h };
  };
  return {
    size: total,
    outputs,
    head,
    chunk: Math.max(1, Math.floor(CHUNK_ELEMENTS / Math.max(shape.inputs, shape.width, outputs))),
    forward: (theta, x) => pass(theta, x).out,
    gradient(theta, x, outputGradient) {
      const { params, inputs, out } = pass(theta, x);
      let g = outputGradient(out);
      const parts: tf.Tensor1D[] = [];
      for (let l = params.length - 1; l >= 0; l--) {
        parts.unshift(tf.reshape(transposedProduct(inputs[l]!, g), [-1]), columnSums(g));
        if (l > 0) g = tf.mul(tf.matMul(g, tf.transpose(params[l]!.w)), tf.step(inputs[l]!));
      }
      return { out, grad: tf.concat(parts) };
    },
  };
}

export interface MinibatchMlp {
  readonly width: number;
  readonly depth: number;
  /** Classes 0..k-1 for the softmax head (classification with labels beyond 0/1); absent otherwise. */
  readonly classes?: number;
}

/**
 * Trains one MLP on (x, y): softmax head with `classes`, else the task's (mse on standardized targets, logistic
 * on 0/1 labels). Losses reach settings.onEpoch in the units of y. The model predicts as the other routes' do
 * (mlp-model.ts), the softmax one the class of the largest output.
 */
export async function fitMlpMinibatch(
  x: Matrix,
  y: Float64Array,
  net: MinibatchMlp,
  task: Task,
  settings: MinibatchSettings,
  init: RandomStream,
  shuffle: RandomStream,
  inputScaling: InputScaling = 'columns',
): Promise<MlpModel> {
  const { rows: n, cols: p } = x;
  const head: Head = net.classes !== undefined ? 'softmax' : task === 'regression' ? 'mse' : 'logistic';
  const shape: MlpShape = { inputs: p, width: net.width, depth: net.depth, outputs: net.classes ?? 1 };
  const network = mlpNetwork(shape, head);
  const xs = inputScaling === 'columns' ? standardizer(x.data, n, p) : unscaled(p);
  const ys = head === 'mse' ? standardizer(y, n, 1) : null;
  const [yMean, yScale] = [ys?.mean[0] ?? 0, ys?.scale[0] ?? 1];
  const inputs = new Float32Array(n * p);
  standardizeInto(x, xs, inputs);
  const targets = Float32Array.from(y, (v) => (v - yMean) / yScale);
  const { onEpoch } = settings;
  const trained = await trainNetwork(
    network,
    inputs,
    targets,
    n,
    initParams(shape, 1, init).flat,
    { ...settings, onEpoch: onEpoch && ((epoch, loss) => onEpoch(epoch, loss * yScale ** 2)) },
    shuffle,
  );
  const loss = trained.loss * yScale ** 2;
  const scores = async (test: Matrix): Promise<Float32Array> => {
    const standardized = new Float32Array(test.rows * p);
    standardizeInto(test, xs, standardized);
    return networkOutputs(network, trained.params, standardized, test.rows);
  };
  if (head !== 'softmax') {
    const single = async (test: Matrix) => Float64Array.from(await scores(test));
    return mlpModel(task, p, loss, trained.params, single, yMean, yScale);
  }
  const classes = net.classes!;
  const diverged = !Number.isFinite(loss) || !trained.params.every(Number.isFinite);
  return {
    loss,
    async predict(test) {
      if (diverged) throw new FitError('mlp: training diverged (non-finite loss or weights); lower lr');
      if (test.cols !== p) throw new FitError(`mlp: test rows have ${test.cols} features, training ${p}`);
      return argmaxRows(await scores(test), test.rows, classes);
    },
  };
}
