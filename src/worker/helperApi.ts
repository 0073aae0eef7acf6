/**
 * An engine helper: fits chunks of replicates for the engine worker that owns the run (farm.ts), so a run uses
 * every core. It runs the owner's plan through the same fits (engine/replicates.ts fitReplicates) on the same
 * tfjs backend as the owner, so its records are the ones the owner would have computed.
 */
import type { BackendName } from '../engine/backend';
import type { ExperimentPlan } from '../engine/plan';
import { Cancelled, fitReplicates } from '../engine/run';
import type { ReplicateRecord } from '../engine/summary';
import { registerTensorBackend } from '../engine/tensorBackend';
import { loadTfjs, startFirst } from './tfjsStart';

/**
 * `startBackend`: how this helper starts tfjs on a backend (default: the browser's loaders, tfjsStart.ts; the
 * CLI's helpers pass Node's).
 */
export function createHelperApi(
  startBackend: (name: BackendName) => Promise<unknown> = (name) => startFirst([{ name }]),
) {
  /** Runs the owner has moved on from (a newer scenario, a cancelled sweep, a finished run). */
  const stopped = new Set<number>();
  /** Each run's plan, sent with its first chunk only (a your-data plan carries the user's files: megabytes). */
  const plans = new Map<number, ExperimentPlan>();
  let backend: BackendName | null = null;
  let tfjsStarted = false;

  /** tfjs starts (exactly this backend, no fallback) only if a model here needs tensors. */
  const chooseBackend = (name: BackendName): void => {
    if (backend === name) return;
    backend = name;
    let start: Promise<unknown> | null = null;
    registerTensorBackend(name, () => (start ??= startBackend(name).then(() => (tfjsStarted = true))));
  };

  return {
    ping(): 'pong' {
      return 'pong';
    },

    /**
     * Replicates `indices` of run `run` of the plan; null when the run was stopped before they were done. The
     * plan comes from the engine that owns the run, which built it from a sanitized scenario: no check here.
     * It comes with the run's first chunk; later chunks pass null and use that one.
     */
    async fit(
      sent: ExperimentPlan | null,
      tensors: BackendName,
      indices: readonly number[],
      run: number,
    ): Promise<ReplicateRecord[] | null> {
      const isCancelled = () => stopped.has(run);
      if (isCancelled()) return null;
      if (sent) plans.set(run, sent);
      const plan = plans.get(run);
      if (!plan) throw new Error(`engine helper: no plan for run ${run}`);
      chooseBackend(tensors);
      try {
        return await fitReplicates(plan, indices, isCancelled);
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      }
    },

    /** Live tfjs tensors here (0 while tfjs has not started). */
    async tensors(): Promise<number> {
      return backend && tfjsStarted ? (await loadTfjs()).memory().numTensors : 0;
    },

    /** Cancels these runs: what is left of their chunks is not wanted any more. */
    stop(runs: readonly number[]): void {
      for (const run of runs) {
        stopped.add(run);
        plans.delete(run);
      }
    },
  };
}

export type HelperApi = ReturnType<typeof createHelperApi>;
