/**
 * Which reader a file needs, decided by its first bytes as well as its name: a Parquet file renamed .csv is
 * read as Parquet (with a notice), and a PNG, a ZIP (xlsx), a gzip or any binary file renamed .csv is refused
 * with a message that says what it looks like, instead of parsing garbage into a table.
 */
import { DataError } from './errors';
import type { Format } from './table';

export type Sniffed = 'text' | 'parquet' | 'json';

const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook is one: export it as CSV)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel or Office file (export it as CSV)' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed (decompress it first)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed (decompress it first)' },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed (decompress it first)' },
  { bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: 'an Arrow IPC file (save it as Parquet or CSV)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database (export a table as CSV)' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text (save it as UTF-8)' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text (save it as UTF-8)' },
];

const PAR1 = [0x50, 0x41, 0x52, 0x31];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format a file's name suggests, if any. */
export function formatFromName(name: string): Format | null {
  const ext = extension(name);
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return 'json';
  return null;
}

/**
 * Decides the reader from the first bytes (`head`, a few KB) and the last four (`tail`) of a file of `size`
 * bytes. Refuses empty, binary and mislabelled files; `notices` gets a line when the content overrules the name.
 */
export function sniff(
  name: string,
  head: Uint8Array,
  tail: Uint8Array,
  size: number,
  notices: string[],
): Sniffed {
  if (size === 0) throw new DataError(name, 'the file is empty (a header row and data rows are needed)');
  const named = formatFromName(name);
  if (startsWith(head, PAR1)) {
    if (!startsWith(tail, PAR1) || size < 12) {
      throw new DataError(name, 'a Parquet file that ends too early (is the file complete?)');
    }
    if (named !== null && named !== 'parquet')
      notices.push(`${name}: read as Parquet (its content is Parquet)`);
    return 'parquet';
  }
  if (named === 'parquet') {
    throw new DataError(name, 'named .parquet but not a Parquet file (it does not start with PAR1)');
  }
  for (const { bytes, what } of SIGNATURES) {
    if (startsWith(head, bytes))
      throw new DataError(name, `this is ${what}, not a CSV, TSV, Parquet or JSON table`);
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new DataError(
      name,
      `binary data (a NUL byte at byte ${nul + 1}), not a text table; UTF-16 text has them too: save it as UTF-8`,
    );
  }
  let first = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) first = 3;
  while (first < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[first]!)) first++;
  const looksJson = head[first] === 0x5b || head[first] === 0x7b; // [ or {
  if (looksJson) {
    if (named !== null && named !== 'json') notices.push(`${name}: read as JSON (its content is JSON)`);
    return 'json';
  }
  if (named === 'json') {
    throw new DataError(name, 'named .json but its content does not start with [ or {');
  }
  return 'text';
}
