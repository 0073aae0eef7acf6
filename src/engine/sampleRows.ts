/**
 * Small pieces every sampler shares: a replicate's stream label, and a sample's leading rows or two samples
 * stacked. Kept apart from draw.ts so the studies (which draw.ts calls) can use them too.
 */
import { sliceRows, stackRows } from './matrix';
import type { Sample } from './populations/population';

/** Stream labels of replicate r; replicate 0 keeps the plain labels of link version 1. */
export function replicateLabel(base: string, r: number): string {
  return r === 0 ? base : `${base}#${r}`;
}

/** Rows start..end of a sample. */
export function headRows(sample: Sample, start: number, end: number): Sample {
  return { x: sliceRows(sample.x, start, end), y: sample.y.slice(start, end) };
}

/** Two samples with the same columns, one on top of the other. */
export function stackSamples(a: Sample, b: Sample): Sample {
  const y = new Float64Array(a.y.length + b.y.length);
  y.set(a.y);
  y.set(b.y, a.y.length);
  return { x: stackRows([a.x, b.x]), y };
}
