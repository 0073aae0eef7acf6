/**
 * The runner between the store and the engine: what the page shows when scenario changes, runs, progress
 * messages and sweeps cross in time. Where timing can come from the engine itself, a real engine runs on this
 * thread (the main-thread fallback's client); where a test must decide the order of answers (an older run
 * finishing after a newer one, a point after a cancel), a fake engine answers when the test says so.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentPlan, SweepPlanPoint } from '../engine/plan';
import type { SceneResult } from '../engine/results';
import type { SweepPoint } from '../engine/sweep';
import { planFromScenario } from '../scenario/labs/index';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { localClient, type EngineClient } from '../worker/client';
import { createEngineApi, type ProgressMessage } from '../worker/engineApi';
import {
  attachEngine,
  cancelSweep,
  requestExactComparison,
  setParam,
  setPaused,
  startSweep,
  step,
} from './actions';
import { startState, usePlayground } from './playground';
import { DEBOUNCE_MS, RENDER_INTERVAL_MS, startRunner, type Runner } from './runner';

const SMALL: Scenario = sanitizeScenario(
  { ...defaultScenario(), n: 50, m: 50, nTest: 1000, replicates: 3, models: 'ols;knn:k=3', backend: 'cpu' },
  defaultScenario(),
).scenario;

const get = usePlayground.getState;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for anything the runner would still show (a merged progress message waits this long at most). */
const SETTLE_MS = RENDER_INTERVAL_MS + 60;
const until = (check: () => void) => vi.waitFor(check, { timeout: 8000, interval: 5 });

/** A real engine on this thread; every run's plan and outcome are kept. */
function realEngine() {
  const client = localClient(createEngineApi('main'));
  const runs: { plan: ExperimentPlan; result: Promise<SceneResult | null> }[] = [];
  const spied: EngineClient = {
    ...client,
    run(plan, onProgress) {
      const result = client.run(plan, onProgress);
      runs.push({ plan, result });
      return result;
    },
  };
  return { client: spied, runs };
}

interface Pending<T, C> {
  plan: T;
  send: C;
  finish(value: T extends ExperimentPlan ? SceneResult | null : SweepPoint[] | null): void;
}

/** An engine whose runs and sweeps answer only when the test calls `send` and `finish`. */
function fakeEngine() {
  const real = localClient(createEngineApi('main'));
  const runs: Pending<ExperimentPlan, (message: ProgressMessage) => void>[] = [];
  const sweeps: Pending<
    readonly SweepPlanPoint[],
    (point: SweepPoint, index: number, total: number) => void
  >[] = [];
  let sweepCancels = 0;
  const client: EngineClient = {
    ...real,
    run: (plan, onProgress) =>
      new Promise((finish) => runs.push({ plan, send: (m) => onProgress?.(m), finish })),
    sweep: (grid, onPoint) =>
      new Promise((finish) => sweeps.push({ plan: grid, send: (p, i, t) => onPoint?.(p, i, t), finish })),
    cancelSweep: async () => void sweepCancels++,
  };
  return { client, runs, sweeps, cancels: () => sweepCancels };
}

/** A real run of SMALL, so that the fake engine answers with results of the true shape. */
let recorded: { progress: ProgressMessage[]; final: SceneResult };

beforeAll(async () => {
  const api = createEngineApi('main');
  await api.init('cpu');
  const progress: ProgressMessage[] = [];
  const final = await api.run(planFromScenario(SMALL), (m) => progress.push(m));
  recorded = { progress, final: final! };
});

let runner: Runner | null = null;
const start = (client: EngineClient) => (runner = startRunner(() => Promise.resolve(client)));

beforeEach(() => usePlayground.setState({ ...startState(''), scenario: SMALL }, true));
afterEach(() => {
  runner?.stop();
  runner = null;
});

describe('the runner', () => {
  it('merges scenario changes closer than DEBOUNCE_MS into one run of the last scenario', async () => {
    const { client, runs } = realEngine();
    start(client);
    await until(() => expect(get().status).toBe('done'));
    expect(runs).toHaveLength(1);
    expect(get().results!.scenario).toBe(SMALL);

    for (const shift of ['0.5', '1', '1.5']) {
      setParam('shift', shift);
      await sleep(DEBOUNCE_MS / 4);
    }
    const last = get().scenario;
    await until(() => expect(get().results?.scenario).toBe(last));
    await until(() => expect(get().status).toBe('done'));
    expect(runs).toHaveLength(2);
    expect(runs[1]!.plan).toEqual(planFromScenario(last));
    expect(last.shift).toBe(1.5);
    // The store's own object, not the engine's copy: views tell current results by identity.
    expect(get().results!.scenario).toBe(get().scenario);
    expect(get().results!.summary.completed).toBe(3);

    setParam('shift', '1.5'); // the same value again: no new run
    await sleep(DEBOUNCE_MS + SETTLE_MS);
    expect(runs).toHaveLength(2);
  });

  it('never lets an older run, or progress after the final result, overwrite the current results', async () => {
    const { client, runs } = fakeEngine();
    start(client);
    await until(() => expect(runs).toHaveLength(1));
    const older = runs[0]!;
    setParam('shift', '1');
    const current = get().scenario;
    await until(() => expect(runs).toHaveLength(2));
    const newer = runs[1]!;
    newer.finish(recorded.final);
    await until(() => expect(get().status).toBe('done'));
    const shown = get().results!;
    expect(shown.scenario).toBe(current);

    // The older scenario's run answers late: progress, then its final result.
    older.send(recorded.progress[0]!);
    older.finish(recorded.final);
    // The current run's progress comes over its own channel and may trail its final result, even one that
    // looks further along than what is shown.
    const final = recorded.final;
    newer.send({ ...final, summary: { ...final.summary, completed: final.summary.completed + 1 } });
    await sleep(SETTLE_MS);
    expect(get().results).toBe(shown);
    expect(get().status).toBe('done');
  });

  it('a newer scenario cancels the run of the older one', async () => {
    const { client, runs } = realEngine();
    // Paused, the older run stops after its first replicate, so it is still running when the scenario changes.
    setPaused(true);
    start(client);
    await until(() => expect(get().results?.summary.completed).toBe(1));
    setParam('shift', '1');
    const current = get().scenario;
    await until(() => expect(runs).toHaveLength(2));
    expect(await runs[0]!.result).toBeNull();
    setPaused(false);
    await until(() => expect(get().status).toBe('done'));
    expect(get().results!.scenario).toBe(current);
    expect(get().results!.summary.completed).toBe(3);
  });

  it('paused, a run shows its first replicate, then one more per step()', async () => {
    const { client } = realEngine();
    setPaused(true);
    start(client);
    await until(() => expect(get().results?.summary.completed).toBe(1));
    expect(get().status).toBe('paused');
    await sleep(SETTLE_MS);
    expect(get().results!.summary.completed).toBe(1);
    step();
    await until(() => expect(get().results!.summary.completed).toBe(2));
    await sleep(SETTLE_MS);
    expect(get().results!.summary.completed).toBe(2);
    expect(get().status).toBe('paused');
    step();
    await until(() => expect(get().status).toBe('done'));
    expect(get().results!.summary.completed).toBe(3);
    expect(get().results!.scenario).toBe(get().scenario);
  });

  it('cancelSweep marks the sweep cancelled and drops the points that still come', async () => {
    const { client, sweeps, cancels } = fakeEngine();
    await start(client).connected; // a sweep asked for before the engine is there does not start
    startSweep();
    await until(() => expect(sweeps).toHaveLength(1));
    const sweep = sweeps[0]!;
    const total = sweep.plan.length;
    const point = (shift: number): SweepPoint => ({ values: { shift }, summary: recorded.final.summary });
    sweep.send(point(0), 0, total);
    expect(get().sweep).toMatchObject({ status: 'running', total, base: SMALL });
    expect(get().sweep.points).toHaveLength(1);

    cancelSweep();
    expect(get().sweep.status).toBe('cancelled');
    expect(cancels()).toBe(1);
    sweep.send(point(0.5), 1, total);
    sweep.finish([point(0), point(0.5), point(1)]);
    await sleep(SETTLE_MS);
    expect(get().sweep.status).toBe('cancelled');
    expect(get().sweep.points).toHaveLength(1);

    // A new sweep with the same settings starts clean: the cancelled one's points stay out of it.
    startSweep();
    await until(() => expect(sweeps).toHaveLength(2));
    sweep.send(point(1), 2, total);
    expect(get().sweep).toMatchObject({ status: 'running', points: [] });
  });

  it('runs the exact-responses comparison beside the page, on the same seed, and keeps only the latest', async () => {
    const { client } = realEngine();
    start(client);
    await until(() => expect(get().status).toBe('done'));
    setParam('bias', '0.5');
    await until(() => expect(get().results?.scenario).toBe(get().scenario));
    await until(() => expect(get().status).toBe('done'));
    const biased = get().scenario;
    requestExactComparison();
    requestExactComparison(); // asked twice for the same scenario: one comparison
    await until(() => expect(get().comparison?.status).toBe('done'));
    const comparison = get().comparison!;
    expect(comparison.of).toBe(biased);
    expect(comparison.value!.scenario).toEqual({ ...biased, bias: 0 });
    // The same seed and the same real samples: TRTR is identical, only TSTR moves with the responses.
    const exact = comparison.value!.summary.models;
    get().results!.summary.models.forEach((m, k) => {
      expect(exact[k]!.trtr!.mean).toBe(m.trtr!.mean);
      expect(exact[k]!.tstr!.mean).not.toBe(m.tstr!.mean);
    });
    // A newer scenario's comparison replaces it; the old one's answer is never shown for the new scenario.
    setParam('bias', '1');
    await until(() => expect(get().status).toBe('done'));
    requestExactComparison();
    await until(() => expect(get().comparison?.of).toBe(get().scenario));
    await until(() => expect(get().comparison?.status).toBe('done'));
    expect(get().comparison!.value!.scenario.bias).toBe(0);
  });

  it('one runner at a time: the actions refuse a second engine while one is attached', () => {
    start(fakeEngine().client);
    const second = { step() {}, references() {}, comparison() {}, startSweep() {}, cancelSweep() {} };
    expect(() => attachEngine(second)).toThrow(/already attached/);
    runner!.stop();
    runner = null;
    attachEngine(second)();
  });
});
