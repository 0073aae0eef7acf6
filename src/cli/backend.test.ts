/** The CLI's tfjs backend: WASM by default, CPU on request, a bad name refused; the numbers do not change. */
import { describe, expect, it } from 'vitest';
import { cli } from './testing';

const MLP = '?v=3&eta=sine&n=60&m=60&test=1000&R=2&models=ols;knn:k=5;mlp:width=8,depth=1,epochs=30,lr=0.01';

interface Report {
  replicates: { model: string; trtr: number; tstr: number }[];
}

describe('cli --backend', () => {
  it('runs the MLP on WASM by default and on CPU when asked; the float64 models give the same numbers on both', async () => {
    const wasm = await cli('run', '--scenario', MLP, '--json', '--threads', '1', '--progress');
    const cpu = await cli(
      'run',
      '--scenario',
      MLP,
      '--json',
      '--threads',
      '1',
      '--progress',
      '--backend',
      'cpu',
    );
    expect(wasm.code).toBe(0);
    expect(cpu.code).toBe(0);
    expect(wasm.err).toMatch(/tfjs on wasm/);
    expect(cpu.err).toMatch(/tfjs on cpu/);
    const rows = (out: string) => (JSON.parse(out) as Report).replicates;
    const float64 = (out: string) => rows(out).filter((r) => !r.model.startsWith('mlp'));
    expect(float64(wasm.out)).toEqual(float64(cpu.out));
    for (const r of rows(wasm.out).filter((row) => row.model.startsWith('mlp'))) {
      expect(Number.isFinite(r.trtr) && Number.isFinite(r.tstr)).toBe(true);
    }
  });

  it('refuses a backend Node does not have, in one line', async () => {
    const { code, err } = await cli('run', '--scenario', MLP, '--backend', 'webgl');
    expect(code).toBe(2);
    expect(err).toBe('error: --backend must be wasm or cpu, got "webgl"');
  });
});
