import { describe, expect, it } from 'vitest';
import { applyEncoding, encode } from './encode';
import { inferSchema } from './schema';
import { filesOf, readText, thrown } from './testing';

const rowsOf = (x: { rows: number; cols: number; data: Float64Array }): number[][] =>
  Array.from({ length: x.rows }, (_, i) => Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)));

describe('features', () => {
  it('keeps numbers, one-hot encodes categories over the sorted union, and names the features', async () => {
    const files = await filesOf('x,c,y\n1.5,b,0.5\n2,a,1\n', ['c,x,y\nz,3,2\n'], 'y,c,x\n0,a,4\n');
    const out = encode(files, inferSchema(files));
    expect(out.encoding.features).toEqual(['x', 'c=a', 'c=b', 'c=z']);
    expect(rowsOf(out.real.x)).toEqual([
      [1.5, 0, 1, 0],
      [2, 1, 0, 0],
    ]);
    expect(Array.from(out.real.y)).toEqual([0.5, 1]);
    expect(rowsOf(out.synthetic[0]!.x)).toEqual([[3, 0, 0, 1]]);
    expect(rowsOf(out.test!.x)).toEqual([[4, 1, 0, 0]]);
    expect(out.summary).toBe(
      '4 features: 1 numeric column used as they are, 1 column one-hot encoded into 3 features',
    );
  });

  it('imputes from the real file only: the median of a number, the most frequent category', async () => {
    const files = await filesOf('x,c,y\n1,b,0\n3,b,1\n10,a,2\n,,3\n', [
      'x,c,y\n1000,a,1\n1000,a,2\n1000,a,3\n,,4\n',
    ]);
    const out = encode(files, inferSchema(files, { task: 'regression' }));
    expect(rowsOf(out.real.x)[3]).toEqual([3, 0, 1]);
    expect(rowsOf(out.synthetic[0]!.x)[3]).toEqual([3, 0, 1]);
    expect(out.reports.map((r) => r.imputed)).toEqual([2, 2]);
    expect(out.summary).toMatch(/4 missing values imputed$/);
  });

  it('drops rows with missing features when asked, and rows without a target always', async () => {
    const files = await filesOf('x,c,y\n1,b,0\n,a,1\n2,,2\n3,a,\n4,a,5\n', ['x,c,y\n1,a,1\n']);
    const out = encode(files, inferSchema(files, { task: 'regression' }), { missing: 'drop' });
    expect(rowsOf(out.real.x)).toEqual([
      [1, 0, 1],
      [4, 1, 0],
    ]);
    expect(out.reports[0]).toMatchObject({
      rows: 5,
      kept: 2,
      droppedNoTarget: 1,
      droppedMissing: 2,
      imputed: 0,
    });
    expect(out.notices).toEqual([
      'real.csv: 1 rows without a value in "y" dropped',
      'real.csv: 2 rows with missing values dropped',
    ]);
    const none = await filesOf('x,y\n,1\n,2\n3,4\n', ['x,y\n,1\n']);
    expect(thrown(() => encode(none, inferSchema(none, { task: 'regression' }), { missing: 'drop' }))).toBe(
      'syn1.csv: no row is left once rows with missing values are dropped; impute them instead',
    );
  });

  it('encodes a category unseen when fitted as all zeros, with a notice', async () => {
    const files = await filesOf('c,x,y\na,1,0\nb,2,1\n', ['c,x,y\na,1,1\nb,1,0\n']);
    const out = encode(files, inferSchema(files));
    const later = await readText('later.csv', 'x,c,y\n5,q,1\n6,a,0\n');
    const applied = applyEncoding(out.encoding, later, false);
    expect(rowsOf(applied.sample.x)).toEqual([
      [0, 0, 5],
      [1, 0, 6],
    ]);
    expect(applied.report.unseen).toBe(1);
    expect(applied.notices).toEqual([
      'later.csv: 1 cells of categories not seen before encoded as all zeros',
    ]);
  });

  it('describes left-out columns in the summary', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `${i},u${i},${i % 3},${i % 2}`).join('\n');
    const text = `index,user,n,y\n${body}\n`;
    const files = await filesOf(text, [text]);
    expect(encode(files, inferSchema(files)).summary).toBe(
      '1 feature: 1 numeric column used as they are, 2 ID-like columns left out',
    );
  });
});

describe('the target', () => {
  it('codes two classes 0/1 in sorted order (numbers numerically) and returns the mapping', async () => {
    const files = await filesOf('x,y\n1,yes\n2,no\n', ['x,y\n1,no\n2,yes\n']);
    const out = encode(files, inferSchema(files));
    expect(out.encoding.coding.classes).toEqual(['no', 'yes']);
    expect(Array.from(out.real.y)).toEqual([1, 0]);
    const numeric = await filesOf('x,y\n1,10\n2,9\n', ['x,y\n1,9\n2,10\n']);
    const coded = encode(numeric, inferSchema(numeric));
    expect(coded.encoding.coding.classes).toEqual(['9', '10']);
    expect(Array.from(coded.real.y)).toEqual([1, 0]);
  });

  it('refuses more than two classes unless a positive class is chosen (one vs rest)', async () => {
    const text = 'x,species\n1,Adelie\n2,Gentoo\n3,Chinstrap\n4,Adelie\n';
    const files = await filesOf(text, [text]);
    const schema = inferSchema(files);
    expect(thrown(() => encode(files, schema))).toBe(
      'real.csv column "species": 3 classes in the target ("Adelie", "Chinstrap", "Gentoo"); the playground\'s ' +
        'classifiers are binary: choose a positive class to tell apart from the rest (the page: beside the target; ' +
        'the CLI: --positive-class), or choose regression',
    );
    const out = encode(files, schema, { positiveClass: 'Gentoo' });
    expect(out.encoding.coding.classes).toEqual(['not Gentoo', 'Gentoo']);
    expect(Array.from(out.real.y)).toEqual([0, 1, 0, 0]);
    expect(thrown(() => encode(files, schema, { positiveClass: 'Emperor' }))).toBe(
      'real.csv column "species": no class "Emperor" in the target (classes: "Adelie", "Chinstrap", "Gentoo")',
    );
  });

  it('refuses a class only in a synthetic or test file, naming the row', async () => {
    const files = await filesOf('x,y\n1,a\n2,b\n', ['x,y\n1,a\n\n2,c\n']);
    expect(thrown(() => encode(files, inferSchema(files)))).toBe(
      'syn1.csv line 4, column "y": class "c" is not among the real file\'s classes ("a", "b")',
    );
  });

  it('refuses a single class in a training file; a test file gets a notice', async () => {
    const one = await filesOf('x,y\n1,a\n2,a\n', ['x,y\n1,a\n']);
    expect(thrown(() => encode(one, inferSchema(one)))).toBe(
      'real.csv column "y": only one class ("a") in the target; classification needs two',
    );
    const synthetic = await filesOf('x,y\n1,a\n2,b\n', ['x,y\n1,b\n2,b\n']);
    expect(thrown(() => encode(synthetic, inferSchema(synthetic)))).toBe(
      'syn1.csv column "y": only class "b" in the target; a classifier needs both classes to learn',
    );
    const test = await filesOf('x,y\n1,a\n2,b\n', ['x,y\n1,a\n2,b\n'], 'x,y\n3,a\n');
    expect(encode(test, inferSchema(test)).notices).toEqual([
      'test.csv: only class "a" in the target; a classifier needs both classes to learn (allowed in a test file, but its scores say nothing about the other class)',
    ]);
  });
});
