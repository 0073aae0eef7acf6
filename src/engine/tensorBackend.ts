/**
 * The engine's tensor backend, known without loading tfjs: which backend the page's engine chose, and how to
 * start it when a model first needs tensors. Only the MLP (and kNN's candidate search on WebGL) use tfjs, so a
 * page whose models are all float64 (the default link) never downloads or parses it.
 *
 * The Web Worker's engine (worker/engineApi.ts) registers its choice here. Elsewhere (the CLI, the bench, the
 * unit tests) nothing is registered: the caller sets a tfjs backend itself and tensorsReady() resolves at once.
 */
import type { BackendName } from './backend';

let chosen: BackendName | null = null;
let starter: (() => Promise<unknown>) | null = null;

/** The backend the engine will run (or runs) tensor work on; null where no engine registered one. */
export function tensorBackend(): BackendName | null {
  return chosen;
}

/** Registers the engine's choice and the function that starts it (loads tfjs and the backend, once). */
export function registerTensorBackend(
  name: BackendName | null,
  start: (() => Promise<unknown>) | null,
): void {
  chosen = name;
  starter = start;
}

/** Resolves once tfjs runs on the chosen backend (starting it on first use). */
export async function tensorsReady(): Promise<void> {
  if (starter) await starter();
}
