/**
 * src/data: the user's files in, model-ready samples out (issue 15, the "Your data" lab). Pure functions over
 * bytes and plain data, no DOM or React: they run in a page, a Web Worker and Node (the CLI). Rules and limits:
 * README "Reading your files". Every refusal is one DataError naming the file, and the line, row or column.
 *
 *   readTable(name, bytes)              -> RawTable       (CSV, TSV, JSON records, Parquet)
 *   inferSchema({ real, synthetic, test }) -> Schema      (target, task, kinds, roles, missing counts)
 *   encode(files, schema)               -> Samples + a description for the UI
 *   fingerprint(bytes)                  -> SHA-256 hex, for share links
 */
export { DataError, describePlace, type Place } from './errors';
export { DEFAULT_LIMITS, type Limits } from './limits';
export { DELIMITERS, detectDelimiter, type Delimiter } from './parseCsv';
export { checkSize, readTable, type ReadOptions } from './read';
export type { Source } from './bytes';
export { placeOf, valueAt, type ColumnData, type Format, type RawTable } from './table';
export {
  inferSchema,
  tablesOf,
  MAX_SYNTHETIC,
  type ColumnKind,
  type ColumnSchema,
  type DataFiles,
  type Schema,
  type SchemaOptions,
} from './schema';
export {
  applyEncoding,
  encode,
  fitEncoding,
  type EncodeOptions,
  type Encoded,
  type EncodedColumn,
  type Encoding,
  type FileReport,
} from './encode';
export type { TargetCoding } from './encodeTarget';
export { fingerprint } from './fingerprint';
