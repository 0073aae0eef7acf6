// Test helper: run a block of tests on a given tfjs backend in Node (WASM loads its binary from node_modules).
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll } from 'vitest';

setWasmPaths(join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'));

/** Switches tfjs to `name` for the enclosing describe block, and back to CPU after it. */
export function onBackend(name: 'cpu' | 'wasm'): void {
  beforeAll(async () => {
    if (!(await tf.setBackend(name))) throw new Error(`tfjs backend ${name} did not start`);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
}
