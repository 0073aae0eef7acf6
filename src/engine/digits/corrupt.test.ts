import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../generators/oracle';
import { matrix } from '../matrix';
import { stream } from '../rng';
import { ASYMMETRIC_FLIPS, corruptDigits, gaussianKernel } from './corrupt';
import { blobDigits } from './testBlobs';
import { CLASSES, NO_CORRUPTION, PIXELS, SIDE, type Sample } from './types';

/** n label-only digits (blank images), labels cycling 0..9. */
function labelsOnly(n: number): Sample {
  return { x: matrix(n, PIXELS), y: Float64Array.from({ length: n }, (_, i) => i % CLASSES) };
}

/** |observed - n p| within 4.5 binomial sds (a false alarm about once in 150,000 runs). */
function expectBinomial(observed: number, n: number, p: number): void {
  expect(Math.abs(observed - n * p)).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p)));
}

describe('label flips', () => {
  const n = 20_000;

  it('symmetric flips move a fraction flipSymmetric of labels, uniformly over the other nine', () => {
    const before = labelsOnly(n);
    const after = corruptDigits(before, { ...NO_CORRUPTION, flipSymmetric: 0.3 }, stream(1, 'flip'));
    const moved = after.y.filter((l, i) => l !== before.y[i]).length;
    expectBinomial(moved, n, 0.3);
    // Where labels of class 0 went: each of 1..9 gets 1/9 of the flipped ones.
    const fromZero = [...after.y].filter((_, i) => before.y[i] === 0 && after.y[i] !== 0);
    for (let c = 1; c < CLASSES; c++)
      expectBinomial(fromZero.filter((l) => l === c).length, fromZero.length, 1 / 9);
    expect(after.y.every((l) => Number.isInteger(l) && l >= 0 && l < CLASSES)).toBe(true);
    expect(before.y[3]).toBe(3); // the input is not changed
  });

  it('asymmetric flips move only 2, 3, 5, 6, 7, each to its pair, at rate flipAsymmetric', () => {
    const before = labelsOnly(n);
    const after = corruptDigits(before, { ...NO_CORRUPTION, flipAsymmetric: 0.4 }, stream(2, 'flip'));
    for (let c = 0; c < CLASSES; c++) {
      const rows = [...before.y.keys()].filter((i) => before.y[i] === c);
      const moved = rows.filter((i) => after.y[i] !== c);
      const pair = ASYMMETRIC_FLIPS[c];
      if (pair === undefined) {
        expect(moved).toEqual([]);
      } else {
        expectBinomial(moved.length, rows.length, 0.4);
        expect(moved.every((i) => after.y[i] === pair)).toBe(true);
      }
    }
  });
});

describe('blur and pixel noise', () => {
  const digits = blobDigits(20, 3);

  it('all zero is the identity and draws nothing', () => {
    const same = corruptDigits(digits, NO_CORRUPTION, stream(3, 'c'));
    expect(same.x.data).toEqual(digits.x.data);
    expect(same.y).toEqual(digits.y);
    expect(same.x.data).not.toBe(digits.x.data);
  });

  it('blur keeps the total intensity of blobs away from the border and spreads them by sigma', () => {
    // One blob centred in the image, 14 px from every border: blur sigma 1.5 leaks nothing (radius 5).
    const x = matrix(1, PIXELS);
    x.data[14 * SIDE + 14] = 1;
    const blurred = corruptDigits(
      { x, y: Float64Array.of(0) },
      { ...NO_CORRUPTION, blur: 1.5 },
      stream(4, 'c'),
    );
    let total = 0;
    let second = 0;
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const v = blurred.x.data[r * SIDE + c]!;
        total += v;
        second += v * (r - 14) ** 2;
      }
    }
    expect(total).toBeCloseTo(1, 12);
    // The variance of a point blurred by the truncated Gaussian kernel: sum t^2 w_t.
    const kernel = gaussianKernel(1.5);
    const radius = (kernel.length - 1) / 2;
    const variance = kernel.reduce((s, w, i) => s + w * (i - radius) ** 2, 0);
    expect(second).toBeCloseTo(variance, 12);
    expect(variance).toBeGreaterThan(1.5 ** 2 * 0.97);
    // Blobs near the border lose some intensity off the image instead.
    const edge = matrix(1, PIXELS);
    edge.data[0] = 1;
    const leaked = corruptDigits(
      { x: edge, y: Float64Array.of(0) },
      { ...NO_CORRUPTION, blur: 1.5 },
      stream(4, 'c'),
    );
    expect(leaked.x.data.reduce((a, b) => a + b, 0)).toBeLessThan(0.5);
  });

  it('pixel noise has sd pixelNoise before clipping, and results stay in [0, 1]', () => {
    const grey = { x: matrix(50, PIXELS, new Float64Array(50 * PIXELS).fill(0.5)), y: new Float64Array(50) };
    const noisy = corruptDigits(grey, { ...NO_CORRUPTION, pixelNoise: 0.1 }, stream(5, 'c'));
    const deviations = noisy.x.data.map((v) => v - 0.5);
    const sd = Math.sqrt(deviations.reduce((s, d) => s + d * d, 0) / deviations.length);
    expect(sd).toBeGreaterThan(0.098);
    expect(sd).toBeLessThan(0.102);
    const loud = corruptDigits(digits, { ...NO_CORRUPTION, pixelNoise: 2 }, stream(5, 'c'));
    expect(loud.x.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(loud.x.data.some((v) => v === 0) && loud.x.data.some((v) => v === 1)).toBe(true);
  });

  it('refuses rates outside [0, 1] and rows that are not digits', () => {
    expect(() => corruptDigits(digits, { ...NO_CORRUPTION, flipSymmetric: 1.5 }, stream(6, 'c'))).toThrow(
      GeneratorError,
    );
    expect(() => corruptDigits(digits, { ...NO_CORRUPTION, blur: -1 }, stream(6, 'c'))).toThrow(
      GeneratorError,
    );
    const narrow = { x: matrix(2, 3), y: new Float64Array(2) };
    expect(() => corruptDigits(narrow, NO_CORRUPTION, stream(6, 'c'))).toThrow(/784/);
  });
});
