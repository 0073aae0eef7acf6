/**
 * The gate before a heavy run, as the store sees it: which runs it holds, what its three answers do (run anyway,
 * fewer replicates, cancel), that nothing reaches the engine while it holds, and the pace it learns. The engine
 * here answers only when the test says (no heavy run is ever computed), with the shape of a real small run.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentPlan } from '../engine/plan';
import type { SceneResult } from '../engine/results';
import { GATE_SECONDS, runEstimate } from '../scenario/cost';
import { planFromScenario } from '../scenario/labs/index';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { decodeScenario, encodeScenario } from '../scenario/url';
import { localClient, type EngineClient } from '../worker/client';
import { createEngineApi } from '../worker/engineApi';
import {
  applyPreset,
  cancelGate,
  fewerReplicates,
  loadScenario,
  reset,
  runAnyway,
  setParam,
} from './actions';
import { gateFor, learnPace, PACE_MIN_SECONDS, pageThreads } from './gate';
import { startState, usePlayground } from './playground';
import { DEBOUNCE_MS, startRunner, type Runner } from './runner';

const get = usePlayground.getState;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = (check: () => void) => vi.waitFor(check, { timeout: 8000, interval: 5 });
const scenario = (patch: Partial<Scenario>) => sanitizeScenario(patch, defaultScenario()).scenario;

const ISSUE = decodeScenario(
  'n=5000&m=5000&models=krr:alpha=1,gamma=1;mlp:width=64,depth=3,epochs=2000,lr=0.01&R=500',
).scenario;
/** Kernel ridge at n = m = 2,000 and 500 replicates: over the gate, but fewer replicates fit under it. */
const HEAVY = scenario({ n: 2000, m: 2000, replicates: 500, models: 'ols;krr:alpha=1,gamma=1' });
const LIGHT = scenario({ n: 50, m: 50, nTest: 1000, replicates: 3, models: 'ols;knn:k=3', backend: 'cpu' });
const NO_PACE = { approved: null, pace: null, threads: 1 };

describe('the gate (pure)', () => {
  it('holds the issue’s link and the heavy scenario, lets the default and light ones through', () => {
    expect(gateFor(ISSUE, NO_PACE)).toMatchObject({ status: 'asking', fewer: null });
    const held = gateFor(HEAVY, NO_PACE)!;
    expect(held.estimate.seconds).toBeGreaterThan(GATE_SECONDS);
    expect(held.fewer).toBeGreaterThanOrEqual(2);
    expect(runEstimate({ ...HEAVY, replicates: held.fewer! }).seconds).toBeLessThanOrEqual(GATE_SECONDS);
    expect(gateFor(defaultScenario(), NO_PACE)).toBeNull();
    expect(gateFor(LIGHT, NO_PACE)).toBeNull();
  });

  it('lets an approved scenario through, and only that one', () => {
    expect(gateFor(HEAVY, { ...NO_PACE, approved: encodeScenario(HEAVY) })).toBeNull();
    expect(gateFor({ ...HEAVY, seed: 2 }, { ...NO_PACE, approved: encodeScenario(HEAVY) })).not.toBeNull();
  });

  it('reads the device’s pace and threads', () => {
    const borderline = scenario({ n: 1000, m: 1000, replicates: 80, models: 'krr:alpha=1,gamma=1' });
    const seconds = runEstimate(borderline).seconds;
    expect(seconds).toBeGreaterThan(GATE_SECONDS / 3);
    const slow = (GATE_SECONDS / seconds) * 1.5;
    const fast = (GATE_SECONDS / seconds) * 0.5;
    expect(gateFor(borderline, { ...NO_PACE, pace: slow })).not.toBeNull();
    expect(gateFor(borderline, { ...NO_PACE, pace: fast })).toBeNull();
    expect(pageThreads(LIGHT, { thread: 'main' } as never)).toBe(1);
  });

  it('learns the pace from long enough runs, within bounds', () => {
    expect(learnPace(null, 0.1, 1)).toBeNull(); // too short to say anything
    expect(learnPace(null, PACE_MIN_SECONDS, 1)).toBeCloseTo(2, 9);
    expect(learnPace(2, 1, 0.5)).toBeCloseTo(1, 9); // the geometric mean of 2 and 0.5
    expect(learnPace(null, 1, 1000)).toBe(8);
    expect(learnPace(1.5, 1, Number.NaN)).toBe(1.5);
  });
});

/** An engine whose runs answer only when the test finishes them; every run's plan is kept. */
function heldEngine() {
  const real = localClient(createEngineApi('main'));
  const runs: { plan: ExperimentPlan; finish: (result: SceneResult | null) => void }[] = [];
  let cancels = 0;
  const client: EngineClient = {
    ...real,
    run: (plan) => new Promise((finish) => runs.push({ plan, finish })),
    cancelRun: async () => void cancels++,
  };
  return { client, runs, cancels: () => cancels };
}

let recorded: SceneResult;
beforeAll(async () => {
  const api = createEngineApi('main');
  await api.init('cpu');
  recorded = (await api.run(planFromScenario(LIGHT)))!;
});

let runner: Runner | null = null;
beforeEach(() => usePlayground.setState({ ...startState(''), scenario: LIGHT }, true));
afterEach(() => {
  runner?.stop();
  runner = null;
});

describe('the gate in the store', () => {
  it('opening a heavy link computes nothing: the run is held with its estimate', async () => {
    usePlayground.setState({ scenario: ISSUE });
    const { client, runs } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(get().status).toBe('held'));
    expect(get().gate).toMatchObject({ scenario: ISSUE, status: 'asking', fewer: null });
    await sleep(DEBOUNCE_MS * 2);
    expect(runs).toHaveLength(0);
    expect(get().results).toBeNull();
    // Fewer replicates cannot help here: the action does nothing rather than run something over the gate.
    fewerReplicates();
    expect(get().scenario).toBe(ISSUE);
    expect(get().gate).not.toBeNull();
  });

  it('a slider into heavy territory stops the run in flight and asks; cancel leaves the scenario as set', async () => {
    const { client, runs, cancels } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(runs).toHaveLength(1));
    setParam('replicates', 500);
    setParam('n', 2000);
    setParam('m', 2000);
    setParam('models', 'ols;krr:alpha=1,gamma=1');
    await until(() => expect(get().status).toBe('held'));
    expect(cancels()).toBe(1);
    expect(runs).toHaveLength(1);
    cancelGate();
    expect(get().gate!.status).toBe('cancelled');
    expect(get().scenario).toMatchObject({ n: 2000, m: 2000, replicates: 500 });
    await sleep(DEBOUNCE_MS * 2);
    expect(runs).toHaveLength(1);
    // A reset asks again (it is a request to run, not the user's word on the cost).
    reset();
    await until(() => expect(get().gate?.status).toBe('asking'));
    expect(runs).toHaveLength(1);
    // A change back to something light runs as usual and clears the gate.
    setParam('replicates', 3);
    setParam('models', 'ols');
    setParam('n', 50);
    setParam('m', 50);
    await until(() => expect(runs).toHaveLength(2));
    expect(get().gate).toBeNull();
    expect(get().status).toBe('running');
  });

  it('an imported file or a preset goes through the same gate', async () => {
    const { client, runs } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(runs).toHaveLength(1));
    loadScenario({ n: 2000, m: 2000, replicates: 500, models: 'ols;krr:alpha=1,gamma=1' });
    await until(() => expect(get().status).toBe('held'));
    expect(get().gate!.scenario).toBe(get().scenario);
    applyPreset('claim1');
    await until(() => expect(runs).toHaveLength(2));
    expect(get().gate).toBeNull();
  });

  it('"Fewer replicates" runs the largest R within the gate', async () => {
    usePlayground.setState({ scenario: HEAVY });
    const { client, runs } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(get().status).toBe('held'));
    const fewer = get().gate!.fewer!;
    fewerReplicates();
    expect(get().gate).toBeNull();
    await until(() => expect(runs).toHaveLength(1));
    expect(runs[0]!.plan.replicates).toBe(fewer);
    expect(get().scenario).toMatchObject({ n: 2000, m: 2000, replicates: fewer });
  });

  it('"Run anyway" runs the scenario as it is, and lets it through again on reset', async () => {
    usePlayground.setState({ scenario: HEAVY });
    const { client, runs } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(get().status).toBe('held'));
    runAnyway();
    await until(() => expect(runs).toHaveLength(1));
    expect(runs[0]!.plan.replicates).toBe(500);
    expect(get().gate).toBeNull();
    expect(get().status).toBe('running');
    reset();
    await until(() => expect(runs).toHaveLength(2));
    expect(get().gate).toBeNull();
  });

  it('learns the pace from a finished run at full speed', async () => {
    usePlayground.setState({
      scenario: scenario({ ...LIGHT, n: 1500, m: 1500, models: 'krr:alpha=1,gamma=1' }),
    });
    const { client, runs } = heldEngine();
    await (runner = startRunner(() => Promise.resolve(client))).connected;
    await until(() => expect(runs).toHaveLength(1));
    const estimated = runEstimate(get().scenario).seconds;
    expect(estimated).toBeGreaterThan(PACE_MIN_SECONDS);
    runs[0]!.finish({ ...recorded, elapsedMs: 2000 * estimated });
    await until(() => expect(get().status).toBe('done'));
    expect(get().pace).toBeCloseTo(2, 9);
  });
});
