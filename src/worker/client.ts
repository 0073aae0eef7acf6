/**
 * Connects the page to the engine: in a Web Worker when the browser can, else on the main thread (same API,
 * same numbers, only the page may stutter during a run). Either way the page gets an `EngineClient`: the
 * engine's API with every answer a promise, and callbacks passed across the worker boundary by reference.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './engineApi';

/** The engine as the page calls it: EngineApi (less ping), every method asynchronous. */
export type EngineClient = {
  readonly [K in Exclude<keyof EngineApi, 'ping'>]: (
    ...args: Parameters<EngineApi[K]>
  ) => Promise<Awaited<ReturnType<EngineApi[K]>>>;
};

/** The engine on this thread (the fallback, and tests). */
export function localClient(api: EngineApi): EngineClient {
  return {
    init: (choice) => api.init(choice),
    loadDigits: (onProgress) => api.loadDigits(onProgress),
    run: (plan, onProgress) => api.run(plan, onProgress),
    cancelRun: async () => api.cancelRun(),
    setPlayback: async (mode) => api.setPlayback(mode),
    step: async () => api.step(),
    references: (plan) => api.references(plan),
    compare: (plan) => api.compare(plan),
    sweep: (grid, onPoint) => api.sweep(grid, onPoint),
    cancelSweep: async () => api.cancelSweep(),
    setBatching: async (on) => api.setBatching(on),
    setHelpers: async (count) => api.setHelpers(count),
    liveTensors: () => api.liveTensors(),
    stats: async () => api.stats(),
    dataRead: (slot, name, file, onProgress) => api.dataRead(slot, name, file, onProgress),
    dataForget: async (slot) => api.dataForget(slot),
    dataSchema: async (layout, options) => api.dataSchema(layout, options),
    dataGenerate: async (request) => api.dataGenerate(request),
    dataEvaluate: (request, onProgress) => api.dataEvaluate(request, onProgress),
    dataCancel: async () => api.dataCancel(),
    dataEstimate: async (request, budget, pace) => api.dataEstimate(request, budget, pace),
  };
}

/** The engine in a worker: callbacks go over as comlink proxies (they are called back across the boundary). */
function remoteClient(remote: Comlink.Remote<EngineApi>): EngineClient {
  return {
    init: (choice) => remote.init(choice),
    loadDigits: (onProgress) => remote.loadDigits(onProgress && Comlink.proxy(onProgress)),
    run: (plan, onProgress) => remote.run(plan, onProgress && Comlink.proxy(onProgress)),
    cancelRun: () => remote.cancelRun(),
    setPlayback: (mode) => remote.setPlayback(mode),
    step: () => remote.step(),
    references: (plan) => remote.references(plan),
    compare: (plan) => remote.compare(plan),
    sweep: (grid, onPoint) => remote.sweep(grid, onPoint && Comlink.proxy(onPoint)),
    cancelSweep: () => remote.cancelSweep(),
    setBatching: (on) => remote.setBatching(on),
    setHelpers: (count) => remote.setHelpers(count),
    liveTensors: () => remote.liveTensors(),
    stats: () => remote.stats(),
    // A File or Blob crosses as a handle (no copy on the page's thread); the worker reads its bytes.
    dataRead: (slot, name, file, onProgress) =>
      remote.dataRead(slot, name, file, onProgress && Comlink.proxy(onProgress)),
    dataForget: (slot) => remote.dataForget(slot),
    dataSchema: (layout, options) => remote.dataSchema(layout, options),
    dataGenerate: (request) => remote.dataGenerate(request),
    dataEvaluate: (request, onProgress) =>
      remote.dataEvaluate(request, onProgress && Comlink.proxy(onProgress)),
    dataCancel: () => remote.dataCancel(),
    dataEstimate: (request, budget, pace) => remote.dataEstimate(request, budget, pace),
  };
}

async function mainThreadEngine(): Promise<EngineClient> {
  const { createEngineApi } = await import('./engineApi');
  return localClient(createEngineApi('main'));
}

/** Starts the worker and checks it answers; falls back to the main thread if it does not. */
export async function connectEngine(): Promise<EngineClient> {
  if (typeof Worker === 'undefined') return mainThreadEngine();
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) =>
        reject(new Error(event.message || 'worker failed to load')),
      );
    });
    const remote = Comlink.wrap<EngineApi>(worker);
    await Promise.race([remote.ping(), failed]);
    return remoteClient(remote);
  } catch (error) {
    console.warn('Engine worker unavailable, running on the main thread:', error);
    return mainThreadEngine();
  }
}
