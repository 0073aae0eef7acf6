/**
 * How much the readers take, and what they do past it. The defaults fit a browser tab: 512 MB of file, 20
 * million cells (160 MB as float64) and 1,000 columns. A file over the byte limit or the column limit is
 * refused; one over the cell budget is sampled (CSV, TSV, JSON) or refused (Parquet), with a message or a notice.
 */
export interface Limits {
  /** Largest file read, in bytes. */
  readonly maxBytes: number;
  /** Most cells (rows x columns) kept; past it a uniform sample of rows is kept. */
  readonly maxCells: number;
  /** Most columns in one file. */
  readonly maxColumns: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 512 * 1024 * 1024,
  maxCells: 20_000_000,
  maxColumns: 1000,
};

/** "512 MB", "1.5 GB", "340 kB": sizes in messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toPrecision(3))} ${units[unit]}`;
}
