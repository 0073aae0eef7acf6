/**
 * tfjs in Node, for the CLI and its helper threads: WASM (the fastest backend Node has without tfjs-node: its
 * kernels are compiled, SIMD where the CPU has it) or tfjs's pure-JavaScript CPU backend. The .wasm files ship
 * inside @tensorflow/tfjs-backend-wasm; they are found next to its package, not fetched.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** Starts `name`; resolves false when tfjs could not start it (the caller decides what to do). */
export async function startNodeBackend(name: NodeBackend): Promise<boolean> {
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
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}
