/**
 * readTable: a file's bytes in, a RawTable out, or one DataError naming the file (and line, row or column).
 * The format is sniffed from the content as well as the name (sniff.ts); CSV and TSV are parsed in chunks with
 * progress (parseCsv.ts), JSON records and Parquet by their readers. Runs in a page, a Web Worker or Node.
 */
import { decodeUtf8, sizeOf, slice, type Source } from './bytes';
import { DataError } from './errors';
import { DEFAULT_LIMITS, formatBytes, type Limits } from './limits';
import { parseDelimited, type Delimiter } from './parseCsv';
import { parseJson } from './parseJson';
import { parseParquet } from './parseParquet';
import { sniff } from './sniff';
import type { RawTable } from './table';

export interface ReadOptions {
  /** The delimiter of a CSV/TSV file; detected from its first lines when left out. */
  readonly delimiter?: Delimiter;
  readonly limits?: Partial<Limits>;
  /** Called as the file is parsed, with bytes done and the file's size. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops reading between chunks; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Seed of the row sample taken past the cell budget (same seed, same sample). */
  readonly seed?: number;
}

const HEAD = 64 * 1024;
/** JSON is parsed as one string: past this, a clear message instead of running out of string length. */
export const JSON_MAX_BYTES = 256 * 1024 * 1024;

/** Refuses a file over the byte limit before it is loaded (a page can call this with File.size). */
export function checkSize(name: string, bytes: number, limits: Partial<Limits> = {}): void {
  const max = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (bytes > max) {
    throw new DataError(
      name,
      `${formatBytes(bytes)} is more than the ${formatBytes(max)} the playground reads; use a sample of the rows`,
    );
  }
}

/** Column names must be non-empty and unique (CSV checks its header itself, with the line). */
function checkNames(table: RawTable): void {
  const seen = new Set<string>();
  table.columns.forEach((column, j) => {
    if (column.trim() === '') throw new DataError(table.name, 'empty column name', { position: j + 1 });
    if (seen.has(column)) throw new DataError(table.name, `column "${column}" appears twice`);
    seen.add(column);
  });
}

export async function readTable(name: string, source: Source, options: ReadOptions = {}): Promise<RawTable> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const size = sizeOf(source);
  checkSize(name, size, limits);
  const notices: string[] = [];
  const head = await slice(source, 0, HEAD);
  const tail = await slice(source, Math.max(0, size - 4), size);
  const kind = sniff(name, head, tail, size, notices);
  let table: RawTable;
  if (kind === 'parquet') {
    const buffer = source instanceof Blob ? await source.arrayBuffer() : toArrayBuffer(source);
    table = await parseParquet(name, buffer, { ...options, limits });
    checkNames(table);
  } else if (kind === 'json') {
    if (size > JSON_MAX_BYTES) {
      throw new DataError(
        name,
        `${formatBytes(size)} of JSON; JSON is read whole, up to ${formatBytes(JSON_MAX_BYTES)}: save a large table as CSV or Parquet`,
      );
    }
    const text = await decodeUtf8(name, source);
    if (text.trim() === '')
      throw new DataError(name, 'the file is empty (a header row and data rows are needed)');
    table = parseJson(name, text, { limits, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    options.onProgress?.(size, size);
  } else {
    table = await parseDelimited(name, source, { ...options, limits });
  }
  return notices.length > 0 ? { ...table, notices: [...notices, ...table.notices] } : table;
}

function toArrayBuffer(source: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (source instanceof ArrayBuffer) return source;
  const { buffer, byteOffset, byteLength } = source;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return source.slice().buffer as ArrayBuffer;
}
