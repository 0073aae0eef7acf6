import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  averageRanks,
  kendallTauB,
  pairwiseAgreementWithOrder,
  pairwiseConsistency,
  spearmanRho,
  syntheticRankingAgreement,
  top1Agreement,
} from './ranking';

/**
 * Reference values: scipy 1.17.1, `stats.kendalltau(a, b).statistic` (variant 'b') and
 * `stats.spearmanr(a, b).statistic`, printed with repr() and pasted here. The tests do not call Python.
 */
const SCIPY_CASES: { name: string; a: number[]; b: number[]; tau: number; rho: number }[] = [
  // No ties; by hand: C = 6, D = 4 of 10 pairs, tau = 0.2; ranks of b are 3 4 1 2 5, d = (2, 2, 2, 2, 0),
  // sum d^2 = 16, rho = 1 - 6 * 16 / 120 = 0.2.
  {
    name: 'distinct',
    a: [1, 2, 3, 4, 5],
    b: [3, 4, 1, 2, 5],
    tau: 0.19999999999999998,
    rho: 0.19999999999999998,
  },
  {
    name: 'ties in both',
    a: [1, 2, 2, 3, 4, 4, 5],
    b: [2, 1, 3, 3, 5, 4, 4],
    tau: 0.6842105263157894,
    rho: 0.8333333333333335,
  },
  // Ties in a only; by hand: C = 5, D = 0, n1 = 1, tau_b = 5 / sqrt(5 * 6) = 0.9128709...
  {
    name: 'ties in a only',
    a: [1, 1, 2, 3],
    b: [1, 2, 3, 4],
    tau: 0.912870929175277,
    rho: 0.9486832980505139,
  },
  {
    name: 'scipy docs-like',
    a: [12, 2, 1, 12, 2],
    b: [1, 4, 7, 1, 0],
    tau: -0.4714045207910316,
    rho: -0.5407380704358752,
  },
  {
    name: 'risks with ties',
    a: [0.31, 0.25, 0.25, 0.4],
    b: [0.35, 0.27, 0.29, 0.27],
    tau: 0,
    rho: -0.05555555555555556,
  },
  { name: 'two values', a: [1, 2], b: [2, 1], tau: -1, rho: -0.9999999999999999 },
  {
    // numpy.random.default_rng(3): a = integers(0, 6, 30), b = integers(0, 4, 30): heavy ties.
    name: 'random with many ties',
    a: [4, 0, 1, 1, 1, 4, 5, 3, 0, 0, 1, 2, 3, 2, 1, 0, 4, 4, 0, 0, 2, 2, 5, 3, 2, 2, 3, 3, 1, 4],
    b: [3, 3, 3, 1, 1, 2, 2, 2, 3, 1, 3, 0, 0, 3, 3, 1, 0, 1, 0, 3, 2, 2, 0, 1, 0, 3, 1, 0, 1, 2],
    tau: -0.19625173465829238,
    rho: -0.2449781398392785,
  },
];

const vector = (n: number) =>
  fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }).map((v) => v.map((x) => x / 2));
const pairOfVectors = fc.integer({ min: 2, max: 25 }).chain((n) => fc.tuple(vector(n), vector(n)));

describe('averageRanks', () => {
  it('gives 1-based ranks with average ranks for ties (scipy rankdata)', () => {
    expect(Array.from(averageRanks([1, 2, 2, 3, 4, 4, 5]))).toEqual([1, 2.5, 2.5, 4, 5.5, 5.5, 7]);
    expect(Array.from(averageRanks([12, 2, 1, 12, 2]))).toEqual([4.5, 2.5, 1, 4.5, 2.5]);
    expect(Array.from(averageRanks([7, 7, 7]))).toEqual([2, 2, 2]);
    expect(Array.from(averageRanks([]))).toEqual([]);
    expect(Array.from(averageRanks([-Infinity, 0, Infinity]))).toEqual([1, 2, 3]);
  });

  it('throws on NaN', () => {
    expect(() => averageRanks([1, Number.NaN])).toThrow(RangeError);
  });

  it('ranks sum to n(n+1)/2 and respect the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }), (values) => {
        const ranks = averageRanks(values);
        const n = values.length;
        expect(ranks.reduce((s, r) => s + r, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(Math.sign(ranks[i]! - ranks[j]!)).toBe(Math.sign(values[i]! - values[j]!));
          }
        }
      }),
    );
  });
});

describe('kendallTauB and spearmanRho', () => {
  for (const c of SCIPY_CASES) {
    it(`match scipy: ${c.name}`, () => {
      expect(kendallTauB(c.a, c.b)).toBeCloseTo(c.tau, 14);
      expect(spearmanRho(c.a, c.b)).toBeCloseTo(c.rho, 14);
    });
  }

  it('accept typed arrays', () => {
    const a = Float64Array.from([1, 2, 2, 3, 4, 4, 5]);
    const b = Float64Array.from([2, 1, 3, 3, 5, 4, 4]);
    expect(kendallTauB(a, b)).toBeCloseTo(0.6842105263157894, 14);
    expect(spearmanRho(a, b)).toBeCloseTo(0.8333333333333335, 14);
  });

  it('are NaN when undefined: all ties in one vector, n < 2, NaN input', () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTauB([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(spearmanRho([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearmanRho([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(kendallTauB([1], [2])).toBeNaN();
    expect(spearmanRho([], [])).toBeNaN();
    expect(kendallTauB([1, Number.NaN, 3], [1, 2, 3])).toBeNaN();
    expect(spearmanRho([1, 2, 3], [1, Number.NaN, 3])).toBeNaN();
  });

  it('throw when the lengths differ', () => {
    expect(() => kendallTauB([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => spearmanRho([1, 2], [1])).toThrow(RangeError);
  });

  it('handle infinite risks (a diverged model ranks last)', () => {
    expect(kendallTauB([1, 2, Infinity], [1, 2, Infinity])).toBe(1);
    expect(kendallTauB([1, Infinity, Infinity], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(2 * 3), 14);
  });

  it('property: tau(a, a) = rho(a, a) = 1, tau(a, -a) = rho(a, -a) = -1 (a not constant)', () => {
    fc.assert(
      fc.property(pairOfVectors, ([a]) => {
        fc.pre(new Set(a).size > 1);
        const neg = a.map((x) => -x);
        expect(kendallTauB(a, a)).toBeCloseTo(1, 12);
        expect(spearmanRho(a, a)).toBeCloseTo(1, 12);
        expect(kendallTauB(a, neg)).toBeCloseTo(-1, 12);
        expect(spearmanRho(a, neg)).toBeCloseTo(-1, 12);
      }),
    );
  });

  it('property: symmetric, in [-1, 1], invariant under monotone maps and joint permutation', () => {
    fc.assert(
      fc.property(pairOfVectors, fc.integer({ min: 0, max: 1000 }), ([a, b], shift) => {
        fc.pre(new Set(a).size > 1 && new Set(b).size > 1);
        const tau = kendallTauB(a, b);
        const rho = spearmanRho(a, b);
        expect(kendallTauB(b, a)).toBeCloseTo(tau, 12);
        expect(spearmanRho(b, a)).toBeCloseTo(rho, 12);
        expect(Math.abs(tau)).toBeLessThanOrEqual(1);
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
        const monotone = a.map((x) => Math.exp(x) + shift);
        expect(kendallTauB(monotone, b)).toBeCloseTo(tau, 12);
        expect(spearmanRho(monotone, b)).toBeCloseTo(rho, 12);
        const n = a.length;
        const perm = Array.from({ length: n }, (_, i) => (i * 7 + shift) % n);
        fc.pre(new Set(perm).size === n);
        expect(
          kendallTauB(
            perm.map((i) => a[i]!),
            perm.map((i) => b[i]!),
          ),
        ).toBeCloseTo(tau, 12);
        expect(
          spearmanRho(
            perm.map((i) => a[i]!),
            perm.map((i) => b[i]!),
          ),
        ).toBeCloseTo(rho, 12);
      }),
    );
  });

  it('property: without ties, tau = (C - D) / n0 and rho = 1 - 6 sum d^2 / (n (n^2 - 1))', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 12 })
          .chain((n) =>
            fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n }), fc.constant(n)),
          ),
        ([perm, n]) => {
          const a = [...Array(n).keys()];
          let c = 0;
          let d = 0;
          let sumD2 = 0;
          for (let i = 0; i < n; i++) {
            sumD2 += (a[i]! - perm[i]!) ** 2;
            for (let j = i + 1; j < n; j++) {
              if ((a[i]! - a[j]!) * (perm[i]! - perm[j]!) > 0) c++;
              else d++;
            }
          }
          expect(kendallTauB(a, perm)).toBeCloseTo((c - d) / ((n * (n - 1)) / 2), 12);
          expect(spearmanRho(a, perm)).toBeCloseTo(1 - (6 * sumD2) / (n * (n * n - 1)), 12);
        },
      ),
    );
  });
});

describe('top1Agreement', () => {
  it('compares the models with the smallest risk', () => {
    expect(top1Agreement([0.3, 0.1, 0.2], [0.5, 0.2, 0.4])).toBe(1);
    expect(top1Agreement([0.3, 0.1, 0.2], [0.5, 0.4, 0.2])).toBe(0);
    expect(top1Agreement([1], [7])).toBe(1);
  });

  // The old rule (minimizer sets intersect = agreement) gave 1, 0 and 1 here.
  it('with tied minima, counts |A ∩ B| / |A ∪ B| (one random tie-break shared by both orders)', () => {
    expect(top1Agreement([0.1, 0.1, 0.3], [0.2, 0.1, 0.4])).toBe(1 / 2);
    expect(top1Agreement([0.1, 0.1, 0.3], [0.2, 0.2, 0.1])).toBe(0);
    expect(top1Agreement([0.1, 0.2, 0.1], [0.3, 0.3, 0.3])).toBe(2 / 3);
    expect(top1Agreement([0.1, 0.1, 0.3], [0.2, 0.2, 0.5])).toBe(1);
    expect(top1Agreement([0.1, 0.1, 0.3], [0.5, 0.2, 0.2])).toBe(1 / 3);
  });

  it('equals the share of tie-breaking orders under which both pick the same model', () => {
    // Enumerate all 4! priority orders: each order picks, among the minimizers, the one that comes first.
    const perms = (xs: number[]): number[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x) => perms(xs.filter((y) => y !== x)).map((p) => [x, ...p]));
    const orders = perms([0, 1, 2, 3]);
    const pick = (risks: number[], order: number[]) => {
      const best = Math.min(...risks);
      return order.find((m) => risks[m] === best)!;
    };
    const risks = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(risks, risks, (a, b) => {
        const same = orders.filter((o) => pick(a, o) === pick(b, o)).length;
        expect(top1Agreement(a, b)).toBeCloseTo(same / orders.length, 12);
      }),
    );
  });

  it('throws on empty input, differing lengths and NaN', () => {
    expect(() => top1Agreement([], [])).toThrow(RangeError);
    expect(() => top1Agreement([1, 2], [1])).toThrow(RangeError);
    expect(() => top1Agreement([1, Number.NaN], [1, 2])).toThrow(RangeError);
  });

  it('property: symmetric, in [0, 1], and 1 for the same risks', () => {
    fc.assert(
      fc.property(pairOfVectors, ([a, b]) => {
        expect(top1Agreement(a, b)).toBe(top1Agreement(b, a));
        expect(top1Agreement(a, b)).toBeGreaterThanOrEqual(0);
        expect(top1Agreement(a, b)).toBeLessThanOrEqual(1);
        expect(top1Agreement(a, a)).toBe(1);
      }),
    );
  });
});

describe('pairwiseConsistency', () => {
  // Three replicates of three models (TRTR rows, TSTR rows), agreement counted by hand.
  const trtr = [
    [0.2, 0.3, 0.5],
    [0.2, 0.3, 0.5],
    [0.3, 0.3, 0.5],
  ];
  const tstr = [
    [0.4, 0.6, 0.9], // agrees on every pair
    [0.7, 0.6, 0.9], // models 0-1 swapped
    [0.4, 0.5, 0.3], // 0-1: tie vs strict (counts 1/2); 0-2 and 1-2 swapped
  ];

  // The old rule (a tie agrees only with a tie) gave C_01 = 1/3 here.
  it('averages the pair agreements: a tie in one order only counts 1/2, a tie in both 1', () => {
    expect(pairwiseConsistency(trtr, tstr)).toEqual([
      [1, 1.5 / 3, 2 / 3],
      [1.5 / 3, 1, 2 / 3],
      [2 / 3, 2 / 3, 1],
    ]);
    expect(pairwiseConsistency([[1, 1]], [[2, 2]])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('accepts typed-array rows and a single model', () => {
    expect(pairwiseConsistency([Float64Array.of(1, 2)], [Float64Array.of(3, 1)])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(pairwiseConsistency([[1]], [[2]])).toEqual([[1]]);
  });

  it('agrees with the population order', () => {
    expect(pairwiseAgreementWithOrder(tstr, [0.2, 0.3, 0.5])).toEqual([
      [1, 2 / 3, 2 / 3],
      [2 / 3, 1, 2 / 3],
      [2 / 3, 2 / 3, 1],
    ]);
    expect(pairwiseAgreementWithOrder(trtr, [0.2, 0.3, 0.5])).toEqual(
      pairwiseConsistency(trtr, [
        [0.2, 0.3, 0.5],
        [0.2, 0.3, 0.5],
        [0.2, 0.3, 0.5],
      ]),
    );
  });

  it('throws on no replicates, mismatched shapes and NaN', () => {
    expect(() => pairwiseConsistency([], [])).toThrow(RangeError);
    expect(() =>
      pairwiseConsistency(
        [[1, 2]],
        [
          [1, 2],
          [2, 1],
        ],
      ),
    ).toThrow(RangeError);
    expect(() => pairwiseConsistency([[1, 2]], [[1, 2, 3]])).toThrow(RangeError);
    expect(() =>
      pairwiseConsistency(
        [[1, 2], [1]],
        [
          [1, 2],
          [1, 2],
        ],
      ),
    ).toThrow(RangeError);
    expect(() => pairwiseConsistency([[1, Number.NaN]], [[1, 2]])).toThrow(RangeError);
    expect(() => pairwiseAgreementWithOrder([], [1])).toThrow(RangeError);
    expect(() => pairwiseAgreementWithOrder([[1, 2]], [1])).toThrow(RangeError);
    expect(() => pairwiseAgreementWithOrder([[1, 2]], [1, Number.NaN])).toThrow(RangeError);
  });

  it('property: symmetric, unit diagonal, entries in [0, 1], all 1 when A = B, mean over pairs = SRA', () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((k) =>
      fc.integer({ min: 1, max: 8 }).chain((r) => {
        const rows = fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: k, maxLength: k }), {
          minLength: r,
          maxLength: r,
        });
        return fc.tuple(rows, rows);
      }),
    );
    fc.assert(
      fc.property(table, ([a, b]) => {
        const c = pairwiseConsistency(a, b);
        const k = a[0]!.length;
        for (let i = 0; i < k; i++) {
          expect(c[i]![i]).toBe(1);
          for (let j = 0; j < k; j++) {
            expect(c[i]![j]).toBe(c[j]![i]);
            expect(c[i]![j]).toBeGreaterThanOrEqual(0);
            expect(c[i]![j]).toBeLessThanOrEqual(1);
          }
        }
        expect(pairwiseConsistency(a, b)).toEqual(pairwiseConsistency(b, a));
        for (const row of pairwiseConsistency(a, a)) for (const v of row) expect(v).toBe(1);
        if (k >= 2) {
          let sum = 0;
          for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) sum += c[i]![j]!;
          const sra = a.reduce((s, row, r) => s + syntheticRankingAgreement(row, b[r]!), 0) / a.length;
          expect(sum / ((k * (k - 1)) / 2)).toBeCloseTo(sra, 12);
        }
      }),
    );
  });
});
