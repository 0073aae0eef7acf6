import { describe, expect, it } from 'vitest';
import { centralRange, decadeAxis, formatDecade, linearScale, spansDecades } from './scale';

describe('linearScale', () => {
  it('maps the domain onto the pixel range and keeps both readable', () => {
    const x = linearScale(0, 10, 100, 300);
    expect(x(0)).toBe(100);
    expect(x(5)).toBe(200);
    expect(x(10)).toBe(300);
    expect([x.lo, x.hi, x.x0, x.x1]).toEqual([0, 10, 100, 300]);
  });

  it('clamps values outside the domain to the plot edges', () => {
    const x = linearScale(-1, 1, 0, 200);
    expect(x(-5)).toBe(0);
    expect(x(7)).toBe(200);
  });

  it('runs right to left when the pixel range does, and maps an empty domain to its start', () => {
    expect(linearScale(0, 1, 100, 0)(0.25)).toBe(75);
    expect(linearScale(3, 3, 10, 50)(3)).toBe(10);
  });
});

describe('spansDecades', () => {
  it('asks for a log axis only when every value is positive and they span more than 30', () => {
    expect(spansDecades([0.01, 0.5])).toBe(true);
    expect(spansDecades([1, 30])).toBe(false);
    expect(spansDecades([1, 31])).toBe(true);
    expect(spansDecades([0, 0.01, 5])).toBe(false);
    expect(spansDecades([-1, 100])).toBe(false);
    expect(spansDecades([Number.NaN, 1, 100])).toBe(false);
    expect(spansDecades([])).toBe(false);
    expect(spansDecades([4])).toBe(false);
  });

  it('takes another ratio', () => {
    expect(spansDecades([1, 5], 4)).toBe(true);
  });
});

describe('centralRange', () => {
  it('drops the outer half percent at each end', () => {
    const values = Array.from({ length: 201 }, (_, i) => i);
    values[0] = -1e6;
    values[200] = 1e6;
    expect(centralRange(values)).toEqual([1, 199]);
  });

  it('keeps every value of a small sample, in any order', () => {
    expect(centralRange([3, -2, 7, 0])).toEqual([-2, 7]);
    expect(centralRange([5])).toEqual([5, 5]);
  });

  it('has nothing to frame without values', () => {
    expect(centralRange([])).toBeNull();
  });
});

describe('decadeAxis', () => {
  it('runs from the decade at or below the smallest value to the one at or above the largest', () => {
    expect(decadeAxis(0.0003, 4)).toEqual({ floor: 0.0001, ticks: [0.0001, 0.001, 0.01, 0.1, 1, 10] });
    expect(decadeAxis(1, 100)).toEqual({ floor: 1, ticks: [1, 10, 100] });
  });

  it('has at least one decade, with exact powers of ten', () => {
    expect(decadeAxis(0.002, 0.003)).toEqual({ floor: 0.001, ticks: [0.001, 0.01] });
    expect(decadeAxis(1e-7, 1e-6).ticks).toEqual([1e-7, 1e-6]);
  });
});

describe('formatDecade', () => {
  it('writes 0.001 to 10000 out and uses exponents beyond', () => {
    expect([0.001, 0.01, 1, 10, 10000].map(formatDecade)).toEqual(['0.001', '0.01', '1', '10', '10000']);
    expect(formatDecade(1e-4)).toBe('1e-4');
    expect(formatDecade(1e5)).toBe('1e5');
  });

  it('leaves values that are not positive as they are', () => {
    expect(formatDecade(0)).toBe('0');
    expect(formatDecade(-1)).toBe('-1');
  });
});
