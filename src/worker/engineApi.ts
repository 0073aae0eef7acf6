/**
 * The engine's message API: choose a tfjs backend, run a plan, a sweep of plans or population references. The
 * same object is exposed by the Web Worker (engine.worker.ts) and, if workers fail, used directly on the main
 * thread. It takes plans built and validated by the scenario layer (the page sanitizes what it is given once);
 * newer runs cancel older ones.
 *
 * tfjs itself loads only when a model first needs tensors (catalog.ts `tensors`): init() chooses the backend
 * from a WebGL probe without it (backendState.ts).
 */
import { isGpuBackend, type BackendChoice, type BackendInfo } from '../engine/backend';
import { usesTensors } from '../engine/learners/catalog';
import { withDigits, type ExperimentPlan, type SweepPlanPoint } from '../engine/plan';
import { populationReferences, type PopulationReferences } from '../engine/references';
import type { SceneResult } from '../engine/results';
import type { ReplicateLane } from '../engine/run';
import { Cancelled, runScene } from '../engine/scene';
import { runSweep, type SweepPoint } from '../engine/sweep';
import { setSliceMs } from '../engine/yieldToEvents';
import { createBackendState } from './backendState';
import { createDataApi, type DataApi } from './dataApi';
import { createFarm, type Farm } from './farm';
import { createPacer, type Playback } from './pacing';
import { webglDetails } from './tfjsStart';

export type { Playback } from './pacing';

/**
 * A partial result as it crosses to the page: `sameVisual` means "the picture you got last from this run", sent
 * as null to spare copying it again.
 */
export type ProgressMessage = SceneResult & { readonly sameVisual?: true };

/** Sample size of the population references (R(f*), R(fbar) and the decomposition), as in the CLI. */
const REFERENCE_SIZE = 10_000;

/** The engine's API, and the your-data lab's file reading and evaluation (dataApi.ts). */
export interface EngineApi extends DataApi {
  /** Answers at once: the page's check that the worker loaded. */
  ping(): 'pong';
  /** Chooses the backend for `choice` (a WebGL probe, no tfjs); tfjs starts when a model first needs tensors. */
  init(choice: BackendChoice): Promise<BackendInfo>;
  /** Runs a plan, streaming partial results; resolves null when a newer run made this one obsolete. */
  run(plan: ExperimentPlan, onProgress?: (partial: ProgressMessage) => void): Promise<SceneResult | null>;
  /**
   * Loads the digits lab's MNIST assets here (once; later calls resolve at once) with progress in bytes; runs of a
   * digits plan wait for them. Resolves with the training and test split's sizes.
   */
  loadDigits(onProgress?: (done: number, total: number) => void): Promise<{ train: number; test: number }>;
  /** Stops the run in progress (it resolves null), e.g. when the page holds a newer scenario back. */
  cancelRun(): void;
  /** Play, slow (one replicate at a time, visibly) or pause; a paused run waits for step(). */
  setPlayback(mode: Playback): void;
  /** Lets a paused run fit one more replicate. */
  step(): void;
  /** Population references of a simulated population's plan (large-sample R(f*_k), R(fbar_k), the decomposition). */
  references(plan: ExperimentPlan): Promise<PopulationReferences>;
  /**
   * Runs a comparison plan beside the page's run (a verdict's counterfactual, e.g. the same scenario with exact
   * responses): unpaced, on this thread only, no progress; resolves null when a newer comparison replaced it.
   */
  compare(plan: ExperimentPlan): Promise<SceneResult | null>;
  /** Runs a sweep's plans, streaming each point; resolves null when cancelled (cancelSweep or a newer sweep). */
  sweep(
    grid: readonly SweepPlanPoint[],
    onPoint?: (point: SweepPoint, index: number, total: number) => void,
  ): Promise<SweepPoint[] | null>;
  cancelSweep(): void;
  /** Batched fitting on (default) or off (one replicate's fits at a time): for `npm run bench` only. */
  setBatching(on: boolean): void;
  /** How many helper workers runs may use (null: one per spare core, the default); for `npm run bench`. */
  setHelpers(count: number | null): number;
  /** Live tfjs tensors here and in the helpers (the bench's leak check). */
  liveTensors(): Promise<number>;
  /** Live tensor count and backend state, for leak checks and the badge. */
  stats(): { tensors: number; backend: BackendInfo | null };
}

/** The digits, loaded here once (digitsAssets.ts, fetched with the lab's first use: other labs never load it). */
async function digitsData(onProgress?: (done: number, total: number) => void) {
  return (await import('./digitsAssets')).digitsData(onProgress);
}

/** A digits plan built from a scenario: its digits are still to be filled in. */
function needsDigits(plan: ExperimentPlan): boolean {
  return plan.source.kind === 'digits' && plan.source.data === null;
}

/**
 * Helper runs of one kind (runs or sweeps): each farm run gets a number, and a newer call stops the older call's
 * runs at once, so the new one gets the cores.
 */
function farmRuns(farm: Farm | null, next: () => number) {
  let current: number[] = [];
  return {
    /** A new call: stops the previous call's farm runs; returns the list this call's runs go into. */
    begin(): number[] {
      farm?.stop(current);
      current = [];
      return current;
    },
    stopCurrent(): void {
      farm?.stop(current);
    },
    /** Lanes for a plan of this call (none without a farm). */
    lanes(ids: number[], plan: ExperimentPlan, tensors: BackendInfo['active']): ReplicateLane[] {
      if (!farm) return [];
      const id = next();
      ids.push(id);
      return farm.lanes(plan, tensors, id);
    },
  };
}

/**
 * `helperScript`: the engine worker's own URL, from which it starts helper workers for the spare cores (absent on
 * the main-thread fallback and in tests: no helpers).
 */
export function createEngineApi(thread: BackendInfo['thread'], helperScript?: string | URL): EngineApi {
  // On the page's own thread, fits give it back every half frame so the page keeps drawing.
  setSliceMs(thread === 'main' ? 8 : 50);
  const backends = createBackendState(thread);
  const pacer = createPacer();
  let latestRun = 0;
  let latestSweep = 0;
  let latestCompare = 0;
  /** Batched fitting (default); off only for the benchmark's one-at-a-time baseline. */
  let oneAtATime = false;
  /** Helper workers for the spare cores (the engine worker only: the main-thread fallback starts none). */
  const farm: Farm | null = helperScript && typeof Worker !== 'undefined' ? createFarm(helperScript) : null;
  let farmRunCount = 0;
  const runHelpers = farmRuns(farm, () => ++farmRunCount);
  const sweepHelpers = farmRuns(farm, () => ++farmRunCount);
  const dataHelpers = farmRuns(farm, () => ++farmRunCount);
  /**
   * Whether helpers may fit this plan: not without a farm or when benchmarking one at a time, and not on WebGL
   * for plans with tensor models (the GPU runs those, and helpers would only contend for it).
   */
  const helpersFor = (plan: ExperimentPlan): BackendInfo['active'] | null => {
    const backend = backends.current();
    if (!farm || !backend || oneAtATime) return null;
    const vae = plan.source.kind === 'digits' && plan.source.generator.kind === 'vae';
    if (isGpuBackend(backend.active) && (usesTensors(plan.models) || vae)) return null;
    return backend.active;
  };

  return {
    // The your-data lab's evaluations fit replicates on the helpers too (the numbers do not depend on it).
    ...createDataApi(
      farm
        ? {
            lanes: (ids, plan) => {
              const tensors = helpersFor(plan);
              return tensors ? dataHelpers.lanes(ids, plan, tensors) : [];
            },
            stop: (ids) => farm.stop(ids),
          }
        : null,
    ),

    ping: () => 'pong',

    init: (choice) => backends.init(choice),

    async loadDigits(onProgress) {
      const data = await digitsData(onProgress);
      return { train: data.train.count, test: data.test.count };
    },

    async run(given, onProgress) {
      const id = ++latestRun;
      // A digits plan names its data; they are loaded here (once) and filled in.
      const plan = needsDigits(given) ? withDigits(given, await digitsData()) : given;
      if (id !== latestRun) return null;
      // The helpers drop the older run's chunks at their next look-up (between fits), not when the older run
      // next looks up: the new run's first replicate gets the cores sooner.
      const ids = runHelpers.begin();
      try {
        pacer.newRun();
        const tensors = helpersFor(plan);
        // The first replicate's picture is made once: later partials say "same picture" instead of copying it
        // again (570 kB of JSON for S1's surfaces, with every replicate).
        let sent: SceneResult['visual'] = null;
        const progress =
          onProgress &&
          ((partial: SceneResult) => {
            if (partial.visual !== null && partial.visual === sent) {
              onProgress({ ...partial, visual: null, sameVisual: true });
              return;
            }
            sent = partial.visual;
            onProgress(partial);
          });
        return await runScene(plan, () => id !== latestRun, progress, pacer.pace, {
          oneAtATime,
          ...(tensors ? { farm: runHelpers.lanes(ids, plan, tensors) } : {}),
        });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      } finally {
        // Whatever the helpers still fit for this run (cancelled, or a failure here) is no longer wanted.
        farm?.stop(ids);
      }
    },

    cancelRun() {
      latestRun++;
      // A paused run waiting for a step wakes, sees it is cancelled and stops; its helpers stop too.
      pacer.newRun();
      runHelpers.stopCurrent();
    },

    setPlayback: (mode) => pacer.setPlayback(mode),

    step: () => pacer.step(),

    references: (plan) => populationReferences(plan, REFERENCE_SIZE),

    async compare(given) {
      const id = ++latestCompare;
      const plan = needsDigits(given) ? withDigits(given, await digitsData()) : given;
      // No pacer and no helpers: pausing the page must not hold a verdict back, and the page's own run keeps
      // the spare cores.
      try {
        return await runScene(plan, () => id !== latestCompare, undefined, undefined, { oneAtATime });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      }
    },

    async sweep(given, onPoint) {
      const id = ++latestSweep;
      const digits = given.some((point) => needsDigits(point.plan)) ? await digitsData() : null;
      const grid = digits
        ? given.map((point) => ({ ...point, plan: withDigits(point.plan, digits) }))
        : given;
      const ids = sweepHelpers.begin();
      try {
        return await runSweep(grid, {
          isCancelled: () => id !== latestSweep,
          oneAtATime,
          farm: (plan) => {
            const tensors = helpersFor(plan);
            return tensors ? sweepHelpers.lanes(ids, plan, tensors) : [];
          },
          ...(onPoint ? { onPoint } : {}),
        });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      } finally {
        farm?.stop(ids);
      }
    },

    cancelSweep() {
      latestSweep++;
      sweepHelpers.stopCurrent();
    },

    setBatching(on) {
      oneAtATime = !on;
    },

    setHelpers: (count) => (farm ? farm.resize(count) : 0),

    async liveTensors() {
      const tf = backends.tf();
      return (tf ? tf.memory().numTensors : 0) + (farm ? await farm.tensors() : 0);
    },

    stats() {
      const tf = backends.tf();
      const backend = backends.current();
      const running = tf !== null && backend?.started === true;
      const live = running && backend?.active === 'webgl' ? { ...backend, ...webglDetails(tf) } : backend;
      return { tensors: tf ? tf.memory().numTensors : 0, backend: live };
    },
  };
}
