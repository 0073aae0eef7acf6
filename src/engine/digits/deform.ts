/**
 * Elastic deformation (Simard, Steinkraus and Platt 2003): displacements u = alpha (G_sigma * U(-1, 1) noise) per
 * pixel and axis plus a whole-pixel shift s; out(r, c) = in(r + u_r + s_r, c + u_c + s_c), bilinear.
 */
import type { RandomStream } from '../rng';
import * as portable from '../portable';
import type { ClassDrawer } from './digitRows';
import { PIXELS, SIDE, type Sample } from './types';

/** Smoothing of the displacement noise in pixels (Simard et al.'s sigma = 4: smooth, "elastic" fields). */
export const FIELD_SIGMA = 4;
/** Largest shift in pixels along each axis (uniform on -2..2). */
export const MAX_SHIFT = 2;

const RADIUS = Math.ceil(3 * FIELD_SIGMA);

/** The normalized kernel exp(-t^2 / 2 sigma^2) / sum, t = -RADIUS..RADIUS. */
const KERNEL = (() => {
  const w = Float64Array.from({ length: 2 * RADIUS + 1 }, (_, i) =>
    portable.exp(-((i - RADIUS) ** 2) / (2 * FIELD_SIGMA ** 2)),
  );
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
})();

/**
 * RMS of one axis of the smoothed field away from the borders, before scaling: U(-1, 1) has variance 1/3 and the
 * separable 2-D kernel multiplies it by (sum_t w_t^2)^2, so the sd is sqrt(1/3) sum_t w_t^2 (~0.041 for sigma 4).
 * Dividing by it makes deformAmount the RMS displacement in pixels (Simard's alpha = 34 is deformAmount ~1.4).
 */
export const FIELD_RMS = Math.sqrt(1 / 3) * KERNEL.reduce((s, w) => s + w * w, 0);

// Locals, not the imported constants: in Node's CommonJS transforms each use of an import is a getter call.
const S = SIDE;
const P = PIXELS;

/**
 * Separable Gaussian smoothing of an S x S field in place, zero outside the image (scipy's mode 'constant'): the
 * correlation with the kernel along rows, then along columns, each output summing only the taps inside.
 */
function smooth(field: Float64Array, work: Float64Array): void {
  const K = KERNEL;
  for (let c = 0; c < S; c++) {
    const lo = Math.max(-RADIUS, -c);
    const hi = Math.min(RADIUS, S - 1 - c);
    for (let r = 0; r < S; r++) {
      const base = r * S + c;
      let s = 0;
      for (let t = lo; t <= hi; t++) s += K[t + RADIUS]! * field[base + t]!;
      work[base] = s;
    }
  }
  for (let r = 0; r < S; r++) {
    const lo = Math.max(-RADIUS, -r);
    const hi = Math.min(RADIUS, S - 1 - r);
    for (let c = 0; c < S; c++) {
      const base = r * S + c;
      let s = 0;
      for (let t = lo; t <= hi; t++) s += K[t + RADIUS]! * work[base + t * S]!;
      field[base] = s;
    }
  }
}

/** One displacement field (row and column displacements, S x S each) with RMS `amount` px per axis inside. */
export function displacementField(
  amount: number,
  rand: RandomStream,
): { dr: Float64Array; dc: Float64Array } {
  const work = new Float64Array(P);
  const alpha = amount / FIELD_RMS;
  const field = () => {
    const f = new Float64Array(P);
    for (let t = 0; t < P; t++) f[t] = 2 * rand.uniform() - 1;
    smooth(f, work);
    for (let t = 0; t < P; t++) f[t]! *= alpha;
    return f;
  };
  const dr = field();
  return { dr, dc: field() };
}

/** Pixel (r, c) of the image at offset `at`; 0 outside the image. */
function pixel(image: Float64Array, at: number, r: number, c: number): number {
  return r < 0 || r >= S || c < 0 || c >= S ? 0 : image[at + r * S + c]!;
}

/** Bilinear value of `image` (offset `at`) at real position (r, c); 0 outside the image. */
function bilinear(image: Float64Array, at: number, r: number, c: number): number {
  const r0 = Math.floor(r);
  const c0 = Math.floor(c);
  const fr = r - r0;
  const fc = c - c0;
  // Whole-pixel positions (shift only) read one pixel: exact copies, no interpolation blur.
  if (fr === 0 && fc === 0) return pixel(image, at, r0, c0);
  const top = (1 - fc) * pixel(image, at, r0, c0) + fc * pixel(image, at, r0, c0 + 1);
  const bottom = (1 - fc) * pixel(image, at, r0 + 1, c0) + fc * pixel(image, at, r0 + 1, c0 + 1);
  return (1 - fr) * top + fr * bottom;
}

/**
 * Writes a deformed copy of the digit at row `from` of `images` into row `to` of `out`: a shift uniform on
 * -MAX_SHIFT..MAX_SHIFT px per axis, plus (amount > 0) an elastic field of RMS `amount` px. Amount 0 draws no
 * field, so the output is the digit shifted by whole pixels exactly (pixels shifted in from outside are 0).
 */
export function deformDigit(
  images: Float64Array,
  from: number,
  amount: number,
  rand: RandomStream,
  out: Float64Array,
  to: number,
): void {
  const shiftR = Math.floor(rand.uniform() * (2 * MAX_SHIFT + 1)) - MAX_SHIFT;
  const shiftC = Math.floor(rand.uniform() * (2 * MAX_SHIFT + 1)) - MAX_SHIFT;
  const field = amount > 0 ? displacementField(amount, rand) : null;
  const src = from * P;
  for (let r = 0; r < S; r++) {
    for (let c = 0; c < S; c++) {
      const t = r * S + c;
      const sr = r - shiftR + (field ? field.dr[t]! : 0);
      const sc = c - shiftC + (field ? field.dc[t]! : 0);
      // Bilinear weights are convex, so the value stays within [0, 1] for digits in [0, 1].
      out[to * P + t] = bilinear(images, src, sr, sc);
    }
  }
}

/** deform: a real digit of the class, uniform, then deformDigit with `amount`. */
export function fitDeform(real: Sample, classRows: readonly Int32Array[], amount: number): ClassDrawer {
  return (label, count, rand, out, row) => {
    const rows = classRows[label]!;
    for (let i = 0; i < count; i++) {
      const from = rows[Math.floor(rand.uniform() * rows.length)]!;
      deformDigit(real.x.data, from, amount, rand, out, row + i);
    }
  };
}
