import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import {
  drawFeatures,
  featureMoments,
  FEATURE_FAMILIES,
  minCorrelation,
  type FeatureModel,
} from './features';

const base: FeatureModel = {
  family: 'gaussian',
  p: 3,
  correlation: 0.4,
  df: 5,
  components: 3,
  separation: 2,
};

function sampleMoments(x: { rows: number; cols: number; data: Float64Array }) {
  const { rows: n, cols: p } = x;
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += x.data[i * p + j]! / n;
  const cov = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        cov[a * p + b]! += ((x.data[i * p + a]! - mean[a]!) * (x.data[i * p + b]! - mean[b]!)) / n;
      }
    }
  }
  return { mean, cov };
}

describe('feature distributions', () => {
  for (const family of FEATURE_FAMILIES) {
    it(`${family}: sample mean and covariance match the population moments`, () => {
      const model = { ...base, family };
      const n = 60_000;
      const x = drawFeatures(model, n, stream(4, family));
      const got = sampleMoments(x);
      const want = featureMoments(model);
      // Entries of C have SE about sqrt(2 * var^2 / n) <= 0.02 here (t_5 has heavier tails: wider margin).
      const margin = family === 'student' ? 0.15 : 0.05;
      got.mean.forEach((v, j) => expect(Math.abs(v - want.mean[j]!)).toBeLessThan(margin));
      got.cov.forEach((v, k) =>
        expect(Math.abs(v - want.cov[k]!)).toBeLessThan(margin * Math.max(1, want.cov[k]!)),
      );
    });
  }

  it('is reproducible and keeps the first draws when n grows', () => {
    const a = drawFeatures(base, 50, stream(1, 'f'));
    const b = drawFeatures(base, 80, stream(1, 'f'));
    expect(Array.from(b.data.subarray(0, 150))).toEqual(Array.from(a.data));
  });

  it('drops mixture components (mode collapse)', () => {
    const model: FeatureModel = { ...base, family: 'mixture', p: 1, components: 3, separation: 5 };
    const x = drawFeatures(model, 2000, stream(2, 'm'), 1);
    // Only the component at -5 is kept: every draw is far below the others at 0 and 5.
    expect(Math.max(...x.data)).toBeLessThan(-0.5);
  });

  it('refuses a correlation outside the valid range', () => {
    expect(minCorrelation(5)).toBeCloseTo(-0.24, 10);
    expect(() => drawFeatures({ ...base, p: 5, correlation: -0.3 }, 1, stream(1, 'x'))).toThrow(/not valid/);
  });
});
