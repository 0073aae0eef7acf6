import { describe, expect, it } from 'vitest';
import { backendCandidates, isSoftwareRenderer } from './backend';

const gpu = { available: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)' };
const swiftshader = {
  available: true,
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
};
const none = { available: false, renderer: '', failure: 'no WebGL2 context' };

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
});
