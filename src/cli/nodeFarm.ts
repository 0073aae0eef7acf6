/**
 * The CLI's helpers: worker_threads on the spare cores (availableParallelism() - 1, at most 7, or --threads - 1),
 * each running the same replicate fits as the browser's helpers (nodeHelper.ts), on the same tfjs backend as the
 * main thread. The numbers do not depend on them (run.ts releases records in replicate order).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { BackendName } from '../engine/backend';
import type { ReplicateLane } from '../engine/run';
import type { ExperimentPlan } from '../engine/plan';
import type { HelperApi } from '../worker/helperApi';

/** A helper thread that has not answered by then is given up on (the run goes on without it). */
const START_TIMEOUT_MS = 20_000;

export interface NodeFarm {
  readonly helpers: number;
  /** Replicates the helpers have fitted so far (for --progress). */
  readonly fitted: number;
  /** Lanes for one run of `plan` (pass as RunOptions.farm / the sweep's farm). */
  lanes(plan: ExperimentPlan): ReplicateLane[];
  /** Ends the helper threads (the process can then exit). */
  close(): Promise<void>;
}

/** Helper threads for `threads` threads in all (default: every core). */
export function helperCount(threads?: number): number {
  const all = threads ?? availableParallelism();
  return Math.max(0, Math.min(7, Math.floor(all) - 1));
}

/** tsx's ESM API (its package exports' "import" entry: require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx has no ESM API entry (./esm/api)');
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

export function createNodeFarm(tensors: BackendName, count: number): NodeFarm {
  // The helper is TypeScript: its thread first registers tsx's loader (as `npm run cli` runs the CLI through
  // tsx; loader hooks do not pass to worker threads), then imports it.
  const tsxApi = tsxEsmApi();
  const script = new URL('./nodeHelper.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  const workers: Worker[] = [];
  const helpers = Array.from({ length: count }, () => {
    const worker = new Worker(boot, { eval: true });
    workers.push(worker);
    const died = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`helper thread exited (${code})`)));
    });
    died.catch(() => undefined);
    const remote = Comlink.wrap<HelperApi>(nodeEndpoint(worker));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('helper thread did not start')), START_TIMEOUT_MS);
      timer.unref();
    });
    const ready = Promise.race([remote.ping().then(() => undefined), died, timeout]).finally(() =>
      clearTimeout(timer),
    );
    // A thread that never answers is ended, so it cannot keep the process alive.
    ready.catch(() => void worker.terminate());
    return { remote, ready, died };
  });
  let runs = 0;
  let fitted = 0;
  return {
    helpers: count,
    get fitted() {
      return fitted;
    },
    lanes(plan) {
      const run = ++runs;
      return helpers.map((h) => {
        // The plan goes with this lane's first chunk only (helperApi.ts keeps it for the run), as in worker/farm.ts.
        let sent = false;
        return {
          ready: h.ready,
          fit: async (indices: readonly number[]) => {
            const call = h.remote.fit(sent ? null : plan, tensors, [...indices], run);
            sent = true;
            const records = await Promise.race([call, h.died]);
            fitted += records?.length ?? 0;
            return records;
          },
        };
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
