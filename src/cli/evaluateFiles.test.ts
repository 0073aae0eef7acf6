/**
 * `evaluate` as the your-data lab (issue 15): several synthetic files, no test file (repeated stratified splits
 * with intervals and a leaderboard), Parquet, categorical and ID-like columns, --out, --threads; and the CLI's
 * numbers are those of evaluateFiles called directly on the same files (the function the page's worker calls).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode, inferSchema, readTable } from '../data/index';
import { evaluateFiles } from '../data/evaluate';
import { writeParquet } from '../data/fixtures/parquet';
import { realDataCase, type Sample } from '../engine/fixtures/loadRealData';
import type { EvaluateReport } from './evaluate';
import { cli, csvWriter } from './testing';

const { dir, csv } = csvWriter('cli-files-');
const diabetes = realDataCase('diabetes');

function text(s: Sample, shuffleTarget = false): string {
  const p = s.x.cols;
  const lines = [diabetes.names.join(',')];
  for (let i = 0; i < s.x.rows; i++) {
    const y = shuffleTarget ? s.y[(i * 7) % s.y.length]! : s.y[i]!;
    lines.push([...s.x.data.subarray(i * p, (i + 1) * p), y].map(String).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const real = csv('real.csv', text(diabetes.realTrain));
const good = csv('gaussian.csv', text(diabetes.syntheticTrain));
const broken = csv('broken.csv', text(diabetes.syntheticTrain, true));
const test = csv('test.csv', text(diabetes.test));
const MODELS = 'ols;ridge:alpha=1;knn:k=10';
const splits = ['evaluate', '--real-train', real, '--synthetic-train', good, '--synthetic-train', broken];
const settings = ['--models', MODELS, '--replicates', '5', '--seed', '7', '--json'];

const parse = (out: string) => JSON.parse(out) as EvaluateReport;

describe('cli evaluate: several synthetic files and no test file', () => {
  it('gives intervals per dataset, a leaderboard, and the numbers of evaluateFiles called directly', async () => {
    const { code, out, err } = await cli(...splits, ...settings);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = parse(out);
    expect(report).toMatchObject({ version: 2, task: 'regression', testing: 'splits', replicates: 5 });
    expect(report.test_fraction).toBe(0.25);
    expect(report.models).toBeUndefined(); // the version 1 fields only with one synthetic file
    expect(report.datasets.map((d) => d.name)).toEqual([good, broken]);
    for (const d of report.datasets) {
      expect(d.replicates).toBe(5);
      for (const m of d.models) {
        expect(m.trtr_lo).toBeLessThan(m.trtr!);
        expect(m.tstr_hi).toBeGreaterThan(m.tstr!);
        expect(m.utility_hi).not.toBeNull();
      }
      expect(d.ranking.sra_lo).not.toBeNull();
    }
    // The same real splits for every dataset: TRTR is shared, only TSTR moves.
    expect(report.datasets[1]!.models.map((m) => m.trtr)).toEqual(
      report.datasets[0]!.models.map((m) => m.trtr),
    );
    expect(report.leaderboard.map((r) => [r.name, r.utility_place])).toEqual([
      [good, 1],
      [broken, 2],
    ]);

    // The page's path: src/data reads and encodes the same bytes, evaluateFiles runs the same settings.
    const tables = await Promise.all(
      [real, good, broken].map((f) => readTable(f, new Uint8Array(readFileSync(f)))),
    );
    const files = { real: tables[0]!, synthetic: tables.slice(1) };
    const encoded = encode(files, inferSchema(files), { missing: 'impute' });
    const direct = await evaluateFiles(encoded, [good, broken], {
      task: 'regression',
      models: MODELS.split(';'),
      replicates: 5,
      seed: 7,
      testFraction: 0.25,
    });
    direct.forEach((r, i) => {
      const d = report.datasets[i]!;
      expect(d.models.map((m) => [m.trtr, m.trtr_lo, m.tstr, m.tstr_hi, m.utility, m.ratio])).toEqual(
        r.summary.models.map((m) => [
          m.trtr!.mean,
          m.trtr!.lo,
          m.tstr!.mean,
          m.tstr!.hi,
          m.utility!.value,
          m.ratio,
        ]),
      );
      expect([d.ranking.kendall_tau_b, d.ranking.sra, d.ranking.top1]).toEqual([
        r.summary.ranking!.kendallTauB!.mean,
        r.summary.ranking!.sra!.mean,
        r.summary.ranking!.top1!.estimate,
      ]);
      expect(d.fidelity.c2st_auc).toBe(r.fidelity.c2stAuc);
      expect(d.privacy.verdict).toBe(r.privacy.verdict);
    });

    const table = await cli(...splits, ...settings.slice(0, -1));
    expect(table.out).toMatch(/5 replicates, 95% intervals/);
    expect(table.out).toMatch(/^leaderboard \(utility: mean U over models.*Synthetic Ranking Agreement/m);
  });

  it('--max-rows: seeded samples of at most N rows per file, as evaluateFiles gives them; bad values refused', async () => {
    const { code, out } = await cli(...splits, ...settings, '--max-rows', '100');
    expect(code).toBe(0);
    const report = parse(out);
    expect(report.max_rows).toBe(100);
    const tables = await Promise.all(
      [real, good, broken].map((f) => readTable(f, new Uint8Array(readFileSync(f)))),
    );
    const files = { real: tables[0]!, synthetic: tables.slice(1) };
    const encoded = encode(files, inferSchema(files), { missing: 'impute' });
    const options = { task: 'regression' as const, models: MODELS.split(';'), replicates: 5, seed: 7 };
    const sampled = await evaluateFiles(encoded, [good, broken], {
      ...options,
      testFraction: 0.25,
      maxRows: 100,
    });
    const all = await evaluateFiles(encoded, [good, broken], { ...options, testFraction: 0.25 });
    expect(report.datasets[0]!.models.map((m) => m.tstr)).toEqual(
      sampled[0]!.summary.models.map((m) => m.tstr!.mean),
    );
    expect(sampled[0]!.summary.models[0]!.tstr!.mean).not.toBe(all[0]!.summary.models[0]!.tstr!.mean);
    const table = await cli(...splits, ...settings.slice(0, -1), '--max-rows', '100');
    expect(table.out).toMatch(/at most 100 rows of each file per replicate \(a seeded sample\)/);
    const bad = await cli(...splits, ...settings, '--max-rows', '-5');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--max-rows/);
  });

  it('a target of three classes: refused with how to choose, then --positive-class tells one from the rest', async () => {
    const rows = (seed: number) =>
      [
        'x1,x2,kind',
        ...Array.from({ length: 90 }, (_, i) => {
          const k = (i * 7 + seed) % 3;
          return `${k + ((i * 13) % 10) / 10},${(i % 5) / 5},${['north', 'south', 'west'][k]}`;
        }),
      ].join('\n');
    const r = csv('three.csv', rows(0));
    const s = csv('three-synthetic.csv', rows(1));
    const base = [
      'evaluate',
      '--real-train',
      r,
      '--synthetic-train',
      s,
      '--models',
      'logistic:C=1;knn:k=5',
      '--replicates',
      '3',
      '--json',
    ];
    const refused = await cli(...base);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/3 classes in the target \("north", "south", "west"\).*--positive-class/);
    const { code, out } = await cli(...base, '--positive-class', 'south');
    expect(code).toBe(0);
    const report = parse(out);
    expect(report.task).toBe('classification');
    expect(report.datasets[0]!.models.every((m) => m.trtr !== null && m.tstr !== null)).toBe(true);
  });

  it(
    '--threads 1 and --threads 2 give the same report, the helper fitting some replicates',
    { timeout: 120_000 },
    async () => {
      const args = [
        ...splits,
        '--models',
        // Enough work per replicate (an MLP) that the helper starts before the main thread is done alone.
        'ols;krr:alpha=1,gamma=0.1;knn:k=10;mlp:width=32,depth=2,epochs=300,lr=0.01',
        '--replicates',
        '40',
        '--json',
      ];
      const one = await cli(...args, '--threads', '1');
      const two = await cli(...args, '--threads', '2', '--progress');
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(two.err).toMatch(/^2 threads \(1 helper\)$/m);
      expect(Number(/helper threads fitted (\d+) replicates/.exec(two.err)?.[1])).toBeGreaterThan(0);
      expect(parse(two.out).replicates).toBe(40);
      expect(two.out).toBe(one.out);
    },
  );

  it('--out writes the report as JSON, or one CSV row per dataset and model', async () => {
    const json = join(dir, 'report.json');
    const rows = join(dir, 'report.csv');
    expect((await cli(...splits, ...settings, '--out', json)).code).toBe(0);
    expect(parse(readFileSync(json, 'utf8')).datasets).toHaveLength(2);
    expect((await cli(...splits, ...settings, '--out', rows)).code).toBe(0);
    const lines = readFileSync(rows, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^dataset,model,label,fitted,trtr,trtr_lo,trtr_hi,tstr,/);
    expect(lines).toHaveLength(1 + 2 * 3);
  });
});

describe('cli evaluate: Parquet and categorical columns', () => {
  it('a Parquet real file gives the numbers of the same data as CSV', async () => {
    const s = diabetes.realTrain;
    const columns = diabetes.names.map((name, j) => ({
      name,
      type: 'double' as const,
      values: Array.from({ length: s.x.rows }, (_, i) =>
        j < s.x.cols ? s.x.data[i * s.x.cols + j]! : s.y[i]!,
      ),
    }));
    const parquet = join(dir, 'real.parquet');
    writeFileSync(parquet, writeParquet(columns));
    const run = (file: string) =>
      cli(
        'evaluate',
        '--real-train',
        file,
        '--synthetic-train',
        good,
        '--test',
        test,
        '--models',
        MODELS,
        '--json',
      );
    const [fromParquet, fromCsv] = [parse((await run(parquet)).out), parse((await run(real)).out)];
    expect(fromParquet.files.real).toBe(parquet);
    expect(fromParquet.models).toEqual(fromCsv.models);
    const reference = diabetes.models[0]!;
    expect(Math.abs(fromParquet.models![0]!.trtr! / reference.trtr - 1)).toBeLessThan(1e-9);
  });

  it('one-hot encodes a text column, leaves an ID-like column out with a note, and fits OLS minimum-norm', async () => {
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const colors = ['red', 'green', 'blue'];
    const table = (rows: number) => {
      const lines = ['customer_id,color,size,price'];
      for (let i = 0; i < rows; i++) {
        const c = Math.floor(random() * 3);
        const size = random() * 10;
        lines.push(`${1000 + i},${colors[c]},${size.toFixed(3)},${(2 * size + 5 * c + random()).toFixed(3)}`);
      }
      return `${lines.join('\n')}\n`;
    };
    const shop = csv('shop.csv', table(120));
    const shopSynthetic = csv('shop-synthetic.tsv', table(100).replaceAll(',', '\t'));
    const { code, out, err } = await cli(
      ...['evaluate', '--real-train', shop, '--synthetic-train', shopSynthetic, '--replicates', '3'],
      ...['--models', 'ols;knn:k=5', '--json'],
    );
    expect(code).toBe(0);
    expect(err).toBe('note: "customer_id" left out: ID-like: a row counter');
    const report = parse(out);
    expect(report.target).toBe('price'); // no y/target/label/class: the last column
    expect(report.features).toEqual(['color=blue', 'color=green', 'color=red', 'size']);
    expect(report.models![0]!.notices[0]).toMatch(/^ols on .*shop\.csv: rank-deficient design/);
    expect(report.models![0]!.tstr).toBeLessThan(1);
  });

  it('without --models: the default models of the detected task', async () => {
    const { code, out } = await cli(
      'evaluate',
      '--real-train',
      real,
      '--synthetic-train',
      good,
      '--test',
      test,
      '--json',
    );
    expect(code).toBe(0);
    expect(parse(out).models!.map((m) => m.model)).toEqual(['ols', 'ridge:alpha=1', 'knn:k=5', 'knn:k=25']);
  });
});
