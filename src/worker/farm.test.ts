import { afterEach, describe, expect, it, vi } from 'vitest';
import { planFromScenario } from '../scenario/labs/index';
import { defaultScenario } from '../scenario/schema';
import { createFarm } from './farm';

afterEach(() => vi.unstubAllGlobals());

describe('the helper farm', () => {
  it('where workers cannot be started (no nested workers, a policy), runs go on without helpers', async () => {
    // A constructor that throws, as `new Worker` does where nested workers are forbidden.
    vi.stubGlobal(
      'Worker',
      vi.fn(() => {
        throw new DOMException('nested workers are not allowed here', 'SecurityError');
      }),
    );
    const farm = createFarm('engine.worker.js', 2);
    expect(farm.lanes(planFromScenario(defaultScenario()), 'wasm', 1)).toEqual([]);
    expect(farm.lanes(planFromScenario(defaultScenario()), 'wasm', 2)).toEqual([]); // and it does not try again each run
    await expect(farm.tensors()).resolves.toBe(0);
    expect(() => farm.stop([1, 2])).not.toThrow();
  });
});
