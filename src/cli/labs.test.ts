/** The CLI runs any lab: the toy lab's link gives the engine's numbers, its sweeps move its own parameters. */
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../engine/run';
import { planFromScenario } from '../scenario/labs/index';
import { decodeScenario } from '../scenario/url';
import { cli } from './testing';

const TOY = '?v=3&lab=toy&n=100&test=1000&m=120&R=3&models=ols;knn:k=5&seed=9';

describe('cli on the toy lab', () => {
  it('run: the same records as the engine, the lab’s own parameters in the report', async () => {
    const { code, out, err } = await cli('run', '--scenario', TOY, '--json', '--threads', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      link: string;
      scenario: Record<string, unknown>;
      summary: { model: string }[];
      replicates: { replicate: number; model: string; trtr: number; tstr: number }[];
    };
    expect(report.link).toMatch(/^\?v=3&lab=toy&task=regression&n=100&test=1000&m=120&/);
    expect(Object.keys(report.scenario)).not.toContain('eta');
    expect(report.scenario).toMatchObject({ lab: 'toy', n: 100, m: 120 });
    expect(report.summary.map((r) => r.model)).toEqual(['ols', 'knn:k=5']);
    const { records } = await runExperiment(planFromScenario(decodeScenario(TOY).scenario), {
      fidelity: false,
    });
    expect(report.replicates.map((r) => [r.replicate, r.model, r.trtr, r.tstr])).toEqual(
      records.flatMap((r) => [
        [r.index + 1, 'ols', r.trtr[0], r.tstr[0]],
        [r.index + 1, 'knn:k=5', r.trtr[1], r.tstr[1]],
      ]),
    );
  });

  it('sweep: over the lab’s parameters, not the simulated lab’s', async () => {
    const ok = await cli(
      'sweep',
      '--scenario',
      TOY,
      '--param',
      'm',
      '--from',
      '50',
      '--to',
      '100',
      '--steps',
      '2',
    );
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')[0]).toMatch(/^m,/);
    expect(ok.out.split('\n')).toHaveLength(1 + 2 * 2);
    const bad = await cli(
      'sweep',
      '--scenario',
      TOY,
      '--param',
      'shift',
      '--from',
      '0',
      '--to',
      '1',
      '--steps',
      '2',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--param shift: not a parameter of the toy dataset lab/);
  });

  it('run --references: refused with a reason, since a dataset has no population', async () => {
    const { code, err } = await cli('run', '--scenario', TOY, '--references');
    expect(code).toBe(2);
    expect(err).toMatch(/--references needs a simulated population in oracle mode/);
  });
});
