import { describe, expect, it } from 'vitest';
import { stream } from './rng';

describe('seeded streams', () => {
  it('repeat exactly for the same seed and label', () => {
    const a = stream(42, 'real').normals(100);
    const b = stream(42, 'real').normals(100);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('differ between labels and between seeds', () => {
    const a = stream(42, 'real').normals(10);
    expect(Array.from(stream(42, 'synthetic').normals(10))).not.toEqual(Array.from(a));
    expect(Array.from(stream(43, 'real').normals(10))).not.toEqual(Array.from(a));
  });

  it('draws standard normals (moments within Monte Carlo error)', () => {
    const n = 200_000;
    const z = stream(7, 'moments').normals(n);
    let sum = 0;
    let sumSq = 0;
    let below = 0;
    for (const v of z) {
      sum += v;
      sumSq += v * v;
      if (v < 1.959964) below++;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // Standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032, tail proportion 0.00049; 5 SE margins.
    expect(Math.abs(mean)).toBeLessThan(0.012);
    expect(Math.abs(variance - 1)).toBeLessThan(0.016);
    expect(Math.abs(below / n - 0.975)).toBeLessThan(0.0025);
  });

  it('gives uniforms in [0, 1)', () => {
    const s = stream(1, 'u');
    for (let i = 0; i < 10_000; i++) {
      const u = s.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('draws Gamma(shape) with mean shape and variance shape (both regimes)', () => {
    for (const shape of [0.5, 3]) {
      const s = stream(5, `gamma-${shape}`);
      const n = 100_000;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const g = s.gamma(shape);
        sum += g;
        sumSq += g * g;
      }
      const mean = sum / n;
      const variance = sumSq / n - mean * mean;
      // SE of the mean sqrt(shape / n) <= 0.0055; of the variance about sqrt((2 + 6/shape) shape^2 / n) <= 0.021.
      expect(Math.abs(mean - shape)).toBeLessThan(0.03);
      expect(Math.abs(variance - shape)).toBeLessThan(0.1);
    }
  });

  it('draws categories in proportion to their weights', () => {
    const s = stream(9, 'cat');
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[s.categorical([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    // p = 0.25, SE = sqrt(0.25 * 0.75 / 60000) = 0.0018.
    expect(Math.abs(counts[0]! / 60_000 - 0.25)).toBeLessThan(0.01);
  });
});
