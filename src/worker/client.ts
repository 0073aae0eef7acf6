/**
 * Connects the page to the engine: in a Web Worker when the browser can, else on the main thread (same API,
 * same numbers, only the page may stutter during a run).
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './engineApi';

export type EngineClient = Pick<
  EngineApi,
  | 'init'
  | 'setHelpers'
  | 'liveTensors'
  | 'run'
  | 'stats'
  | 'setPlayback'
  | 'setBatching'
  | 'step'
  | 'references'
  | 'sweep'
  | 'cancelSweep'
>;

async function mainThreadEngine(): Promise<EngineClient> {
  const { createEngineApi } = await import('./engineApi');
  return createEngineApi('main');
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
    return remote as unknown as EngineClient;
  } catch (error) {
    console.warn('Engine worker unavailable, running on the main thread:', error);
    return mainThreadEngine();
  }
}
