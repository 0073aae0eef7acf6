import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { simulatedPlan as planFromScenario } from '../scenario/labs/simulated/lab';
import { parseModelSpec } from './learners/spec';
import { traceEvery } from './learners/mlp';
import { matrix } from './matrix';
import { conditionalMean } from './populations/population';
import type { SceneResult } from './results';
import { drawReplicate } from './draw';
import { runExperiment } from './run';
import { CURVE_POINTS, DISPLAY_POINTS, SURFACE_SIZE, runScene } from './scene';

const quick: Scenario = { ...defaultScenario(), replicates: 4, nTest: 2000 };

/** The scene of a scenario, paired with it as the page pairs them. */
async function sceneOf(scenario: Scenario, ...rest: Tail<Parameters<typeof runScene>>) {
  return { ...(await runScene(planFromScenario(scenario), ...rest)), scenario };
}

type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;

describe('the scene (replicates + a picture of replicate 1)', () => {
  it('fits OLS, cubic and kNN on real and synthetic data in every replicate and summarizes them', async () => {
    const partials: number[] = [];
    const result = await sceneOf(
      quick,
      () => false,
      (p) => partials.push(p.summary.completed),
    );
    // Replicate 1 streams its models as they finish (OLS, then the cubic), then every replicate.
    expect(partials).toEqual([0, 0, 1, 2, 3]);
    expect(result.done).toBe(true);
    expect(result.summary.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
    for (const model of result.summary.models) {
      expect(model.fitted).toBe(4);
      expect(model.utility!.value).toBeCloseTo(Math.abs(model.tstr!.mean - model.trtr!.mean), 12);
      expect(model.trtr!.hasInterval).toBe(true);
    }
    expect(result.visual!.grid).toHaveLength(161);
    expect(result.visual!.curves.every((c) => c.real!.length === 161)).toBe(true);
    expect(result.summary.ranking!.replicates).toBe(4);
  });

  it('is reproducible, and a synthetic-data change moves TSTR, never TRTR', async () => {
    const a = await sceneOf(quick);
    const again = await sceneOf(quick);
    const b = await sceneOf({ ...quick, shift: 1.5, bias: 0.3 });
    expect(again.summary).toEqual(a.summary);
    a.summary.models.forEach((model, i) => {
      expect(b.summary.models[i]!.trtr!.mean).toBe(model.trtr!.mean);
      expect(b.summary.models[i]!.tstr!.mean).not.toBe(model.tstr!.mean);
    });
  });

  it('draws only the points for p > 1 (no curves along one feature)', async () => {
    const result = await sceneOf({ ...quick, p: 3, replicates: 1 });
    expect(result.visual!.grid).toBeNull();
    expect(result.visual!.real.x).toHaveLength(200);
  });

  it('stops when cancelled', async () => {
    await expect(sceneOf(quick, () => true)).rejects.toThrow(/cancelled/);
  });
});

describe('the data picture for every p', () => {
  it('p = 1 is unchanged: curves along x1, no surface, points carry their one feature', async () => {
    const result = await sceneOf({ ...quick, replicates: 1 });
    const visual = result.visual!;
    expect(visual.surface).toBeNull();
    expect(visual.grid).toHaveLength(CURVE_POINTS);
    expect(visual.real.columns).toHaveLength(1);
    expect(visual.real.columns[0]).toEqual(visual.real.x);
    expect(result.training).toEqual([]);
  });

  it('p > 2: every feature of at most 300 points per sample, no grid', async () => {
    const result = await sceneOf({ ...quick, p: 3, n: 400, m: 500, replicates: 1 });
    const { real, synthetic, surface } = result.visual!;
    expect(surface).toBeNull();
    expect(real.columns).toHaveLength(3);
    expect(synthetic.columns).toHaveLength(3);
    for (const col of [...real.columns, ...synthetic.columns]) expect(col).toHaveLength(DISPLAY_POINTS);
    expect(real.total).toBe(400);
    const { real: drawn } = drawReplicate(
      planFromScenario({ ...quick, p: 3, n: 400, m: 500, replicates: 1 }),
      0,
    );
    expect(real.columns[2]![7]).toBe(drawn.x.data[7 * 3 + 2]);
  });

  it('p = 2 regression: a 48 x 48 grid of eta and of every fit, equal to predicting directly', async () => {
    const scenario: Scenario = { ...quick, p: 2, replicates: 2, shift: 1, models: 'ols;knn:k=5' };
    const result = await sceneOf(scenario);
    const surface = result.visual!.surface!;
    const cells = SURFACE_SIZE * SURFACE_SIZE;
    expect(surface.x1).toHaveLength(SURFACE_SIZE);
    expect(surface.x2).toHaveLength(SURFACE_SIZE);
    expect(surface.eta).toHaveLength(cells);
    expect(surface.etaSynthetic).toHaveLength(cells);
    expect(surface.models.map((m) => m.id)).toEqual(['ols', 'knn:k=5']);
    expect(result.visual!.grid).toBeNull();

    const plan = planFromScenario(result.scenario);
    const { real, synthetic } = drawReplicate(plan, 0);
    const rows = matrix(
      cells,
      2,
      Float64Array.from({ length: 2 * cells }, (_, k) =>
        k % 2 === 0 ? surface.x1[(k / 2) % SURFACE_SIZE]! : surface.x2[Math.floor(k / 2 / SURFACE_SIZE)]!,
      ),
    );
    for (const [i, spec] of ['ols', 'knn:k=5'].entries()) {
      const learner = parseModelSpec(spec, 'regression');
      const model = surface.models[i]!;
      expect(model.probability).toBe(false);
      expect(model.real).toEqual(Array.from(await learner.fit(real.x, real.y).predict(rows)));
      expect(model.synthetic).toEqual(Array.from(await learner.fit(synthetic.x, synthetic.y).predict(rows)));
    }
    // eta at a grid cell is the population's conditional mean there.
    const k = 17 * SURFACE_SIZE + 30;
    expect(surface.eta![k]).toBe(conditionalMean(plan.source.population, [surface.x1[30]!, surface.x2[17]!]));
    // The grid covers the points: both samples' x1 lie mostly inside it.
    const inside = result.visual!.real.x.filter((v) => v >= surface.x1[0]! && v <= surface.x1.at(-1)!);
    expect(inside.length).toBeGreaterThan(0.95 * result.visual!.real.x.length);
  });

  it('p = 2 classification: P(y = 1) where the model has it, labels where it has not', async () => {
    const scenario: Scenario = {
      ...defaultScenario(),
      task: 'classification',
      p: 2,
      replicates: 1,
      nTest: 1000,
      models: 'logistic:C=1;knn:k=5',
    };
    const result = await sceneOf(scenario);
    const surface = result.visual!.surface!;
    const [logit, knn] = surface.models;
    expect(logit!.probability).toBe(true);
    expect(knn!.probability).toBe(false);
    expect(logit!.real!.every((q) => q > 0 && q < 1)).toBe(true);
    expect(new Set(knn!.real)).toEqual(new Set([0, 1]));
    expect(surface.eta!.every((q) => q >= 0 && q <= 1)).toBe(true);
    const plan = planFromScenario(result.scenario);
    const { real } = drawReplicate(plan, 0);
    const row = matrix(1, 2, Float64Array.of(surface.x1[5]!, surface.x2[40]!));
    const direct = await parseModelSpec('logistic:C=1', 'classification').fit(real.x, real.y).predictProba!(
      row,
    );
    expect(logit!.real![40 * SURFACE_SIZE + 5]).toBe(direct[0]);
    // The true boundary P(y = 1) = 1/2 crosses the grid.
    expect(Math.min(...surface.eta!)).toBeLessThan(0.5);
    expect(Math.max(...surface.eta!)).toBeGreaterThan(0.5);
  });
});

describe('training curves of replicate 1`s MLPs', () => {
  const withMlp: Scenario = {
    ...quick,
    replicates: 2,
    models: 'ols;mlp:width=8,depth=1,epochs=60,lr=0.05',
  };

  it('stream while the nets train, grow, decrease overall, and leave the fits as they are', async () => {
    const partials: SceneResult[] = [];
    const result = await sceneOf(
      withMlp,
      () => false,
      (p) => partials.push(p),
      undefined,
      {
        trainingIntervalMs: 0,
      },
    );
    expect(result.training).toHaveLength(1);
    const curve = result.training![0]!;
    expect(curve.id).toBe('mlp:width=8,depth=1,epochs=60,lr=0.05');
    expect(curve.label).toBe('MLP 1×8');
    expect(curve.epochs).toBe(60);
    const every = traceEvery(60);
    const epochs = Array.from({ length: 60 / every + 1 }, (_, i) => i * every);
    for (const side of [curve.real, curve.synthetic]) {
      expect(side.map((q) => q.epoch)).toEqual(epochs);
      expect(side.every((q) => Number.isFinite(q.loss) && q.loss >= 0)).toBe(true);
      expect(side.at(-1)!.loss).toBeLessThan(0.5 * side[0]!.loss);
    }
    // Partials with no replicate completed carry the curves as they grow.
    const live = partials.filter((p) => p.summary.completed === 0);
    expect(live.length).toBeGreaterThan(3);
    const lengths = live.map((p) => p.training![0]!.real.length + p.training![0]!.synthetic.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths[0]).toBeLessThan(lengths.at(-1)!);
    // Partials hold copies: a later reading does not change an earlier partial.
    expect(live[0]!.training![0]!.real.length).toBeLessThan(curve.real.length);
    // Tracing does not change the numbers.
    const plain = await runExperiment(planFromScenario(result.scenario), { fidelity: false });
    expect(result.summary.models.map((m) => m.trtr!.mean)).toEqual(
      plain.summary.models.map((m) => m.trtr!.mean),
    );
    expect(result.summary.models.map((m) => m.tstr!.mean)).toEqual(
      plain.summary.models.map((m) => m.tstr!.mean),
    );
  });

  it('are throttled: at most about 10 training partials a second by default', async () => {
    const started = performance.now();
    const times: number[] = [];
    // About a second of training or more: two nets of ~25 G multiply-adds on the dense kernel.
    const slow = { ...withMlp, replicates: 1, models: 'mlp:width=64,depth=3,epochs=2000,lr=0.01' };
    await sceneOf(
      slow,
      () => false,
      (p) => p.summary.completed === 0 && times.push(performance.now()),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(times.length).toBeGreaterThan(0);
    expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(99);
  });

  it('a cancelled run stops its MLPs mid-training and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    let readings = 0;
    const slow = { ...withMlp, models: 'mlp:width=16,depth=2,epochs=2000,lr=0.01' };
    await expect(
      sceneOf(
        slow,
        () => readings > 6,
        (p) => (readings = p.training![0]!.real.length),
        undefined,
        { trainingIntervalMs: 0 },
      ),
    ).rejects.toThrow(/cancelled/);
    expect(readings).toBeLessThan(20);
    // Let the other net's rejected training settle.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('classification: log-loss curves for an MLP on both samples', async () => {
    const result = await sceneOf({
      ...defaultScenario(),
      task: 'classification',
      replicates: 1,
      nTest: 1000,
      models: 'logistic:C=1;mlp:width=8,depth=1,epochs=40,lr=0.05',
    });
    const curve = result.training![0]!;
    expect(curve.real[0]!.loss).toBeGreaterThan(curve.real.at(-1)!.loss);
    expect(curve.synthetic.at(-1)!.epoch).toBe(40);
  });
});
