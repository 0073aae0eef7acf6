/**
 * Colour-blind-safe sequential ramps for dense pictures: viridis (responses) and cividis (probabilities), as
 * piecewise-linear interpolations of matplotlib's maps (11 and 9 stops), so no colour is ever ambiguous.
 */
export type Rgb = readonly [number, number, number];

function hex(value: string): Rgb {
  const n = Number.parseInt(value.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const VIRIDIS: readonly Rgb[] = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
].map(hex);

export const CIVIDIS: readonly Rgb[] = [
  '#00204d',
  '#00336f',
  '#39486b',
  '#575d6d',
  '#707173',
  '#8a8779',
  '#a69d75',
  '#c4b56c',
  '#e4cf5b',
  '#ffea46',
].map(hex);

/** The ramp's colour at t in [0, 1] (clamped; NaN gives the middle). */
export function rampAt(ramp: readonly Rgb[], t: number): Rgb {
  const u = Number.isNaN(t) ? 0.5 : Math.min(1, Math.max(0, t));
  const at = u * (ramp.length - 1);
  const k = Math.min(ramp.length - 2, Math.floor(at));
  const f = at - k;
  const [a, b] = [ramp[k]!, ramp[k + 1]!];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

export function cssRgb([r, g, b]: Rgb, alpha = 1): string {
  const c = (v: number) => Math.round(v);
  return alpha >= 1 ? `rgb(${c(r)}, ${c(g)}, ${c(b)})` : `rgba(${c(r)}, ${c(g)}, ${c(b)}, ${alpha})`;
}

/** a mixed toward b by w (0 = a, 1 = b). */
export function mix(a: Rgb, b: Rgb, w: number): Rgb {
  return [a[0] + w * (b[0] - a[0]), a[1] + w * (b[1] - a[1]), a[2] + w * (b[2] - a[2])];
}

/** A CSS colour as rgb ('#rgb', '#rrggbb' or 'rgb(...)'); null when it cannot be read. */
export function parseCssColor(value: string): Rgb | null {
  const text = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(text)) return hex(text);
  if (/^#[0-9a-f]{3}$/i.test(text)) return hex(`#${[...text.slice(1)].map((c) => c + c).join('')}`);
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
