/**
 * JSON tables: an array of records ([{"a": 1, "b": "x"}, ...], as vega-datasets ships cars and penguins) or
 * JSON Lines (one record per line). Columns are the union of the records' keys in the order first seen; a key
 * a record lacks is a missing value there. Strings follow the CSV cell rules (so "3.5" is a number and "NA" is
 * missing: one table reads the same from CSV or JSON); booleans become the text "true" / "false"; a nested
 * object or array is refused. Rows in messages count records from 1.
 */
import { CellProblem, readCell } from './cells';
import { DataError } from './errors';
import type { Limits } from './limits';
import { TableBuilder, type RawTable } from './table';

export interface JsonOptions {
  readonly limits: Limits;
  readonly seed?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse with the line of a syntax error in the message. */
function parseOrExplain(name: string, text: string, lineOffset = 0): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) + lineOffset : undefined;
    throw new DataError(name, `not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`, {
      ...(line !== undefined ? { line } : {}),
    });
  }
}

/** The records of a JSON array or of JSON Lines. */
function records(name: string, text: string): Json[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const value = parseOrExplain(name, text);
    if (!Array.isArray(value)) throw new DataError(name, 'expected an array of records');
    return value;
  }
  // An object: a single record, or JSON Lines.
  const lines = text.split('\n');
  const out: Json[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '') out.push(parseOrExplain(name, line, i));
  });
  return out;
}

function isRecord(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseJson(name: string, text: string, options: JsonOptions): RawTable {
  const rows = records(name, text);
  if (rows.length === 0)
    throw new DataError(name, 'no records (an array of objects, one per row, is needed)');
  const index = new Map<string, number>();
  rows.forEach((record, i) => {
    if (!isRecord(record)) {
      throw new DataError(name, 'not a record (each row must be an object of column: value)', { row: i + 1 });
    }
    for (const key of Object.keys(record)) {
      if (!index.has(key)) {
        if (key.trim() === '') throw new DataError(name, 'empty column name', { row: i + 1 });
        index.set(key, index.size);
      }
    }
  });
  const columns = [...index.keys()];
  if (columns.length > options.limits.maxColumns) {
    throw new DataError(
      name,
      `${columns.length.toLocaleString('en-US')} columns; the playground reads at most ${options.limits.maxColumns.toLocaleString('en-US')}`,
    );
  }
  const capacity = Math.max(1, Math.floor(options.limits.maxCells / Math.max(1, columns.length)));
  const builder = new TableBuilder(name, 'json', columns, 'row', capacity, options.seed);
  rows.forEach((record, i) => {
    const slot = builder.startRow(i + 1);
    for (const [key, value] of Object.entries(record as Record<string, Json>)) {
      const j = index.get(key)!;
      const place = { row: i + 1, column: key };
      let cell: number | string | null;
      if (value === null) cell = null;
      else if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          throw new DataError(name, 'a number beyond the range of 64-bit floats (about ±1.8e308)', place);
        }
        cell = value;
      } else if (typeof value === 'boolean') cell = String(value);
      else if (typeof value === 'string') {
        try {
          cell = readCell(value, 'unknown', false).value;
        } catch (error) {
          if (error instanceof CellProblem) throw new DataError(name, error.message, place);
          throw error;
        }
      } else throw new DataError(name, 'a nested object or array; flatten the records first', place);
      if (slot >= 0) builder.set(j, slot, cell);
    }
  });
  return builder.finish();
}
