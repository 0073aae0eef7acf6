/**
 * The committed kernel module (denseWasm.ts) is what kernels/dense/ compiles to: `npm run build:kernels -- --check`
 * recompiles it with the pinned AssemblyScript and fails on any difference (a kernel edited without rebuilding).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('denseWasm.ts', () => {
  it('is up to date with kernels/dense/', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'kernels/build.ts', '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/is up to date/);
  }, 120_000);
});
