import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { planFromScenario } from '../scenario/labs/index';
import { drawReplicate } from './draw';
import { runExperiment, type TrainingEvent } from './run';

const quick = (s: Partial<Scenario>) =>
  planFromScenario({ ...defaultScenario(), nTest: 1000, replicates: 3, ...s });

describe('the replicate runner', () => {
  it('gives every replicate its own samples, and replicate 1 the version-1 streams', () => {
    const plan = quick({});
    const [a, b] = [drawReplicate(plan, 0), drawReplicate(plan, 1)];
    expect(Array.from(a.real.y.subarray(0, 5))).not.toEqual(Array.from(b.real.y.subarray(0, 5)));
    expect(a.syntheticTest).toBe(a.test);
  });

  for (const generator of ['gaussian', 'gmm', 'smote'] as const) {
    for (const task of ['regression', 'classification'] as const) {
      it(`two-stage mode: a ${generator} generator fitted on each real sample (${task})`, async () => {
        const models = task === 'regression' ? 'ols;knn:k=5' : 'logistic:C=1;knn:k=5';
        const plan = quick({ generator, task, models, eta: 'linear' });
        const { summary, fidelity } = await runExperiment(plan);
        expect(summary.completed).toBe(3);
        for (const m of summary.models) {
          expect(m.fitted).toBe(3);
          expect(Number.isFinite(m.tstr!.mean)).toBe(true);
        }
        expect(fidelity!.responseError).toBeNull();
        expect(fidelity!.c2stAuc).not.toBeNull();
      });
    }
  }

  it('TSTS: synthetic-trained models scored on a synthetic hold-out of the same fitted generator', () => {
    const plan = quick({ generator: 'gmm', tstrOn: 'synthetic' });
    const { synthetic, syntheticTest, test } = drawReplicate(plan, 0);
    expect(synthetic.x.rows).toBe(200);
    expect(syntheticTest.x.rows).toBe(1000);
    expect(syntheticTest).not.toBe(test);
  });

  it('a fitted Gaussian cannot follow a curved η: OLS loses nothing, the cubic loses its advantage', async () => {
    const plan = quick({
      generator: 'gaussian',
      eta: 'quadratic',
      models: 'ols;poly:degree=3',
      n: 1000,
      m: 1000,
      replicates: 5,
    });
    const [ols, cubic] = (await runExperiment(plan)).summary.models;
    // The Gaussian fit keeps the best linear fit: OLS's TSTR ≈ TRTR; the cubic trained on it is no better than OLS.
    expect(Math.abs(ols!.gap!.mean)).toBeLessThan(0.1);
    expect(cubic!.tstr!.mean).toBeGreaterThan(cubic!.trtr!.mean + 0.3);
  });
});

describe('training curves in the runner', () => {
  it('reports replicate 0`s MLP losses on both samples, and no other replicate`s', async () => {
    const plan = quick({ models: 'ols;mlp:width=4,depth=1,epochs=20,lr=0.05', replicates: 3 });
    const events: TrainingEvent[] = [];
    const completedAt: number[] = [];
    const { summary } = await runExperiment(plan, {
      fidelity: false,
      onTraining: (event, sofar) => {
        events.push(event);
        completedAt.push(sofar.completed);
      },
    });
    expect(summary.completed).toBe(3);
    expect(new Set(events.map((e) => e.model))).toEqual(new Set([1]));
    const epochs = (sample: string) => events.filter((e) => e.sample === sample).map((e) => e.epoch);
    const expected = Array.from({ length: 21 }, (_, i) => i);
    expect(epochs('real')).toEqual(expected);
    expect(epochs('synthetic')).toEqual(expected);
    expect(completedAt.every((c) => c === 0)).toBe(true);
    // The real and synthetic nets train side by side: their readings interleave.
    expect(events.slice(0, 4).map((e) => e.sample)).toContain('synthetic');
  });
});

describe('a run that is no longer wanted', () => {
  it('yields between fits, so a cancel sent as a message (a timer here) stops it long before its end', async () => {
    let cancelled = false;
    let completed = 0;
    setTimeout(() => (cancelled = true), 0);
    const run = runExperiment(quick({ replicates: 200, models: 'ols;poly:degree=3;knn:k=5' }), {
      isCancelled: () => cancelled,
      onReplicate: () => completed++,
    });
    await expect(run).rejects.toThrow(/cancel/i);
    // Without the yields the timer fires only after all 200 replicates, and the run ends normally.
    expect(completed).toBeLessThan(10);
  });
});
