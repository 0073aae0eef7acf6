/**
 * CSV and TSV with papaparse: a header row, then data rows. The delimiter (comma, semicolon, tab or bar) is
 * detected from the first lines unless the caller names one; quoted cells may hold delimiters, quotes ("") and
 * line breaks. The text is parsed 1 MB at a time, yielding between chunks (a worker stays responsive and can be
 * cancelled) and reporting progress. Lines in messages are physical lines of the file: blank lines and line
 * breaks inside quoted cells counted, as an editor numbers them.
 */
import Papa from 'papaparse';
import { CellProblem, readCell, type DecimalMark } from './cells';
import { notUtf8, sizeOf, slice, type Source } from './bytes';
import { DataError } from './errors';
import type { Limits } from './limits';
import { TableBuilder, type RawTable } from './table';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvOptions {
  readonly delimiter?: Delimiter;
  readonly limits: Limits;
  /** Bytes read and parsed so far, and the file's size. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly seed?: number;
}

const NUMBER_ONLY = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const CHUNK = 1 << 20;

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0]!.trim() === '';
}

/** The delimiter that splits the first lines into the most fields, the same number on every line. */
export function detectDelimiter(text: string): Delimiter {
  const cut = text.length > 65536;
  const sample = cut ? text.slice(0, 65536) : text;
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 30 }).data.filter((r) => !isBlank(r));
    if (cut && rows.length > 2) rows.pop(); // the sample may end inside a row
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const agreeing = rows.filter((r) => r.length === width).length / rows.length;
    // All rows agreeing beats any partial agreement; then more fields wins; ties keep the earlier delimiter.
    const score = (agreeing === 1 ? 1e6 : agreeing * 1e5) + width;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Checks the header's names: trimmed, non-empty (but the first, which pandas leaves empty for its index), unique. */
function headerNames(
  name: string,
  cells: readonly string[],
  line: number,
  limits: Limits,
  notices: string[],
): string[] {
  const names = cells.map((c) => c.trim());
  if (names.length > limits.maxColumns) {
    throw new DataError(
      name,
      `${names.length.toLocaleString('en-US')} columns; the playground reads at most ${limits.maxColumns.toLocaleString('en-US')} (drop columns you do not need)`,
      { line },
    );
  }
  if (names.every((n) => NUMBER_ONLY.test(n))) {
    throw new DataError(name, 'no header row (the first row holds numbers, not column names)', { line });
  }
  const seen = new Map<string, number>();
  names.forEach((n, j) => {
    if (n === '') {
      if (j > 0 || names.length === 1)
        throw new DataError(name, 'empty column name', { line, position: j + 1 });
      names[0] = '(unnamed)';
      notices.push(`${name}: the first column has no name (a saved pandas index?); called it "(unnamed)"`);
      n = '(unnamed)';
    }
    const before = seen.get(n);
    if (before !== undefined) {
      throw new DataError(name, `column "${n}" appears twice (also column ${before + 1})`, {
        line,
        position: j + 1,
      });
    }
    seen.set(n, j);
  });
  return names;
}

/**
 * Papa's way in for a stream of text (it recognises a Node-style readable by its shape): the reader pushes
 * decoded chunks as they come, so the file is never one string (V8 caps strings near 512 MB) and progress is
 * the bytes read.
 */
class TextFeed {
  readonly readable = true;
  private readonly listeners = new Map<string, (text?: string) => void>();
  read(): void {}
  pause(): void {}
  resume(): void {}
  on(event: string, listener: (text?: string) => void): void {
    this.listeners.set(event, listener);
  }
  removeListener(event: string): void {
    this.listeners.delete(event);
  }
  emit(event: 'data' | 'end', text?: string): void {
    this.listeners.get(event)?.(text);
  }
}

/** Parses a CSV/TSV file, read and decoded a chunk at a time, into a table. */
export async function parseDelimited(name: string, source: Source, options: CsvOptions): Promise<RawTable> {
  const size = sizeOf(source);
  const delimiter =
    options.delimiter ?? detectDelimiter(new TextDecoder().decode(await slice(source, 0, 65536)));
  let failure: { error: unknown } | null = null;
  const notices: string[] = [];
  const commas = delimiter !== ',';
  let line = 1;
  let columns: string[] | null = null;
  let marks: DecimalMark[] = [];
  let builder: TableBuilder | null = null;
  let headerLine = 0;
  let newline = '\n';

  const row = (cells: string[]): void => {
    const at = line;
    for (const cell of cells) {
      for (let k = cell.indexOf(newline); k >= 0; k = cell.indexOf(newline, k + 1)) line++;
    }
    line++;
    if (isBlank(cells)) return;
    if (columns === null) {
      columns = headerNames(name, cells, at, options.limits, notices);
      headerLine = at;
      marks = columns.map(() => 'unknown');
      const capacity = Math.max(1, Math.floor(options.limits.maxCells / columns.length));
      builder = new TableBuilder(
        name,
        delimiter === '\t' ? 'tsv' : 'csv',
        columns,
        'line',
        capacity,
        options.seed,
      );
      return;
    }
    if (cells.length !== columns.length) {
      throw new DataError(
        name,
        `${cells.length} ${cells.length === 1 ? 'field' : 'fields'}, the header (line ${headerLine}) has ${columns.length}`,
        {
          line: at,
        },
      );
    }
    const slot = builder!.startRow(at);
    for (let j = 0; j < cells.length; j++) {
      try {
        const read = readCell(cells[j]!, marks[j]!, commas);
        marks[j] = read.mark;
        if (slot >= 0) builder!.set(j, slot, read.value);
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        throw new DataError(name, error.message, { line: at, column: columns[j]!, position: j + 1 });
      }
    }
  };

  const chunk = (result: Papa.ParseResult<string[]>, parser: Papa.Parser): void => {
    if (failure !== null) return;
    try {
      newline = result.meta.linebreak === '\r' ? '\r' : '\n';
      const quote = result.errors.find((e) => e.type === 'Quotes');
      result.data.forEach((cells, r) => {
        if (quote && quote.row === r) throw new DataError(name, quote.message, { line });
        row(cells);
      });
    } catch (error) {
      failure = { error };
      parser.abort();
    }
  };
  const input = new TextFeed();
  Papa.parse<string[]>(
    input as never,
    { delimiter, chunk, complete: () => undefined } as Papa.ParseConfig<string[]>,
  );
  const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a byte-order mark
  for (let start = 0; start < size && failure === null; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    let text: string;
    try {
      text = decoder.decode(await slice(source, start, end), { stream: end < size });
    } catch {
      throw await notUtf8(name, source, end);
    }
    if (text !== '') input.emit('data', text);
    options.onProgress?.(end, size);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw options.signal.reason;
  }
  if (failure === null) input.emit('end');
  if (failure !== null) throw (failure as { error: unknown }).error;

  if (columns === null || builder === null) {
    throw new DataError(name, 'the file is empty (a header row and data rows are needed)');
  }
  const built: TableBuilder = builder;
  const names: string[] = columns;
  if (built.rowsSeen === 0) throw new DataError(name, `no data rows after the header (line ${headerLine})`);
  const decimal = names.filter((_, j) => marks[j] === 'comma');
  if (decimal.length > 0) {
    notices.push(
      `${name}: decimal commas read in ${decimal.length === names.length ? 'all columns' : decimal.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  return built.finish(notices);
}
