import { describe, expect, it } from 'vitest';
import { drawReplicate, stratifiedSplit } from './draw';
import { matrix } from './matrix';
import type { ExperimentPlan, FilesSource } from './plan';
import { stream } from './rng';
import type { Sample } from './populations/population';

const sample = (rows: number, offset: number, label = (i: number) => (i % 3 === 0 ? 1 : 0)): Sample => ({
  x: matrix(
    rows,
    2,
    Float64Array.from({ length: rows * 2 }, (_, i) => offset + i),
  ),
  y: Float64Array.from({ length: rows }, (_, i) => label(i)),
});

const plan = (source: FilesSource, n: number, m: number, nTest: number): ExperimentPlan => ({
  task: 'classification',
  source,
  n,
  m,
  nTest,
  replicates: 3,
  seed: 7,
  tstrOn: 'real',
  models: ['logistic:C=1'],
});

describe("the user's files as a data source", () => {
  it('splits by class, keeping the balance, and uses every row once', () => {
    const y = Float64Array.from({ length: 90 }, (_, i) => (i < 30 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 30, 'classification', stream(1, 'split'));
    expect(test).toHaveLength(30);
    expect(train).toHaveLength(60);
    expect([...test].filter((i) => y[i] === 1)).toHaveLength(10);
    expect(new Set([...train, ...test]).size).toBe(90);
  });

  it('without a test file: a fresh split of the real rows per replicate; synthetic rows resampled', () => {
    const source: FilesSource = {
      kind: 'files',
      name: 's.csv',
      real: sample(120, 0),
      synthetic: sample(80, 10_000),
      test: null,
    };
    const p = plan(source, 90, 80, 30);
    const [a, b] = [drawReplicate(p, 0), drawReplicate(p, 1)];
    expect(a.real.x.rows).toBe(90);
    expect(a.test.x.rows).toBe(30);
    expect(a.syntheticTest).toBe(a.test);
    expect(a.synthetic.x.rows).toBe(80);
    expect(a.synthetic.x.data.every((v) => v >= 10_000)).toBe(true);
    expect(Array.from(a.test.x.data)).not.toEqual(Array.from(b.test.x.data));
    // Train and test never share a real row.
    const firsts = (s: Sample) => new Set(Array.from({ length: s.x.rows }, (_, i) => s.x.data[2 * i]));
    const train = firsts(a.real);
    for (const v of firsts(a.test)) expect(train.has(v)).toBe(false);
    // The same seed and replicate: the same draws.
    expect(drawReplicate(p, 1)).toEqual(b);
  });

  it('with a test file: bootstrap resamples of the real rows, tested on the whole test file', () => {
    const test = sample(50, 50_000);
    const source: FilesSource = {
      kind: 'files',
      name: 's.csv',
      real: sample(100, 0),
      synthetic: sample(60, 10_000),
      test,
    };
    const draws = drawReplicate(plan(source, 100, 60, 50), 2);
    expect(draws.test).toBe(test);
    expect(draws.real.x.rows).toBe(100);
    const distinct = new Set(Array.from({ length: 100 }, (_, i) => draws.real.x.data[2 * i]));
    expect(distinct.size).toBeLessThan(100); // with replacement
  });

  it('with fewer rows asked for than the files have: seeded uniform samples, classes in proportion', () => {
    // 600 real rows, a third of them class 1, grouped by class in the split: the sample must not take one class.
    const source: FilesSource = {
      kind: 'files',
      name: 's.csv',
      real: sample(600, 0),
      synthetic: sample(500, 10_000),
      test: null,
    };
    const p = plan(source, 100, 80, 40);
    const draws = drawReplicate(p, 0);
    expect([draws.real.x.rows, draws.synthetic.x.rows, draws.test.x.rows]).toEqual([100, 80, 40]);
    const ones = draws.real.y.reduce((sum, v) => sum + v, 0);
    expect(ones).toBeGreaterThan(20);
    expect(ones).toBeLessThan(48);
    expect(draws.test.y.reduce((sum, v) => sum + v, 0)).toBe(13); // stratified: 40 / 3, rounded
    expect(drawReplicate(p, 0)).toEqual(draws);
    // One replicate, as-is files but fewer rows: samples without replacement, a test file sampled too.
    const single = { ...plan({ ...source, test: sample(300, 50_000) }, 100, 80, 40), replicates: 1 };
    const one = drawReplicate(single, 0);
    const distinct = (s: Sample) => new Set(Array.from({ length: s.x.rows }, (_, i) => s.x.data[2 * i])).size;
    expect([distinct(one.real), distinct(one.synthetic), distinct(one.test)]).toEqual([100, 80, 40]);
    expect(one.test.x.data.every((v) => v >= 50_000)).toBe(true);
  });
});
