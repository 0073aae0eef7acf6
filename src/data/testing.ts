/** Test helpers for src/data: tables from inline text, and a column's values as plain arrays. */
import { readTable, type ReadOptions } from './read';
import { valueAt, type RawTable } from './table';

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Reads inline text as the file `name`. */
export function readText(name: string, text: string, options?: ReadOptions): Promise<RawTable> {
  return readTable(name, bytes(text), options);
}

/** A column's values by name (numbers, strings, null for missing). */
export function values(table: RawTable, name: string): (number | string | null)[] {
  const j = table.columns.indexOf(name);
  if (j < 0) throw new Error(`no column ${name} in ${table.columns.join(', ')}`);
  const column = table.data[j]!;
  return Array.from({ length: table.rows }, (_, i) => valueAt(column, i));
}

/** The message of the error a promise rejects with ('' when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
