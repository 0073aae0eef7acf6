import { describe, expect, it } from 'vitest';
import { realDataCase } from '../fixtures/loadRealData';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { distancesToClosest, exactCopies, privacyCheck, privacyVerdict, summarizeDistances } from './privacy';

/** n rows of p correlated Gaussian features on very different scales (so standardization matters). */
function draw(n: number, seed: string): Matrix {
  const z = stream(27, seed).normals(n * 4);
  const scales = [1, 1000, 0.01, 5];
  return matrix(
    n,
    4,
    z.map((v, k) => (k % 4 === 1 ? v + z[k - 1]! : v) * scales[k % 4]!),
  );
}

const train = draw(300, 'train');
const holdout = draw(150, 'holdout');

describe('exact copies', () => {
  it('finds planted copies of training rows, and only those', () => {
    const synthetic = draw(200, 'synthetic');
    const planted = [3, 50, 51, 199];
    planted.forEach((row, k) =>
      synthetic.data.set(train.data.subarray(10 * k * 4, (10 * k + 1) * 4), row * 4),
    );
    expect(exactCopies(train, synthetic)).toEqual(planted);
    expect(exactCopies(train, holdout)).toEqual([]);
    // -0 and 0 are the same value.
    expect(exactCopies(matrix(1, 2, Float64Array.of(0, 1)), matrix(1, 2, Float64Array.of(-0, 1)))).toEqual([
      0,
    ]);
  });
});

describe('distance to the closest record', () => {
  it('is the exact nearest distance; the median and 5th percentile are numpy quantiles', async () => {
    const a = matrix(3, 2, Float64Array.of(0, 0, 3, 4, 10, 0));
    const d = await distancesToClosest(a, matrix(2, 2, Float64Array.of(3, 0, 9, 0)));
    expect(Array.from(d)).toEqual([3, 1]);
    // 21 values 0..20: median 10, 5th percentile at position 1.
    expect(summarizeDistances(Float64Array.from({ length: 21 }, (_, i) => 20 - i))).toEqual({
      median: 10,
      p5: 1,
    });
  });
});

describe('privacy check: verdicts', () => {
  it('an independent draw from the same distribution passes', async () => {
    const check = await privacyCheck(train, draw(200, 'independent'), holdout);
    expect(check.exactCopies).toEqual([]);
    expect(check.suspicious).toBe(false);
    expect(check.synthetic.median / check.holdout.median).toBeGreaterThan(0.85);
    expect(check.verdict).toMatch(
      /^no exact copies; synthetic rows are no closer to the training rows than real hold-out rows are \(median DCR \d\.\d+ vs \d\.\d+\)$/,
    );
  });

  it('training rows plus tiny noise fail it, though no row is an exact copy', async () => {
    const noise = stream(27, 'tiny noise').normals(train.data.length);
    const sd = [1.4, 1400, 0.01, 5];
    const copied = matrix(
      train.rows,
      4,
      train.data.map((v, k) => v + 0.02 * sd[k % 4]! * noise[k]!),
    );
    const check = await privacyCheck(train, copied, holdout);
    expect(check.exactCopies).toEqual([]);
    expect(check.suspicious).toBe(true);
    expect(check.synthetic.median).toBeLessThan(0.1 * check.holdout.median);
    expect(check.verdict).toMatch(
      /^no exact copies; synthetic rows are closer to the training rows than real hold-out rows are \(median DCR .* vs .*, 5th percentile .* vs .*\): they may be training rows with small changes$/,
    );
  });

  it('exact copies fail it, and are counted in the verdict', async () => {
    const synthetic = draw(200, 'synthetic with copies');
    synthetic.data.set(train.data.subarray(0, 40)); // rows 0..9 of the training set
    const check = await privacyCheck(train, synthetic, holdout);
    expect(check.exactCopies).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(check.exactCopyShare).toBe(0.05);
    expect(check.suspicious).toBe(true);
    expect(check.verdict).toMatch(
      /^10 exact copies of training rows \(5\.0% of the synthetic rows; real hold-out rows: 0\.0%\); synthetic rows are/,
    );
  });

  it('repeated rows that the hold-out repeats too (a table of few distinct rows) are not held against it', () => {
    const verdict = privacyVerdict({
      syntheticRows: 100,
      exactCopies: Array.from({ length: 30 }, (_, i) => i),
      exactCopyShare: 0.3,
      holdoutCopyShare: 0.35,
      synthetic: { median: 0, p5: 0 },
      holdout: { median: 0, p5: 0 },
    });
    expect(verdict.suspicious).toBe(false);
    expect(verdict.verdict).toBe(
      '30 exact copies of training rows (30.0% of the synthetic rows; real hold-out rows: 35.0%); synthetic rows ' +
        'are no closer to the training rows than real hold-out rows are (median DCR 0.0 vs 0.0)',
    );
  });

  it('does not depend on the units of the features', async () => {
    const synthetic = draw(120, 'units');
    const rescale = (m: Matrix) =>
      matrix(
        m.rows,
        4,
        m.data.map((v, k) => v * 10 ** (k % 4)),
      );
    const a = await privacyCheck(train, synthetic, holdout);
    const b = await privacyCheck(rescale(train), rescale(synthetic), rescale(holdout));
    expect(b.synthetic.median).toBeCloseTo(a.synthetic.median, 12);
    expect(b.holdout.p5).toBeCloseTo(a.holdout.p5, 12);
  });
});

describe('privacy check on the real-data fixtures, against scikit-learn NearestNeighbors', () => {
  for (const name of ['diabetes', 'breast_cancer'] as const) {
    it(`${name}: exact copies and DCR summaries`, async () => {
      const c = realDataCase(name);
      const check = await privacyCheck(c.realTrain.x, c.syntheticTrain.x, c.test.x);
      const reference = c.privacy;
      expect(check.exactCopies).toHaveLength(reference.exact_copies);
      for (const which of ['synthetic', 'holdout'] as const) {
        expect(check[which].median).toBeCloseTo(reference[which].median, 12);
        expect(check[which].p5).toBeCloseTo(reference[which].p5, 12);
      }
      // The Gaussian-fit diabetes copy passes; the noise-added breast-cancer copy (0.3 sd per feature) does not.
      expect(check.suspicious).toBe(name === 'breast_cancer');
    });
  }
});

describe('privacy check on samples of large tables', () => {
  const small = { reference: 120, queries: 60, seed: 3 };
  // Memorized: training rows with a change far below the rows' spacing.
  const memorized = matrix(
    200,
    4,
    train.data.slice(0, 800).map((v, k) => v * (1 + 1e-4 * ((k % 3) - 1))),
  );

  it('measures both sides against the same reference sample, says so, and still tells memorized rows', async () => {
    const check = await privacyCheck(train, memorized, holdout, small);
    expect(check.sample).toEqual({ reference: 120, trainRows: 300, queries: 60 });
    expect(check.suspicious).toBe(true);
    expect(check.verdict).toMatch(/closer to the training rows than real hold-out rows are/);
    const fresh = await privacyCheck(train, draw(200, 'independent'), holdout, small);
    expect(fresh.suspicious).toBe(false);
    // The baseline is the hold-out's distances to the same reference rows: one answer for both datasets.
    expect(fresh.holdout).toEqual(check.holdout);
  });

  it('counts exact copies over every row, not the sample', async () => {
    const synthetic = draw(200, 'synthetic');
    const planted = [5, 120, 190];
    planted.forEach((row, k) => synthetic.data.set(train.data.subarray(k * 4, (k + 1) * 4), row * 4));
    const check = await privacyCheck(train, synthetic, holdout, { reference: 10, queries: 5, seed: 1 });
    expect(check.exactCopies).toEqual(planted);
  });

  it('uses every row below the sizes (no sample, no note)', async () => {
    expect((await privacyCheck(train, memorized, holdout)).sample).toBeNull();
  });
});
