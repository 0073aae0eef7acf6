/**
 * Multilayer perceptron learner `mlp:width=W,depth=D,epochs=E,lr=L`: D ReLU layers of W units, f = h_D w + c;
 * regression min mean (f - y)^2, classification min mean log-loss with P(y = 1 | x) = sigmoid(f), by full-batch Adam.
 */
import { isGpuBackend } from '../backend';
import type { Matrix } from '../matrix';
import { mix32, RandomStream } from '../rng';
import { tensorBackend, tensorsReady } from '../tensorBackend';
import type { BatchLearner, Dataset } from './batch';
import type { Task } from '../task';
import { checkDatasets, checkSettings, type MlpSettings } from './mlp-checks';
import type { fitMlpBatch as FitMlpBatch } from './mlp-train';
import type { FittedModel, Learner } from './types';

export { checkDatasets, type MlpDataset, type MlpSettings } from './mlp-checks';

/**
 * The tensor code (tfjs and the training program), loaded when the first network trains: a page without an MLP
 * never fetches it. The engine's backend is started first where the page's engine registered one.
 */
async function trainer(): Promise<typeof FitMlpBatch> {
  await tensorsReady();
  return (await import('./mlp-train')).fitMlpBatch;
}

/**
 * The initial-weight stream of a model fitted to (x, y): seeded by a hash of n, p and every bit of x and y, labelled
 * with the model id. The Learner interface carries no seed, so this makes the same data (and id) give the same
 * network every time, while the scenario's seed still reaches the net through the data it drew.
 */
export function mlpInitStream(id: string, x: Matrix, y: Float64Array): RandomStream {
  let h = mix32(x.rows ^ mix32(x.cols + 0x9e3779b9));
  const fold = (values: Float64Array): void => {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
    h = mix32(h);
  };
  fold(x.data);
  fold(y);
  return new RandomStream(h, `mlp-init|${id}`);
}

/** "MLP 2×32": hidden layers × units (as catalog.ts's specLabel). */
export function mlpLabel(width: number, depth: number): string {
  return `MLP ${depth}×${width}`;
}

/** Points a training curve aims for: onEpoch every ceil(epochs / TRACE_POINTS) epochs (51 points for 200). */
export const TRACE_POINTS = 50;

/** Epochs between two points of a training curve of `epochs` epochs. */
export function traceEvery(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / TRACE_POINTS));
}

/**
 * A learner that can report its training loss while it fits (the MLP): `onEpoch(epoch, loss)` after epoch 0 (the
 * initial net), every traceEvery(epochs) epochs and after the last one; regression: MSE in the units of y,
 * classification: mean log-loss. The fitted model is the one `fit` gives (tracing reads the losses the training
 * steps compute anyway), so traced and untraced fits predict the same.
 */
export interface TracedLearner extends Learner {
  fitTraced(x: Matrix, y: Float64Array, onEpoch: (epoch: number, loss: number) => void): FittedModel;
}

export function isTracedLearner(learner: Learner): learner is TracedLearner {
  return typeof (learner as Partial<TracedLearner>).fitTraced === 'function';
}

/**
 * The learner: fit checks the data at once (FitError), trains one network (fitMlpBatch with B = 1, seeded by
 * mlpInitStream) and its predictions wait for the training; a training failure surfaces as predict's rejection.
 */
export function mlp(
  width: number,
  depth: number,
  epochs: number,
  lr: number,
  task: Task = 'regression',
): BatchLearner & TracedLearner {
  const settings: MlpSettings = { width, depth, epochs, lr };
  /** One batched program pays on a GPU (fewer kernel launches); on WASM B single nets are faster. */
  const batchPays = (): boolean => isGpuBackend(tensorBackend());
  checkSettings(settings);
  const id = `mlp:width=${width},depth=${depth},epochs=${epochs},lr=${lr}`;
  const fitOne = (x: Matrix, y: Float64Array, chosen: MlpSettings): FittedModel => {
    checkDatasets([{ x, y }], task);
    const rand = mlpInitStream(id, x, y);
    const training = trainer()
      .then((fit) => fit([{ x, y }], chosen, task, rand))
      .then((m) => m[0]!);
    // A failure is reported by predict; do not let an unread one become an unhandled rejection.
    training.catch(() => undefined);
    const fitted: FittedModel = { predict: async (test) => (await training).predict(test) };
    if (task === 'classification') {
      fitted.predictProba = async (test) => (await training).predictProba!(test);
    }
    return fitted;
  };
  return {
    id,
    label: mlpLabel(width, depth),
    fit(x: Matrix, y: Float64Array): FittedModel {
      return fitOne(x, y, settings);
    },
    fitTraced(x, y, onEpoch) {
      return fitOne(x, y, {
        ...settings,
        every: traceEvery(epochs),
        onEpoch: (epoch, losses) => onEpoch(epoch, losses[0]!),
      });
    },
    /**
     * Several datasets of one size: one batched tensor program on WebGL (fewer kernel launches); elsewhere one
     * network after another (tfjs-wasm's batched matMul is slower than B single ones). Each network keeps the
     * seed it would get alone, so batched and single fits give the same nets.
     */
    batchPays,
    async fitBatch(datasets: readonly Dataset[]): Promise<FittedModel[]> {
      if (!batchPays()) return datasets.map((d) => this.fit(d.x, d.y));
      checkDatasets(datasets, task);
      const streams = datasets.map((d) => mlpInitStream(id, d.x, d.y));
      const models = await (await trainer())(datasets, settings, task, streams);
      return models.map((model) =>
        task === 'classification'
          ? { predict: (t: Matrix) => model.predict(t), predictProba: (t: Matrix) => model.predictProba!(t) }
          : { predict: (t: Matrix) => model.predict(t) },
      );
    },
  };
}
