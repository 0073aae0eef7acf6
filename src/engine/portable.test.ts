import { describe, expect, it } from 'vitest';
import * as portable from './portable';

describe('portable math', () => {
  it('agrees with the native functions to rounding (and is what the engine uses)', () => {
    for (const x of [1e-8, 0.3, 1, 2.5, 10, 100]) {
      expect(portable.exp(x / 10)).toBeCloseTo(Math.exp(x / 10), 12);
      expect(portable.log(x)).toBeCloseTo(Math.log(x), 12);
      expect(portable.sin(x)).toBeCloseTo(Math.sin(x), 12);
      expect(portable.cos(x)).toBeCloseTo(Math.cos(x), 12);
      expect(portable.pow(x, 0.7)).toBeCloseTo(Math.pow(x, 0.7), 10);
    }
  });

  it('keeps the exact values IEEE requires', () => {
    expect(portable.exp(0)).toBe(1);
    expect(portable.log(1)).toBe(0);
    expect(portable.sin(0)).toBe(0);
    expect(portable.log(0)).toBe(-Infinity);
  });

  it('expFast stays within 2 ulp of exp, and hands the edges to it', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -745 + (1454 * i) / 200_000; // the whole finite range, and beyond it at both ends
      const exact = portable.exp(x);
      if (x <= -708 || x >= 709) {
        // subnormal, zero or infinite results: exp itself answers
        expect(portable.expFast(x)).toBe(exact);
        continue;
      }
      worst = Math.max(worst, Math.abs(portable.expFast(x) - exact) / (exact * 2 ** -52));
    }
    expect(worst).toBeLessThan(2);
    expect(portable.expFast(0)).toBe(1);
    expect(portable.expFast(-Infinity)).toBe(0);
    expect(portable.expFast(Infinity)).toBe(Infinity);
    expect(portable.expFast(NaN)).toBeNaN();
    expect(portable.expFast(-800)).toBe(0);
  });
});
