/**
 * Multilayer perceptron learner `mlp:width=W,depth=D,epochs=E,lr=L,batch=B`: D ReLU layers of W units, f = h_D W + c;
 * regression min mean (f - y)^2, classification on labels 0/1 min mean log-loss with P(y = 1 | x) = sigmoid(f),
 * on class numbers 0..k-1 (digits) min mean cross-entropy of k softmax outputs; by Adam, full-batch (B = 0) or on
 * shuffled minibatches of B rows.
 */
import { isGpuBackend } from '../backend';
import type { Matrix } from '../matrix';
import type { RandomStream } from '../rng';
import { tensorBackend, tensorsReady } from '../tensorBackend';
import type { BatchLearner, Dataset } from './batch';
import type { Task } from '../task';
import { checkDatasets, checkSettings, type MlpSettings } from './mlp-checks';
import { classLabels } from './classes';
import type { MlpModel } from './mlp-model';
import type { InputScaling } from './mlp-params';
import { dataStream } from './seeds';
import { FitError, type FittedModel, type Learner } from './types';

export { checkDatasets, type MlpDataset, type MlpSettings } from './mlp-checks';

/** Trains one network per dataset (one n and p), network b from streams[b]'s initial weights. */
type Train = (
  datasets: readonly Dataset[],
  settings: MlpSettings,
  task: Task,
  streams: readonly RandomStream[],
) => Promise<MlpModel[]>;

interface Trainer {
  readonly train: Train;
  /** Whether one call for a batch of networks beats one call per network. */
  readonly batched: boolean;
}

let kernelLoad: Promise<Train | null> | null = null;
/** False once the kernel failed to load here (no WebAssembly SIMD): tfjs trains instead. */
let kernelMissing = false;

/** The dense WebAssembly kernel's training (mlp-kernel.ts), loaded once; null where it cannot run. */
function kernelTrain(): Promise<Train | null> {
  kernelLoad ??= (async (): Promise<Train | null> => {
    const [{ denseKernel }, { fitMlpKernel }] = await Promise.all([
      import('../kernels/dense'),
      import('./mlp-kernel'),
    ]);
    const kernel = await denseKernel();
    return kernel
      ? (datasets, settings, task, streams) => fitMlpKernel(kernel, datasets, settings, task, streams)
      : null;
  })()
    .catch(() => null)
    .then((train) => {
      kernelMissing = train === null;
      return train;
    });
  return kernelLoad;
}

/**
 * What trains the networks, loaded when the first one trains (a page without an MLP fetches neither): the dense
 * WebAssembly kernel wherever the engine's tensor backend is not a GPU (it needs no tfjs, so nothing waits for
 * tfjs to start), tfjs's batched tensor program on WebGPU and WebGL, and where the kernel cannot run (the engine's backend
 * is started first where the page's engine registered one).
 */
async function trainer(): Promise<Trainer> {
  const gpu = isGpuBackend(tensorBackend());
  if (!gpu) {
    const train = await kernelTrain();
    if (train) return { train, batched: true };
  }
  await tensorsReady();
  return { train: (await import('./mlp-train')).fitMlpBatch, batched: gpu };
}

/**
 * The initial-weight stream of a model fitted to (x, y): seeded by a hash of n, p and every bit of x and y, labelled
 * with the model id (seeds.ts). The Learner interface carries no seed, so this makes the same data (and id) give the
 * same network every time, while the scenario's seed still reaches the net through the data it drew.
 */
export function mlpInitStream(id: string, x: Matrix, y: Float64Array): RandomStream {
  return dataStream(`mlp-init|${id}`, x, y);
}

/** "MLP 2×32": hidden layers × units, and the minibatch when there is one (as catalog.ts's specLabel). */
export function mlpLabel(width: number, depth: number, batch = 0): string {
  return `MLP ${depth}×${width}${batch ? ` (batch ${batch})` : ''}`;
}

/** Points a training curve aims for: onEpoch every ceil(epochs / TRACE_POINTS) epochs (51 points for 200). */
export const TRACE_POINTS = 50;

/** Epochs between two points of a training curve of `epochs` epochs. */
export function traceEvery(epochs: number): number {
  return Math.max(1, Math.ceil(epochs / TRACE_POINTS));
}

/**
 * A learner that can report its training loss while it fits (the MLP, the CNN): `onEpoch(epoch, loss)` after epoch 0
 * (the initial net), every traceEvery(epochs) epochs and after the last one; regression: MSE in the units of y,
 * classification: mean log-loss (cross-entropy for classes beyond 0/1). The fitted model is the one `fit` gives
 * (tracing reads the losses the training steps compute anyway, or, for minibatch training, a forward pass over
 * all rows at each point), so traced and untraced fits predict the same.
 */
export interface TracedLearner extends Learner {
  fitTraced(x: Matrix, y: Float64Array, onEpoch: (epoch: number, loss: number) => void): FittedModel;
}

export function isTracedLearner(learner: Learner): learner is TracedLearner {
  return typeof (learner as Partial<TracedLearner>).fitTraced === 'function';
}

/**
 * The learner: fit checks the data at once (FitError), trains one network (a batch of one, seeded by
 * mlpInitStream) and its predictions wait for the training; a training failure surfaces as predict's rejection.
 * Labels beyond 0/1 (class numbers) train the softmax network, and batch > 0 any network, by minibatch Adam on
 * tfjs (mlp-minibatch.ts), its shuffles seeded from the data too; batch 0 on labels 0/1 or a regression keeps the
 * full-batch routes above.
 */
export function mlp(
  width: number,
  depth: number,
  epochs: number,
  lr: number,
  task: Task = 'regression',
  batch = 0,
  inputScaling: InputScaling = 'columns',
): BatchLearner & TracedLearner {
  const settings: MlpSettings = { width, depth, epochs, lr };
  /** A batch pays on a GPU (fewer kernel launches) and on the kernel; tfjs-wasm's B single nets are faster. */
  const batchPays = (): boolean => batch === 0 && (isGpuBackend(tensorBackend()) || !kernelMissing);
  checkSettings(settings);
  if (!(Number.isInteger(batch) && batch >= 0)) {
    throw new FitError(`mlp: batch must be a whole number >= 0, got ${batch}`);
  }
  // batch 0 is left out of the id, so the links and seeds of full-batch MLPs stay what they were.
  const id = `mlp:width=${width},depth=${depth},epochs=${epochs},lr=${lr}${batch > 0 ? `,batch=${batch}` : ''}`;
  /** Minibatch Adam on tfjs: `classes` outputs (softmax) for multi-class labels, else the task's one output. */
  const fitMinibatch = async (
    x: Matrix,
    y: Float64Array,
    classes: number | undefined,
    onEpoch?: (epoch: number, loss: number) => void,
  ): Promise<MlpModel> => {
    await tensorsReady();
    const { fitMlpMinibatch } = await import('./mlp-minibatch');
    const traced = onEpoch ? { onEpoch, every: traceEvery(epochs) } : {};
    const net = classes === undefined ? { width, depth } : { width, depth, classes };
    const shuffle = dataStream(`mlp-shuffle|${id}`, x, y);
    return fitMlpMinibatch(
      x,
      y,
      net,
      task,
      { epochs, lr, batch, ...traced },
      mlpInitStream(id, x, y),
      shuffle,
      inputScaling,
    );
  };
  const fitOne = (
    x: Matrix,
    y: Float64Array,
    onEpoch?: (epoch: number, loss: number) => void,
  ): FittedModel => {
    checkDatasets([{ x, y }], task, true);
    const labels = task === 'classification' ? classLabels(y, 'mlp') : null;
    const multi = labels !== null && !labels.binary;
    const chosen: MlpSettings = onEpoch
      ? { ...settings, every: traceEvery(epochs), onEpoch: (epoch, losses) => onEpoch(epoch, losses[0]!) }
      : settings;
    const training =
      multi || batch > 0
        ? fitMinibatch(x, y, multi ? labels.count : undefined, onEpoch)
        : trainer()
            .then(({ train }) => train([{ x, y }], chosen, task, [mlpInitStream(id, x, y)]))
            .then((m) => m[0]!);
    // A failure is reported by predict; do not let an unread one become an unhandled rejection.
    training.catch(() => undefined);
    const fitted: FittedModel = { predict: async (test) => (await training).predict(test) };
    if (task === 'classification' && !multi) {
      fitted.predictProba = async (test) => (await training).predictProba!(test);
    }
    return fitted;
  };
  return {
    id,
    label: mlpLabel(width, depth, batch),
    fit(x: Matrix, y: Float64Array): FittedModel {
      return fitOne(x, y);
    },
    fitTraced(x, y, onEpoch) {
      return fitOne(x, y, onEpoch);
    },
    /**
     * Several datasets of one size: one kernel call per step for all of them (the kernel computes each network
     * alone, so batched and single fits give the same bits), or one batched tensor program on WebGL (fewer
     * kernel launches; the same nets to float32 rounding); tfjs on WASM or CPU fits one network after another
     * (its batched matMul is slower than B single ones), as do minibatch and multi-class networks. Each network
     * keeps the seed it would get alone.
     */
    batchPays,
    async fitBatch(datasets: readonly Dataset[]): Promise<FittedModel[]> {
      const binary = (y: Float64Array): boolean => y.every((v) => v === 0 || v === 1);
      const multi = task === 'classification' && !datasets.every((d) => binary(d.y));
      if (!batchPays() || multi) return datasets.map((d) => this.fit(d.x, d.y));
      checkDatasets(datasets, task);
      const { train, batched } = await trainer();
      if (!batched) return datasets.map((d) => this.fit(d.x, d.y));
      const streams = datasets.map((d) => mlpInitStream(id, d.x, d.y));
      const models = await train(datasets, settings, task, streams);
      return models.map((model) =>
        task === 'classification'
          ? { predict: (t: Matrix) => model.predict(t), predictProba: (t: Matrix) => model.predictProba!(t) }
          : { predict: (t: Matrix) => model.predict(t) },
      );
    },
  };
}
