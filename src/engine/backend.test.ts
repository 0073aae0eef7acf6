import { describe, expect, it } from 'vitest';
import { backendCandidates, isGpuBackend, isSoftwareRenderer, type WebgpuProbe } from './backend';

const gpu = { available: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)' };
const swiftshader = {
  available: true,
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
};
const none = { available: false, renderer: '', failure: 'no WebGL2 context' };
const adapter: WebgpuProbe = { available: true, software: false, adapter: 'nvidia ampere' };
const softAdapter: WebgpuProbe = { available: true, software: true, adapter: 'google swiftshader' };
const noAdapter: WebgpuProbe = {
  available: false,
  software: false,
  adapter: '',
  failure: 'navigator.gpu is missing',
};

describe('backend choice', () => {
  it('recognizes software renderers', () => {
    expect(isSoftwareRenderer(swiftshader.renderer)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(gpu.renderer)).toBe(false);
  });

  it('auto: WebGL on a hardware GPU, WASM on a software renderer or without WebGL, CPU last', () => {
    expect(backendCandidates('auto', gpu).map((c) => c.name)).toEqual(['webgl', 'wasm', 'cpu']);
    const soft = backendCandidates('auto', swiftshader);
    expect(soft.map((c) => c.name)).toEqual(['wasm', 'cpu']);
    expect(soft[0]!.reason).toMatch(/software-rendered/);
    expect(backendCandidates('auto', none)[0]!.reason).toMatch(/WebGL unavailable \(no WebGL2 context\)/);
  });

  it('honours a forced backend, and gives a reason when it cannot', () => {
    expect(backendCandidates('webgl', swiftshader)[0]).toEqual({ name: 'webgl' });
    expect(backendCandidates('webgl', none)[0]).toEqual({
      name: 'wasm',
      reason: 'WebGL unavailable (no WebGL2 context); using WASM',
    });
    expect(backendCandidates('wasm', gpu).map((c) => c.name)).toEqual(['wasm', 'cpu']);
    expect(backendCandidates('cpu', gpu)).toEqual([{ name: 'cpu' }]);
  });

  it('auto: WebGPU on a hardware adapter first, never on a software one', () => {
    expect(backendCandidates('auto', gpu, adapter).map((c) => c.name)).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
    expect(backendCandidates('auto', swiftshader, adapter).map((c) => c.name)).toEqual([
      'webgpu',
      'wasm',
      'cpu',
    ]);
    expect(backendCandidates('auto', gpu, softAdapter).map((c) => c.name)).toEqual(['webgl', 'wasm', 'cpu']);
    const cpuOnly = backendCandidates('auto', swiftshader, softAdapter);
    expect(cpuOnly.map((c) => c.name)).toEqual(['wasm', 'cpu']);
    expect(cpuOnly[0]!.reason).toMatch(/software-rendered/);
  });

  it('honours a forced WebGPU, software adapter included, and says why when there is none', () => {
    expect(backendCandidates('webgpu', swiftshader, softAdapter)[0]).toEqual({ name: 'webgpu' });
    expect(backendCandidates('webgpu', gpu, noAdapter)[0]).toEqual({
      name: 'wasm',
      reason: 'WebGPU unavailable (navigator.gpu is missing); using WASM',
    });
    expect(backendCandidates('webgl', gpu, adapter)[0]).toEqual({ name: 'webgl' });
  });

  it('knows which backends are GPUs', () => {
    expect(['webgpu', 'webgl', 'wasm', 'cpu', null].map((b) => isGpuBackend(b as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
