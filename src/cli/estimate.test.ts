/** The CLI's estimate before a run or sweep: printed, still run above the page's gate, refused over --max-seconds. */
import { describe, expect, it } from 'vitest';
import { announce } from './commands';
import { CliError } from './errors';
import { cli } from './testing';

const ISSUE = '?n=5000&m=5000&models=krr:alpha=1,gamma=1;mlp:width=64,depth=3,epochs=2000,lr=0.01&R=500';
const LIGHT = '?v=2&eta=linear&models=ols;knn:k=5&R=3&n=60&m=60&test=1000';

describe('cli estimate', () => {
  it('stops over --max-seconds before computing anything, saying what it would cost', async () => {
    const started = performance.now();
    const { code, err, out } = await cli('run', '--scenario', ISSUE, '--max-seconds', '600');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^error: estimate: about \d+\.\d h on \d+ threads? \((MLP 3×64, 2,000 epochs|kernel ridge) at n = 5,000: /,
    );
    expect(err).toMatch(/over --max-seconds 600; lower --replicates/);
    expect(performance.now() - started).toBeLessThan(10_000);
    const sweep = await cli(
      ...['sweep', '--scenario', ISSUE, '--param', 'shift', '--from', '0', '--to', '1', '--steps', '2'],
      ...['--max-seconds', '60'],
    );
    expect(sweep.code).toBe(2);
    expect(sweep.err).toMatch(/^error: estimate: about .* over --max-seconds 60/);
  });

  it('gives the estimate as progress below the gate, and runs', async () => {
    const quiet = await cli('run', '--scenario', LIGHT, '--threads', '1', '--max-seconds', '30');
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    const told = await cli('run', '--scenario', LIGHT, '--threads', '1', '--progress');
    expect(told.err).toMatch(/^estimate: under a second on 1 thread \(.*(kNN \(k = 5\)|OLS) at n = 60: /m);
    for (const bad of ['0', 'Infinity', 'soon']) {
      const { code, err } = await cli('run', '--scenario', LIGHT, '--max-seconds', bad);
      expect(code).toBe(2);
      expect(err).toMatch(/--max-seconds must be a positive number/);
    }
  });

  it('above the page’s gate it warns and still runs; over --max-seconds it refuses', () => {
    const warned: string[] = [];
    const logged: string[] = [];
    const limits = { threads: 2, maxSeconds: null };
    announce(
      3 * 3600,
      'kernel ridge',
      limits,
      (m) => logged.push(m),
      (m) => warned.push(m),
    );
    expect(warned).toEqual([
      'estimate: about 3.0 h on 2 threads (kernel ridge); running (--max-seconds S stops longer runs)',
    ]);
    announce(
      5,
      '',
      limits,
      (m) => logged.push(m),
      (m) => warned.push(m),
    );
    expect(logged).toEqual(['estimate: about 5 s on 2 threads']);
    expect(() =>
      announce(
        100,
        '',
        { threads: 1, maxSeconds: 60 },
        () => {},
        () => {},
      ),
    ).toThrow(CliError);
  });
});
