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
