/**
 * The engine's message API as the page uses it (here on this thread, as the main-thread fallback does): partial
 * results carry the first replicate's picture once, then point back to it.
 */
import { describe, expect, it } from 'vitest';
import { planFromScenario } from '../scenario/labs/index';
import { defaultScenario } from '../scenario/schema';
import { createEngineApi, type ProgressMessage } from './engineApi';

describe('engine API', () => {
  it('sends the picture once per run and says "same picture" after, the final result whole', async () => {
    const api = createEngineApi('main');
    const backend = await api.init('cpu');
    expect(backend).toMatchObject({ active: 'cpu', started: false }); // no model here needs tensors
    const messages: ProgressMessage[] = [];
    const result = await api.run(
      planFromScenario({
        ...defaultScenario(),
        p: 2,
        eta: 'quadratic',
        n: 60,
        m: 60,
        nTest: 1000,
        replicates: 4,
        models: 'ols;knn:k=3',
      }),
      (m) => messages.push(m),
    );
    // Replicate 1's first model's numbers come first, before its picture.
    const [early, ...replicates] = messages;
    expect(early).toMatchObject({ visual: null, summary: { completed: 0 } });
    // One model out (the cost model's cheaper one), the other still fitting.
    expect(early!.summary.models.map((m) => m.pending === true).sort()).toEqual([false, true]);
    expect(replicates.length).toBeGreaterThanOrEqual(2);
    const [first, ...later] = replicates;
    expect(first!.visual?.surface).not.toBeNull();
    expect(first!.sameVisual).toBeUndefined();
    for (const m of later) expect(m).toMatchObject({ visual: null, sameVisual: true });
    expect(result!.visual).toEqual(first!.visual);
    expect(api.stats().backend?.started).toBe(false);
  });
});
