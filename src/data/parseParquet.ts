/**
 * Parquet with hyparquet, from the file's bytes in memory: flat columns of numbers, integers, strings, booleans
 * and dates. Read one row group at a time, so memory holds one group's decoded columns besides the table.
 * Values follow the CSV rules where they can: NaN and null are missing, infinities are refused, strings go
 * through the same cell reading (so "NA" is missing and "3.5" a number: one table reads the same from CSV or
 * Parquet). INT64 values arrive as BigInt: exact below 2^53 they become numbers; a column with a larger one
 * (an ID, usually) is kept as text with all its digits, and a notice says so. Booleans become "true" / "false",
 * dates ISO text. Uncompressed and snappy files are read; other codecs are refused with a message.
 */
import { parquetMetadata, parquetScan, parquetSchema, type FileMetaData } from 'hyparquet';
import { CellProblem, readCell } from './cells';
import { DataError, shown } from './errors';
import type { Limits } from './limits';
import { TableBuilder, type RawTable } from './table';

export interface ParquetOptions {
  readonly limits: Limits;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly seed?: number;
}

function explain(name: string, error: unknown): DataError {
  if (error instanceof DataError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const codec = /unsupported compression codec: (\w+)/.exec(message);
  if (codec) {
    return new DataError(
      name,
      `compressed with ${codec[1]}, which the playground cannot read; save it with snappy or no compression`,
    );
  }
  return new DataError(name, `not a readable Parquet file (${message})`);
}

function metadataOf(name: string, buffer: ArrayBuffer): FileMetaData {
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw explain(name, error);
  }
}

/** One Parquet value as a table cell; `bigText` is set when a BigInt is too large for a float64. */
function cell(value: unknown, bigText: { hit: boolean }): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (!Number.isFinite(value))
      throw new CellProblem(`${value} is infinite; the learners need finite numbers`);
    return value;
  }
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (BigInt(n) === value) return n;
    bigText.hit = true;
    return value.toString();
  }
  if (typeof value === 'string') return readCell(value, 'unknown', false).value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) throw new CellProblem('binary data, not a number or text');
  throw new CellProblem(`a nested value (${shown(JSON.stringify(value) ?? '')}); flatten the column first`);
}

export async function parseParquet(
  name: string,
  buffer: ArrayBuffer,
  options: ParquetOptions,
): Promise<RawTable> {
  const metadata = metadataOf(name, buffer);
  const schema = parquetSchema(metadata);
  const columns = schema.children.map((child) => child.element.name);
  const nested = schema.children.find((child) => child.children.length > 0);
  if (nested) {
    throw new DataError(name, 'a nested column (a list, map or struct); flatten it first', {
      column: nested.element.name,
    });
  }
  if (columns.length > options.limits.maxColumns) {
    throw new DataError(
      name,
      `${columns.length.toLocaleString('en-US')} columns; the playground reads at most ${options.limits.maxColumns.toLocaleString('en-US')}`,
    );
  }
  const total = Number(metadata.num_rows);
  if (columns.length === 0) throw new DataError(name, 'no columns');
  if (total === 0) throw new DataError(name, 'no data rows');
  const capacity = Math.max(1, Math.floor(options.limits.maxCells / columns.length));
  const builder = new TableBuilder(name, 'parquet', columns, 'row', capacity, options.seed);
  const bigText = columns.map(() => ({ hit: false }));
  const notices: string[] = [];
  try {
    const scan = await parquetScan({ file: buffer, metadata });
    for (const range of scan.ranges) {
      const values = await Promise.all(
        columns.map((column) => scan.readColumn({ column, rowStart: range.rowStart, rowEnd: range.rowEnd })),
      );
      for (let i = 0; i < range.rowEnd - range.rowStart; i++) {
        const row = range.rowStart + i + 1;
        const slot = builder.startRow(row);
        for (let j = 0; j < columns.length; j++) {
          let value: number | string | null;
          try {
            value = cell(values[j]![i], bigText[j]!);
          } catch (error) {
            if (error instanceof CellProblem)
              throw new DataError(name, error.message, { row, column: columns[j]! });
            throw error;
          }
          if (slot >= 0) builder.set(j, slot, value);
        }
      }
      options.onProgress?.(Math.round((buffer.byteLength * range.rowEnd) / total), buffer.byteLength);
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    throw explain(name, error);
  }
  columns.forEach((column, j) => {
    if (bigText[j]!.hit) {
      notices.push(`${name}: column "${column}" has integers beyond 2^53, read as text to keep every digit`);
    }
  });
  return builder.finish(notices);
}
