/** The seeded percentile bootstrap that gives tau, rho and SRA their intervals, and the score-share interval. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrapMeanInterval, meanInterval, proportionInterval, scoreShareInterval } from './intervals';

const twenty = (ones: number, rest: number) => [
  ...new Array<number>(ones).fill(1),
  ...new Array<number>(20 - ones).fill(rest),
];

describe('bootstrapMeanInterval', () => {
  it('stays inside [-1, 1] where the t interval does not', () => {
    const taus = twenty(19, -1 / 3);
    const t = meanInterval(taus);
    expect(t.hi).toBeGreaterThan(1); // the old interval: "0.87 – 1.0x"
    const b = bootstrapMeanInterval(taus, 1);
    expect(b.hasInterval && b.hi).toBe(1);
    expect(b.lo).toBeGreaterThan(0.7);
    expect(b.lo).toBeLessThan(b.mean);
    expect(b.unanimous).toBe(false);
    expect(b.method).toBe('percentile-bootstrap');
  });

  it('property: within [min, max] of the values (so within [-1, 1]) on adversarial inputs', () => {
    const unit = fc.oneof(
      fc.constantFrom(-1, 1, 0, 1 - 2 ** -53, -1 + 2 ** -53, 1 / 3, -1 / 3, 0.1),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 60 }),
        fc.integer(),
        fc.integer({ min: 1, max: 300 }),
        (values, seed, resamples) => {
          const b = bootstrapMeanInterval(values, seed, 0.95, resamples);
          if (!b.hasInterval) {
            expect(values.length).toBe(1);
            return;
          }
          expect(b.lo).toBeGreaterThanOrEqual(Math.min(...values));
          expect(b.hi).toBeLessThanOrEqual(Math.max(...values));
          expect(b.lo).toBeLessThanOrEqual(b.hi);
          expect(b.lo).toBeGreaterThanOrEqual(-1);
          expect(b.hi).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed, and the seed only moves the Monte Carlo digits', () => {
    // Spread-out values, so the resampled means are not confined to a few levels that every seed hits.
    const values = Array.from({ length: 20 }, (_, i) => Math.cos(i * 2.3));
    const a = bootstrapMeanInterval(values, 42);
    expect(bootstrapMeanInterval(values, 42)).toEqual(a);
    const other = bootstrapMeanInterval(values, 43);
    expect([other.lo, other.hi]).not.toEqual([a.lo, a.hi]);
    expect(Math.abs(other.lo! - a.lo!)).toBeLessThan(0.05);
    expect(Math.abs(other.hi! - a.hi!)).toBeLessThan(0.05);
  });

  it('is wide when the replicates split: half tau = 1, half tau = -1', () => {
    const b = bootstrapMeanInterval(twenty(10, -1), 7);
    expect(b.mean).toBe(0);
    // sd/sqrt(n) of a mean of +-1 draws is 1/sqrt(20) = 0.22: the interval is about +-0.44.
    expect(b.lo).toBeLessThan(-0.3);
    expect(b.hi).toBeGreaterThan(0.3);
    expect(b.hi! - b.lo!).toBeGreaterThan(0.7);
    expect(b.hi! - b.lo!).toBeLessThan(1.1);
  });

  it('matches the normal approximation mean +- z sd/sqrt(n) for many well-spread values', () => {
    const values = Array.from({ length: 400 }, (_, i) => Math.sin(i * 1.7) * 0.9);
    const b = bootstrapMeanInterval(values, 3);
    const t = meanInterval(values);
    const half = (1.959964 * t.sd!) / Math.sqrt(values.length);
    expect(b.lo! - (t.mean - half)).toBeCloseTo(0, 2);
    expect(b.hi! - (t.mean + half)).toBeCloseTo(0, 2);
  });

  it('is degenerate, and says so, when every replicate agrees', () => {
    const b = bootstrapMeanInterval(twenty(20, 1), 5);
    expect(b).toMatchObject({ unanimous: true, mean: 1, lo: 1, hi: 1, resamples: 0, n: 20 });
    expect(bootstrapMeanInterval([-1 / 3, -1 / 3], 5)).toMatchObject({ unanimous: true, lo: -1 / 3 });
    // One dissenting replicate is no longer unanimous and opens the interval below 1.
    const one = bootstrapMeanInterval(twenty(19, 0), 5);
    expect(one.unanimous).toBe(false);
    expect(one.lo).toBeLessThan(1);
  });

  it('has no interval with one value, and throws as meanInterval does', () => {
    expect(bootstrapMeanInterval([0.5], 1)).toMatchObject({ hasInterval: false, lo: null, unanimous: true });
    expect(() => bootstrapMeanInterval([], 1)).toThrow(RangeError);
    expect(() => bootstrapMeanInterval([1, Number.NaN], 1)).toThrow(RangeError);
    expect(() => bootstrapMeanInterval([1, 0], 1, 1.5)).toThrow(RangeError);
    expect(() => bootstrapMeanInterval([1, 0], 1, 0.95, 0)).toThrow(RangeError);
  });
});

describe('scoreShareInterval', () => {
  it('equals the Wilson interval for whole counts and accepts fractions from ties', () => {
    for (const [k, n] of [
      [0, 10],
      [7, 10],
      [20, 20],
    ] as const) {
      expect(scoreShareInterval(k, n)).toEqual(proportionInterval(k, n));
    }
    const half = scoreShareInterval(19.5, 20);
    expect(half.estimate).toBe(0.975);
    expect(half.lo).toBeGreaterThan(proportionInterval(19, 20).lo);
    expect(half.hi).toBeLessThan(1);
    expect(() => scoreShareInterval(20.5, 20)).toThrow(RangeError);
    expect(() => scoreShareInterval(-0.5, 20)).toThrow(RangeError);
    expect(() => scoreShareInterval(1, 2.5)).toThrow(RangeError);
  });
});
