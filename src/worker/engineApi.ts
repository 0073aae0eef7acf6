/**
 * The engine's message API: start a tfjs backend, run a scenario. The same object is exposed by the Web Worker
 * (engine.worker.ts) and, if workers fail, used directly on the main thread. Newer runs cancel older ones.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { backendCandidates, isSoftwareRenderer, type BackendInfo, type BackendName } from '../engine/backend';
import type { SceneResult } from '../engine/results';
import { Cancelled, runScene } from '../engine/scene';
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

export function createEngineApi(thread: BackendInfo['thread']) {
  let latestRun = 0;
  let backend: BackendInfo | null = null;

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
        return await runScene(scenario, () => id !== latestRun, onProgress);
      } catch (error) {
        if (error instanceof Cancelled) return null;
        throw error;
      }
    },

    /** Live tensor count and backend state, for leak checks and the badge. */
    stats(): { tensors: number; backend: BackendInfo | null } {
      const live = backend?.active === 'webgl' ? { ...backend, ...webglDetails() } : backend;
      return { tensors: backend ? tf.memory().numTensors : 0, backend: live };
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
