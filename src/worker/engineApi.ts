/**
 * The engine's message API: choose a tfjs backend, run a scenario. The same object is exposed by the Web Worker
 * (engine.worker.ts) and, if workers fail, used directly on the main thread. Newer runs cancel older ones.
 *
 * tfjs itself loads only when a model first needs tensors (an MLP; kNN on WebGL): init() chooses the backend
 * from a WebGL probe without it, and registers the start with engine/tensorBackend.ts.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import { backendCandidates, isSoftwareRenderer, type BackendInfo } from '../engine/backend';
import type { SceneResult } from '../engine/results';
import { planFromScenario } from '../engine/experiment';
import { populationReferences, type PopulationReferences } from '../engine/references';
import { Cancelled, runScene } from '../engine/scene';
import { runSweep, type SweepAxis, type SweepPoint } from '../engine/sweep';
import { registerTensorBackend } from '../engine/tensorBackend';
import { setSliceMs } from '../engine/yieldToEvents';
import { assertScenario } from '../scenario/sanitize';
import type { BackendChoice, Scenario } from '../scenario/schema';
import { createFarm, type Farm } from './farm';
import { probeWebgl } from './probeWebgl';
import { startFirst, webglDetails } from './tfjsStart';

/**
 * A partial result as it crosses to the page: `sameVisual` means "the picture you got last from this run", sent
 * as null to spare copying it again.
 */
export type ProgressMessage = SceneResult & { readonly sameVisual?: true };

/** Whether a model list has models that run on tfjs (the MLP; kNN, whose search uses WebGL when it runs). */
function usesTensors(models: string): boolean {
  return models.split(';').some((id) => /^\s*(mlp|knn)\b/.test(id));
}

/** How replicates are released: all at once (play), one per SLOW_MS (slow), or one per step() (pause). */
export type Playback = 'play' | 'slow' | 'pause';
const SLOW_MS = 450;
/** Sample size of the population references (R(f*), R(fbar) and the decomposition), as in the CLI. */
const REFERENCE_SIZE = 10_000;

/**
 * `helperScript`: the engine worker's own URL, from which it starts helper workers for the spare cores (absent on
 * the main-thread fallback and in tests: no helpers).
 */
export function createEngineApi(thread: BackendInfo['thread'], helperScript?: string | URL) {
  // On the page's own thread, fits give it back every half frame so the page keeps drawing.
  setSliceMs(thread === 'main' ? 8 : 50);
  let latestRun = 0;
  let latestSweep = 0;
  /** What runs (or will run) the tensor work; `started` once tfjs runs on it. */
  let backend: BackendInfo | null = null;
  /** The start in progress or done for the current choice (memoized: tfjs loads once). */
  let starting: Promise<BackendInfo> | null = null;
  /** The loaded tfjs, once a start has begun. */
  let tf: typeof Tf | null = null;
  let playback: Playback = 'play';
  /** Batched fitting (default); off only for the benchmark's one-at-a-time baseline. */
  let oneAtATime = false;
  /**
   * Helper workers for the spare cores (the engine worker only: the main-thread fallback has no workers to
   * start). On WebGL only for model lists without tensor models (farmFor).
   */
  const farm: Farm | null = helperScript && typeof Worker !== 'undefined' ? createFarm(helperScript) : null;
  /** Farm runs: every run and sweep point gets a number; `ids` collects those of one call, to stop them after. */
  let farmRuns = 0;
  /** The farm runs of the newest run() (a newer one stops them at once). */
  let runFarmIds: number[] = [];
  /** The farm runs of the newest sweep (cancelSweep or a newer sweep stops them at once). */
  let sweepFarmIds: number[] = [];
  const farmFor = (ids: number[]) => {
    if (!farm || !backend || oneAtATime) return undefined;
    const tensors = backend.active;
    return (scenario: Scenario) => {
      // On WebGL the GPU runs the tensor models (MLP; kNN's search) and helpers would only contend for it; a
      // model list without them is float64 work on the CPU, which the helpers share there too.
      if (tensors === 'webgl' && usesTensors(scenario.models)) return [];
      ids.push(++farmRuns);
      return farm.lanes(scenario, tensors, farmRuns);
    };
  };
  /** Wakes a paused or slowed run: after step() (one replicate) or a playback change. */
  let wake: ((allowed: number) => void) | null = null;
  const release = (allowed: number) => {
    const w = wake;
    wake = null;
    w?.(allowed);
  };
  /** Steps asked for while no run was waiting (a step during a replicate's fits is not lost). */
  let credits = 0;
  const pace = (handedOut: number): Promise<number> => {
    if (playback === 'play') return Promise.resolve(Number.POSITIVE_INFINITY);
    // The first replicate always comes: a paused page still answers a slider with numbers.
    if (handedOut === 0) return Promise.resolve(1);
    if (credits > 0) {
      credits--;
      return Promise.resolve(1);
    }
    return new Promise<number>((resolve) => {
      wake = resolve;
      if (playback === 'slow') setTimeout(() => wake === resolve && release(1), SLOW_MS);
    });
  };

  return {
    /** Answers at once: the page's check that the worker loaded. */
    ping(): 'pong' {
      return 'pong';
    },

    /**
     * Chooses the best available backend for `choice` (a WebGL probe, no tfjs) and registers its start, which
     * happens when a model first needs tensors. The result says which one will run and why.
     */
    async init(choice: BackendChoice): Promise<BackendInfo> {
      if (backend?.requested === choice) return backend;
      const began = performance.now();
      const probe = choice === 'cpu' || choice === 'wasm' ? { available: false, renderer: '' } : probeWebgl();
      const candidates = backendCandidates(choice, probe);
      const first = candidates[0]!;
      const planned: BackendInfo = {
        requested: choice,
        active: first.name,
        ...(first.reason ? { reason: first.reason } : {}),
        ...(first.name === 'webgl'
          ? { renderer: probe.renderer, software: isSoftwareRenderer(probe.renderer), contextLost: false }
          : {}),
        thread,
        started: false,
        initMs: performance.now() - began,
      };
      backend = planned;
      const start = async (): Promise<BackendInfo> => {
        const startedAt = performance.now();
        const { tf: lib, candidate } = await startFirst(candidates, () => backend === planned);
        tf = lib;
        const running: BackendInfo = {
          ...planned,
          active: candidate.name,
          ...(candidate.reason ? { reason: candidate.reason } : {}),
          ...(candidate.name === 'webgl' ? webglDetails(lib) : {}),
          started: true,
          initMs: planned.initMs + performance.now() - startedAt,
        };
        // A newer init (another choice) replaced this one meanwhile: leave its state alone.
        if (backend === planned) {
          backend = running;
          registerTensorBackend(running.active, startTensors);
        }
        return running;
      };
      starting = null;
      const startTensors = (): Promise<BackendInfo> => (starting ??= start());
      registerTensorBackend(first.name, startTensors);
      return planned;
    },

    /** Runs the scenario, streaming partial results; resolves null when a newer run made this one obsolete. */
    async run(
      scenario: Scenario,
      onProgress?: (partial: ProgressMessage) => void,
    ): Promise<SceneResult | null> {
      const id = ++latestRun;
      const farmIds: number[] = [];
      // The helpers drop the older run's chunks at their next look-up (between fits), not when the older run
      // next looks up: the new run's replicate 1 gets the cores sooner.
      farm?.stop(runFarmIds);
      runFarmIds = farmIds;
      try {
        // A newer run wakes this one's wait so it can notice it is cancelled.
        credits = 0;
        release(1);
        const helpers = farmFor(farmIds);
        // Replicate 1's picture is made once: later partials say "same picture" instead of copying it again
        // (570 kB of JSON for S1's surfaces, with every replicate).
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
        return await runScene(scenario, () => id !== latestRun, progress, pace, {
          oneAtATime,
          ...(helpers ? { farm: helpers } : {}),
        });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      } finally {
        // Whatever the helpers still fit for this run (cancelled, or a failure here) is no longer wanted.
        farm?.stop(farmIds);
      }
    },

    /** Play, slow (one replicate at a time, visibly) or pause; a paused run waits for step(). */
    setPlayback(mode: Playback): void {
      playback = mode;
      if (mode === 'play') release(Number.POSITIVE_INFINITY);
      else if (mode === 'slow') release(1);
    },

    /** Lets a paused run fit one more replicate. */
    step(): void {
      if (wake) release(1);
      else credits = Math.min(credits + 1, 8);
    },

    /** Population references of the scenario (large-sample R(f*_k), R(fbar_k), the limit decomposition). */
    async references(scenario: Scenario): Promise<PopulationReferences> {
      return populationReferences(planFromScenario(assertScenario(scenario)), REFERENCE_SIZE);
    },

    /**
     * Runs a sweep, streaming each grid point; resolves null when cancelled (cancelSweep or a newer sweep).
     * Every point's scenario is sanitized against the base, as links are.
     */
    async sweep(
      base: Scenario,
      axes: readonly SweepAxis[],
      onPoint?: (point: SweepPoint, index: number, total: number) => void,
    ): Promise<SweepPoint[] | null> {
      const id = ++latestSweep;
      const farmIds: number[] = [];
      farm?.stop(sweepFarmIds);
      sweepFarmIds = farmIds;
      try {
        const helpers = farmFor(farmIds);
        return await runSweep(assertScenario(base), axes, {
          isCancelled: () => id !== latestSweep,
          oneAtATime,
          ...(helpers ? { farm: helpers } : {}),
          ...(onPoint ? { onPoint } : {}),
        });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      } finally {
        farm?.stop(farmIds);
      }
    },

    cancelSweep(): void {
      latestSweep++;
      farm?.stop(sweepFarmIds);
    },

    /** Batched fitting on (default) or off (one replicate's fits at a time): for `npm run bench` only. */
    setBatching(on: boolean): void {
      oneAtATime = !on;
    },

    /** How many helper workers runs may use (null: one per spare core, the default); for `npm run bench`. */
    setHelpers(count: number | null): number {
      return farm ? farm.resize(count) : 0;
    },

    /** Live tfjs tensors here and in the helpers (the bench's leak check). */
    async liveTensors(): Promise<number> {
      return (tf ? tf.memory().numTensors : 0) + (farm ? await farm.tensors() : 0);
    },

    /** Live tensor count and backend state, for leak checks and the badge. */
    stats(): { tensors: number; backend: BackendInfo | null } {
      const running = tf !== null && backend?.started === true;
      const live = running && backend?.active === 'webgl' ? { ...backend, ...webglDetails(tf!) } : backend;
      return { tensors: tf ? tf.memory().numTensors : 0, backend: live };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
