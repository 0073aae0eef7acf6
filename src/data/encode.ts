/**
 * Files + schema -> model-ready Samples (engine/populations/population.ts): x a float64 matrix, y a vector.
 *  - numeric features as they are (no scaling: learners that need it scale for themselves);
 *  - categorical features one-hot over the union of categories in all files, sorted, named "column=category";
 *    a category outside that union (only possible when a later file is encoded with `applyEncoding`) gets an
 *    all-zero row and is counted in a notice: an "other" column would be all zeros in the training data anyway;
 *  - missing features imputed (median of a numeric column, most frequent category of a categorical one; both
 *    from the REAL training file only, so no synthetic or test data leaks into the real side) or, when the
 *    caller picks 'drop', rows with a missing feature dropped; a row whose target is missing is always dropped;
 *  - the target coded by encodeTarget.ts.
 * The fitted Encoding is plain data, so it can cross a worker boundary and encode a later file the same way.
 */
import { matrix } from '../engine/matrix';
import type { Sample } from '../engine/populations/population';
import { DataError } from './errors';
import { encodeTarget, fitTarget, type TargetCoding } from './encodeTarget';
import { columnOf, tablesOf, type DataFiles, type Schema } from './schema';
import type { RawTable } from './table';

export interface EncodeOptions {
  /** 'impute' (default) fills missing features from the real file; 'drop' drops rows that have any. */
  readonly missing?: 'impute' | 'drop';
  /** Classification with more than two classes (or to choose which of two is 1): the class coded 1. */
  readonly positiveClass?: string;
}

export interface EncodedColumn {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** First feature (matrix column) of this column; one-hot columns take `categories.length` from there. */
  readonly offset: number;
  readonly categories: readonly string[];
  /** The value imputed for a missing cell: a number, or a category's index. */
  readonly fill: number;
}

export interface Encoding {
  readonly target: string;
  readonly features: readonly string[];
  readonly columns: readonly EncodedColumn[];
  readonly coding: TargetCoding;
  readonly missing: 'impute' | 'drop';
}

export interface FileReport {
  readonly name: string;
  /** Data rows in the file, rows read (fewer when the cell budget kept a sample), rows encoded. */
  readonly fileRows: number;
  readonly rows: number;
  readonly kept: number;
  readonly droppedNoTarget: number;
  readonly droppedMissing: number;
  readonly imputed: number;
  /** Cells of a category outside the encoding (all-zero rows). */
  readonly unseen: number;
}

export interface Encoded {
  readonly real: Sample;
  readonly synthetic: readonly Sample[];
  readonly test: Sample | null;
  readonly encoding: Encoding;
  readonly reports: readonly FileReport[];
  /** What happened, one line each (schema notices first), and the one-line summary for the UI. */
  readonly notices: readonly string[];
  readonly summary: string;
}

const isMissing = (v: number | string | null | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** The k-th smallest value (0-based) by quickselect, reordering `values`. */
function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Median of the present values of a numeric column (the mean of the middle two for an even count). */
export function median(values: ArrayLike<number | string | null>): number {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!isMissing(values[i])) present[n++] = Number(values[i]);
  const sample = present.subarray(0, n);
  const upper = select(sample, n >> 1);
  return n % 2 === 1 ? upper : (select(sample.subarray(0, n >> 1), (n >> 1) - 1) + upper) / 2;
}

/** Fits the encoding on the files: categories from the schema, imputation values and classes from the real file. */
export function fitEncoding(files: DataFiles, schema: Schema, options: EncodeOptions = {}): Encoding {
  const real = files.real;
  const features: string[] = [];
  const columns: EncodedColumn[] = [];
  for (const column of schema.columns) {
    if (column.role !== 'feature') continue;
    const data = columnOf(real, column.name)!;
    const offset = features.length;
    let fill: number;
    if (column.kind === 'numeric') {
      fill = median(data.values);
      features.push(column.name);
    } else {
      const counts = new Map<string, number>();
      for (const v of data.values) if (!isMissing(v)) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      let best = 0;
      column.categories.forEach((c, k) => {
        if ((counts.get(c) ?? 0) > (counts.get(column.categories[best]!) ?? 0)) best = k;
      });
      fill = best;
      for (const c of column.categories) features.push(`${column.name}=${c}`);
    }
    columns.push({ name: column.name, kind: column.kind, offset, categories: column.categories, fill });
  }
  const target = columnOf(real, schema.target)!;
  const coding = fitTarget(real, target, schema.target, schema.task, options.positiveClass);
  return { target: schema.target, features, columns, coding, missing: options.missing ?? 'impute' };
}

/** Encodes one file with a fitted encoding. `training`: a single-class target is an error rather than a notice. */
export function applyEncoding(
  encoding: Encoding,
  table: RawTable,
  training: boolean,
): { sample: Sample; report: FileReport; notices: string[] } {
  const notices: string[] = [];
  const target = columnOf(table, encoding.target);
  if (!target) throw new DataError(table.name, `no target column "${encoding.target}"`);
  const data = encoding.columns.map((c) => {
    const column = columnOf(table, c.name);
    if (!column)
      throw new DataError(table.name, `no column "${c.name}"; the files' columns are matched by name`);
    return column.values;
  });
  const indexes = encoding.columns.map((c) => new Map(c.categories.map((category, k) => [category, k])));
  const keep: number[] = [];
  let droppedNoTarget = 0;
  let droppedMissing = 0;
  for (let i = 0; i < table.rows; i++) {
    if (isMissing(target.values[i])) droppedNoTarget++;
    else if (encoding.missing === 'drop' && data.some((values) => isMissing(values[i]))) droppedMissing++;
    else keep.push(i);
  }
  if (keep.length === 0) {
    throw new DataError(
      table.name,
      droppedMissing > 0
        ? 'no row is left once rows with missing values are dropped; impute them instead'
        : `no row has a value in the target column "${encoding.target}"`,
    );
  }
  const rows = Int32Array.from(keep);
  const p = encoding.features.length;
  const x = matrix(rows.length, p);
  let imputed = 0;
  let unseen = 0;
  rows.forEach((i, r) => {
    const base = r * p;
    encoding.columns.forEach((c, j) => {
      const v = data[j]![i];
      const missing = isMissing(v);
      if (missing) imputed++;
      if (c.kind === 'numeric') {
        x.data[base + c.offset] = missing ? c.fill : Number(v);
        return;
      }
      const k = missing ? c.fill : indexes[j]!.get(String(v));
      if (k === undefined) unseen++;
      else x.data[base + c.offset + k] = 1;
    });
  });
  const y = encodeTarget(encoding.coding, table, target, encoding.target, rows, training, notices);
  if (droppedNoTarget > 0) {
    notices.push(`${table.name}: ${droppedNoTarget} rows without a value in "${encoding.target}" dropped`);
  }
  if (droppedMissing > 0) notices.push(`${table.name}: ${droppedMissing} rows with missing values dropped`);
  if (unseen > 0)
    notices.push(`${table.name}: ${unseen} cells of categories not seen before encoded as all zeros`);
  const report: FileReport = {
    name: table.name,
    fileRows: table.fileRows,
    rows: table.rows,
    kept: rows.length,
    droppedNoTarget,
    droppedMissing,
    imputed,
    unseen,
  };
  return { sample: { x, y }, report, notices };
}

const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "11 features: 4 numeric columns used as they are, 3 columns one-hot encoded into 7 features, 2 ID-like columns left out, 14 missing values imputed" (counts over all files). */
export function summarize(schema: Schema, encoding: Encoding, reports: readonly FileReport[]): string {
  const categorical = encoding.columns.filter((c) => c.kind === 'categorical');
  const numeric = encoding.columns.length - categorical.length;
  const parts: string[] = [];
  if (numeric > 0) parts.push(`${plural(numeric, 'numeric column')} used as they are`);
  if (categorical.length > 0) {
    const width = categorical.reduce((n, c) => n + c.categories.length, 0);
    parts.push(`${plural(categorical.length, 'column')} one-hot encoded into ${plural(width, 'feature')}`);
  }
  const leftOut = schema.columns.filter((c) => c.role === 'left-out');
  const idLike = leftOut.filter((c) => c.reason?.startsWith('ID-like')).length;
  if (idLike > 0) parts.push(`${plural(idLike, 'ID-like column')} left out`);
  if (leftOut.length > idLike) parts.push(`${plural(leftOut.length - idLike, 'other column')} left out`);
  const imputed = reports.reduce((n, r) => n + (encoding.missing === 'impute' ? r.imputed : 0), 0);
  if (imputed > 0) parts.push(`${plural(imputed, 'missing value')} imputed`);
  const dropped = reports.reduce((n, r) => n + r.droppedMissing + r.droppedNoTarget, 0);
  if (dropped > 0) parts.push(`${plural(dropped, 'row')} dropped`);
  return `${plural(encoding.features.length, 'feature')}: ${parts.join(', ')}`;
}

/** Encodes all files: the real one, each synthetic one and the test one if given. */
export function encode(files: DataFiles, schema: Schema, options: EncodeOptions = {}): Encoded {
  const encoding = fitEncoding(files, schema, options);
  const tables = tablesOf(files);
  const results = tables.map((table, k) =>
    applyEncoding(encoding, table, !(files.test && k === tables.length - 1)),
  );
  const reports = results.map((r) => r.report);
  const samples = results.map((r) => r.sample);
  return {
    real: samples[0]!,
    synthetic: samples.slice(1, 1 + files.synthetic.length),
    test: files.test ? samples.at(-1)! : null,
    encoding,
    reports,
    notices: [...schema.notices, ...results.flatMap((r) => r.notices)],
    summary: summarize(schema, encoding, reports),
  };
}
