/**
 * Replicate 0 of a digits run as the page shows it: a gallery of the first GALLERY_PER_CLASS real and synthetic
 * digits of each class (grey levels 0-255), each sample's class counts, and the models' confusion matrices on the
 * test digits. Small and plain, so it crosses to the page once per run.
 */
import type { ModelConfusion } from '../replicates';
import { CLASSES, PIXELS, type Sample } from './types';

export const GALLERY_PER_CLASS = 8;

export interface DigitsVisual {
  /** gallery.real[c]: up to GALLERY_PER_CLASS digits of class c, each PIXELS grey levels 0-255 (row-major 28 x 28). */
  readonly gallery: { readonly real: number[][][]; readonly synthetic: number[][][] };
  /** Digits of each class in replicate 0's real and synthetic training samples. */
  readonly counts: { readonly real: number[]; readonly synthetic: number[] };
  readonly confusion: readonly ModelConfusion[];
}

function galleryOf(sample: Sample): number[][][] {
  const out: number[][][] = Array.from({ length: CLASSES }, () => []);
  for (let i = 0; i < sample.x.rows; i++) {
    const c = sample.y[i]!;
    const shelf = out[c];
    if (!shelf || shelf.length >= GALLERY_PER_CLASS) continue;
    const pixels = sample.x.data.subarray(i * PIXELS, (i + 1) * PIXELS);
    shelf.push(Array.from(pixels, (v) => Math.round(255 * Math.min(1, Math.max(0, v)))));
  }
  return out;
}

function countsOf(sample: Sample): number[] {
  const counts = new Array<number>(CLASSES).fill(0);
  for (const c of sample.y) if (c >= 0 && c < CLASSES) counts[c]!++;
  return counts;
}

export function digitsVisual(
  real: Sample,
  synthetic: Sample,
  confusion: readonly ModelConfusion[],
): DigitsVisual {
  return {
    gallery: { real: galleryOf(real), synthetic: galleryOf(synthetic) },
    counts: { real: countsOf(real), synthetic: countsOf(synthetic) },
    confusion,
  };
}
