/**
 * The engine's tfjs backend: chosen from a WebGL probe without loading tfjs (init), started when a model first
 * needs tensors (engine/tensorBackend.ts calls the registered start), and described for the badge.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import {
  backendCandidates,
  isSoftwareRenderer,
  type BackendCandidate,
  type BackendChoice,
  type BackendInfo,
  type WebglProbe,
  type WebgpuProbe,
} from '../engine/backend';
import { registerTensorBackend } from '../engine/tensorBackend';
import { probeWebgl } from './probeWebgl';
import { probeWebgpu } from './probeWebgpu';
import { startFirst, webglDetails } from './tfjsStart';

export interface BackendState {
  /** Chooses the best available backend for `choice` and registers its start; says which one will run and why. */
  init(choice: BackendChoice): Promise<BackendInfo>;
  /** What runs (or will run) the tensor work; null before init. */
  current(): BackendInfo | null;
  /** The loaded tfjs, once a start has begun. */
  tf(): typeof Tf | null;
}

export function createBackendState(thread: BackendInfo['thread']): BackendState {
  let backend: BackendInfo | null = null;
  let tf: typeof Tf | null = null;
  /** A WebGPU adapter request in flight: a second init for the same choice waits for it. */
  let probing: { choice: BackendChoice; result: Promise<BackendInfo> } | null = null;
  let generation = 0;
  // The adapter is asked for at once, while the page loads: an auto init then rarely waits for it (SwiftShader's
  // adapter takes ~400 ms to come, a missing WebGPU no time).
  const adapter: Promise<WebgpuProbe> = probeWebgpu();
  return {
    async init(choice) {
      if (probing?.choice === choice) return probing.result;
      // Any adapter request still in flight (another choice) is now stale: it must not register its backend.
      const mine = ++generation;
      if (backend?.requested === choice) {
        probing = null;
        return backend;
      }
      const began = performance.now();
      const result = (async (): Promise<BackendInfo> => {
        const probe =
          choice === 'auto' || choice === 'webgl' ? probeWebgl() : { available: false, renderer: '' };
        const gpu = choice === 'auto' || choice === 'webgpu' ? await adapter : undefined;
        // A newer init (another choice) began while the adapter was asked for: it decides, not this one.
        if (generation !== mine) return probing?.result ?? backend!;
        return plan(choice, backendCandidates(choice, probe, gpu), probe, gpu, began);
      })();
      probing = { choice, result };
      try {
        return await result;
      } finally {
        if (probing?.result === result) probing = null;
      }
    },
    current() {
      return backend;
    },
    tf() {
      return tf;
    },
  };

  function plan(
    choice: BackendChoice,
    candidates: readonly BackendCandidate[],
    probe: WebglProbe,
    gpu: WebgpuProbe | undefined,
    began: number,
  ): BackendInfo {
    const first = candidates[0]!;
    const planned: BackendInfo = {
      requested: choice,
      active: first.name,
      ...(first.reason ? { reason: first.reason } : {}),
      ...(first.name === 'webgl'
        ? { renderer: probe.renderer, software: isSoftwareRenderer(probe.renderer), contextLost: false }
        : {}),
      ...(first.name === 'webgpu' && gpu ? { renderer: gpu.adapter, software: gpu.software } : {}),
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
  }
}
