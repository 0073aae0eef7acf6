/** Property: any table of finite numbers and short texts, written as CSV/TSV with quoting, reads back the same. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCell } from './cells';
import { DELIMITERS, type Delimiter } from './parseCsv';
import { readText, values } from './testing';

type Cell = number | string | null;

/** A text that the cell rules keep as this very text (not a number, not missing, no outer spaces). */
const text = fc
  .string({
    unit: fc.constantFrom('a', 'Z', 'é', ' ', ',', ';', '|', '\t', '"', '\n', '1', '.', '-', 'e'),
    maxLength: 8,
  })
  .filter((s) => readCell(s, 'unknown', true).value === s);
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));

function write(
  header: readonly string[],
  rows: readonly Cell[][],
  delimiter: Delimiter,
  crlf: boolean,
): string {
  const field = (value: string): string =>
    /[",;|\t\n\r]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
  const line = (cells: readonly string[]): string => cells.map(field).join(delimiter);
  const end = crlf ? '\r\n' : '\n';
  return (
    [line(header), ...rows.map((r) => line(r.map((c) => (c === null ? '' : String(c)))))].join(end) + end
  );
}

const table = fc
  .record({
    kinds: fc.array(fc.boolean(), { minLength: 2, maxLength: 5 }),
    rows: fc.integer({ min: 1, max: 12 }),
    delimiter: fc.constantFrom(...DELIMITERS),
    crlf: fc.boolean(),
  })
  .chain(({ kinds, rows, delimiter, crlf }) =>
    fc.record({
      delimiter: fc.constant(delimiter),
      crlf: fc.constant(crlf),
      columns: fc.tuple(
        ...kinds.map((numeric) =>
          fc.array(fc.option<Cell>(numeric ? number : text, { nil: null, freq: 4 }), {
            minLength: rows,
            maxLength: rows,
          }),
        ),
      ),
    }),
  );

describe('CSV round trip', () => {
  it('reads back the values written, whatever the delimiter, quoting and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ delimiter, crlf, columns }) => {
        const header = columns.map((_, j) => `col ${j}`);
        const rows = columns[0]!.map((_, i) => columns.map((column) => column[i]!));
        const read = await readText('p.csv', write(header, rows, delimiter, crlf), { delimiter });
        expect(read.columns).toEqual(header);
        expect(read.rows).toBe(rows.length);
        header.forEach((name, j) => expect(values(read, name)).toEqual(columns[j]));
      }),
      { numRuns: 150 },
    );
  });

  it('detects the delimiter it was written with when rows have two or more columns', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ delimiter, crlf, columns }) => {
        const header = columns.map((_, j) => `c${j}`);
        const rows = columns[0]!.map((_, i) => columns.map((column) => column[i]!));
        const read = await readText('p.csv', write(header, rows, delimiter, crlf));
        expect(read.columns).toEqual(header);
      }),
      { numRuns: 100 },
    );
  });
});
