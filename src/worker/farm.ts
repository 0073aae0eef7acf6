/**
 * The engine's helpers: one Web Worker per spare core (hardwareConcurrency - 1, at most 7), started by the
 * engine worker, from its own script, when a run first has replicates to share. A run hands each helper chunks of replicates
 * (run.ts runExperiment, `farm`); a helper that fails to start or dies is dropped and its chunk fitted by the
 * engine itself, so helpers change how fast numbers come, never which numbers.
 */
import * as Comlink from 'comlink';
import type { BackendName } from '../engine/backend';
import type { ReplicateLane } from '../engine/run';
import type { Scenario } from '../scenario/schema';
import type { HelperApi } from './helperApi';

/** The worker name that makes engine.worker.ts run a helper (helperApi.ts) instead of the engine. */
export const HELPER_NAME = 'engine-helper';

/** A helper that has not answered by then is given up on. */
const START_TIMEOUT_MS = 15_000;

interface Helper {
  readonly remote: Comlink.Remote<HelperApi>;
  readonly ready: Promise<void>;
  /** Rejects when the worker reports an error (it crashed or failed to load). */
  readonly died: Promise<never>;
  readonly dead: boolean;
}

/** Spare cores in this browser: one thread is the engine's, the page's own is mostly idle while it renders. */
export function spareCores(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(0, Math.min(7, cores - 1));
}

function startHelper(script: string | URL): Helper {
  // The engine's own script, already loaded and cached: a helper costs no download.
  const worker = new Worker(script, { type: 'module', name: HELPER_NAME });
  const remote = Comlink.wrap<HelperApi>(worker);
  const status = { dead: false };
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      status.dead = true;
      worker.terminate();
      reject(new Error(event.message || 'engine helper failed'));
    });
  });
  died.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('engine helper did not start')), START_TIMEOUT_MS),
  );
  const ready = Promise.race([remote.ping().then(() => undefined), died, timeout]);
  ready.catch(() => {
    status.dead = true;
    worker.terminate();
  });
  return {
    remote,
    ready,
    died,
    get dead() {
      return status.dead;
    },
  };
}

export interface Farm {
  /** Lanes for run `run` of `scenario` (helpers start on first use); none when `count` is 0. */
  lanes(scenario: Scenario, tensors: BackendName, run: number): ReplicateLane[];
  /** Cancels these runs on every helper. */
  stop(runs: readonly number[]): void;
  /** Helpers to use from now on (0 turns them off, null: one per spare core; the bench compares); the count. */
  resize(count: number | null): number;
  /** Live tfjs tensors in the helpers (each has its own tfjs, started only if a model there needed it). */
  tensors(): Promise<number>;
}

/** `script`: the engine worker's URL (engine.worker.ts runs as a helper under HELPER_NAME). */
export function createFarm(script: string | URL, count = spareCores()): Farm {
  const helpers: Helper[] = [];
  let wanted = count;
  return {
    lanes(scenario, tensors, run) {
      while (helpers.length < wanted) helpers.push(startHelper(script));
      return helpers
        .slice(0, wanted)
        .filter((h) => !h.dead)
        .map((h) => ({
          ready: h.ready,
          fit: (indices) => Promise.race([h.remote.fit(scenario, tensors, [...indices], run), h.died]),
        }));
    },
    stop(runs) {
      if (runs.length === 0) return;
      for (const h of helpers) if (!h.dead) void h.remote.stop([...runs]).catch(() => undefined);
    },
    resize(next) {
      wanted = next === null ? count : Math.max(0, Math.min(7, Math.floor(next)));
      return wanted;
    },
    async tensors() {
      const live = helpers.filter((h) => !h.dead);
      const counts = await Promise.all(live.map((h) => h.remote.tensors().catch(() => 0)));
      return counts.reduce((sum, c) => sum + c, 0);
    },
  };
}
