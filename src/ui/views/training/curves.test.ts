import { describe, expect, it } from 'vitest';
import type { TrainingCurve } from '../../../engine/results';
import { isComplete, isMlpSpec, lineKey, mergeRows, progressOf, withMlp, yScaleOf } from './curves';

const curve = (epochs: number, real: number[], synthetic: number[], every = 10): TrainingCurve => ({
  id: 'mlp',
  label: 'MLP 1×8',
  epochs,
  real: real.map((loss, i) => ({ epoch: i * every, loss })),
  synthetic: synthetic.map((loss, i) => ({ epoch: i * every, loss })),
});

describe('training curves for the chart', () => {
  it('merges curves into one row per epoch, skipping non-finite losses', () => {
    const rows = mergeRows([curve(20, [4, 2, 1], [5, NaN]), curve(20, [3], [3, 2, 1, 0.5], 5)]);
    expect(rows.map((r) => r.epoch)).toEqual([0, 5, 10, 15, 20]);
    expect(rows[0]).toEqual({
      epoch: 0,
      [lineKey(0, 'real')]: 4,
      [lineKey(0, 'synthetic')]: 5,
      'c1-real': 3,
      'c1-synthetic': 3,
    });
    expect(rows[2]![lineKey(0, 'synthetic')]).toBeUndefined();
  });

  it('uses a log scale only for losses spanning more than a factor of 30', () => {
    expect(yScaleOf([0.7, 0.3]).log).toBe(false);
    expect(yScaleOf([0.7, 0.3]).domain[0]).toBe(0);
    const wide = yScaleOf([16, 0.25, 0.9]);
    expect(wide.log).toBe(true);
    expect(wide.domain).toEqual([0.2, 20]);
    expect(wide.ticks).toEqual([0.2, 0.5, 1, 2, 5, 10, 20]);
    const wider = yScaleOf([1200, 0.03]);
    expect(wider.domain).toEqual([0.02, 2000]);
    expect(wider.ticks).toEqual([0.02, 0.1, 1, 10, 100, 1000, 2000]);
    expect(yScaleOf([]).log).toBe(false);
  });

  it('knows how far training has come', () => {
    const c = curve(20, [4, 2, 1], [5, 3]);
    expect(progressOf(c)).toBe(10);
    expect(isComplete(c)).toBe(false);
    expect(isComplete(curve(20, [4, 2, 1], [5, 3, 2]))).toBe(true);
  });

  it('adds an MLP to the model list, at most 8 models', () => {
    expect(withMlp(['ols', 'knn:k=10'])).toBe('ols;knn:k=10;mlp:width=16,depth=2,epochs=200,lr=0.01');
    expect(withMlp(Array.from({ length: 8 }, () => 'ols'))).toBeNull();
    expect(isMlpSpec('mlp')).toBe(true);
    expect(isMlpSpec('MLP:width=4')).toBe(true);
    expect(isMlpSpec('mlpx')).toBe(false);
    expect(isMlpSpec('ols')).toBe(false);
  });
});
