/** The MLP's traced fit: the training curve of one network, and the same network as an untraced fit. */
import { describe, expect, it } from 'vitest';
import { column } from '../matrix';
import { stream } from '../rng';
import { isTracedLearner, mlp, TRACE_POINTS, traceEvery } from './mlp';
import { parseModelSpec } from './spec';

describe('MLP training curves (fitTraced)', () => {
  it('reads the loss every ceil(epochs / 50) epochs, and the fit predicts as an untraced one', async () => {
    const rand = stream(3, 'trace');
    const x = column(Float64Array.from({ length: 60 }, () => 4 * rand.uniform() - 2));
    const y = x.data.map((v) => v * v);
    const learner = mlp(8, 2, 120, 0.03);
    const seen: [number, number][] = [];
    const traced = learner.fitTraced(x, y, (epoch, loss) => seen.push([epoch, loss]));
    const plain = learner.fit(x, y);
    expect(Array.from(await traced.predict(x))).toEqual(Array.from(await plain.predict(x)));
    const every = traceEvery(120);
    expect(every).toBe(3);
    expect(seen.map(([e]) => e)).toEqual(Array.from({ length: 41 }, (_, i) => i * every));
    expect(seen.at(-1)![1]).toBeLessThan(seen[0]![1] / 2);
  });

  it('aims at about TRACE_POINTS points whatever the epochs', () => {
    for (const epochs of [1, 7, 50, 200, 999, 5000]) {
      const points = Math.floor(epochs / traceEvery(epochs)) + 1;
      expect(points).toBeLessThanOrEqual(TRACE_POINTS + 2);
      expect(points).toBeGreaterThanOrEqual(Math.min(epochs + 1, TRACE_POINTS / 2));
    }
  });

  it('only the MLP traces', () => {
    expect(isTracedLearner(parseModelSpec('mlp'))).toBe(true);
    expect(isTracedLearner(parseModelSpec('ols'))).toBe(false);
    expect(isTracedLearner(parseModelSpec('knn:k=3', 'classification'))).toBe(false);
  });
});
