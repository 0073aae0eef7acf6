import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matrix } from '../matrix';
import {
  gaussianFit,
  gaussianHellinger,
  gaussianKL,
  gaussianW2,
  gaussianW2Squared,
  type Gaussian,
} from './fidelity';

// Reference values: numpy 2 / scipy 1.17.1 (np.linalg.inv/det for KL and Hellinger, scipy.linalg.sqrtm for W2,
// np.cov), printed with repr() and pasted; no Python at test time.

const g = (mean: number[], cov: number[]): Gaussian => ({
  mean,
  cov: matrix(mean.length, mean.length, Float64Array.from(cov)),
});
const g1 = (m: number, s: number) => g([m], [s * s]);

const P = g([0.5, -1, 2], [2, 0.3, -0.4, 0.3, 1, 0.2, -0.4, 0.2, 1.5]);
const Q = g([0, 0.5, 1], [1, -0.5, 0.1, -0.5, 3, 0.6, 0.1, 0.6, 0.8]);

/** Random Gaussian in d = 1..3 dims: cov = B B' + 0.1 I (positive definite). */
const gaussianArb = (d: number) =>
  fc
    .tuple(
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: d, maxLength: d }),
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d * d, maxLength: d * d }),
    )
    .map(([mean, b]) => {
      const cov: number[] = [];
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          let s = i === j ? 0.1 : 0;
          for (let k = 0; k < d; k++) s += b[i * d + k]! * b[j * d + k]!;
          cov.push(s);
        }
      }
      return g(mean, cov);
    });
const twoGaussians = fc.integer({ min: 1, max: 3 }).chain((d) => fc.tuple(gaussianArb(d), gaussianArb(d)));
const threeGaussians = fc
  .integer({ min: 1, max: 3 })
  .chain((d) => fc.tuple(gaussianArb(d), gaussianArb(d), gaussianArb(d)));

describe('gaussianFit', () => {
  it('matches numpy mean and np.cov (divisor n - 1)', () => {
    const x = matrix(5, 2, Float64Array.from([1, 2, 2, 1.5, 0.5, 0, 3, 2.5, 1.5, 1]));
    const fit = gaussianFit(x);
    expect(Array.from(fit.mean)).toEqual([1.6, 1.4].map((v) => expect.closeTo(v, 14)));
    expect(Array.from(fit.cov.data)).toEqual([0.925, 0.7, 0.7, 0.925].map((v) => expect.closeTo(v, 14)));
    expect(fit.cov.rows).toBe(2);
  });

  it('throws for fewer than 2 rows or non-finite values', () => {
    expect(() => gaussianFit(matrix(1, 2, Float64Array.from([1, 2])))).toThrow(RangeError);
    expect(() => gaussianFit(matrix(2, 1, Float64Array.from([1, Number.NaN])))).toThrow(RangeError);
  });
});

describe('gaussianKL', () => {
  it('matches the numpy closed form in 3-D (both directions: KL is not symmetric)', () => {
    expect(gaussianKL(P, Q)).toBeCloseTo(2.6460663567040257, 12);
    expect(gaussianKL(Q, P)).toBeCloseTo(3.1533420916578567, 12);
  });

  it('1-D: ln(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2', () => {
    // By hand: ln 2 + (1 + 1) / 8 - 1/2 = 0.4431471805599453.
    expect(gaussianKL(g1(0, 1), g1(1, 2))).toBeCloseTo(Math.log(2) + 2 / 8 - 0.5, 14);
  });

  it('property: KL(P || P) = 0 and KL >= 0; matches the 1-D formula', () => {
    fc.assert(
      fc.property(twoGaussians, ([p, q]) => {
        expect(gaussianKL(p, p)).toBeCloseTo(0, 9);
        expect(gaussianKL(p, q)).toBeGreaterThanOrEqual(0);
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (m, s) => {
          const kl = Math.log(s / 1.5) + (1.5 ** 2 + (0.3 - m) ** 2) / (2 * s * s) - 0.5;
          expect(gaussianKL(g1(0.3, 1.5), g1(m, s))).toBeCloseTo(kl, 10);
        },
      ),
    );
  });

  it('throws on singular covariances, mismatched dimensions, asymmetric or non-finite input', () => {
    expect(() => gaussianKL(g([0, 0], [1, 1, 1, 1]), g([0, 0], [1, 0, 0, 1]))).toThrow(RangeError);
    expect(() => gaussianKL(g1(0, 1), P)).toThrow(RangeError);
    expect(() => gaussianKL(g([0, 0], [1, 0.5, 0, 1]), g([0, 0], [1, 0, 0, 1]))).toThrow(RangeError);
    expect(() => gaussianKL(g1(Number.NaN, 1), g1(0, 1))).toThrow(RangeError);
    expect(() => gaussianKL({ mean: [0], cov: matrix(2, 2) }, g1(0, 1))).toThrow(RangeError);
  });
});

describe('gaussianHellinger', () => {
  it('matches the numpy closed form in 3-D', () => {
    expect(gaussianHellinger(P, Q)).toBeCloseTo(0.6575835398814727, 12);
    expect(gaussianHellinger(Q, P)).toBeCloseTo(0.6575835398814727, 12);
  });

  it('1-D: H^2 = 1 - sqrt(2 s1 s2 / (s1^2 + s2^2)) exp(-(m1 - m2)^2 / (4 (s1^2 + s2^2)))', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (m, s) => {
          const h2 =
            1 -
            Math.sqrt((2 * 1.5 * s) / (1.5 ** 2 + s * s)) *
              Math.exp(-((0.3 - m) ** 2) / (4 * (1.5 ** 2 + s * s)));
          expect(gaussianHellinger(g1(0.3, 1.5), g1(m, s))).toBeCloseTo(Math.sqrt(Math.max(0, h2)), 7);
        },
      ),
    );
  });

  it('keeps precision for nearby Gaussians (expm1): H ~ |dm| / (2 sqrt 2 s)', () => {
    expect(gaussianHellinger(g1(0, 1), g1(1e-6, 1))).toBeCloseTo(1e-6 / (2 * Math.SQRT2), 15);
    expect(gaussianHellinger(g1(0, 1), g1(1e-6, 1)) / (1e-6 / (2 * Math.SQRT2))).toBeCloseTo(1, 6);
  });

  it('property: 0 on equal Gaussians, symmetric, in [0, 1], near 1 far apart', () => {
    fc.assert(
      fc.property(twoGaussians, ([p, q]) => {
        const h = gaussianHellinger(p, q);
        expect(gaussianHellinger(p, p)).toBeCloseTo(0, 7);
        expect(gaussianHellinger(q, p)).toBeCloseTo(h, 12);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(1);
      }),
    );
    expect(gaussianHellinger(g1(0, 1), g1(100, 1))).toBe(1);
  });
});

describe('gaussianW2Squared', () => {
  it('matches scipy.linalg.sqrtm for non-commuting 3-D covariances, symmetric', () => {
    expect(gaussianW2Squared(P, Q)).toBeCloseTo(4.669952646032916, 11);
    expect(gaussianW2Squared(Q, P)).toBeCloseTo(4.669952646032916, 11);
  });

  it("allows a singular covariance: |dm|^2 + tr S1 + tr S2 - 2 sqrt(v S2 v) with S1 = v v'", () => {
    // By hand: v = (1, 1), S2 = [[2, .5], [.5, 1]]: 2 + 2 + 3 - 2 * sqrt(4) = 3 (scipy: 3.0).
    expect(gaussianW2Squared(g([0, 0], [1, 1, 1, 1]), g([1, -1], [2, 0.5, 0.5, 1]))).toBeCloseTo(3, 10);
    expect(gaussianW2Squared(g1(0, 0), g1(2, 3))).toBeCloseTo(4 + 9, 12);
  });

  it('property: 1-D equals (m1 - m2)^2 + (s1 - s2)^2; diagonal covariances add per axis', () => {
    const num = fc.double({ min: -5, max: 5, noNaN: true });
    const sd = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(num, sd, num, sd, (m1, s1, m2, s2) => {
        expect(gaussianW2Squared(g1(m1, s1), g1(m2, s2))).toBeCloseTo((m1 - m2) ** 2 + (s1 - s2) ** 2, 9);
      }),
    );
    fc.assert(
      fc.property(num, sd, sd, sd, sd, (m, a1, a2, b1, b2) => {
        const p = g([m, 0], [a1 * a1, 0, 0, a2 * a2]);
        const q = g([0, 1], [b1 * b1, 0, 0, b2 * b2]);
        expect(gaussianW2Squared(p, q)).toBeCloseTo(m * m + 1 + (a1 - b1) ** 2 + (a2 - b2) ** 2, 8);
      }),
    );
  });

  it('property: W2 is a metric on Gaussians (zero on equal, symmetric, triangle inequality)', () => {
    fc.assert(
      fc.property(threeGaussians, ([p, q, r]) => {
        // W2^2 is a difference of traces whose matrix square root loses digits on ill-conditioned covariances,
        // so W2 itself near 0 is only good to about 1e-7 x sqrt(tr S) absolute (a random seed found 5.8e-7 at
        // tr S = 10.4 with condition number ~1e4): compare W2 with that slack.
        const d = p.cov.rows;
        const trace = Array.from({ length: d }, (_, i) => p.cov.data[i * d + i]!).reduce((a, b) => a + b, 0);
        expect(gaussianW2(p, p)).toBeLessThan(1e-6 * (1 + Math.sqrt(trace)));
        expect(gaussianW2(p, q)).toBeCloseTo(gaussianW2(q, p), 6);
        expect(gaussianW2Squared(p, q)).toBeCloseTo(gaussianW2Squared(q, p), 10);
        expect(gaussianW2(p, r)).toBeLessThanOrEqual(gaussianW2(p, q) + gaussianW2(q, r) + 1e-6);
      }),
    );
  });

  it('throws on a covariance that is not positive semi-definite', () => {
    expect(() => gaussianW2Squared(g([0, 0], [1, 2, 2, 1]), g([0, 0], [1, 0, 0, 1]))).toThrow(RangeError);
    expect(() => gaussianW2Squared(g1(0, 1), g([0, 0], [1, 0, 0, 1]))).toThrow(RangeError);
  });
});
