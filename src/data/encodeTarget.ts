/**
 * The target as y. Regression: the numbers as they are. Classification: the classes of the real file, sorted
 * (numerically when they all look like numbers, so 0/1 stay 0/1), mapped to 0..K-1. The engine's classifiers
 * are binary (0-1 loss, logistic links), so K must be 2; with more classes the caller names a positive class
 * and the labels become one-vs-rest (that class 1, every other 0). A class the real file lacks, in any other
 * file, is refused (a model trained on real data could never predict it, and for the synthetic files it means
 * the generator invented a label); a training file with a single class is refused, a test file gets a notice.
 */
import type { Task } from '../engine/task';
import { DataError } from './errors';
import { sortCategories } from './schemaRules';
import { placeOf, valueAt, type ColumnData, type RawTable } from './table';

export interface TargetCoding {
  readonly task: Task;
  /** Classification: the class each label stands for (label k is classes[k]); regression: null. */
  readonly classes: readonly string[] | null;
  /** One-vs-rest: the class coded 1 (null when the target has exactly two classes coded in sorted order). */
  readonly positiveClass: string | null;
  /** The real file's classes, sorted (classification), each mapped to its label. */
  readonly labels: Readonly<Record<string, number>> | null;
}

const list = (classes: readonly string[]): string =>
  classes
    .slice(0, 12)
    .map((c) => `"${c}"`)
    .join(', ') + (classes.length > 12 ? ', …' : '');

/** Text of a target cell (numbers as their shortest text), or null. */
export function classText(column: ColumnData, i: number): string | null {
  const v = valueAt(column, i);
  return v === null ? null : String(v);
}

/** The real file's classes of a target column, sorted (numerically when they all look like numbers). */
export function targetClasses(real: RawTable, column: ColumnData): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < real.rows; i++) {
    const c = classText(column, i);
    if (c !== null) seen.add(c);
  }
  return sortCategories(seen);
}

export function fitTarget(
  real: RawTable,
  column: ColumnData,
  target: string,
  task: Task,
  positiveClass: string | undefined,
): TargetCoding {
  if (task === 'regression') return { task, classes: null, positiveClass: null, labels: null };
  const classes = targetClasses(real, column);
  if (positiveClass !== undefined) {
    if (!classes.includes(positiveClass)) {
      throw new DataError(
        real.name,
        `no class "${positiveClass}" in the target (classes: ${list(classes)})`,
        {
          column: target,
        },
      );
    }
    const labels = Object.fromEntries(classes.map((c) => [c, c === positiveClass ? 1 : 0]));
    return { task, classes: [`not ${positiveClass}`, positiveClass], positiveClass, labels };
  }
  if (classes.length === 1) {
    throw new DataError(
      real.name,
      `only one class (${list(classes)}) in the target; classification needs two`,
      { column: target },
    );
  }
  if (classes.length > 2) {
    throw new DataError(
      real.name,
      `${classes.length} classes in the target (${list(classes)}); the playground's classifiers are binary: ` +
        'choose a positive class to tell apart from the rest (the page: beside the target; the CLI: ' +
        '--positive-class), or choose regression',
      { column: target },
    );
  }
  return { task, classes, positiveClass: null, labels: Object.fromEntries(classes.map((c, k) => [c, k])) };
}

/**
 * y for a file's rows (`rows`: indexes into the table of the rows kept), checking its classes against the real
 * file's. `training`: a single class is an error (else a notice).
 */
export function encodeTarget(
  coding: TargetCoding,
  table: RawTable,
  column: ColumnData,
  target: string,
  rows: Int32Array,
  training: boolean,
  notices: string[],
): Float64Array {
  const y = new Float64Array(rows.length);
  if (coding.labels === null) {
    rows.forEach((i, k) => (y[k] = valueAt(column, i) as number));
    return y;
  }
  const counts = [0, 0];
  rows.forEach((i, k) => {
    const c = classText(column, i)!;
    const label = coding.labels![c];
    if (label === undefined) {
      throw new DataError(
        table.name,
        `class "${c}" is not among the real file's classes (${list(Object.keys(coding.labels!))})`,
        { ...placeOf(table, i), column: target },
      );
    }
    y[k] = label;
    counts[label]!++;
  });
  const only = counts[0] === 0 ? 1 : counts[1] === 0 ? 0 : -1;
  if (only >= 0 && rows.length > 0) {
    const message = `only class "${coding.classes![only]}" in the target; a classifier needs both classes to learn`;
    if (training) throw new DataError(table.name, message, { column: target });
    notices.push(
      `${table.name}: ${message} (allowed in a test file, but its scores say nothing about the other class)`,
    );
  }
  return y;
}
