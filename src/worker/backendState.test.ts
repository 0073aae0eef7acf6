/** The engine's backend choice with a stand-in navigator.gpu (Node has none): what auto and a forced WebGPU do. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tensorBackend } from '../engine/tensorBackend';
import { createBackendState } from './backendState';
import { describeAdapter } from './probeWebgpu';

const hardware = { info: { vendor: 'nvidia', architecture: 'ampere', description: '' } };
const swiftshader = { info: { vendor: 'google', architecture: 'swiftshader', description: '' } };

function gpuGiving(adapter: object | null, delayMs = 0) {
  vi.stubGlobal('navigator', {
    gpu: { requestAdapter: () => new Promise((resolve) => setTimeout(() => resolve(adapter), delayMs)) },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the backend state with WebGPU', () => {
  it('reads an adapter: software when SwiftShader or a fallback adapter', () => {
    expect(describeAdapter(hardware)).toEqual({ adapter: 'nvidia ampere', software: false });
    expect(describeAdapter(swiftshader).software).toBe(true);
    expect(describeAdapter({ info: { vendor: 'x', isFallbackAdapter: true } }).software).toBe(true);
  });

  it('auto picks WebGPU on a hardware adapter, and registers it for the tensor work', async () => {
    gpuGiving(hardware);
    const info = await createBackendState('worker').init('auto');
    expect(info).toMatchObject({
      active: 'webgpu',
      renderer: 'nvidia ampere',
      software: false,
      started: false,
    });
    expect(info.reason).toMatch(/hardware GPU \(WebGPU\)/);
    expect(tensorBackend()).toBe('webgpu');
  });

  it('auto leaves a software adapter alone; a forced WebGPU takes it', async () => {
    gpuGiving(swiftshader);
    expect((await createBackendState('worker').init('auto')).active).toBe('wasm');
    const forced = await createBackendState('worker').init('webgpu');
    expect(forced).toMatchObject({ active: 'webgpu', software: true, renderer: 'google swiftshader' });
  });

  it('says why when there is no WebGPU, and falls back to WASM', async () => {
    vi.stubGlobal('navigator', {});
    const info = await createBackendState('worker').init('webgpu');
    expect(info.active).toBe('wasm');
    expect(info.reason).toBe('WebGPU unavailable (this browser has no WebGPU); using WASM');
    gpuGiving(null);
    expect((await createBackendState('worker').init('webgpu')).reason).toMatch(/gave no adapter/);
  });

  it('a newer choice made while the adapter is asked for wins', async () => {
    gpuGiving(hardware, 30);
    const state = createBackendState('worker');
    const stale = state.init('webgpu');
    const newer = await state.init('wasm');
    await stale;
    expect(newer.active).toBe('wasm');
    expect(state.current()?.requested).toBe('wasm');
    expect(tensorBackend()).toBe('wasm');
  });
});
