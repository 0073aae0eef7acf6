/**
 * The engine's message API: start a tfjs backend, run a scenario. The same object is exposed by the Web Worker
 * (engine.worker.ts) and, if workers fail, used directly on the main thread. Newer runs cancel older ones.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { backendCandidates, isSoftwareRenderer, type BackendInfo, type BackendName } from '../engine/backend';
import type { SceneResult } from '../engine/results';
import { planFromScenario } from '../engine/experiment';
import { populationReferences, type PopulationReferences } from '../engine/references';
import { Cancelled, runScene } from '../engine/scene';
import { runSweep, type SweepAxis, type SweepPoint } from '../engine/sweep';
import { assertScenario } from '../scenario/sanitize';
import type { BackendChoice, Scenario } from '../scenario/schema';
import { loadBackend } from './backends';
import { probeWebgl, rendererOf } from './probeWebgl';

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    await loadBackend(name);
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

function webglDetails(): Pick<BackendInfo, 'renderer' | 'software' | 'contextLost'> {
  const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
  const renderer = rendererOf(gl);
  return { renderer, software: isSoftwareRenderer(renderer), contextLost: gl.isContextLost() };
}

/** How replicates are released: all at once (play), one per SLOW_MS (slow), or one per step() (pause). */
export type Playback = 'play' | 'slow' | 'pause';
const SLOW_MS = 450;
/** Sample size of the population references (R(f*), R(fbar) and the decomposition), as in the CLI. */
const REFERENCE_SIZE = 10_000;

export function createEngineApi(thread: BackendInfo['thread']) {
  let latestRun = 0;
  let latestSweep = 0;
  let backend: BackendInfo | null = null;
  let playback: Playback = 'play';
  /** Batched fitting (default); off only for the benchmark's one-at-a-time baseline. */
  let oneAtATime = false;
  /** Wakes a paused or slowed run: after step() (one replicate) or a playback change. */
  let wake: ((allowed: number) => void) | null = null;
  const release = (allowed: number) => {
    const w = wake;
    wake = null;
    w?.(allowed);
  };
  /** Steps asked for while no run was waiting (a step during a replicate's fits is not lost). */
  let credits = 0;
  const pace = (completed: number): Promise<number> => {
    if (playback === 'play') return Promise.resolve(Number.POSITIVE_INFINITY);
    // The first replicate always comes: a paused page still answers a slider with numbers.
    if (completed === 0) return Promise.resolve(1);
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

    /** Starts the best available backend for `choice`; the result says which one runs and why. */
    async init(choice: BackendChoice): Promise<BackendInfo> {
      const started = performance.now();
      if (backend?.requested === choice) return backend;
      const candidates = backendCandidates(
        choice,
        choice === 'cpu' || choice === 'wasm' ? { available: false, renderer: '' } : probeWebgl(),
      );
      for (const candidate of candidates) {
        if (!(await tryBackend(candidate.name))) continue;
        await tf.ready();
        const details = candidate.name === 'webgl' ? webglDetails() : {};
        backend = {
          requested: choice,
          active: candidate.name,
          ...(candidate.reason ? { reason: candidate.reason } : {}),
          ...details,
          thread,
          initMs: performance.now() - started,
        };
        return backend;
      }
      throw new Error('no tfjs backend could start (tried WebGL, WASM and CPU)');
    },

    /** Runs the scenario, streaming partial results; resolves null when a newer run made this one obsolete. */
    async run(scenario: Scenario, onProgress?: (partial: SceneResult) => void): Promise<SceneResult | null> {
      const id = ++latestRun;
      try {
        // A newer run wakes this one's wait so it can notice it is cancelled.
        credits = 0;
        release(1);
        return await runScene(scenario, () => id !== latestRun, onProgress, pace, { oneAtATime });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
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
      try {
        return await runSweep(assertScenario(base), axes, {
          isCancelled: () => id !== latestSweep,
          oneAtATime,
          ...(onPoint ? { onPoint } : {}),
        });
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      }
    },

    cancelSweep(): void {
      latestSweep++;
    },

    /** Batched fitting on (default) or off (one replicate's fits at a time): for `npm run bench` only. */
    setBatching(on: boolean): void {
      oneAtATime = !on;
    },

    /** Live tensor count and backend state, for leak checks and the badge. */
    stats(): { tensors: number; backend: BackendInfo | null } {
      const live = backend?.active === 'webgl' ? { ...backend, ...webglDetails() } : backend;
      return { tensors: backend ? tf.memory().numTensors : 0, backend: live };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
