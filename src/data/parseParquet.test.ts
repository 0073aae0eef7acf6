import { describe, expect, it } from 'vitest';
import { writeParquet } from './fixtures/parquet';
import { readTable } from './read';
import { failure, values } from './testing';

const sample = writeParquet(
  [
    { name: 'x', type: 'double', values: [1.5, null, Number.NaN, -2] },
    { name: 'n', type: 'int32', values: [1, 2, 3, 4] },
    { name: 'big', type: 'int64', values: [1n, 2n, 3n, 2n ** 53n + 1n] },
    { name: 'count', type: 'int64', values: [10n, null, 30n, 40n] },
    { name: 'kind', type: 'string', values: ['a', 'NA', null, '3.5'] },
    { name: 'flag', type: 'boolean', values: [true, false, null, true] },
  ],
  { rowGroupSize: 3 },
);

describe('Parquet', () => {
  it('reads numbers, integers, strings and booleans across row groups', async () => {
    const table = await readTable('s.parquet', sample);
    expect(table.format).toBe('parquet');
    expect(table.columns).toEqual(['x', 'n', 'big', 'count', 'kind', 'flag']);
    expect(table.rows).toBe(4);
    expect(values(table, 'x')).toEqual([1.5, null, null, -2]);
    expect(values(table, 'n')).toEqual([1, 2, 3, 4]);
    expect(values(table, 'count')).toEqual([10, null, 30, 40]);
    expect(values(table, 'kind')).toEqual(['a', null, null, '3.5']);
    expect(values(table, 'flag')).toEqual(['true', 'false', null, 'true']);
    expect(Array.from(table.origin)).toEqual([1, 2, 3, 4]);
  });

  it('keeps an INT64 column with values beyond 2^53 as exact text, with a notice', async () => {
    const table = await readTable('s.parquet', sample);
    expect(values(table, 'big')).toEqual(['1', '2', '3', '9007199254740993']);
    expect(table.notices).toEqual([
      's.parquet: column "big" has integers beyond 2^53, read as text to keep every digit',
    ]);
  });

  it('reads a Parquet file renamed .csv, with a notice', async () => {
    const table = await readTable('renamed.csv', sample);
    expect(table.format).toBe('parquet');
    expect(table.notices[0]).toBe('renamed.csv: read as Parquet (its content is Parquet)');
  });

  it('refuses infinities with the row and column', async () => {
    const file = writeParquet([{ name: 'x', type: 'double', values: [1, Number.POSITIVE_INFINITY] }]);
    expect(await failure(readTable('i.parquet', file))).toBe(
      'i.parquet row 2, column "x": Infinity is infinite; the learners need finite numbers',
    );
  });

  it('refuses a codec it cannot read, a cut file and a damaged footer', async () => {
    const gzip = writeParquet([{ name: 'x', type: 'double', values: [1, 2] }], { codec: 'GZIP' });
    expect(await failure(readTable('g.parquet', gzip))).toBe(
      'g.parquet: compressed with GZIP, which the playground cannot read; save it with snappy or no compression',
    );
    expect(await failure(readTable('cut.parquet', sample.slice(0, 40)))).toBe(
      'cut.parquet: a Parquet file that ends too early (is the file complete?)',
    );
    const broken = sample.slice();
    broken.fill(0xff, broken.length - 60, broken.length - 8);
    expect(await failure(readTable('b.parquet', broken))).toMatch(
      /^b\.parquet: not a readable Parquet file \(/,
    );
  });

  it('refuses an empty table and samples past the cell budget', async () => {
    const empty = writeParquet([{ name: 'x', type: 'double', values: [] }]);
    expect(await failure(readTable('e.parquet', empty))).toBe('e.parquet: no data rows');
    const many = writeParquet(
      [{ name: 'x', type: 'int32', values: Array.from({ length: 500 }, (_, i) => i) }],
      {
        rowGroupSize: 64,
      },
    );
    const table = await readTable('m.parquet', many, { limits: { maxCells: 50 } });
    expect(table.rows).toBe(50);
    expect(table.fileRows).toBe(500);
    const xs = values(table, 'x') as number[];
    xs.forEach((x, k) => expect(table.origin[k]).toBe(x + 1));
    expect(Math.max(...xs)).toBeGreaterThan(300);
  });
});
