/**
 * Reads a numeric CSV (header row, one column per feature plus the target) into a float64 sample, refusing
 * anything ambiguous with a message naming the file, line and column: the CLI's only way data gets in.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { matrix } from '../engine/matrix';
import type { Sample } from '../engine/populations/population';
import { CliError } from './errors';

export interface Table extends Sample {
  readonly file: string;
  /** Feature column names, in file order. */
  readonly features: readonly string[];
  /** The target column's 1-based position in the file. */
  readonly targetColumn: number;
  /** Line of the header row in the file (1-based, blank lines counted). */
  readonly headerLine: number;
  /** Line on which each data row starts (blank lines and line breaks inside quoted cells counted). */
  readonly lines: Int32Array;
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/** CSV records with the line each starts on; blank (or whitespace-only) lines are skipped. */
function records(file: string, text: string): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  let line = 1;
  let start = 0;
  let failure: string | null = null;
  Papa.parse<string[]>(text, {
    step: (result, parser) => {
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        failure = `${file} line ${line}: ${quote.message}`;
        parser.abort();
        return;
      }
      const cells = result.data;
      if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ cells, line });
      const cursor = result.meta.cursor;
      const newline = result.meta.linebreak === '\r' ? '\r' : '\n'; // '\r\n' files: count the '\n'
      line += text.slice(start, cursor).split(newline).length - 1;
      start = cursor;
    },
  });
  if (failure !== null) throw new CliError(failure);
  return out;
}

export function readTable(file: string, target: string): Table {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  if (!statSync(file).isFile()) throw new CliError(`${file}: not a file`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const [head, ...rows] = records(file, text);
  if (!head) throw new CliError(`${file}: empty file (a header row and numeric rows are needed)`);
  const at = head.line;
  const names = head.cells.map((h) => h.trim());
  if (names.every((name) => NUMBER.test(name))) {
    throw new CliError(`${file} line ${at}: no header row (the first row holds numbers, not column names)`);
  }
  const seen = new Set<string>();
  names.forEach((name, j) => {
    if (name === '') throw new CliError(`${file} line ${at}, column ${j + 1}: empty column name`);
    if (seen.has(name))
      throw new CliError(`${file} line ${at}, column ${j + 1}: column "${name}" appears twice`);
    seen.add(name);
  });
  const targetColumn = names.indexOf(target);
  if (targetColumn < 0) {
    throw new CliError(
      `${file} line ${at}: no target column "${target}" (columns: ${names.join(', ')}); see --target`,
    );
  }
  if (names.length < 2)
    throw new CliError(`${file} line ${at}: no feature column besides the target "${target}"`);
  if (rows.length === 0) throw new CliError(`${file}: no data rows after the header`);
  const p = names.length - 1;
  const x = matrix(rows.length, p);
  const y = new Float64Array(rows.length);
  const lines = new Int32Array(rows.length);
  rows.forEach(({ cells: row, line }, i) => {
    lines[i] = line;
    if (row.length !== names.length) {
      throw new CliError(`${file} line ${line}: ${row.length} cells, the header has ${names.length}`);
    }
    let feature = 0;
    row.forEach((cell, j) => {
      const shown = cell.length > 30 ? `${cell.slice(0, 30)}…` : cell;
      if (!NUMBER.test(cell)) {
        throw new CliError(`${file} line ${line}, column ${j + 1} (${names[j]}): "${shown}" is not a number`);
      }
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        throw new CliError(`${file} line ${line}, column ${j + 1} (${names[j]}): "${shown}" is not finite`);
      }
      if (j === targetColumn) y[i] = value;
      else x.data[i * p + feature++] = value;
    });
  });
  const features = names.filter((_, j) => j !== targetColumn);
  return { file, features, targetColumn: targetColumn + 1, headerLine: at, lines, x, y };
}

/** Classification targets must be 0/1 with both classes present in a training file. */
export function checkLabels(table: Table, target: string, training: boolean): void {
  let ones = 0;
  for (let i = 0; i < table.y.length; i++) {
    const v = table.y[i]!;
    if (v !== 0 && v !== 1) {
      throw new CliError(
        `${table.file} line ${table.lines[i]}, column ${table.targetColumn} (${target}): classification labels must be 0 or 1, got ${v}`,
      );
    }
    ones += v;
  }
  if (training && (ones === 0 || ones === table.y.length)) {
    throw new CliError(
      `${table.file}: only class ${ones === 0 ? 0 : 1} in ${target}; classification needs both`,
    );
  }
}

/** The three files must have the same feature columns in the same order. */
export function checkSameColumns(tables: readonly Table[]): void {
  const [first, ...rest] = tables;
  for (const other of rest) {
    if (other.features.join(',') !== first!.features.join(',')) {
      throw new CliError(
        `${other.file} line ${other.headerLine}: feature columns (${other.features.join(', ')}) differ from ${first!.file} (${first!.features.join(', ')})`,
      );
    }
  }
}
