/**
 * A helper thread of the CLI (nodeFarm.ts): the browser's helper API (worker/helperApi.ts) on a Node
 * worker_threads port, starting tfjs the way the CLI does (tfjs-node is not used; CPU or WASM backends).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { BackendName } from '../engine/backend';
import { createHelperApi } from '../worker/helperApi';

async function startBackend(name: BackendName): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  tf.env().set('IS_TEST', true);
  if (name === 'wasm') {
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    setWasmPaths(
      join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')), '/'),
    );
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start ${name} in a helper thread`);
}

if (parentPort) Comlink.expose(createHelperApi(startBackend), nodeEndpoint(parentPort));
