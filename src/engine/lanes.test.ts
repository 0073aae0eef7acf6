/**
 * Replicates fitted by helper lanes (run.ts RunOptions.farm): whichever lane fits a replicate, and in whatever
 * order lanes finish, the records, the summary and the stream of partial summaries are those of a run alone.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/schema';
import { planFromScenario } from '../scenario/labs/index';
import type { ExperimentPlan } from './plan';
import { Cancelled, fitReplicates, runExperiment, type ReplicateLane } from './run';

const plan = planFromScenario({
  ...defaultScenario(),
  models: 'ols;poly:degree=2;knn:k=5;krr:alpha=0.5,gamma=0.5',
  n: 60,
  m: 60,
  nTest: 200,
  replicates: 23,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lane in this thread: the same fits a helper runs, finishing after a varying delay. */
function lane(p: ExperimentPlan, delays: number[], log?: number[][]): ReplicateLane {
  let call = 0;
  return {
    ready: Promise.resolve(),
    async fit(indices) {
      log?.push([...indices]);
      await sleep(delays[call++ % delays.length]!);
      return fitReplicates(p, indices);
    },
  };
}

async function streamOf(farm?: ReplicateLane[]) {
  const seen: number[] = [];
  const result = await runExperiment(plan, {
    fidelity: false,
    ...(farm ? { farm } : {}),
    onReplicate: (record, summary) => {
      seen.push(record.index);
      expect(summary.completed).toBe(record.index + 1);
    },
  });
  return { seen, result };
}

describe('helper lanes', () => {
  it('give the same records, summary and order as one thread, however the chunks finish', async () => {
    const alone = await streamOf();
    const log: number[][] = [];
    const farmed = await streamOf([lane(plan, [30, 0, 5], log), lane(plan, [0, 20], log)]);
    expect(log.length).toBeGreaterThan(1); // the helpers did take chunks
    expect(log.flat()).not.toContain(0); // replicate 0 is always fitted by the run's own thread
    expect(farmed.seen).toEqual(alone.seen);
    expect(farmed.seen).toEqual(Array.from({ length: 23 }, (_, r) => r));
    expect(farmed.result.records).toEqual(alone.result.records);
    expect(farmed.result.summary).toEqual(alone.result.summary);
  });

  it('fit a failed or never-started helper`s chunk here, with the same numbers', async () => {
    const alone = await streamOf();
    const broken: ReplicateLane = {
      ready: Promise.resolve(),
      fit: () => Promise.reject(new Error('helper crashed')),
    };
    const neverStarted: ReplicateLane = {
      ready: Promise.reject(new Error('no worker')),
      fit: () => Promise.reject(new Error('unreachable')),
    };
    neverStarted.ready.catch(() => undefined);
    const farmed = await streamOf([broken, neverStarted]);
    expect(farmed.result.records).toEqual(alone.result.records);
  });

  it('stop when the run is cancelled, with helpers mid-chunk', async () => {
    let cancelled = false;
    const run = runExperiment(plan, {
      fidelity: false,
      farm: [lane(plan, [10])],
      isCancelled: () => cancelled,
      onReplicate: (record) => {
        if (record.index === 3) cancelled = true;
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });

  it('a cancelled run stops asking the pace: the wait (and the next step) stay with the newer run', async () => {
    let cancelled = false;
    let waiting: ((allowed: number) => void) | null = null;
    let asked = 0;
    // A paused page: the first replicate comes, every later chunk waits for a step.
    const pace = (handedOut: number) => {
      asked++;
      if (handedOut === 0) return Promise.resolve(1);
      return new Promise<number>((resolve) => (waiting = resolve));
    };
    const run = runExperiment(plan, {
      fidelity: false,
      farm: [lane(plan, [0]), lane(plan, [0])],
      pace,
      isCancelled: () => cancelled,
    });
    await sleep(200);
    expect(waiting).not.toBeNull();
    // A newer run: this one is cancelled and its waiting lane woken, as engineApi does.
    cancelled = true;
    const askedBefore = asked;
    const wake = waiting!;
    waiting = null;
    wake(1);
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    await sleep(20);
    expect(asked).toBe(askedBefore); // no lane of the dead run waited in the pace again
    expect(waiting).toBeNull();
  });

  it('a paused run whose other lane fails reports the failure at once, without a step', async () => {
    const run = runExperiment(plan, {
      fidelity: false,
      farm: [lane(plan, [0])],
      // Replicates 1 and 2 go; then every chunk waits for a step that never comes.
      pace: (handedOut) => (handedOut < 3 ? Promise.resolve(1) : new Promise<number>(() => undefined)),
      onReplicate: (record) => {
        if (record.index === 2) throw new Error('broken view');
      },
    });
    const outcome = await Promise.race([
      run.then(
        () => 'done',
        (e: Error) => e.message,
      ),
      sleep(3000).then(() => 'hung'),
    ]);
    expect(outcome).toBe('broken view');
  });

  it('does not wait for a helper that is still starting once all the work is handed out', async () => {
    const slow: ReplicateLane = {
      ready: sleep(5000).then(() => undefined),
      fit: (indices) => fitReplicates(plan, indices),
    };
    const began = performance.now();
    const { summary } = await runExperiment({ ...plan, replicates: 2 }, { fidelity: false, farm: [slow] });
    expect(summary.completed).toBe(2);
    expect(performance.now() - began).toBeLessThan(4000);
  });
});
