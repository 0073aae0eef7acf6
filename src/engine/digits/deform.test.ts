import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { deformDigit, displacementField, FIELD_RMS } from './deform';
import { blobDigits } from './testBlobs';
import { PIXELS, SIDE } from './types';

describe('elastic deformation', () => {
  it('scales the field so that deformAmount is its RMS displacement in pixels (per axis, inside)', () => {
    const rand = stream(1, 'field');
    // Pixels 12..15 are at least 12 px (the kernel radius) from every border: the full kernel applies.
    let sum = 0;
    let count = 0;
    for (let f = 0; f < 400; f++) {
      const { dr, dc } = displacementField(3, rand);
      for (let r = 12; r <= 15; r++) {
        for (let c = 12; c <= 15; c++) {
          sum += dr[r * SIDE + c]! ** 2 + dc[r * SIDE + c]! ** 2;
          count += 2;
        }
      }
    }
    // 400 fields: neighbouring pixels are nearly equal, so ~800 independent values; 6 % is > 4 standard errors.
    expect(Math.sqrt(sum / count)).toBeGreaterThan(3 * 0.94);
    expect(Math.sqrt(sum / count)).toBeLessThan(3 * 1.06);
    expect(FIELD_RMS).toBeCloseTo(Math.sqrt(1 / 3) / (2 * 4 * Math.sqrt(Math.PI)), 3);
  });

  it('moves ink smoothly: values in [0, 1], total intensity kept on average, every digit changed', () => {
    const n = 100;
    const digits = blobDigits(n, 2);
    const out = new Float64Array(PIXELS);
    const rand = stream(2, 'deform');
    let ratios = 0;
    for (let i = 0; i < n; i++) {
      deformDigit(digits.x.data, i, 2, rand, out, 0);
      expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
      const before = digits.x.data.subarray(i * PIXELS, (i + 1) * PIXELS).reduce((a, b) => a + b, 0);
      // An elastic field stretches and compresses locally (ink scales by ~1 / (1 + div u)), so one digit keeps
      // its ink only roughly (measured 0.4..2.5 at 2 px), the average closely (measured 0.95).
      ratios += out.reduce((a, b) => a + b, 0) / before / n;
      let moved = 0;
      for (let t = 0; t < PIXELS; t++) moved += Math.abs(out[t]! - digits.x.data[i * PIXELS + t]!);
      expect(moved).toBeGreaterThan(0.1 * before);
    }
    expect(ratios).toBeGreaterThan(0.88);
    expect(ratios).toBeLessThan(1.08);
  });
});
