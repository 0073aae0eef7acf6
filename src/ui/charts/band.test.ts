import { describe, expect, it } from 'vitest';
import { bandOf, logBand } from './band';

describe('bandOf', () => {
  it('is the interval, or nothing when an end is missing (one replicate)', () => {
    expect(bandOf(0.1, 0.4)).toEqual([0.1, 0.4]);
    expect(bandOf(null, 0.4)).toBeNull();
    expect(bandOf(0.1, null)).toBeNull();
  });

  it('is clamped to the range the measure can take', () => {
    expect(bandOf(-1.3, 0.2, [-1, 1])).toEqual([-1, 0.2]);
    expect(bandOf(0.7, 1.4, [-1, 1])).toEqual([0.7, 1]);
    expect(bandOf(-0.5, 0.5, [-1, 1])).toEqual([-0.5, 0.5]);
  });
});

describe('logBand', () => {
  it('raises the low end to the axis floor', () => {
    expect(logBand([-0.2, 0.5], 0.01)).toEqual([0.01, 0.5]);
    expect(logBand([0.001, 0.5], 0.01)).toEqual([0.01, 0.5]);
    expect(logBand([0.1, 0.5], 0.01)).toEqual([0.1, 0.5]);
  });

  it('drops a band with nothing above 0, and a missing one', () => {
    expect(logBand([-0.2, 0], 0.01)).toBeNull();
    expect(logBand(null, 0.01)).toBeNull();
  });
});
