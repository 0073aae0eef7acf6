/**
 * What a text cell means: a number, a missing value or text. The rules (README "Reading your files"):
 *  - missing: an empty cell, NA, N/A, #N/A, NaN, null, ? and a lone . (any case, surrounding spaces ignored);
 *  - numbers: 12, -3.5, .5, 1e-3, 1E+308 (spaces around them ignored); in a file whose delimiter is not a
 *    comma, a column may use decimal commas (1,5) instead, decided per column: one column mixing 1,5 and 2.5
 *    is refused, since neither reading is safe;
 *  - inf, -inf, Infinity and numbers beyond float64 (1e309) are refused: no learner can use them, and turning
 *    them into missing values would hide a generator's overflow; the message names the cell;
 *  - anything else is text, trimmed.
 */
import { shown } from './errors';

const MISSING = new Set(['', 'na', 'n/a', '#n/a', 'nan', 'null', '?', '.']);
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
const DECIMAL_COMMA = /^\s*[+-]?\d*,\d+(e[+-]?\d+)?\s*$/i;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const INFINITE = /^\s*[+-]?(inf|infinity)\s*$/i;

/** How a column writes its decimals, learned from its first cell that has any. */
export type DecimalMark = 'unknown' | 'point' | 'comma';

/** A cell that cannot be read: the caller adds the file, line and column. */
export class CellProblem extends Error {}

/** True for the texts that mean "no value". */
export function isMissingText(text: string): boolean {
  return text.length <= 16 && MISSING.has(text.trim().toLowerCase());
}

/** A finite number from a parsed value, or a CellProblem saying why it is refused. */
export function finite(value: number, text: string): number {
  if (Number.isFinite(value)) return value;
  throw new CellProblem(`${shown(text)} is beyond the range of 64-bit floats (about ±1.8e308)`);
}

/**
 * Reads one cell. `mark` is the column's decimal mark so far; `commas` says whether decimal commas are possible
 * (the delimiter is not a comma). Returns the value and the column's mark after it.
 */
export function readCell(
  text: string,
  mark: DecimalMark,
  commas: boolean,
): { value: number | string | null; mark: DecimalMark } {
  if (NUMBER.test(text)) {
    const value = finite(Number(text), text);
    if (mark === 'comma' && !INTEGER.test(text) && text.includes('.')) {
      throw new CellProblem(
        `${shown(text)} has a decimal point, but this column uses decimal commas above; use one decimal mark`,
      );
    }
    return { value, mark: mark === 'unknown' && text.includes('.') ? 'point' : mark };
  }
  if (commas && DECIMAL_COMMA.test(text)) {
    if (mark === 'point') {
      throw new CellProblem(
        `${shown(text)} has a decimal comma, but this column uses decimal points above; use one decimal mark`,
      );
    }
    return { value: finite(Number(text.replace(',', '.')), text), mark: 'comma' };
  }
  if (isMissingText(text)) return { value: null, mark };
  if (INFINITE.test(text)) {
    throw new CellProblem(
      `${shown(text)} is infinite; the learners need finite numbers (an empty cell marks a missing value)`,
    );
  }
  return { value: text.trim(), mark };
}
