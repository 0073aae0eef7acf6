import { describe, expect, it } from 'vitest';
import { inferSchema } from './schema';
import { filesOf, thrown } from './testing';

const real = 'age,city,y\n30,Oslo,1.5\n41,Rome,2.5\n,Oslo,3\n';

describe('columns matched by name across files', () => {
  it('matches columns in any order and counts missing cells per file', async () => {
    const files = await filesOf(real, ['city,y,age\nRome,1,20\nNA,2,30\n'], 'y,age,city\n1,50,Oslo\n');
    const schema = inferSchema(files);
    expect(schema.files).toEqual(['real.csv', 'syn1.csv', 'test.csv']);
    expect(schema.columns.map((c) => [c.name, c.kind, c.role])).toEqual([
      ['age', 'numeric', 'feature'],
      ['city', 'categorical', 'feature'],
      ['y', 'numeric', 'target'],
    ]);
    expect(schema.columns[0]!.missing).toEqual([1, 0, 0]);
    expect(schema.columns[1]!.missing).toEqual([0, 1, 0]);
    expect(schema.columns[1]!.categories).toEqual(['Oslo', 'Rome']);
    expect(schema.notices).toEqual([]);
  });

  it('names the file and column a file lacks, with a hint when only the case differs', async () => {
    const files = await filesOf(real, ['age,y\n1,2\n']);
    expect(thrown(() => inferSchema(files))).toBe(
      'syn1.csv: no column "city", which real.csv has; the files\' columns are matched by name',
    );
    const cased = await filesOf(real, ['age,City,y\n1,a,2\n']);
    expect(thrown(() => inferSchema(cased))).toBe(
      'syn1.csv: no column "city", which real.csv has ("City" differs only in case); the files\' columns are matched by name',
    );
    const noTarget = await filesOf(real, ['age,city,y\n1,a,2\n'], 'age,city\n1,a\n');
    expect(thrown(() => inferSchema(noTarget))).toBe(
      'test.csv: no column "y", which real.csv has; the files\' columns are matched by name',
    );
  });

  it('ignores extra columns of a synthetic file with a notice', async () => {
    const files = await filesOf(real, ['age,city,y,extra,more\n1,Oslo,2,9,8\n']);
    expect(inferSchema(files).notices).toEqual(['syn1.csv: "extra", "more" not in real.csv; ignored']);
  });

  it('a column numeric in the real file but text in another is refused at the cell', async () => {
    const files = await filesOf(real, ['age,city,y\n1,Oslo,2\nold,Rome,3\n']);
    expect(thrown(() => inferSchema(files))).toBe(
      'syn1.csv line 3, column "age": "old" is not a number, but the column is numeric in real.csv',
    );
  });

  it("lists a classification target's classes (sorted as the encoder codes them), none for regression", async () => {
    const three = 'x,kind\n1,b\n2,a\n3,c\n4,a\n';
    const files = await filesOf(three, ['x,kind\n1,a\n2,b\n']);
    expect(inferSchema(files, { task: 'classification' }).classes).toEqual(['a', 'b', 'c']);
    expect(inferSchema(await filesOf(real, ['age,city,y\n1,Oslo,2\n'])).classes).toBeNull();
  });

  it('takes 1 to 8 synthetic files', async () => {
    const one = await filesOf(real, []);
    expect(thrown(() => inferSchema(one))).toBe(
      'real.csv: no synthetic file: the lab compares the real file with 1 to 8 synthetic ones',
    );
    const many = await filesOf(
      real,
      Array.from({ length: 9 }, () => real),
    );
    expect(thrown(() => inferSchema(many))).toBe('syn9.csv: 9 synthetic files; the lab compares at most 8');
  });
});

describe('target and task', () => {
  it('picks y, target, label or class in any case, else the last column', async () => {
    const pick = async (header: string): Promise<string> =>
      inferSchema(await filesOf(`${header}\n1,2,3\n2,3,4\n`, [`${header}\n1,2,3\n`])).target;
    expect(await pick('a,b,c')).toBe('c');
    expect(await pick('Label,b,c')).toBe('Label');
    expect(await pick('a,TARGET,c')).toBe('TARGET');
    expect(await pick('class,y,c')).toBe('y');
    const files = await filesOf(real, [real]);
    expect(inferSchema(files, { target: 'age' }).target).toBe('age');
    expect(thrown(() => inferSchema(files, { target: 'nope' }))).toBe(
      'real.csv: no target column "nope" (columns: age, city, y)',
    );
  });

  it('detects classification for text or few integer values, regression otherwise; either can be chosen', async () => {
    const task = async (values: string[], chosen?: 'regression' | 'classification') => {
      const text = `x,y\n${values.map((v, i) => `${i},${v}`).join('\n')}\n`;
      const schema = inferSchema(await filesOf(text, [text]), chosen ? { task: chosen } : {});
      return [schema.task, schema.why.task];
    };
    expect(await task(['a', 'b'])).toEqual(['classification', 'target "y" holds text']);
    expect((await task(['0', '1', '1']))[0]).toBe('classification');
    expect((await task(Array.from({ length: 10 }, (_, i) => String(i))))[0]).toBe('classification');
    expect(await task(Array.from({ length: 11 }, (_, i) => String(i)))).toEqual([
      'regression',
      'target "y" holds more than 10 distinct integers',
    ]);
    expect(await task(['0.5', '1'])).toEqual(['regression', 'target "y" holds non-integer numbers']);
    expect(await task(['0', '1'], 'regression')).toEqual(['regression', 'chosen']);
  });

  it('refuses regression on a text target, naming the cell', async () => {
    const text = 'x,y\n1,a\n2,b\n';
    const files = await filesOf(text, [text]);
    expect(thrown(() => inferSchema(files, { task: 'regression' }))).toBe(
      'real.csv line 2, column "y": regression needs a numeric target, but "a" is not a number',
    );
  });
});

describe('kinds and roles', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `${i + 1},u${i},${i % 3},${i % 2 ? 'a' : 'b'},${i}`);
  const table = `id,user,n,kind,y\n${ids.join('\n')}\n`;

  it('leaves out ID-like columns (all-distinct text, an increasing integer named like an id) unless kept', async () => {
    const files = await filesOf(table, [table]);
    const schema = inferSchema(files);
    expect(schema.columns.map((c) => [c.name, c.role, c.reason])).toEqual([
      ['id', 'left-out', 'ID-like: a row counter'],
      ['user', 'left-out', 'ID-like: every value differs'],
      ['n', 'feature', null],
      ['kind', 'feature', null],
      ['y', 'target', null],
    ]);
    expect(schema.notices).toEqual([
      '"id" left out: ID-like: a row counter',
      '"user" left out: ID-like: every value differs',
    ]);
    const kept = inferSchema(files, { include: ['id'], exclude: ['kind'] });
    expect(kept.columns.map((c) => c.role)).toEqual(['feature', 'left-out', 'feature', 'left-out', 'target']);
    expect(kept.columns[3]!.reason).toBe('left out by you');
  });

  it('a left-out column may be missing from other files', async () => {
    const files = await filesOf(table, ['n,kind,y\n1,a,2\n']);
    expect(inferSchema(files).columns.map((c) => c.missing)).toEqual([
      [0, null],
      [0, null],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('leaves out shuffled distinct integers named like an id, but not repeated ones', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `${(i * 7) % 12},${i % 4},${i % 3},${i % 2}`).join(
      '\n',
    );
    const text = `customer_id,group_id,x,y\n${body}\n`;
    const schema = inferSchema(await filesOf(text, [text]));
    expect(schema.columns.map((c) => c.reason)).toEqual([
      'ID-like: a different integer in every row',
      null,
      null,
      null,
    ]);
  });

  it('an increasing integer column not named like an id, or a short text column, stays', async () => {
    const text = 'step,word,y\n1,a,0\n2,b,1\n3,c,0\n';
    const schema = inferSchema(await filesOf(text, [text]));
    expect(schema.columns.map((c) => c.role)).toEqual(['feature', 'feature', 'target']);
  });

  it('numeric columns stay numeric however few their values; the caller may make them categorical', async () => {
    const text = 'grade,x,y\n1,0.5,0\n2,1.5,1\n1,2,0\n';
    const files = await filesOf(text, ['grade,x,y\n3,1,1\n1,1,0\n']);
    expect(inferSchema(files).columns[0]!.kind).toBe('numeric');
    const forced = inferSchema(files, { kinds: { grade: 'categorical' } });
    expect(forced.columns[0]!.kind).toBe('categorical');
    expect(forced.columns[0]!.categories).toEqual(['1', '2', '3']);
    expect(thrown(() => inferSchema(files, { kinds: { nope: 'numeric' } }))).toMatch(/no column "nope"/);
  });

  it('takes the union of categories over all files, sorted', async () => {
    const files = await filesOf('c,y\nb,1\na,2\n', ['c,y\nz,1\na,2\n'], 'c,y\nm,1\nb,0\n');
    expect(inferSchema(files).columns[0]!.categories).toEqual(['a', 'b', 'm', 'z']);
  });

  it('leaves out a categorical column with too many categories, and one with no values', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `c${i % 55},,${i % 4},${i}`).join('\n');
    const text = `name,empty,x,y\n${rows}\n`;
    const schema = inferSchema(await filesOf(text, [text]), { target: 'y' });
    expect(schema.columns.map((c) => c.reason)).toEqual([
      '55 categories (more than 50); one-hot encoding would add 55 features',
      'no values in real.csv',
      null,
      null,
    ]);
  });

  it('refuses a file set with nothing left to learn from', async () => {
    const text = 'id,y\n1,0\n2,1\n3,0\n';
    const files = await filesOf(text, [text]);
    expect(thrown(() => inferSchema(files))).toBe(
      'real.csv: no feature column besides the target "y" is left to learn from',
    );
  });
});
