/**
 * The engine in Node (what the CLI runs), on each tfjs backend that runs there (cpu, wasm): wall time of each
 * workload batched and one replicate at a time, and a leak check (live tensors and JS heap over 100 runs).
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { runScene } from '../src/engine/scene';
import type { ExperimentPlan } from '../src/engine/plan';
import { runSweep } from '../src/engine/sweep';
import type { NodeFarm } from '../src/cli/nodeFarm';
import { planFromScenario } from '../src/scenario/labs/index';
import { sweepPlans } from '../src/scenario/sweep';
import type { Workload } from './workloads';

export type NodeBackend = 'cpu' | 'wasm';

export async function startBackend(name: NodeBackend): Promise<boolean> {
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${join(dist, '/')}`);
  }
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Runs a workload once; wall seconds. With `farm`, the CLI's helper threads fit replicates too (as `npm run cli`
 * does by default); one-at-a-time runs never use them.
 */
export async function runWorkload(workload: Workload, oneAtATime: boolean, farm?: NodeFarm): Promise<number> {
  const started = performance.now();
  if (workload.axes.length === 0) {
    const plan = planFromScenario(workload.scenario);
    const lanes = farm ? { farm: farm.lanes(plan) } : {};
    await runScene(plan, undefined, undefined, undefined, { oneAtATime, ...lanes });
  } else {
    const lanes = farm ? { farm: (plan: ExperimentPlan) => farm.lanes(plan) } : {};
    await runSweep(sweepPlans(workload.scenario, workload.axes), { oneAtATime, ...lanes });
  }
  return (performance.now() - started) / 1000;
}

export interface LeakCheck {
  readonly runs: number;
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
  readonly heapBeforeMB: number;
  readonly heapAfterMB: number;
}

/** 100 consecutive small runs (every model family, MLP included): live tensors and heap before and after. */
export async function leakCheck(workload: Workload, runs = 100): Promise<LeakCheck> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const small = { ...workload.scenario, n: 100, m: 100, nTest: 1000, replicates: 2 };
  small.models = small.models.replace(/epochs=\d+/, 'epochs=20');
  await runScene(planFromScenario(small));
  gc?.();
  const tensorsBefore = tf.memory().numTensors;
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < runs; i++) await runScene(planFromScenario({ ...small, seed: 1 + i }));
  gc?.();
  return {
    runs,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    heapBeforeMB: heapBefore / 2 ** 20,
    heapAfterMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}
