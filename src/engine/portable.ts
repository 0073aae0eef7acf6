/**
 * Transcendental functions that return the same bits in every JavaScript engine (@stdlib's ports of
 * FreeBSD msun / fdlibm). Math.exp, log, sin, cos, pow... differ in the last bit between V8 versions, and
 * between browsers, so a share link would give slightly different numbers in Chrome, Firefox and the CLI.
 * The engine's float64 code uses these instead (sqrt, abs, floor and friends are exact everywhere).
 */
import cosImpl from '@stdlib/math-base-special-cos';
import expImpl from '@stdlib/math-base-special-exp';
import expm1Impl from '@stdlib/math-base-special-expm1';
import lnImpl from '@stdlib/math-base-special-ln';
import log1pImpl from '@stdlib/math-base-special-log1p';
import powImpl from '@stdlib/math-base-special-pow';
import sinImpl from '@stdlib/math-base-special-sin';
import tanImpl from '@stdlib/math-base-special-tan';

export const exp: (x: number) => number = expImpl;
export const log: (x: number) => number = lnImpl;
export const log1p: (x: number) => number = log1pImpl;
export const expm1: (x: number) => number = expm1Impl;
export const sin: (x: number) => number = sinImpl;
export const cos: (x: number) => number = cosImpl;
export const tan: (x: number) => number = tanImpl;
export const pow: (base: number, exponent: number) => number = powImpl;

/** 2^(j/64), j = 0..63, from fdlibm's exp (so the same bits everywhere). */
const TABLE = Float64Array.from({ length: 64 }, (_, j) => expImpl((j / 64) * Math.LN2));
/** expFast's table, for the WebAssembly copy of expFast (kernels/float64/exp.ts): a copy, never this array. */
export const expFastTable = (): Float64Array => TABLE.slice();
/** 2^m for m = -1022..1023, built by exact doublings and halvings. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let m = 1; m <= 1023; m++) POW2[1022 + m] = POW2[1021 + m]! * 2;
for (let m = 1; m <= 1022; m++) POW2[1022 - m] = POW2[1023 - m]! / 2;
const K_SCALE = 64 / Math.LN2;
/** ln 2 / 64 = HI + LO to about 2^-85: HI's low 32 bits are zero, so k * HI is exact for |k| < 2^32. */
const LN2_64_HI = 0.010830417275428772;
const LN2_64_LO = 7.420820373486988e-9;

/**
 * exp(x) by the table method (x = k ln2/64 + r, |r| <= ln2/128; exp(x) = 2^(k/64) (1 + r + ... + r^5/120)): within
 * about 2 units in the last place of exp, portable like `exp` (only IEEE +, * and a table built by `exp`), and
 * about 4x faster. For the kernels' millions of exp(-gamma ||x - x'||^2) (kernel ridge's predictions).
 */
export function expFast(x: number): number {
  if (!(x > -708 && x < 709)) return expImpl(x); // NaN, overflow, subnormal results: the reference handles them
  const k = Math.floor(x * K_SCALE + 0.5);
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const j = k & 63;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return TABLE[j]! * p * POW2[1022 + ((k - j) >> 6)]!;
}
