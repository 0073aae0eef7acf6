/**
 * Pieces the digit generators share: the real rows of each class 0..9 (labels checked), clipping to [0, 1], and
 * the per-class drawer contract: `count` digits of one class written as rows of PIXELS pixels.
 */
import { GeneratorError } from '../generators/oracle';
import type { RandomStream } from '../rng';
import { CLASSES, PIXELS, type Sample } from './types';

/** Writes `count` digits of class `label` into rows row .. row + count - 1 of `out` (PIXELS columns, [0, 1]). */
export type ClassDrawer = (
  label: number,
  count: number,
  rand: RandomStream,
  out: Float64Array,
  row: number,
) => void;

/**
 * The real rows of each class 0..9, ascending (empty for a class with no real digit). GeneratorError when the
 * sample is not digits: rows not PIXELS wide, a label that is not a whole number 0..9, a non-finite pixel.
 */
export function digitClassRows(real: Sample, what: string): Int32Array[] {
  if (real.x.cols !== PIXELS) {
    throw new GeneratorError(`${what}: digits have ${PIXELS} pixels, the real rows have ${real.x.cols}`);
  }
  if (real.y.length !== real.x.rows) {
    throw new GeneratorError(`${what}: ${real.x.rows} real digits but ${real.y.length} labels`);
  }
  if (!real.x.data.every(Number.isFinite))
    throw new GeneratorError(`${what}: the real digits have non-finite pixels`);
  const rows: number[][] = Array.from({ length: CLASSES }, () => []);
  real.y.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= CLASSES) {
      throw new GeneratorError(`${what}: real digit ${i + 1} has label ${label}, not a digit 0..9`);
    }
    rows[label]!.push(i);
  });
  return rows.map((r) => Int32Array.from(r));
}

export function clip01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
