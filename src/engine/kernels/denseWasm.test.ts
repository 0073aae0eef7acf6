/**
 * The committed kernel modules (denseWasm.ts, float64Wasm.ts) are what kernels/dense/ and kernels/float64/ compile
 * to: `npm run build:kernels -- --check` recompiles them with the pinned AssemblyScript and fails on any
 * difference (a kernel edited without rebuilding).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('denseWasm.ts and float64Wasm.ts', () => {
  it('are up to date with kernels/dense/ and kernels/float64/', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'kernels/build.ts', '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/denseWasm\.ts is up to date/);
    expect(out).toMatch(/float64Wasm\.ts is up to date/);
  }, 120_000);
});
