import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanInterval, proportionInterval } from './intervals';
import { normalQuantile, tQuantile } from './quantiles';

/** |actual - expected| <= rel * |expected| (or <= rel when expected is 0). */
function expectRelative(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
}

// Reference values below: scipy 1.17.1 (stats.norm.ppf, stats.t.ppf, stats.t.interval with stats.sem,
// stats.binomtest(k, n).proportion_ci(method='wilson')), printed with repr() and pasted; no Python at test time.
const NORMAL: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.02425, -1.972961051311885],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.575, 0.18911842627279238],
  [0.9, 1.2815515655446004],
  [0.975, 1.959963984540054],
  [0.995, 2.5758293035489004],
  [1 - 1e-12, 7.0344869100478356],
];

const STUDENT: [number, number, number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 4, 2.7764451051977934],
  [0.975, 9, 2.262157162798205],
  [0.975, 29, 2.045229642132703],
  [0.975, 99, 1.9842169515864174],
  [0.95, 4, 2.1318467863266495],
  [0.995, 9, 3.249835541592126],
  [0.9995, 3, 12.923978636687961],
  [0.025, 7, -2.3646242515927844],
  [0.6, 2.5, 0.2814595127485477],
  [0.975, 1e6, 1.959966356814107],
  [0.75, 0.5, 1.5537739740300383],
];

describe('quantiles', () => {
  it('normalQuantile matches scipy.stats.norm.ppf to 1e-14 relative, 0 at 1/2', () => {
    for (const [p, z] of NORMAL) expectRelative(normalQuantile(p), z, 1e-14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('tQuantile matches scipy.stats.t.ppf to 1e-13 relative; df = Infinity is the normal', () => {
    for (const [p, df, t] of STUDENT) expectRelative(tQuantile(p, df), t, 1e-13);
    // Closed forms: df = 1 is Cauchy, tan(pi (p - 1/2)); df = 2 is (2p - 1) / sqrt(2 p (1 - p)).
    expectRelative(tQuantile(0.9, 1), Math.tan(Math.PI * 0.4), 1e-13);
    expectRelative(tQuantile(0.8, 2), 0.6 / Math.sqrt(2 * 0.8 * 0.2), 1e-13);
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
  });

  it('are odd about 1/2 and increasing (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.4999, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (q, df) => {
          expectRelative(normalQuantile(1 - q), -normalQuantile(q), 1e-12);
          expectRelative(tQuantile(1 - q, df), -tQuantile(q, df), 1e-9);
          expect(tQuantile(q, df)).toBeLessThan(tQuantile(q + 0.00005, df));
          // Heavier tails than the normal.
          expect(tQuantile(q, df)).toBeLessThanOrEqual(normalQuantile(q) + 1e-12);
        },
      ),
    );
  });

  it('throw outside (0, 1) and for df <= 0', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => normalQuantile(p)).toThrow(RangeError);
      expect(() => tQuantile(p, 3)).toThrow(RangeError);
    }
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.9, Number.NaN)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('matches scipy.stats.t.interval', () => {
    const cases: {
      x: number[];
      level: number;
      mean: number;
      sd: number;
      se: number;
      lo: number;
      hi: number;
    }[] = [
      {
        x: [0.31, 0.27, 0.35, 0.29, 0.4],
        level: 0.95,
        mean: 0.324,
        sd: 0.051768716422179145,
        se: 0.023151673805580454,
        lo: 0.2597206485853602,
        hi: 0.3882793514146398,
      },
      {
        x: [1, 2],
        level: 0.95,
        mean: 1.5,
        sd: 0.7071067811865476,
        se: 0.5,
        lo: -4.853102368087347,
        hi: 7.853102368087347,
      },
      {
        x: [1, 2],
        level: 0.99,
        mean: 1.5,
        sd: 0.7071067811865476,
        se: 0.5,
        lo: -30.328370581435763,
        hi: 33.32837058143576,
      },
      {
        x: [2.5, 3.1, 2.9, 3.3, 2.7, 3.0, 2.8, 3.2, 2.6, 3.4],
        level: 0.9,
        mean: 2.95,
        sd: 0.30276503540974914,
        se: 0.0957427107756338,
        lo: 2.77449279866962,
        hi: 3.12550720133038,
      },
    ];
    for (const c of cases) {
      const r = meanInterval(Float64Array.from(c.x), c.level);
      if (!r.hasInterval) throw new Error('expected an interval');
      expect(r.n).toBe(c.x.length);
      expect(r.level).toBe(c.level);
      for (const key of ['mean', 'sd', 'se', 'lo', 'hi'] as const) expectRelative(r[key], c[key], 1e-13);
    }
  });

  it('defaults to 95%', () => {
    expect(meanInterval([1, 2])).toEqual(meanInterval([1, 2], 0.95));
  });

  it('gives null spread and bounds for one value (never NaN or infinite)', () => {
    expect(meanInterval([0.42])).toEqual({
      hasInterval: false,
      n: 1,
      level: 0.95,
      mean: 0.42,
      sd: null,
      se: null,
      lo: null,
      hi: null,
    });
  });

  it('gives a zero-width interval at the mean for zero variance', () => {
    const r = meanInterval([0.3, 0.3, 0.3, 0.3]);
    expect(r).toMatchObject({ hasInterval: true, mean: 0.3, sd: 0, se: 0, lo: 0.3, hi: 0.3 });
  });

  it('keeps precision for a large offset (two-pass)', () => {
    const r = meanInterval([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    expect(r.mean).toBe(1e9 + 2);
    expect(r.sd).toBeCloseTo(1, 9);
  });

  it('throws on no values, non-finite values and bad levels', () => {
    expect(() => meanInterval([])).toThrow(RangeError);
    expect(() => meanInterval([1, Number.NaN])).toThrow(RangeError);
    expect(() => meanInterval([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => meanInterval([1e308, 1e308])).toThrow(RangeError);
    for (const level of [0, 1, 95, Number.NaN]) expect(() => meanInterval([1, 2], level)).toThrow(RangeError);
  });

  it('property: lo <= mean <= hi, symmetric, wider at higher level, shift-equivariant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (x, shift) => {
          const r = meanInterval(x);
          const wide = meanInterval(x, 0.99);
          const moved = meanInterval(
            x.map((v) => v + shift),
            0.95,
          );
          if (!r.hasInterval || !wide.hasInterval || !moved.hasInterval)
            throw new Error('expected intervals');
          expect(r.lo).toBeLessThanOrEqual(r.mean);
          expect(r.hi).toBeGreaterThanOrEqual(r.mean);
          expect(r.hi - r.mean).toBeCloseTo(r.mean - r.lo, 9);
          expect(wide.hi - wide.lo).toBeGreaterThanOrEqual(r.hi - r.lo);
          expect(moved.mean).toBeCloseTo(r.mean + shift, 9);
          expect(moved.hi - moved.lo).toBeCloseTo(r.hi - r.lo, 6);
        },
      ),
    );
  });
});

describe('proportionInterval', () => {
  it('matches scipy binomtest(...).proportion_ci(method="wilson")', () => {
    const cases: [number, number, number, number, number][] = [
      [0, 10, 0.95, 0, 0.27753279986288926], // by hand: z^2 / (n + z^2) = 3.8415 / 13.8415
      [10, 10, 0.95, 0.7224672001371109, 1],
      [7, 10, 0.95, 0.39677814746114526, 0.892208732593699],
      [1, 3, 0.95, 0.06149194472039626, 0.7923403991979523],
      [45, 50, 0.9, 0.8084624858484292, 0.9504709655225548],
      [500, 1000, 0.99, 0.45940700521208483, 0.5405929947879151],
      [3, 200, 0.95, 0.00511423779325831, 0.04316572879269026],
      [1, 1, 0.95, 0.20654931437723745, 1],
    ];
    for (const [k, n, level, lo, hi] of cases) {
      const r = proportionInterval(k, n, level);
      expect(r.estimate).toBe(k / n);
      expect(r.successes).toBe(k);
      expect(r.trials).toBe(n);
      expectRelative(r.lo, lo, 1e-13);
      expectRelative(r.hi, hi, 1e-13);
    }
    expect(proportionInterval(0, 10).lo).toBe(0);
    expect(proportionInterval(10, 10).hi).toBe(1);
  });

  it('throws on bad counts and levels', () => {
    expect(() => proportionInterval(0, 0)).toThrow(RangeError);
    expect(() => proportionInterval(3, 2)).toThrow(RangeError);
    expect(() => proportionInterval(-1, 2)).toThrow(RangeError);
    expect(() => proportionInterval(1.5, 2)).toThrow(RangeError);
    expect(() => proportionInterval(1, 2.5)).toThrow(RangeError);
    expect(() => proportionInterval(1, 2, 1)).toThrow(RangeError);
  });

  it('property: 0 <= lo <= estimate <= hi <= 1, mirror symmetric, positive width', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        ([k, n], level) => {
          const r = proportionInterval(k, n, level);
          expect(r.lo).toBeGreaterThanOrEqual(0);
          expect(r.lo).toBeLessThanOrEqual(r.estimate);
          expect(r.hi).toBeGreaterThanOrEqual(r.estimate);
          expect(r.hi).toBeLessThanOrEqual(1);
          expect(r.hi).toBeGreaterThan(r.lo);
          const mirror = proportionInterval(n - k, n, level);
          expect(mirror.lo).toBeCloseTo(1 - r.hi, 12);
          expect(mirror.hi).toBeCloseTo(1 - r.lo, 12);
        },
      ),
    );
  });
});
