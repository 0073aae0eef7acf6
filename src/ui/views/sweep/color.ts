/**
 * The phase diagram's colour ramp: viridis (perceptually uniform, readable with every common colour-vision
 * deficiency and in greyscale), as 11 samples of matplotlib's map interpolated linearly in sRGB.
 */
import { rampAt, VIRIDIS, type Rgb } from '../../charts/colormap';

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The ramp at t in [0, 1] (clamped; NaN gives the low end). */
export function viridisRgb(t: number): Rgb {
  return rampAt(VIRIDIS, Number.isFinite(t) ? t : 0);
}

export function viridis(t: number): string {
  return hexOf(viridisRgb(t));
}

/** The colour of `value` on a scale over `domain`. */
export function rampColor(value: number, domain: readonly [number, number]): string {
  const [lo, hi] = domain;
  return viridis(hi > lo ? (value - lo) / (hi - lo) : 0);
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever reads better on the ramp's colour at t. */
export function textOn(t: number): '#000000' | '#ffffff' {
  const l = luminance(viridisRgb(t));
  // Contrast with black (l + 0.05) / 0.05 vs with white 1.05 / (l + 0.05): equal at l ≈ 0.179.
  return l > 0.179 ? '#000000' : '#ffffff';
}
