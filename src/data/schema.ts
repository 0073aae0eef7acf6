/**
 * One schema across the real file, the synthetic files and the optional test file: columns matched by name in
 * any order, the target and task, each column's kind (numeric or categorical, with the union of categories over
 * all files, sorted) and role (target, feature or left out, and why), and missing cells per column and file.
 * The real training file is the reference: its columns are the candidates; a used column missing from another
 * file is an error naming that file and column; extra columns elsewhere are ignored with a notice.
 */
import type { Task } from '../engine/task';
import { DataError, shown } from './errors';
import { targetClasses } from './encodeTarget';
import { detectTask, distinct, idLike, pickTarget, sortCategories } from './schemaRules';
import { placeOf, type ColumnData, type RawTable } from './table';

export const MAX_SYNTHETIC = 8;
export const DEFAULT_MAX_CATEGORIES = 50;

export interface DataFiles {
  readonly real: RawTable;
  readonly synthetic: readonly RawTable[];
  readonly test?: RawTable;
}

export type ColumnKind = 'numeric' | 'categorical';

export interface SchemaOptions {
  /** The target column; detected when left out (schemaRules.ts). */
  readonly target?: string;
  /** The task; detected from the real target when left out. */
  readonly task?: Task;
  /** Columns to leave out, and columns to keep even when the rules would leave them out. */
  readonly exclude?: readonly string[];
  readonly include?: readonly string[];
  /** Kinds to force: a numeric column may be made categorical (a text column cannot be made numeric). */
  readonly kinds?: Readonly<Record<string, ColumnKind>>;
  /** A categorical column with more categories than this is left out (default 50). */
  readonly maxCategories?: number;
}

export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly role: 'target' | 'feature' | 'left-out';
  /** Why a column is left out (shown to the user), or null. */
  readonly reason: string | null;
  /** Categorical: the union of categories over all files, sorted; numeric: empty. */
  readonly categories: readonly string[];
  /** Missing cells per file, in the order of `Schema.files`; null where a file lacks a left-out column. */
  readonly missing: readonly (number | null)[];
}

export interface Schema {
  /** File names: the real file, the synthetic files, then the test file if any. */
  readonly files: readonly string[];
  readonly target: string;
  readonly task: Task;
  /** Why the target and the task are what they are, for the UI. */
  readonly why: { readonly target: string; readonly task: string };
  /** Classification: the real file's target classes, sorted (more than two need a positive class); else null. */
  readonly classes: readonly string[] | null;
  /** Columns of the real file, in its order. */
  readonly columns: readonly ColumnSchema[];
  readonly notices: readonly string[];
}

/** The files in schema order: real, synthetic..., test. */
export function tablesOf(files: DataFiles): RawTable[] {
  return [files.real, ...files.synthetic, ...(files.test ? [files.test] : [])];
}

export function columnOf(table: RawTable, name: string): ColumnData | undefined {
  const j = table.columns.indexOf(name);
  return j < 0 ? undefined : table.data[j];
}

function missingCount(column: ColumnData): number {
  let n = 0;
  for (const v of column.values) if (v === null || (typeof v === 'number' && Number.isNaN(v))) n++;
  return n;
}

function lacking(table: RawTable, name: string, reference: RawTable): DataError {
  const near = table.columns.find((c) => c.toLowerCase() === name.toLowerCase());
  const hint = near !== undefined ? ` ("${near}" differs only in case)` : '';
  return new DataError(
    table.name,
    `no column "${name}", which ${reference.name} has${hint}; the files' columns are matched by name`,
  );
}

/** The first cell of a text column that is not a number, for the message about a numeric column gone text. */
function firstWord(table: RawTable, column: ColumnData): { text: string; i: number } | null {
  if (column.kind !== 'text') return null;
  for (let i = 0; i < column.values.length; i++) {
    const v = column.values[i];
    if (v != null && !Number.isFinite(Number(v))) return { text: v, i };
  }
  return null;
}

function checkFileCounts(files: DataFiles): void {
  if (files.synthetic.length === 0) {
    throw new DataError(
      files.real.name,
      'no synthetic file: the lab compares the real file with 1 to 8 synthetic ones',
    );
  }
  if (files.synthetic.length > MAX_SYNTHETIC) {
    throw new DataError(
      files.synthetic[MAX_SYNTHETIC]!.name,
      `${files.synthetic.length} synthetic files; the lab compares at most ${MAX_SYNTHETIC}`,
    );
  }
}

/** The column's kind across files: numeric only when it is numbers in every file (and not forced). */
function kindAcross(name: string, tables: readonly RawTable[], forced: ColumnKind | undefined): ColumnKind {
  const [real, ...others] = tables;
  const realColumn = columnOf(real!, name)!;
  if (realColumn.kind === 'text') {
    if (forced === 'numeric') {
      const word = firstWord(real!, realColumn)!;
      throw new DataError(real!.name, `cannot be numeric: ${shown(word.text)} is not a number`, {
        ...placeOf(real!, word.i),
        column: name,
      });
    }
    return 'categorical';
  }
  if (forced === 'categorical') return 'categorical';
  for (const table of others) {
    const column = columnOf(table, name);
    const word = column ? firstWord(table, column) : null;
    if (word) {
      throw new DataError(
        table.name,
        `${shown(word.text)} is not a number, but the column is numeric in ${real!.name}`,
        { ...placeOf(table, word.i), column: name },
      );
    }
  }
  return 'numeric';
}

function categoriesOf(name: string, tables: readonly RawTable[]): string[] {
  const all = new Set<string>();
  for (const table of tables) {
    const column = columnOf(table, name);
    if (column) for (const v of distinct(column)) all.add(String(v));
  }
  return sortCategories(all);
}

/** Target, task, kinds, roles and missing counts for a set of files. */
export function inferSchema(files: DataFiles, options: SchemaOptions = {}): Schema {
  checkFileCounts(files);
  const tables = tablesOf(files);
  const real = files.real;
  const notices: string[] = [];
  const exclude = new Set(options.exclude ?? []);
  const include = new Set(options.include ?? []);
  const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  for (const name of [...exclude, ...include, ...Object.keys(options.kinds ?? {})]) {
    if (!real.columns.includes(name)) throw lacking(real, name, real);
  }

  let target: { name: string; why: string };
  if (options.target !== undefined) {
    if (!real.columns.includes(options.target)) {
      throw new DataError(
        real.name,
        `no target column "${options.target}" (columns: ${real.columns.join(', ')})`,
      );
    }
    target = { name: options.target, why: 'chosen' };
  } else {
    const candidates = real.columns.filter((c) => !exclude.has(c));
    if (candidates.length === 0)
      throw new DataError(real.name, 'every column is left out; no target is left');
    target = pickTarget(candidates);
  }
  const targetColumn = columnOf(real, target.name)!;
  for (const table of tables)
    if (!table.columns.includes(target.name)) throw lacking(table, target.name, real);
  if (missingCount(targetColumn) === real.rows) {
    throw new DataError(real.name, 'the target column has no values', { column: target.name });
  }
  const detected = detectTask(target.name, targetColumn);
  const task = options.task ?? detected.task;
  if (task === 'regression' && targetColumn.kind === 'text') {
    const word = firstWord(real, targetColumn)!;
    throw new DataError(
      real.name,
      `regression needs a numeric target, but ${shown(word.text)} is not a number`,
      {
        ...placeOf(real, word.i),
        column: target.name,
      },
    );
  }

  const columns = real.columns.map((name): ColumnSchema => {
    const isTarget = name === target.name;
    const missing = tables.map((t) => {
      const column = columnOf(t, name);
      return column ? missingCount(column) : null;
    });
    let reason: string | null = null;
    const realColumn = columnOf(real, name)!;
    if (!isTarget) {
      if (exclude.has(name)) reason = 'left out by you';
      else if (missing[0] === real.rows) reason = `no values in ${real.name}`;
      else if (!include.has(name)) reason = idLike(name, realColumn, real.rows);
    }
    if (reason === null)
      for (const table of tables) if (!table.columns.includes(name)) throw lacking(table, name, real);
    const used = reason === null;
    const kind = used
      ? kindAcross(name, tables, options.kinds?.[name])
      : realColumn.kind === 'text'
        ? 'categorical'
        : 'numeric';
    const categories = kind === 'categorical' && used ? categoriesOf(name, tables) : [];
    if (
      !isTarget &&
      used &&
      kind === 'categorical' &&
      categories.length > maxCategories &&
      !include.has(name)
    ) {
      reason = `${categories.length} categories (more than ${maxCategories}); one-hot encoding would add ${categories.length} features`;
    }
    return {
      name,
      kind,
      role: isTarget ? 'target' : reason === null ? 'feature' : 'left-out',
      reason,
      categories: reason === null ? categories : [],
      missing,
    };
  });

  if (!columns.some((c) => c.role === 'feature')) {
    throw new DataError(
      real.name,
      `no feature column besides the target "${target.name}" is left to learn from`,
    );
  }
  for (const table of tables.slice(1)) {
    const extra = table.columns.filter((c) => !real.columns.includes(c));
    if (extra.length > 0) {
      notices.push(`${table.name}: ${extra.map((c) => `"${c}"`).join(', ')} not in ${real.name}; ignored`);
    }
  }
  for (const column of columns) {
    if (column.role === 'left-out') notices.push(`"${column.name}" left out: ${column.reason}`);
  }
  return {
    files: tables.map((t) => t.name),
    target: target.name,
    task,
    why: { target: target.why, task: options.task !== undefined ? 'chosen' : detected.why },
    classes: task === 'classification' ? targetClasses(real, targetColumn) : null,
    columns,
    notices,
  };
}
