/**
 * The engine's helpers: one Web Worker per spare core (hardwareConcurrency - 1, at most 7), started by the
 * engine worker from its own script at its first run with helpers. A run hands each helper chunks of replicates
 * (run.ts runExperiment, `farm`); a helper that cannot start, dies or stops answering is dropped (terminated)
 * and its chunk fitted by the engine itself, so helpers change how fast numbers come, never which numbers. A
 * dropped helper is not replaced (what made it fail would most likely make the next one fail too).
 */
import * as Comlink from 'comlink';
import type { BackendName } from '../engine/backend';
import type { ReplicateLane } from '../engine/run';
import type { ExperimentPlan } from '../engine/plan';
import type { HelperApi } from './helperApi';

/** The worker name that makes engine.worker.ts run a helper (helperApi.ts) instead of the engine. */
export const HELPER_NAME = 'engine-helper';

/** A helper that has not answered by then is given up on. */
const START_TIMEOUT_MS = 15_000;
/**
 * A chunk not back by then means a wedged helper (a chunk is sized to ~100 ms of work; even 8 replicates of a
 * large MLP on a slow machine take far less): it is terminated and the chunk fitted by the engine.
 */
const CHUNK_TIMEOUT_MS = 180_000;

interface Helper {
  readonly remote: Comlink.Remote<HelperApi> | null;
  readonly ready: Promise<void>;
  /** Rejects when the worker reports an error (it crashed or failed to load) or is dropped. */
  readonly died: Promise<never>;
  readonly dead: boolean;
  /** Terminates the worker; its pending calls reject. */
  drop(why: string): void;
}

/** Spare cores in this browser: one thread is the engine's, the page's own is mostly idle while it renders. */
export function spareCores(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(0, Math.min(7, cores - 1));
}

function startHelper(script: string | URL): Helper {
  let worker: Worker | null = null;
  let fail: (error: Error) => void = () => undefined;
  const status = { dead: false };
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined);
  const drop = (why: string): void => {
    if (status.dead) return;
    status.dead = true;
    worker?.terminate();
    fail(new Error(why));
  };
  let remote: Comlink.Remote<HelperApi> | null = null;
  try {
    // The engine's own script, already loaded and cached: a helper costs no download.
    worker = new Worker(script, { type: 'module', name: HELPER_NAME });
    worker.addEventListener('error', (event) => drop(event.message || 'engine helper failed'));
    worker.addEventListener('messageerror', () => drop('engine helper sent an unreadable message'));
    remote = Comlink.wrap<HelperApi>(worker);
  } catch (error) {
    // No nested workers, or a policy forbids them: this helper counts as dead, the run goes on without it.
    drop(error instanceof Error ? error.message : String(error));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('engine helper did not start')), START_TIMEOUT_MS);
  });
  const ping = remote ? remote.ping().then(() => undefined) : died;
  const ready = Promise.race([ping, died, timeout]).finally(() => clearTimeout(timer));
  ready.catch((error: unknown) => drop(error instanceof Error ? error.message : String(error)));
  return {
    remote,
    ready,
    died,
    get dead() {
      return status.dead;
    },
    drop,
  };
}

export interface Farm {
  /** Lanes for run `run` of `plan` (helpers start on first use); none when `count` is 0. */
  lanes(plan: ExperimentPlan, tensors: BackendName, run: number): ReplicateLane[];
  /** Cancels these runs on every helper. */
  stop(runs: readonly number[]): void;
  /**
   * Helpers to use from now on (0 turns them off, null: one per spare core; the bench compares); the count.
   * Helpers beyond it are terminated.
   */
  resize(count: number | null): number;
  /** Live tfjs tensors in the helpers (each has its own tfjs, started only if a model there needed it). */
  tensors(): Promise<number>;
}

/** `script`: the engine worker's URL (engine.worker.ts runs as a helper under HELPER_NAME). */
export function createFarm(script: string | URL, count = spareCores()): Farm {
  let helpers: Helper[] = [];
  let wanted = count;
  const live = () => helpers.filter((h) => !h.dead && h.remote);
  return {
    lanes(plan, tensors, run) {
      while (helpers.length < wanted) helpers.push(startHelper(script));
      return helpers
        .slice(0, wanted)
        .filter((h) => !h.dead && h.remote)
        .map((h) => {
          // The plan goes with this lane's first chunk only; the helper keeps it for the run's later chunks.
          let sent = false;
          return {
            ready: h.ready,
            fit: (indices: readonly number[]) => {
              let timer: ReturnType<typeof setTimeout> | undefined;
              const wedged = new Promise<never>((_, reject) => {
                timer = setTimeout(() => {
                  h.drop('engine helper stopped answering');
                  reject(new Error('engine helper stopped answering'));
                }, CHUNK_TIMEOUT_MS);
              });
              wedged.catch(() => undefined);
              const call = h.remote!.fit(sent ? null : plan, tensors, [...indices], run);
              sent = true;
              return Promise.race([call, h.died, wedged]).finally(() => clearTimeout(timer));
            },
          };
        });
    },
    stop(runs) {
      if (runs.length === 0) return;
      for (const h of live()) void h.remote!.stop([...runs]).catch(() => undefined);
    },
    resize(next) {
      wanted = next === null ? count : Math.max(0, Math.min(7, Math.floor(next)));
      for (const h of helpers.slice(wanted)) h.drop('not wanted any more');
      helpers = helpers.slice(0, wanted);
      return wanted;
    },
    async tensors() {
      const counts = await Promise.all(live().map((h) => h.remote!.tensors().catch(() => 0)));
      return counts.reduce((sum, c) => sum + c, 0);
    },
  };
}
