import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { misspecifiedLimits, olsExcessReal, olsExcessSynthetic } from './olsGaussian';

const one = (v: number) => new Matrix([[v]]);

describe('OLS closed forms (hand-checked, p = 1)', () => {
  it('real: σ²(1/n + p(n+1)/(n(n−p−2)))', () => {
    // 0.25 (1/50 + 51/(50 * 47)) = 0.25 * (0.02 + 0.0217021...) = 0.0104255...
    expect(olsExcessReal(0.5, 50, 1)).toBeCloseTo(0.25 * (0.02 + 51 / 2350), 14);
    expect(olsExcessReal(0.5, 3, 1)).toBe(Infinity);
  });

  it('synthetic: σ̃²(1/m + (tr(S S̃⁻¹) + p/m + s′S̃⁻¹s)/(m−p−2))', () => {
    // S = 1, S~ = 4, s = 2: 0.25 (1/50 + (0.25 + 0.02 + 1) / 47).
    const value = olsExcessSynthetic({ p: 1, S: one(1), St: one(4), s: one(2), Q: one(0) }, 0.5, 50);
    expect(value).toBeCloseTo(0.25 * (0.02 + 1.27 / 47), 14);
  });

  it('misspecified limit: (tr(Q(S̃−S)) − s′Qs)² + 4 s′QSQs', () => {
    // Q = 1/2, S = S~ = 1, s = 2: (0 - 2)^2 + 4 * 1 = 8; real excess 2 (QS)^2 = 0.5.
    expect(misspecifiedLimits({ p: 1, S: one(1), St: one(1), s: one(2), Q: one(0.5) })).toEqual({
      real: 0.5,
      synthetic: 8.5,
      utility: 8,
    });
    // Q = 0 (correct specification): 0 for every shift and scale.
    expect(misspecifiedLimits({ p: 1, S: one(1), St: one(9), s: one(3), Q: one(0) }).utility).toBe(0);
  });
});
