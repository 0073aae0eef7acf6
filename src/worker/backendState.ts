/**
 * The engine's tfjs backend: chosen from a WebGL probe without loading tfjs (init), started when a model first
 * needs tensors (engine/tensorBackend.ts calls the registered start), and described for the badge.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import {
  backendCandidates,
  isSoftwareRenderer,
  type BackendChoice,
  type BackendInfo,
} from '../engine/backend';
import { registerTensorBackend } from '../engine/tensorBackend';
import { probeWebgl } from './probeWebgl';
import { startFirst, webglDetails } from './tfjsStart';

export interface BackendState {
  /** Chooses the best available backend for `choice` and registers its start; says which one will run and why. */
  init(choice: BackendChoice): BackendInfo;
  /** What runs (or will run) the tensor work; null before init. */
  current(): BackendInfo | null;
  /** The loaded tfjs, once a start has begun. */
  tf(): typeof Tf | null;
}

export function createBackendState(thread: BackendInfo['thread']): BackendState {
  let backend: BackendInfo | null = null;
  let tf: typeof Tf | null = null;
  return {
    init(choice) {
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
      /** The start for this choice, memoized: tfjs loads once. */
      let starting: Promise<BackendInfo> | null = null;
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
      const startTensors = (): Promise<BackendInfo> => (starting ??= start());
      registerTensorBackend(first.name, startTensors);
      return planned;
    },
    current() {
      return backend;
    },
    tf() {
      return tf;
    },
  };
}
