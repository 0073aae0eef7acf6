import { describe, expect, it } from 'vitest';
import { matrix } from '../matrix';
import { stream } from '../rng';
import { c2stQuadratic, digitFidelity } from './fidelity';
import { blobDigits } from './testBlobs';
import { PIXELS, type Sample } from './types';

const PATTERNS = 25;
const PATTERN_PIXELS = 10;

/** The real samples' score sds: distinct, so that PCA's directions are determined. */
const REAL_SD = Array.from({ length: PATTERNS }, (_, a) => 3 - 0.1 * a);

/**
 * n "images" 0.5 + sum_a z_a e_a, e_a the unit vector spread evenly over pixels 10a .. 10a + 9 (orthonormal
 * patterns), z_a ~ N(mean_a, sd_a^2) independent: the scores on the top 20 principal directions are exactly the
 * first 20 z_a, so Gaussian fits of two such samples have a closed-form Fréchet distance.
 */
function patterned(n: number, seed: number, mean: (a: number) => number, sd: (a: number) => number): Sample {
  const rand = stream(seed, 'patterned');
  const x = matrix(n, PIXELS);
  const scale = 1 / Math.sqrt(PATTERN_PIXELS);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < PATTERNS; a++) {
      const z = mean(a) + sd(a) * rand.normal();
      for (let t = 0; t < PATTERN_PIXELS; t++) x.data[i * PIXELS + a * PATTERN_PIXELS + t] = 0.5 + scale * z;
    }
  }
  return { x, y: new Float64Array(n) };
}

const realSd = (a: number) => REAL_SD[a]!;

describe('digitFidelity', () => {
  it('Fréchet matches |m1 - m2|^2 + sum (s1 - s2)^2 for Gaussians with diagonal covariances', () => {
    const real = patterned(3000, 1, () => 0, realSd);
    // Shift the means of directions 0..2 by 1 and double the sds of directions 3..4: expected 3 + 2.7^2 + 2.6^2.
    const synthetic = patterned(
      3000,
      2,
      (a) => (a < 3 ? 1 : 0),
      (a) => (a === 3 || a === 4 ? 2 : 1) * realSd(a),
    );
    const expected = 3 + 2.7 ** 2 + 2.6 ** 2;
    const f = digitFidelity(real, synthetic, stream(1, 'fid'));
    expect(f.pcaComponents).toBe(20);
    // Sampling: the estimate carries a positive bias of ~0.35 (~2 %; see the next test) and an error of a few
    // percent; a wrong formula (variances for sds, no cross term) is off by 30 % or more.
    expect(f.frechet / expected).toBeGreaterThan(0.97);
    expect(f.frechet / expected).toBeLessThan(1.08);
  });

  it('two samples of the same distribution: Fréchet near 0 and AUC near 0.5', () => {
    const a = patterned(2000, 3, () => 0, realSd);
    const b = patterned(2000, 4, () => 0, realSd);
    const f = digitFidelity(a, b, stream(2, 'fid'));
    // The Fréchet distance's sampling bias is about sum(var) d / n ~ 0.5 here, against a total variance of ~80.
    expect(f.frechet).toBeLessThan(1);
    expect(Math.abs(f.c2stAuc - 0.5)).toBeLessThan(0.06);
    const [lo, hi] = f.c2stAucInterval!;
    expect(lo).toBeLessThan(f.c2stAuc);
    expect(hi).toBeGreaterThan(f.c2stAuc);
    expect(hi - lo).toBeLessThan(0.12);
  });

  it('AUC near 1 for clearly different digits, and the C2ST sees a change of spread alone', () => {
    const real = blobDigits(600, 5);
    // Blobs at the places of classes 0..4 against blobs at the places of 5..9: no image in common.
    const firstHalf = blobDigits(600, 5, (i) => i % 5);
    const secondHalf = blobDigits(600, 6, (i) => 5 + (i % 5));
    expect(digitFidelity(firstHalf, secondHalf, stream(3, 'fid')).c2stAuc).toBeGreaterThan(0.97);
    // The images carry no labels: blobs of the same mix of places are the same distribution.
    // (Rows in a different class order: a split by alternate rows would train on some places, test on others.)
    const relabelled = blobDigits(600, 6, (i) => (i + 3) % 10);
    expect(Math.abs(digitFidelity(real, relabelled, stream(3, 'fid')).c2stAuc - 0.5)).toBeLessThan(0.1);
    const a = patterned(1000, 7, () => 0, realSd);
    const wide = patterned(
      1000,
      8,
      () => 0,
      (k) => (k < 5 ? 2 : 1) * realSd(k),
    );
    expect(digitFidelity(a, wide, stream(4, 'fid')).c2stAuc).toBeGreaterThan(0.75);
  });

  it('c2stQuadratic is 0.5-centred under the null; digitFidelity needs 4 digits per sample', () => {
    const normals = (n: number, seed: number) => matrix(n, 5, stream(seed, 'normals').normals(n * 5));
    const aucs = [0, 1, 2, 3, 4, 5].map(
      (seed) => c2stQuadratic(normals(400, 10 + seed), normals(400, 20 + seed), stream(seed, 'split')).auc,
    );
    expect(Math.abs(aucs.reduce((s, v) => s + v, 0) / aucs.length - 0.5)).toBeLessThan(0.04);
    const shifted = normals(400, 30);
    shifted.data.forEach((v, t) => (shifted.data[t] = t % 5 === 0 ? v + 1 : v));
    expect(c2stQuadratic(normals(400, 31), shifted, stream(9, 'split')).auc).toBeGreaterThan(0.65);
    const tiny = patterned(3, 1, () => 0, realSd);
    expect(() => digitFidelity(tiny, tiny, stream(5, 'fid'))).toThrow(/at least 4/);
  });
});
