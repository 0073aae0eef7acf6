/**
 * Loads a tfjs backend's code only when it is chosen: the worker then parses one backend, not three, before the
 * first numbers. The WASM binaries ship inside the package; Vite gives their URLs.
 */
import type { BackendName } from '../engine/backend';

async function loadWasm(): Promise<void> {
  const [tf, { setWasmPaths }, plain, simd, threadedSimd] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
  ]);
  // The multi-threaded build is kept off even where the page is cross-origin isolated (a host sending
  // COOP/COEP): its pthread workers bootstrap by importScripts of the main script, which Vite's ES-module worker
  // bundle is not ("e is not defined", then a hang), and tfjs would start only hardwareConcurrency / 2 threads.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd.default,
  });
}

const loaders: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: loadWasm,
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

const loaded = new Map<BackendName, Promise<unknown>>();

/** Registers the backend with tfjs (once). */
export function loadBackend(name: BackendName): Promise<unknown> {
  let promise = loaded.get(name);
  if (!promise) {
    promise = loaders[name]();
    loaded.set(name, promise);
  }
  return promise;
}
