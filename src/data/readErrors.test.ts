/** Every bad file gives one DataError whose message names the file, and the line, row or column where it applies. */
import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { checkSize, readTable } from './read';
import { bytes, failure, readText, values } from './testing';

const read = (name: string, data: Uint8Array | string, limits = {}): Promise<string> =>
  failure(readTable(name, typeof data === 'string' ? bytes(data) : data, { limits }));

describe('bad files give one clear message', () => {
  it('an empty file, and one of blank lines', async () => {
    expect(await read('e.csv', '')).toBe('e.csv: the file is empty (a header row and data rows are needed)');
    expect(await read('e.csv', '\n \n\n')).toBe(
      'e.csv: the file is empty (a header row and data rows are needed)',
    );
  });

  it('a header without rows', async () => {
    expect(await read('h.csv', 'a,b,y\n')).toBe('h.csv: no data rows after the header (line 1)');
    expect(await read('h.csv', '\na,b,y\n\n')).toBe('h.csv: no data rows after the header (line 2)');
  });

  it('a row with too few or too many fields', async () => {
    expect(await read('r.csv', 'a,b,y\n1,2,3\n\n1,2\n')).toBe(
      'r.csv line 4: 2 fields, the header (line 1) has 3',
    );
    expect(await read('r.csv', 'a,b,y\n1,2,3,4\n')).toBe('r.csv line 2: 4 fields, the header (line 1) has 3');
  });

  it('duplicate and empty column names', async () => {
    expect(await read('d.csv', 'a,b,a\n1,2,3\n')).toBe(
      'd.csv line 1, column 3: column "a" appears twice (also column 1)',
    );
    expect(await read('d.csv', 'a, b ,b\n1,2,3\n')).toBe(
      'd.csv line 1, column 3: column "b" appears twice (also column 2)',
    );
    expect(await read('n.csv', 'a,,y\n1,2,3\n')).toBe('n.csv line 1, column 2: empty column name');
  });

  it('no header row', async () => {
    expect(await read('x.csv', '1,2,3\n4,5,6\n')).toBe(
      'x.csv line 1: no header row (the first row holds numbers, not column names)',
    );
  });

  it('an unterminated quote names the line it opens on', async () => {
    expect(await read('q.csv', 'a,b\n1,2\n\n3,"4\n5,6\n')).toBe('q.csv line 4: Quoted field unterminated');
  });

  it('text that is not UTF-8 (Latin-1) names the line and byte', async () => {
    const latin1 = new Uint8Array([...bytes('name,y\nab,1\ncaf'), 0xe9, ...bytes(',2\n')]);
    expect(await read('l.csv', latin1)).toBe(
      'l.csv line 3: not UTF-8 text (byte 0xE9 at byte 16 of the file); a Latin-1 or Windows-1252 file looks like this: save it as UTF-8',
    );
    const cut = new Uint8Array([...bytes('a,b\n1,'), 0xe2, 0x82]);
    expect(await read('cut.csv', cut)).toMatch(/^cut\.csv line 2: not UTF-8 text \(byte 0xE2 at byte 7 /);
  });

  it('binary data, images, archives and UTF-16 are refused by their first bytes', async () => {
    expect(await read('nul.csv', new Uint8Array([...bytes('a,b\n1,'), 0, 0, 0x31]))).toBe(
      'nul.csv: binary data (a NUL byte at byte 7), not a text table; UTF-16 text has them too: save it as UTF-8',
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await read('photo.csv', png)).toBe(
      'photo.csv: this is a PNG image, not a CSV, TSV, Parquet or JSON table',
    );
    expect(await read('book.csv', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]))).toMatch(
      /^book\.csv: this is a ZIP archive \(an \.xlsx workbook is one: export it as CSV\)/,
    );
    expect(await read('z.csv', new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatch(
      /^z\.csv: this is gzip-compressed/,
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0]);
    expect(await read('w.csv', utf16)).toBe(
      'w.csv: this is UTF-16 text (save it as UTF-8), not a CSV, TSV, Parquet or JSON table',
    );
  });

  it('a name that promises another format than the content', async () => {
    expect(await read('t.parquet', 'a,b\n1,2\n')).toBe(
      't.parquet: named .parquet but not a Parquet file (it does not start with PAR1)',
    );
    expect(await read('t.json', 'a,b\n1,2\n')).toBe(
      't.json: named .json but its content does not start with [ or {',
    );
    const json = await readText('t.csv', '[{"a": 1, "b": 2}]');
    expect(json.format).toBe('json');
    expect(json.notices).toEqual(['t.csv: read as JSON (its content is JSON)']);
  });

  it('more columns than the limit', async () => {
    const header = Array.from({ length: 5000 }, (_, j) => `c${j}`).join(',');
    const row = Array.from({ length: 5000 }, () => '1').join(',');
    expect(await read('wide.csv', `${header}\n${row}\n`)).toBe(
      'wide.csv line 1: 5,000 columns; the playground reads at most 1,000 (drop columns you do not need)',
    );
    const table = await readTable('wide.csv', bytes(`${header}\n${row}\n`), { limits: { maxColumns: 5000 } });
    expect(table.columns.length).toBe(5000);
  });

  it('a file over the size limit, before or after loading', async () => {
    expect(await read('big.csv', 'a,b\n1,2\n', { maxBytes: 4 })).toBe(
      'big.csv: 8 bytes is more than the 4 bytes the playground reads; use a sample of the rows',
    );
    expect(() => checkSize('huge.csv', 600 * 1024 * 1024)).toThrow(
      'huge.csv: 600 MB is more than the 512 MB the playground reads; use a sample of the rows',
    );
    expect(() => checkSize('ok.csv', 1024)).not.toThrow();
  });

  it('every refusal is a DataError carrying the file and place', async () => {
    const error = await readTable('p.csv', bytes('a,b\n1,inf\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ file: 'p.csv', place: { line: 2, column: 'b', position: 2 } });
  });
});

describe('the cell budget keeps a uniform sample of rows', () => {
  const text = `i,y\n${Array.from({ length: 1000 }, (_, i) => `${i},${i % 7}`).join('\n')}\n`;

  it('keeps the budget, says so, and keeps each row with its line', async () => {
    const table = await readText('s.csv', text, { limits: { maxCells: 200 } });
    expect(table.rows).toBe(100);
    expect(table.fileRows).toBe(1000);
    expect(table.notices).toEqual([
      's.csv: 1,000 rows are more than the cell budget allows; kept a uniform random sample of 100 rows (the same sample every time)',
    ]);
    const ids = values(table, 'i') as number[];
    ids.forEach((id, k) => {
      expect(table.origin[k]).toBe(id + 2);
      expect(values(table, 'y')[k]).toBe(id % 7);
    });
    expect(new Set(ids).size).toBe(100);
    // Spread over the file, not its first rows.
    expect(Math.max(...ids)).toBeGreaterThan(800);
    expect(Math.min(...ids)).toBeLessThan(200);
    const again = await readText('s.csv', text, { limits: { maxCells: 200 } });
    expect(values(again, 'i')).toEqual(ids);
  });

  it('checks every row, kept or not', async () => {
    const bad = `${text}5,oops\n1\n`;
    expect(await failure(readText('s.csv', bad, { limits: { maxCells: 200 } }))).toBe(
      's.csv line 1003: 1 field, the header (line 1) has 2',
    );
  });
});
