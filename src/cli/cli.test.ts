import { execFile } from 'node:child_process';
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { referenceCases } from '../engine/fixtures/loadCase';
import { planFromScenario } from '../scenario/labs/index';
import { runExperiment } from '../engine/run';
import { decodeScenario } from '../scenario/url';
import { cli, csvWriter } from './testing';

const ROOT = join(import.meta.dirname, '../engine/fixtures/sklearn');

const { dir, csv } = csvWriter('cli-test-');
const good = csv('good.csv', 'x1,x2,y\n0,1,1\n1,0,0\n2,2,1\n3,1,0\n');

/** A sparse 600 MB file (no disk used): the size check must refuse it before reading a byte. */
function big(): string {
  const file = csv('big.csv', '');
  truncateSync(file, 600 * 1024 * 1024);
  return file;
}

function evaluateArgs(overrides: Record<string, string>): string[] {
  const args: Record<string, string> = {
    '--real-train': good,
    '--synthetic-train': good,
    '--test': good,
    '--task': 'regression',
    '--models': 'ols',
    ...overrides,
  };
  return ['evaluate', ...Object.entries(args).flat()];
}

describe('cli evaluate on the scikit-learn reference cases', () => {
  for (const c of referenceCases()) {
    it(`${c.name}: every model's TRTR and TSTR, and the ranking, match scikit-learn`, async () => {
      const files = ['real_train', 'synthetic_train', 'test'].map((f) => join(ROOT, c.name, `${f}.csv`));
      const { code, out, err } = await cli(
        ...['evaluate', '--real-train', files[0]!, '--synthetic-train', files[1]!, '--test', files[2]!],
        ...['--task', c.task, '--models', c.models.map((m) => m.model).join(';'), '--json'],
      );
      expect(err).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(out) as {
        models: { model: string; trtr: number; tstr: number; utility: number }[];
      };
      result.models.forEach((m, i) => {
        const expected = c.models[i]!;
        expect(m.model).toBe(expected.model);
        const tol = (v: number) => (m.model.startsWith('logistic') ? 0.005 : 1e-6 * Math.abs(v));
        expect(Math.abs(m.trtr - expected.trtr)).toBeLessThanOrEqual(tol(expected.trtr));
        expect(Math.abs(m.tstr - expected.tstr)).toBeLessThanOrEqual(tol(expected.tstr));
        expect(m.utility).toBeCloseTo(Math.abs(m.tstr - m.trtr), 12);
      });
      if (!c.models.some((m) => m.model.startsWith('logistic'))) {
        const ranking = (JSON.parse(out) as { ranking: { kendall_tau_b: number; spearman_rho: number } })
          .ranking;
        expect(ranking.kendall_tau_b).toBeCloseTo(c.ranking.kendall_tau_b, 10);
        expect(ranking.spearman_rho).toBeCloseTo(c.ranking.spearman_rho, 10);
      }
    });
  }
});

describe('cli bad input: exit code 2, one line naming file, line and column, no stack trace', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['missing file', { '--test': join(dir, 'nope.csv') }, /nope\.csv: no such file/],
    [
      'non-numeric cell in a numeric column',
      { '--test': csv('text.csv', 'x1,x2,y\n0,1,1\n1,abc,0\n') },
      /text\.csv line 3, column "x2": "abc" is not a number, but the column is numeric in .*good\.csv/,
    ],
    [
      'ragged row',
      { '--test': csv('ragged.csv', 'x1,x2,y\n0,1,1\n1,0\n') },
      /ragged\.csv line 3: 2 fields, the header \(line 1\) has 3/,
    ],
    [
      'Inf cell',
      { '--test': csv('inf.csv', 'x1,x2,y\n0,inf,1\n') },
      /inf\.csv line 2, column 2 \(x2\): "inf" is infinite/,
    ],
    [
      'a column missing from a synthetic file',
      { '--synthetic-train': csv('cols.csv', 'a,b,y\n0,1,1\n1,2,0\n') },
      /cols\.csv: no column "x1", which .*good\.csv has/,
    ],
    [
      'target missing from a synthetic file',
      { '--synthetic-train': csv('noy.csv', 'x1,x2,z\n0,1,1\n1,2,0\n') },
      /noy\.csv: no column "y", which .*good\.csv has/,
    ],
    ['missing target', { '--target': 'label' }, /good\.csv: no target column "label"/],
    [
      'single class',
      {
        '--task': 'classification',
        '--models': 'knn:k=1',
        '--real-train': csv('one.csv', 'x1,x2,y\n0,1,1\n1,0,1\n'),
      },
      /one\.csv column "y": only one class \("1"\) in the target/,
    ],
    [
      'a class only in the synthetic data',
      {
        '--task': 'classification',
        '--models': 'knn:k=1',
        '--synthetic-train': csv('lab.csv', 'x1,x2,y\n0,1,2\n1,0,0\n'),
      },
      /lab\.csv line 2, column "y": class "2" is not among the real file's classes/,
    ],
    [
      'k > n',
      { '--models': 'knn:k=9' },
      /no model could be fitted: knn:k=9 on .*good\.csv.*larger than the 4 training points/,
    ],
    ['unknown model', { '--models': 'ols;forest' }, /--models: unknown model "forest"/],
    [
      'model for the wrong task',
      { '--task': 'classification', '--models': 'ols' },
      /does not do classification/,
    ],
    ['empty file', { '--test': csv('empty.csv', '') }, /empty\.csv: the file is empty/],
    [
      'header only',
      { '--test': csv('header.csv', 'x1,x2,y\n') },
      /header\.csv: no data rows after the header/,
    ],
    [
      'binary garbage',
      { '--test': csv('garbage.csv', '\u0000\u0001\u0002PK\u0003\u0004 not a table \u0000'.repeat(20)) },
      /garbage\.csv: binary data/,
    ],
    [
      'a file over the size limit, refused unread',
      { '--real-train': big() },
      /big\.csv: 600 MB is more than the 512 MB the playground reads/,
    ],
    ['bad task', { '--task': 'ranking' }, /--task must be regression or classification/],
    ['bad replicates', { '--replicates': '0' }, /--replicates must be 1\.\.500/],
    ['bad missing', { '--missing': 'guess' }, /--missing must be impute or drop/],
  ];
  for (const [name, overrides, message] of cases) {
    it(name, async () => {
      const { code, out, err } = await cli(...evaluateArgs(overrides));
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(/^error: /);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    });
  }

  it('unknown option and unknown command', async () => {
    expect((await cli('evaluate', '--colour')).err).toMatch(/^error: .*--colour/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

describe('cli run and sweep: the browser`s engine on a share link', () => {
  const link = 'http://localhost:5173/?v=2&eta=sine&shift=1&models=ols;knn:k=5&R=3&test=1000';

  it('run gives the same numbers as the engine in-process for the same link, and writes files whole', async () => {
    const { code, out } = await cli('run', '--scenario', link, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { summary: { model: string; trtr: number; tstr: number }[] };
    const direct = await runExperiment(
      planFromScenario(decodeScenario(link.slice(link.indexOf('?'))).scenario),
    );
    expect(report.summary.map((r) => [r.model, r.trtr, r.tstr])).toEqual(
      direct.summary.models.map((m) => [m.id, m.trtr!.mean, m.tstr!.mean]),
    );
    const file = join(dir, 'results.json');
    expect((await cli('run', '--scenario', link, '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).replicates).toHaveLength(3 * 2);
    const bad = await cli('run', '--scenario', link, '--out', join(dir, 'results.txt'));
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'results.txt'))).toBe(false);
  });

  it('run --threads: helper threads fit replicates, and the numbers are those of one thread', async () => {
    // Enough work that the helpers, a second or so to start, find replicates left: the main thread must not
    // finish them all first (an MLP 2×32 trains in ~10 ms on the dense kernel).
    const many = `${link.replace('R=3', 'R=16')}&n=500&m=500`.replace(
      'models=ols;knn:k=5',
      'models=ols;krr:alpha=0.5,gamma=0.5;mlp:width=32,depth=2,epochs=1500,lr=0.01',
    );
    const one = await cli('run', '--scenario', many, '--json', '--threads', '1');
    const three = await cli('run', '--scenario', many, '--json', '--threads', '3', '--progress');
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.err).toMatch(/^3 threads \(2 helpers\), tfjs on wasm$/m);
    // The first replicate is always the main thread's; here the helpers took some of the other 15.
    const byHelpers = Number(/helper threads fitted (\d+) replicates/.exec(three.err)?.[1]);
    expect(byHelpers).toBeGreaterThan(0);
    expect(byHelpers).toBeLessThanOrEqual(15);
    const replicates = (out: string) => (JSON.parse(out) as { replicates: unknown[] }).replicates;
    expect(replicates(three.out)).toHaveLength(16 * 3);
    expect(replicates(three.out)).toEqual(replicates(one.out));
    expect(JSON.parse(three.out).summary).toEqual(JSON.parse(one.out).summary);
    for (const bad of ['0', '2.5', 'many']) {
      const { code, err } = await cli('run', '--scenario', many, '--threads', bad);
      expect(code).toBe(2);
      expect(err).toMatch(/--threads must be a whole number/);
    }
  });

  it('run reads a JSON scenario file, and warns about what it had to change', async () => {
    const file = csv(
      'scenario.json',
      JSON.stringify({ eta: 'linear', shift: 9, models: 'ols', replicates: 2, nTest: 1000 }),
    );
    const { code, err } = await cli('run', '--scenario', file);
    expect(code).toBe(0);
    expect(err).toMatch(/warning: shift = 9 is above the maximum 3/);
  });

  it('run --references adds population risks, the decomposition of U and agreement with the population order', async () => {
    const { code, out } = await cli(
      'run',
      '--scenario',
      '?v=2&eta=quadratic&shift=1&models=ols;poly:degree=2;ridge:alpha=1&R=3&test=1000',
      '--references',
      '--json',
    );
    expect(code).toBe(0);
    type Reference = {
      id: string;
      method: string;
      size: number | null;
      fits: number;
      limit: number;
      responsePart: number;
      featurePart: number;
      values: { limit: { lo: number; hi: number } };
      estimation: number;
      estimationInterval: { lo: number; hi: number };
    };
    const report = JSON.parse(out) as {
      references: { fits: number; models: Reference[] };
      ranking: { tstrVsPopulation: number[][] };
    };
    const [ols, , ridge] = report.references.models;
    // OLS on a quadratic eta, shift 1, exact responses: exactly the closed form s^4/4 + s^2 = 1.25, all of it in
    // the feature x misspecification part, with a zero-width interval.
    expect(ols).toMatchObject({ method: 'exact', size: null, fits: 0, responsePart: 0 });
    expect(ols!.limit).toBeCloseTo(1.25, 12);
    expect(ols!.values.limit.hi - ols!.values.limit.lo).toBe(0);
    // Ridge has no closed form: a mean over independent fits with the sizes used, and an interval.
    expect(ridge).toMatchObject({ method: 'monte-carlo', size: 10_000, fits: report.references.fits });
    expect(ridge!.values.limit.lo).toBeLessThan(ridge!.values.limit.hi);
    expect(ridge!.estimationInterval.lo).toBeLessThan(ridge!.estimation);
    expect(ridge!.estimationInterval.hi).toBeGreaterThan(ridge!.estimation);
    expect(report.ranking.tstrVsPopulation[0]![1]).toBe(1);
    expect((await cli('run', '--scenario', '?gen=gmm&R=1', '--references')).err).toMatch(/oracle mode/);
  });

  it('sweep writes one row per point and model', async () => {
    const file = join(dir, 'sweep.csv');
    const { code } = await cli(
      'sweep',
      '--scenario',
      link,
      '--param',
      'shift',
      '--from',
      '0',
      '--to',
      '2',
      '--steps',
      '3',
      '--out',
      file,
    );
    expect(code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^shift,model,fitted,trtr,/);
    expect(lines).toHaveLength(1 + 3 * 2);
    expect(
      (await cli('sweep', '--scenario', link, '--param', 'shift', '--from', '0', '--to', '9', '--steps', '3'))
        .err,
    ).toMatch(/shift = 9 is outside -3..3/);
  });
});

describe('cli as a process', () => {
  it('exits 2 with one line on bad input, and prints clean JSON on success', async () => {
    const run = promisify(execFile);
    const bin = ['tsx', 'src/cli/main.ts'];
    const failure = await run('npx', [...bin, ...evaluateArgs({ '--models': 'forest' })]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failure && failure.code).toBe(2);
    expect(
      (failure as { stderr: string }).stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toHaveLength(1);
    const { stdout } = await run('npx', [...bin, ...evaluateArgs({ '--json': '' }).filter((a) => a !== '')]);
    expect(JSON.parse(stdout).models[0].model).toBe('ols');
  }, 30_000);
});
