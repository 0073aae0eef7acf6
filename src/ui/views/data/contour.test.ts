import { describe, expect, it } from 'vitest';
import { contourSegments } from './contour';

describe('decision-boundary contours (marching squares)', () => {
  it('finds a straight boundary where it is, with linear interpolation', () => {
    const nx = 5;
    const ny = 4;
    // f = i - 1.5: the level 0 runs along i = 1.5 through every row of cells.
    const values = Array.from({ length: nx * ny }, (_, k) => (k % nx) - 1.5);
    const segments = contourSegments(values, nx, ny, 0);
    expect(segments).toHaveLength(ny - 1);
    for (const [x0, , x1] of segments) {
      expect(x0).toBeCloseTo(1.5, 12);
      expect(x1).toBeCloseTo(1.5, 12);
    }
  });

  it('gives nothing on a flat or one-sided field, and skips cells with a missing value', () => {
    expect(contourSegments(new Array(9).fill(0.2), 3, 3, 0.5)).toEqual([]);
    expect(contourSegments([0, 1, NaN, 1], 2, 2, 0.5)).toEqual([]);
  });

  it('closes a circle around a bump', () => {
    const n = 21;
    const values = Array.from({ length: n * n }, (_, k) => {
      const [i, j] = [k % n, Math.floor(k / n)];
      return Math.hypot(i - 10, j - 10);
    });
    const segments = contourSegments(values, n, n, 6);
    for (const [x0, y0] of segments) expect(Math.hypot(x0 - 10, y0 - 10)).toBeCloseTo(6, 0);
    // Every endpoint is shared by exactly two segments: a closed curve.
    const key = (x: number, y: number) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const count = new Map<string, number>();
    for (const [a, b, c, d] of segments)
      for (const k of [key(a, b), key(c, d)]) count.set(k, (count.get(k) ?? 0) + 1);
    expect([...count.values()].every((c) => c === 2)).toBe(true);
  });
});
