/**
 * A helper thread of the CLI (nodeFarm.ts): the browser's helper API (worker/helperApi.ts) on a Node
 * worker_threads port, starting tfjs the way the CLI does (nodeBackend.ts: WASM or CPU, no tfjs-node).
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { isGpuBackend, type BackendName } from '../engine/backend';
import { createHelperApi } from '../worker/helperApi';
import { startNodeBackend } from './nodeBackend';

async function startBackend(name: BackendName): Promise<void> {
  if (isGpuBackend(name) || !(await startNodeBackend(name as 'wasm' | 'cpu'))) {
    throw new Error(`tfjs could not start ${name} in a helper thread`);
  }
}

if (parentPort) Comlink.expose(createHelperApi(startBackend), nodeEndpoint(parentPort));
