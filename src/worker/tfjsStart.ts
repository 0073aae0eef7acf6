/**
 * Starting tfjs on a backend, shared by the engine (engineApi.ts) and its helpers (helperApi.ts): tfjs-core is
 * imported on first use, then each candidate backend is loaded and tried in order.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { isSoftwareRenderer, type BackendCandidate, type BackendInfo } from '../engine/backend';
import { loadBackend } from './backends';
import { rendererOf } from './probeWebgl';

let tfjs: Promise<typeof Tf> | null = null;

/** tfjs-core, imported once. */
export function loadTfjs(): Promise<typeof Tf> {
  return (tfjs ??= import('@tensorflow/tfjs-core'));
}

/**
 * The first candidate that starts, with the loaded tfjs; throws when none does, or when `stillWanted` says a newer
 * choice replaced this one while tfjs loaded (so an old start cannot switch tfjs back under the new one).
 */
export async function startFirst(
  candidates: readonly BackendCandidate[],
  stillWanted: () => boolean = () => true,
): Promise<{ tf: typeof Tf; candidate: BackendCandidate }> {
  const tf = await loadTfjs();
  for (const candidate of candidates) {
    try {
      await loadBackend(candidate.name);
      if (!stillWanted()) break;
      if (!((await tf.setBackend(candidate.name)) && tf.getBackend() === candidate.name)) continue;
      await tf.ready();
      return { tf, candidate };
    } catch {
      // try the next one
    }
  }
  if (!stillWanted()) throw new Error('a newer backend choice replaced this one');
  throw new Error(`no tfjs backend could start (tried ${candidates.map((c) => c.name).join(', ')})`);
}

/** The running WebGL backend's renderer, whether it is software, and whether its context is lost. */
export function webglDetails(tf: typeof Tf): Pick<BackendInfo, 'renderer' | 'software' | 'contextLost'> {
  const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
  const renderer = rendererOf(gl);
  return { renderer, software: isSoftwareRenderer(renderer), contextLost: gl.isContextLost() };
}
