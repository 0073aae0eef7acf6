/**
 * The CNN learner `cnn:filters=F,epochs=E,lr=L,batch=B` (classification of 28 x 28 images, 784 features per
 * row): a LeNet-like network (cnn-net.ts: two 5x5 convolutions of F and 2F filters, each with ReLU and 2x2 max
 * pooling, a dense ReLU layer and k softmax outputs for the classes 0..max label) minimizing the mean
 * cross-entropy by Adam on shuffled minibatches of B rows for E epochs. Its initial weights and shuffles are
 * seeded from the data (seeds.ts), so a fit is deterministic on a backend. It runs on tfjs (started when the first
 * CNN trains); fit checks the data at once and the predictions wait for the training, as the MLP's do.
 */
import type { Matrix } from '../matrix';
import { tensorsReady } from '../tensorBackend';
import { argmaxRows, classLabels } from './classes';
import { traceEvery, type TracedLearner } from './mlp';
import { dataStream } from './seeds';
import { FitError, type FittedModel } from './types';

/** Pixels per image: 28 x 28. */
export const CNN_PIXELS = 784;

export function cnn(filters = 8, epochs = 5, lr = 0.005, batch = 64): TracedLearner {
  const whole = (v: number, min: number): boolean => Number.isInteger(v) && v >= min;
  if (!whole(filters, 1)) throw new FitError(`cnn: filters must be a whole number >= 1, got ${filters}`);
  if (!whole(epochs, 1)) throw new FitError(`cnn: epochs must be a whole number >= 1, got ${epochs}`);
  if (!whole(batch, 1)) throw new FitError(`cnn: batch must be a whole number >= 1, got ${batch}`);
  if (!(Number.isFinite(lr) && lr > 0)) throw new FitError(`cnn: lr must be > 0, got ${lr}`);
  const id = `cnn:filters=${filters},epochs=${epochs},lr=${lr},batch=${batch}`;

  const fitOne = (
    x: Matrix,
    y: Float64Array,
    onEpoch?: (epoch: number, loss: number) => void,
  ): FittedModel => {
    const { rows: n, cols: p } = x;
    if (p !== CNN_PIXELS) {
      throw new FitError(`cnn: needs 28 x 28 images, ${CNN_PIXELS} features per row; these rows have ${p}`);
    }
    if (y.length !== n) throw new FitError(`cnn: ${n} images but ${y.length} labels`);
    if (n < 2) throw new FitError(`cnn: needs at least 2 training images, got ${n}`);
    if (!x.data.every(Number.isFinite)) throw new FitError('cnn: a pixel value is not finite');
    // Two outputs at least: one class only trains a net that predicts it.
    const classes = Math.max(2, classLabels(y, 'cnn').count);
    const training = (async () => {
      await tensorsReady();
      const { fitCnnNetwork } = await import('./cnn-net');
      const traced = onEpoch ? { onEpoch, every: traceEvery(epochs) } : {};
      const [init, shuffle] = [dataStream(`cnn-init|${id}`, x, y), dataStream(`cnn-shuffle|${id}`, x, y)];
      return fitCnnNetwork(x.data, y, n, filters, classes, { epochs, lr, batch, ...traced }, init, shuffle);
    })();
    // A failure is reported by predict; do not let an unread one become an unhandled rejection.
    training.catch(() => undefined);
    const outputs = async (test: Matrix): Promise<Float32Array> => {
      const trained = await training;
      if (!Number.isFinite(trained.loss) || !trained.params.every(Number.isFinite)) {
        throw new FitError('cnn: training diverged (non-finite loss or weights); lower lr');
      }
      if (test.cols !== CNN_PIXELS)
        throw new FitError(`cnn: test rows have ${test.cols} features, not ${CNN_PIXELS}`);
      return trained.outputs(test.data, test.rows);
    };
    const model: FittedModel = {
      predict: async (test) => argmaxRows(await outputs(test), test.rows, classes),
    };
    if (classes > 2) return model;
    // Labels 0/1: P(y = 1 | x) = softmax(f)_1 = sigmoid(f_1 - f_0).
    return {
      ...model,
      async predictProba(test) {
        const f = await outputs(test);
        return Float64Array.from(
          { length: test.rows },
          (_, i) => 1 / (1 + Math.exp(f[2 * i]! - f[2 * i + 1]!)),
        );
      },
    };
  };

  return {
    id,
    label: `CNN (${filters} filters)`,
    fit: (x, y) => fitOne(x, y),
    fitTraced: (x, y, onEpoch) => fitOne(x, y, onEpoch),
  };
}
