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

/** Real, synthetic and test tables from inline CSV texts, named real.csv, syn1.csv, ..., test.csv. */
export async function filesOf(
  real: string,
  synthetic: readonly string[],
  test?: string,
): Promise<{ real: RawTable; synthetic: RawTable[]; test?: RawTable }> {
  return {
    real: await readText('real.csv', real),
    synthetic: await Promise.all(synthetic.map((s, k) => readText(`syn${k + 1}.csv`, s))),
    ...(test !== undefined ? { test: await readText('test.csv', test) } : {}),
  };
}

/** The message of the error a function throws ('' when it returns). */
export function thrown(run: () => unknown): string {
  try {
    run();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
