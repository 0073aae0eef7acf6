/**
 * The judgement calls of schema.ts, each a small pure function over one column of the real file:
 *  - the target: named explicitly, else the first column called y, target, label or class (any case), else the
 *    last column;
 *  - the task: classification when the target holds text, or only integers with at most 10 distinct values;
 *    regression otherwise (a caller may choose either);
 *  - ID-like columns, left out by default: text whose every value differs (10 rows or more), or, in a column
 *    named like an ID or index (id, index, idx, row, *_id, ...), integers that strictly increase down the file
 *    or differ in every row;
 *  - categories: a text column is categorical; a numeric column stays numeric however few its values (0/1
 *    flags, counts and ratings keep their order), unless the caller says otherwise.
 */
import type { Task } from '../engine/task';
import type { ColumnData } from './table';

export const TARGET_NAMES = ['y', 'target', 'label', 'class'] as const;
export const MAX_CLASS_VALUES = 10;
export const MIN_ROWS_FOR_ID = 10;
const ID_NAME =
  /^(id|index|idx|row|rownum|row_?id|row_?number|row_?index|unnamed: ?0|\(unnamed\))$|[_\s.-]id$|[a-z]Id$/i;

/** The target column: explicit, else named like a target, else the last. */
export function pickTarget(columns: readonly string[]): { name: string; why: string } {
  for (const wanted of TARGET_NAMES) {
    const found = columns.find((c) => c.toLowerCase() === wanted);
    if (found !== undefined) return { name: found, why: `the column named "${found}"` };
  }
  return { name: columns.at(-1)!, why: 'the last column' };
}

/** Distinct non-missing values of a column, as numbers or texts (at most `cap` + 1 collected). */
export function distinct(column: ColumnData, cap = Infinity): Set<number | string> {
  const seen = new Set<number | string>();
  for (const v of column.values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    seen.add(v);
    if (seen.size > cap) break;
  }
  return seen;
}

/** Classification or regression from the real target column, and why (for the UI). */
export function detectTask(name: string, column: ColumnData): { task: Task; why: string } {
  if (column.kind === 'text') return { task: 'classification', why: `target "${name}" holds text` };
  const values = distinct(column, MAX_CLASS_VALUES);
  const integers = [...values].every((v) => Number.isInteger(v));
  if (integers && values.size <= MAX_CLASS_VALUES) {
    return {
      task: 'classification',
      why: `target "${name}" holds ${values.size} distinct integer values (at most ${MAX_CLASS_VALUES}); choose regression if they are amounts`,
    };
  }
  return {
    task: 'regression',
    why: `target "${name}" holds ${integers ? `more than ${MAX_CLASS_VALUES} distinct integers` : 'non-integer numbers'}`,
  };
}

/** Why a column looks like an ID (so carries no signal a model could transfer), or null. */
export function idLike(name: string, column: ColumnData, rows: number): string | null {
  if (column.kind === 'text') {
    if (rows < MIN_ROWS_FOR_ID) return null;
    const values = column.values;
    if (values.some((v) => v === null)) return null;
    return new Set(values).size === rows ? 'ID-like: every value differs' : null;
  }
  if (!ID_NAME.test(name) || rows < 2) return null;
  const values = column.values;
  let increasing = true;
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return null;
    if (i > 0 && !(v > values[i - 1]!)) increasing = false;
  }
  if (increasing) return 'ID-like: a row counter';
  return new Set(values).size === rows ? 'ID-like: a different integer in every row' : null;
}

/** Categories in a fixed order: numerically when all look like numbers, else by code point. */
export function sortCategories(categories: Iterable<string>): string[] {
  const all = [...categories];
  if (all.every((c) => c.trim() !== '' && Number.isFinite(Number(c)))) {
    return all.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  return all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
