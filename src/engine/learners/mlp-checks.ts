/**
 * The MLP's settings and what data it can train on, checked before any tensor code loads (mlp.ts's fit throws
 * FitError at once; the training itself, mlp-train.ts, loads with tfjs when the first net trains).
 */
import type { Matrix } from '../matrix';
import type { Task } from '../task';
import { classLabels } from './classes';
import { FitError } from './types';

export interface MlpSettings {
  /** Units per hidden layer. */
  readonly width: number;
  /** Hidden layers. */
  readonly depth: number;
  /** Full-batch Adam steps. */
  readonly epochs: number;
  /** Adam's learning rate. */
  readonly lr: number;
  /**
   * Training curves: called with each network's training loss after epochs 0 (the initial nets), `every`,
   * 2 `every`, ... and after the last epoch; regression: MSE in the units of y, classification: mean log-loss.
   * The losses of all networks come back in one read per call.
   */
  readonly onEpoch?: (epoch: number, losses: Float32Array) => void;
  /** Epochs between onEpoch calls (default 10). */
  readonly every?: number;
}

export interface MlpDataset {
  readonly x: Matrix;
  readonly y: Float64Array;
}

function isWhole(v: number, min: number): boolean {
  return Number.isInteger(v) && v >= min;
}

/** Throws FitError for settings no network can be trained with. */
export function checkSettings(s: MlpSettings): void {
  const every = s.every ?? 10;
  if (!isWhole(s.width, 1)) throw new FitError(`mlp: width must be a whole number >= 1, got ${s.width}`);
  if (!isWhole(s.depth, 1)) throw new FitError(`mlp: depth must be a whole number >= 1, got ${s.depth}`);
  if (!isWhole(s.epochs, 1)) throw new FitError(`mlp: epochs must be a whole number >= 1, got ${s.epochs}`);
  if (!(Number.isFinite(s.lr) && s.lr > 0)) throw new FitError(`mlp: lr must be > 0, got ${s.lr}`);
  if (!isWhole(every, 1)) throw new FitError(`mlp: every must be a whole number >= 1, got ${every}`);
}

/**
 * Throws FitError for data a batch cannot train on: every dataset needs the same n >= 2 and p >= 1, and labels 0/1
 * for classification, or any class numbers 0, 1, 2, ... with `classes` (the softmax network, mlp-minibatch.ts).
 */
export function checkDatasets(datasets: readonly MlpDataset[], task: Task, classes = false): void {
  if (datasets.length === 0) throw new FitError('mlp: no dataset to fit');
  const { rows: n, cols: p } = datasets[0]!.x;
  for (const [b, { x, y }] of datasets.entries()) {
    const which = datasets.length > 1 ? ` (dataset ${b})` : '';
    if (x.rows !== n || x.cols !== p) {
      throw new FitError(
        `mlp: a batch needs equal shapes, dataset ${b} is ${x.rows} x ${x.cols}, not ${n} x ${p}`,
      );
    }
    if (y.length !== n) throw new FitError(`mlp: ${n} feature rows but ${y.length} responses${which}`);
    if (n < 2) throw new FitError(`mlp: needs at least 2 training points, got ${n}${which}`);
    if (p < 1) throw new FitError(`mlp: needs at least 1 feature${which}`);
    if (!x.data.every(Number.isFinite)) throw new FitError(`mlp: a feature value is not finite${which}`);
    if (task === 'classification' && classes) classLabels(y, `mlp${which}`);
    else if (task === 'classification') {
      const bad = y.find((v) => v !== 0 && v !== 1);
      if (bad !== undefined) throw new FitError(`mlp: labels must be 0 or 1, got ${bad}${which}`);
    } else if (!y.every(Number.isFinite)) throw new FitError(`mlp: a response is not finite${which}`);
  }
}
