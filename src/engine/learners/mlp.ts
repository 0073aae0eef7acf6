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
import type { MlpModel } from './mlp-model';
import type { FittedModel, Learner } from './types';

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
 * The learner: fit checks the data at once (FitError), trains one network (a batch of one, seeded by
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
  /** A batch pays on a GPU (fewer kernel launches) and on the kernel; tfjs-wasm's B single nets are faster. */
  const batchPays = (): boolean => isGpuBackend(tensorBackend()) || !kernelMissing;
  checkSettings(settings);
  const id = `mlp:width=${width},depth=${depth},epochs=${epochs},lr=${lr}`;
  const fitOne = (x: Matrix, y: Float64Array, chosen: MlpSettings): FittedModel => {
    checkDatasets([{ x, y }], task);
    const rand = mlpInitStream(id, x, y);
    const training = trainer()
      .then(({ train }) => train([{ x, y }], chosen, task, [rand]))
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
     * Several datasets of one size: one kernel call per step for all of them (the kernel computes each network
     * alone, so batched and single fits give the same bits), or one batched tensor program on WebGL (fewer
     * kernel launches; the same nets to float32 rounding); tfjs on WASM or CPU fits one network after another
     * (its batched matMul is slower than B single ones). Each network keeps the seed it would get alone.
     */
    batchPays,
    async fitBatch(datasets: readonly Dataset[]): Promise<FittedModel[]> {
      if (!batchPays()) return datasets.map((d) => this.fit(d.x, d.y));
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
