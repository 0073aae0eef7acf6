/** The one tie rule shared by C_jk, SRA and top-1 (docs/theory.md section 4), and SRA per replicate. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kendallTauB, pairAgreement, syntheticRankingAgreement, top1Agreement } from './ranking';

describe('pairAgreement and syntheticRankingAgreement', () => {
  it('one rule: equal signs 1, opposite 0, a tie in one order only 1/2', () => {
    expect(pairAgreement(1, 1)).toBe(1);
    expect(pairAgreement(0, 0)).toBe(1);
    expect(pairAgreement(-1, 1)).toBe(0);
    expect(pairAgreement(0, 1)).toBe(0.5);
    expect(pairAgreement(-1, 0)).toBe(0.5);
  });

  it('is the top-1 agreement of the pair alone (the same tie rule)', () => {
    for (const [a, b] of [
      [
        [1, 1],
        [1, 2],
      ],
      [
        [1, 2],
        [2, 1],
      ],
      [
        [1, 1],
        [3, 3],
      ],
      [
        [2, 1],
        [5, 4],
      ],
    ] as const) {
      expect(syntheticRankingAgreement(a, b)).toBe(top1Agreement(a, b));
    }
  });

  it('averages the pairs: Jordon et al.’s share of pairs ordered alike when nothing ties', () => {
    // Pairs (0,1) and (0,2) reversed, (1,2) alike: 1/3.
    expect(syntheticRankingAgreement([1, 2, 3], [3, 1, 2])).toBeCloseTo(1 / 3, 15);
    // Pair (0,1) tied in TRTR only: 1/2 (the old sign rule: 0); the other two pairs agree.
    expect(syntheticRankingAgreement([1, 1, 3], [1, 2, 3])).toBeCloseTo(5 / 6, 15);
    expect(syntheticRankingAgreement([1], [1])).toBeNaN();
    expect(syntheticRankingAgreement([1, Number.NaN], [1, 2])).toBeNaN();
  });

  it('property: without ties, SRA = (1 + tau) / 2', () => {
    const distinct = fc
      .integer({ min: 2, max: 8 })
      .chain((n) =>
        fc.tuple(
          fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
          fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(distinct, ([a, b]) => {
        expect(syntheticRankingAgreement(a, b)).toBeCloseTo((1 + kendallTauB(a, b)) / 2, 12);
      }),
    );
  });
});
