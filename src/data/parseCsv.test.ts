import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './parseCsv';
import { readText, values } from './testing';

describe('CSV and TSV reading', () => {
  it('reads numbers, text and missing values into columns', async () => {
    const table = await readText('a.csv', 'x,kind,y\n1,red,0.5\n-2.5e3, blue ,1\n,NA,\n');
    expect(table.format).toBe('csv');
    expect(table.columns).toEqual(['x', 'kind', 'y']);
    expect(table.rows).toBe(3);
    expect(values(table, 'x')).toEqual([1, -2500, null]);
    expect(values(table, 'kind')).toEqual(['red', 'blue', null]);
    expect(values(table, 'y')).toEqual([0.5, 1, null]);
    expect(table.data[0]!.kind).toBe('number');
    expect(table.data[1]!.kind).toBe('text');
    expect(Array.from(table.origin)).toEqual([2, 3, 4]);
  });

  it('treats NaN, nan, NA, N/A, #N/A, null, ?, . and empty cells as missing', async () => {
    const cells = ['NaN', 'nan', 'NA', 'N/A', '#N/A', 'null', '?', '.', '', ' na '];
    const table = await readText('m.csv', `a,b\n${cells.map((c, i) => `${c},${i}`).join('\n')}\n`);
    expect(values(table, 'a')).toEqual(cells.map(() => null));
    expect(table.data[0]!.kind).toBe('number');
  });

  it('strips a UTF-8 byte-order mark and reads CRLF line ends', async () => {
    const table = await readText('bom.csv', '\uFEFFid,y\r\n1,2\r\n3,4\r\n');
    expect(table.columns).toEqual(['id', 'y']);
    expect(values(table, 'y')).toEqual([2, 4]);
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks, counting lines physically', async () => {
    const text = 'name,note,y\n"Smith, J","said ""hi""",1\n"A","two\nlines",2\n\nB,c,inf\n';
    const error = await readText('q.csv', text).catch((e: Error) => e.message);
    expect(error).toBe(
      'q.csv line 6, column 3 (y): "inf" is infinite; the learners need finite numbers (an empty cell marks a missing value)',
    );
    const table = await readText('q.csv', text.replace('inf', '3'));
    expect(values(table, 'name')).toEqual(['Smith, J', 'A', 'B']);
    expect(values(table, 'note')).toEqual(['said "hi"', 'two\nlines', 'c']);
    expect(Array.from(table.origin)).toEqual([2, 3, 6]);
  });

  it('detects comma, semicolon, tab and bar delimiters; the caller may name one', async () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter('a;b\n"x;y";2\n')).toBe(';');
    expect(detectDelimiter('only\n1\n2\n')).toBe(',');
    const tsv = await readText('t.txt', 'a\tb\n1\t2\n');
    expect(tsv.format).toBe('tsv');
    expect(values(tsv, 'b')).toEqual([2]);
    const forced = await readText('f.csv', 'a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(forced.columns).toEqual(['a;b', 'c']);
  });

  it('reads decimal commas per column in a file not delimited by commas, with a notice', async () => {
    const table = await readText('de.csv', 'x;y;z\n1,5;2;a\n-0,25;3;b\n7;4,0;c\n');
    expect(values(table, 'x')).toEqual([1.5, -0.25, 7]);
    expect(values(table, 'y')).toEqual([2, 3, 4]);
    expect(table.notices).toEqual(['de.csv: decimal commas read in "x", "y"']);
  });

  it('refuses a column that mixes decimal commas and points, naming the cell', async () => {
    const error = await readText('mix.csv', 'x;y\n1,5;1\n2.5;2\n').catch((e: Error) => e.message);
    expect(error).toBe(
      'mix.csv line 3, column 1 (x): "2.5" has a decimal point, but this column uses decimal commas above; use one decimal mark',
    );
    const other = await readText('mix2.csv', 'x;y\n1.5;1\n2,5;2\n').catch((e: Error) => e.message);
    expect(other).toMatch(/^mix2\.csv line 3, column 1 \(x\): "2,5" has a decimal comma/);
  });

  it('keeps a comma inside a quoted cell of a comma file as text, not a decimal comma', async () => {
    const table = await readText('c.csv', 'x,y\n"1,5",1\n');
    expect(values(table, 'x')).toEqual(['1,5']);
  });

  it('keeps 1e308 and refuses 1e309, inf, -inf and Infinity with the line and column', async () => {
    const table = await readText('big.csv', 'x,y\n1e308,-1.7976931348623157e308\n');
    expect(values(table, 'x')).toEqual([1e308]);
    expect(values(table, 'y')).toEqual([-Number.MAX_VALUE]);
    const overflow = await readText('big.csv', 'x,y\n1,2\n3,1e309\n').catch((e: Error) => e.message);
    expect(overflow).toBe(
      'big.csv line 3, column 2 (y): "1e309" is beyond the range of 64-bit floats (about ±1.8e308)',
    );
    for (const cell of ['inf', '-inf', 'Infinity', '-Infinity', '+INF']) {
      const error = await readText('inf.csv', `x,y\n1,${cell}\n`).catch((e: Error) => e.message);
      expect(error).toBe(
        `inf.csv line 2, column 2 (y): "${cell}" is infinite; the learners need finite numbers (an empty cell marks a missing value)`,
      );
    }
  });

  it('turns a column to text at its first word, keeping the earlier numbers as their text', async () => {
    const table = await readText('t.csv', 'x,y\n1.50,1\n2,2\nlow,3\n');
    expect(values(table, 'x')).toEqual(['1.5', '2', 'low']);
  });

  it('names a first column without a name (a pandas index) and says so', async () => {
    const table = await readText('pd.csv', ',a,y\n0,1,2\n1,3,4\n');
    expect(table.columns).toEqual(['(unnamed)', 'a', 'y']);
    expect(table.notices).toEqual([
      'pd.csv: the first column has no name (a saved pandas index?); called it "(unnamed)"',
    ]);
  });

  it('skips blank and whitespace-only lines but counts them', async () => {
    const table = await readText('b.csv', '\n\na,b\n1,2\n   \n\n3,4\n');
    expect(Array.from(table.origin)).toEqual([4, 7]);
  });

  it('reports progress in bytes up to the file size and can be cancelled', async () => {
    const header = Array.from({ length: 10 }, (_, j) => `c${j}`).join(',');
    const row = Array.from({ length: 10 }, (_, j) => (j * 1.25).toFixed(2)).join(',');
    const text = `${header}\n${`${row}\n`.repeat(60_000)}`;
    const seen: [number, number][] = [];
    const table = await readText('p.csv', text, { onProgress: (done, total) => seen.push([done, total]) });
    expect(table.rows).toBe(60_000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, total]) => total === text.length)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([text.length, text.length]);
    const controller = new AbortController();
    const reading = readText('p.csv', text, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    });
    await expect(reading).rejects.toThrow('stop');
  });

  it('reads from a Blob (a File in the page or a worker)', async () => {
    const table = await (await import('./read')).readTable('blob.csv', new Blob(['a,b\n1,x\n']));
    expect(values(table, 'b')).toEqual(['x']);
  });

  it('reads a quoted cell and a two-byte character cut by the 1 MB read boundary', async () => {
    const head = 'a,b\n';
    const filler = '1,x\n';
    const boundary = 1 << 20;
    // Rows of filler, then a quoted cell whose "é" (2 bytes) starts one byte before the boundary.
    const count = Math.floor((boundary - head.length - 4) / filler.length);
    const pad = 'y'.repeat(boundary - head.length - count * filler.length - 4);
    const text = `${head}${filler.repeat(count)}2,"${pad}é\nz"\n3,inf\n`;
    expect(new TextEncoder().encode(text).slice(boundary - 1, boundary + 1)).toEqual(
      new Uint8Array([0xc3, 0xa9]),
    );
    const error = await readText('edge.csv', text).catch((e: Error) => e.message);
    expect(error).toMatch(new RegExp(`^edge\\.csv line ${count + 4}, column 2 \\(b\\): "inf" is infinite`));
    const table = await readText('edge.csv', text.replace('inf', '4'));
    expect(values(table, 'b').slice(-2)).toEqual([`${pad}é\nz`, '4']); // a text column: its numbers become text
  });
});
