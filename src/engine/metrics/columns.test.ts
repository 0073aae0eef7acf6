import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { records, realDataCase } from '../fixtures/loadRealData';
import { matrix } from '../matrix';
import { stream } from '../rng';
import {
  binnedTotalVariation,
  columnFidelity,
  correlationDifference,
  ksStatistic,
  pearsonCorrelations,
  totalVariation,
} from './columns';
import { FIDELITY_SAMPLING, tableFidelity } from './tableFidelity';

describe('two-sample column measures by hand', () => {
  it('KS: the largest gap between the empirical CDFs, ties read after every copy', () => {
    expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksStatistic([1, 2], [3, 4])).toBe(1);
    // F_a(2) = 1, F_b(2) = 1/4: gap 3/4 (scipy.stats.ks_2samp([1, 2, 2], [2, 3, 4, 5]).statistic = 0.75).
    expect(ksStatistic([1, 2, 2], [2, 3, 4, 5])).toBe(0.75);
    expect(() => ksStatistic([], [1])).toThrow(RangeError);
    expect(() => ksStatistic([Number.NaN], [1])).toThrow(RangeError);
  });

  it('TV over values: half the L1 distance of the frequencies', () => {
    expect(totalVariation([0, 0, 1, 1], [0, 1, 1, 1])).toBeCloseTo(0.25, 15);
    expect(totalVariation([1, 2], [3])).toBe(1);
    expect(totalVariation([5, 5, 7], [7, 5, 5])).toBe(0);
  });

  it('binned TV: bins at the real deciles, so a real sample against itself is 0 and a shifted one is not', () => {
    const a = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(binnedTotalVariation(a, a)).toBe(0);
    // Every value of b is above the top edge (89.1): all synthetic mass in the last bin, which holds 10% of a.
    expect(
      binnedTotalVariation(
        a,
        a.map((v) => v + 1000),
      ),
    ).toBeCloseTo(0.9, 15);
  });

  it('property: KS and TV are in [0, 1], symmetric, and 0 for a sample against a shuffled copy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        (a, b) => {
          for (const f of [ksStatistic, totalVariation, binnedTotalVariation]) {
            const d = f(a, b);
            expect(d).toBeGreaterThanOrEqual(0);
            expect(d).toBeLessThanOrEqual(1 + 1e-15);
            expect(f(a, [...a].reverse())).toBe(0);
          }
          expect(ksStatistic(a, b)).toBe(ksStatistic(b, a));
          expect(totalVariation(a, b)).toBeCloseTo(totalVariation(b, a), 15);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('correlations: numpy.corrcoef on a small table, NaN pairs of a constant column left out', () => {
    // x2 = 2 x1 (r = 1), x3 = -x1 (r = -1), x4 constant.
    const real = matrix(3, 4, Float64Array.of(1, 2, -1, 7, 2, 4, -2, 7, 4, 8, -4, 7));
    const r = pearsonCorrelations(real);
    expect(r[1]).toBe(1);
    expect(r[2]).toBe(-1);
    expect(r[3]).toBeNaN();
    const names = ['a', 'b', 'c', 'd'];
    const synthetic = matrix(3, 4, Float64Array.of(1, 2, 1, 0, 2, 4, 0, 1, 4, 8, 1, 2));
    const diff = correlationDifference(real, synthetic, names);
    expect(diff.undefinedPairs).toBe(3);
    expect(diff.maxPair).toEqual(['a', 'c']);
    expect(diff.maxAbs).toBeGreaterThan(0.9);
    expect(() => correlationDifference(real, synthetic, ['a'])).toThrow(RangeError);
  });
});

describe('fidelity of the diabetes and breast-cancer synthetic tables, against scipy and numpy', () => {
  for (const name of ['diabetes', 'breast_cancer'] as const) {
    const c = realDataCase(name);
    const [real, synthetic] = [records(c.realTrain), records(c.syntheticTrain)];
    const reference = c.fidelity;

    it(`${name}: per-column KS (scipy.stats.ks_2samp) and TV (numpy), kinds as the script's`, () => {
      const columns = columnFidelity(real, synthetic, c.names);
      columns.forEach((column, j) => {
        const expected = reference.columns[j]!;
        expect(column.name).toBe(c.names[j]);
        expect(column.kind).toBe(expected.categorical ? 'categorical' : 'numeric');
        expect(column.ks).toBeCloseTo(expected.ks, 14);
        expect(column.tv).toBeCloseTo(expected.categorical ? expected.tv! : expected.binned_tv, 14);
        const a = real.data.filter((_, k) => k % real.cols === j);
        const b = synthetic.data.filter((_, k) => k % real.cols === j);
        expect(binnedTotalVariation(a, b)).toBeCloseTo(expected.binned_tv, 14);
      });
    });

    it(`${name}: correlation difference (numpy.corrcoef)`, () => {
      const diff = correlationDifference(real, synthetic, c.names);
      expect(diff.meanAbs).toBeCloseTo(reference.correlation.mean_abs, 13);
      expect(diff.maxAbs).toBeCloseTo(reference.correlation.max_abs, 13);
      const [i, j] = reference.correlation.max_pair;
      expect(diff.maxPair).toEqual([c.names[i], c.names[j]]);
      expect(diff.undefinedPairs).toBe(0);
    });
  }

  for (const name of ['diabetes', 'breast_cancer'] as const) {
    it(`${name}: C2ST AUC as scikit-learn's (quadratic logistic regression, C = 1, newton-cg)`, async () => {
      const c = realDataCase(name);
      const report = await tableFidelity(records(c.realTrain), records(c.syntheticTrain), c.names);
      expect(report.c2stAuc).toBeCloseTo(c.fidelity.c2st_auc, 9);
      expect(report.columns).toHaveLength(c.names.length);
    });
  }

  it('C2ST: 0.5-ish for two draws of one distribution, near 1 for a shifted one', async () => {
    const rng = stream(15, 'c2st table test');
    const draw = (shift: number) =>
      matrix(
        400,
        3,
        rng.normals(1200).map((v) => v + shift),
      );
    const names = ['a', 'b', 'c'];
    const same = await tableFidelity(draw(0), draw(0), names);
    expect(Math.abs(same.c2stAuc! - 0.5)).toBeLessThan(0.08);
    const shifted = await tableFidelity(draw(0), draw(1.5), names);
    expect(shifted.c2stAuc!).toBeGreaterThan(0.9);
  });
});

describe('table fidelity of large and wide tables', () => {
  const rng = stream(16, 'large table');
  const table = (rows: number, cols: number, shift: number) =>
    matrix(
      rows,
      cols,
      rng.normals(rows * cols).map((v) => v + shift),
    );

  it('samples rows past the sizes, says how many, and still tells a shift', async () => {
    const sizes = { ...FIDELITY_SAMPLING, columns: 1_500, c2st: 600 };
    const real = table(3_000, 3, 0);
    const same = await tableFidelity(real, table(2_000, 3, 0), ['a', 'b', 'c'], sizes);
    expect(same.sample).toEqual({ columns: 1_500, c2st: 600 });
    expect(same.c2stFeatures).toBe('quadratic');
    expect(Math.abs(same.c2stAuc! - 0.5)).toBeLessThan(0.1);
    const shifted = await tableFidelity(real, table(2_000, 3, 1), ['a', 'b', 'c'], sizes);
    expect(shifted.c2stAuc!).toBeGreaterThan(0.85);
    expect(shifted.columns[0]!.ks).toBeGreaterThan(0.3);
  });

  it('gives a wide table a linear C2ST, with fewer rows for a quadratic one of 21 to 32 columns', async () => {
    const names = Array.from({ length: 40 }, (_, j) => `x${j}`);
    const wide = await tableFidelity(table(300, 40, 0), table(300, 40, 0.6), names);
    expect(wide.c2stFeatures).toBe('linear');
    expect(wide.c2stAuc!).toBeGreaterThan(0.9);
    expect(wide.sample).toBeNull();
    // 31 columns: 527 quadratic terms, 4e8 / 527² = 1,440 rows a side.
    const mid = await tableFidelity(table(2_000, 31, 0), table(2_000, 31, 0), names.slice(0, 31));
    expect(mid.c2stFeatures).toBe('quadratic');
    expect(mid.sample).toEqual({ columns: 2_000, c2st: 1_440 });
  });
});
