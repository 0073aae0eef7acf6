/**
 * The columnar table every reader produces (RawTable), and the builder the readers fill row by row. Numbers
 * live in Float64Arrays (NaN = missing), text in arrays of strings (null = missing): a 100,000 x 50 numeric
 * file costs 40 MB, not 5 million boxed cells. A column starts numeric and turns to text at its first cell
 * that is neither a number nor missing; the numbers read before then become their shortest text (1.50 -> "1.5").
 *
 * Past the cell budget the builder keeps a uniform random sample of the rows (reservoir sampling, seeded, so
 * one file always gives one sample) and says so in a notice; `origin` keeps each kept row's place in the file.
 */
import { stream, type RandomStream } from '../engine/rng';
import type { Place } from './errors';

export type Format = 'csv' | 'tsv' | 'parquet' | 'json';

export type ColumnData =
  | { readonly kind: 'number'; readonly values: Float64Array }
  | { readonly kind: 'text'; readonly values: readonly (string | null)[] };

export interface RawTable {
  /** The file's name, used in every message. */
  readonly name: string;
  readonly format: Format;
  /** Column names in file order (trimmed, unique, non-empty). */
  readonly columns: readonly string[];
  /** One entry per column, `rows` values each. */
  readonly data: readonly ColumnData[];
  readonly rows: number;
  /** Each row's line in the file (text files) or its 1-based row (Parquet, JSON): see `originKind`. */
  readonly origin: Int32Array;
  readonly originKind: 'line' | 'row';
  /** Data rows in the file: more than `rows` when the cell budget kept a sample. */
  readonly fileRows: number;
  /** Things the reader decided that the user should know (sampling, a renamed column, a sniffed format). */
  readonly notices: readonly string[];
}

/** Where row `i` of a table is in its file, for messages. */
export function placeOf(table: RawTable, i: number): Place {
  return table.originKind === 'line' ? { line: table.origin[i]! } : { row: table.origin[i]! };
}

/** The value of row `i` of a column: a number, a text or null (missing). */
export function valueAt(column: ColumnData, i: number): number | string | null {
  if (column.kind === 'number') {
    const v = column.values[i]!;
    return Number.isNaN(v) ? null : v;
  }
  return column.values[i] ?? null;
}

/** Non-missing cells of a column. */
export function presentCount(column: ColumnData): number {
  let n = 0;
  if (column.kind === 'number') {
    for (const v of column.values) if (!Number.isNaN(v)) n++;
  } else {
    for (const v of column.values) if (v !== null) n++;
  }
  return n;
}

type Store = { kind: 'number'; values: Float64Array } | { kind: 'text'; values: (string | null)[] };

export class TableBuilder {
  private readonly stores: Store[];
  private origin: Int32Array;
  private kept = 0;
  private seen = 0;
  private readonly rand: RandomStream;

  constructor(
    private readonly name: string,
    private readonly format: Format,
    private readonly columns: readonly string[],
    private readonly originKind: 'line' | 'row',
    /** Most rows kept (the cell budget over the column count); later rows replace kept ones at random. */
    private readonly capacity: number,
    seed = 1,
  ) {
    const initial = Math.min(capacity, 1024);
    this.stores = columns.map(() => ({ kind: 'number', values: new Float64Array(initial).fill(NaN) }));
    this.origin = new Int32Array(initial);
    this.rand = stream(seed, `data/sample/${name}`);
  }

  /** Rows offered so far. */
  get rowsSeen(): number {
    return this.seen;
  }

  /**
   * Starts the next row of the file at `origin` (its line or row): returns the slot to fill, or -1 when the
   * sample does not keep it (its cells should still be checked).
   */
  startRow(origin: number): number {
    const r = this.seen++;
    let slot = r;
    if (r >= this.capacity) {
      slot = Math.floor(this.rand.uniform() * (r + 1));
      if (slot >= this.capacity) return -1;
    } else {
      this.kept++;
      if (slot >= this.origin.length) this.grow();
    }
    this.origin[slot] = origin;
    return slot;
  }

  /** Sets column j of a slot. */
  set(j: number, slot: number, value: number | string | null): void {
    const store = this.stores[j]!;
    if (store.kind === 'number') {
      if (typeof value === 'string') this.toText(j)[slot] = value;
      else store.values[slot] = value ?? NaN;
    } else {
      store.values[slot] = typeof value === 'number' ? String(value) : value;
    }
  }

  /** The finished table; the sampling notice is added when the budget was reached. */
  finish(notices: readonly string[] = []): RawTable {
    const n = this.kept;
    const data: ColumnData[] = this.stores.map((store) =>
      store.kind === 'number'
        ? { kind: 'number', values: store.values.slice(0, n) }
        : { kind: 'text', values: Array.from({ length: n }, (_, i) => store.values[i] ?? null) },
    );
    const all = [...notices];
    if (this.seen > n) {
      all.push(
        `${this.name}: ${this.seen.toLocaleString('en-US')} rows are more than the cell budget allows; ` +
          `kept a uniform random sample of ${n.toLocaleString('en-US')} rows (the same sample every time)`,
      );
    }
    return {
      name: this.name,
      format: this.format,
      columns: this.columns,
      data,
      rows: n,
      origin: this.origin.slice(0, n),
      originKind: this.originKind,
      fileRows: this.seen,
      notices: all,
    };
  }

  private grow(): void {
    const size = Math.min(this.capacity, this.origin.length * 2);
    const origin = new Int32Array(size);
    origin.set(this.origin);
    this.origin = origin;
    for (const store of this.stores) {
      if (store.kind === 'number') {
        const values = new Float64Array(size).fill(NaN);
        values.set(store.values);
        store.values = values;
      }
    }
  }

  private toText(j: number): (string | null)[] {
    const store = this.stores[j]!;
    if (store.kind === 'text') return store.values;
    const values = Array.from(store.values.subarray(0, this.kept), (v) =>
      Number.isNaN(v) ? null : String(v),
    );
    this.stores[j] = { kind: 'text', values };
    return values;
  }
}
