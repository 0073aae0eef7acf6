import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { stream } from '../rng';
import { drawComponent, gaussianComponent, moments, RIDGE_FACTOR } from './gaussianCore';
import { drawGaussianFit, fitGaussian } from './gaussianFit';
import { GeneratorError } from './oracle';

/** n rows from N(mean, cov) (no ridge), row-major. */
function gaussianRows(mean: number[], cov: number[], n: number, seed: number): Float64Array {
  const d = mean.length;
  const g = gaussianComponent(Float64Array.from(mean), Float64Array.from(cov), d, 0, 'test');
  const out = new Float64Array(n * d);
  const rand = stream(seed, 'gaussian-rows');
  for (let i = 0; i < n; i++) drawComponent(g, rand, out, i * d);
  return out;
}

/** Splits n x (p + 1) rows into (x, y), y last. */
function asSample(rows: Float64Array, d: number) {
  const n = rows.length / d;
  const x = matrix(n, d - 1);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x.data.set(rows.subarray(i * d, i * d + d - 1), i * (d - 1));
    y[i] = rows[i * d + d - 1]!;
  }
  return { x, y };
}

const MEAN = [1, -2, 0.5];
const COV = [2, 0.6, 0.8, 0.6, 1, -0.3, 0.8, -0.3, 1.5];

describe('Gaussian fit, regression (joint (x, y))', () => {
  const n = 20_000;
  const real = asSample(gaussianRows(MEAN, COV, n, 1), 3);
  const model = fitGaussian(real, 'regression');
  if (model.task !== 'regression') throw new Error('unreachable');

  it('is the sample mean and covariance (divisor n - 1) plus the documented ridge, exactly', () => {
    const { mean, cov } = moments(Float64Array.from(gaussianRows(MEAN, COV, n, 1)), 3);
    const ridge = (RIDGE_FACTOR * (cov[0]! + cov[4]! + cov[8]!)) / 3;
    for (let j = 0; j < 3; j++) expect(model.joint.mean[j]).toBeCloseTo(mean[j]!, 12);
    for (let e = 0; e < 9; e++) {
      expect(model.joint.cov[e]).toBeCloseTo(cov[e]! + (e % 4 === 0 ? ridge : 0), 12);
    }
  });

  it('reproduces the mean and covariance of a known Gaussian, within Monte Carlo error', () => {
    const m = 20_000;
    const synthetic = drawGaussianFit(model, m, stream(2, 'draw'));
    const rows = new Float64Array(m * 3);
    for (let i = 0; i < m; i++) {
      rows.set(synthetic.x.data.subarray(2 * i, 2 * i + 2), 3 * i);
      rows[3 * i + 2] = synthetic.y[i]!;
    }
    const drawn = moments(rows, 3);
    // The synthetic moments carry two independent Monte Carlo errors (the fit on n real rows, then m draws):
    // standard errors sqrt(S_jj / n) for a mean and sqrt((S_jj S_kk + S_jk^2) / n) for a covariance entry (Gaussian
    // data), times sqrt(2) for the two stages. The margin is 5 such standard errors (the ridge, ~1.5e-6, is far below).
    for (let j = 0; j < 3; j++) {
      const se = Math.sqrt(2 * (COV[j * 3 + j]! / n));
      expect(Math.abs(drawn.mean[j]! - MEAN[j]!)).toBeLessThan(5 * se);
      for (let k = 0; k < 3; k++) {
        const s = COV[j * 3 + k]!;
        const seCov = Math.sqrt((2 * (COV[j * 3 + j]! * COV[k * 3 + k]! + s * s)) / n);
        expect(Math.abs(drawn.cov[j * 3 + k]! - s)).toBeLessThan(5 * seCov);
      }
    }
  });

  it('keeps an exactly linear y | x (singular covariance) thanks to the ridge', () => {
    const x = column(Float64Array.from({ length: 200 }, (_, i) => Math.sin(i)));
    const y = x.data.map((v) => 1 + 2 * v);
    const synthetic = drawGaussianFit(fitGaussian({ x, y }, 'regression'), 500, stream(3, 'linear'));
    for (let i = 0; i < synthetic.y.length; i++) {
      // Ridge 1e-6 * tr/2 ~ 1e-6: the residual's sd is ~ 2e-3.
      expect(Math.abs(synthetic.y[i]! - (1 + 2 * synthetic.x.data[i]!))).toBeLessThan(0.05);
    }
  });

  it('is deterministic from the seed', () => {
    const a = drawGaussianFit(model, 50, stream(9, 's'));
    const b = drawGaussianFit(model, 50, stream(9, 's'));
    const c = drawGaussianFit(model, 50, stream(10, 's'));
    expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.y)).not.toEqual(Array.from(c.y));
  });

  it('needs at least 2 real points', () => {
    const one = { x: matrix(1, 2, Float64Array.of(1, 2)), y: Float64Array.of(3) };
    expect(() => fitGaussian(one, 'regression')).toThrow(GeneratorError);
    expect(() => fitGaussian(one, 'regression')).toThrow(/at least 2 real points, got 1/);
  });
});

describe('Gaussian fit, classification (class-conditional)', () => {
  const n0 = 6000;
  const n1 = 14_000;
  const zero = gaussianRows([-1, 2], [1, 0.3, 0.3, 0.5], n0, 4);
  const one = gaussianRows([2, 0], [0.5, -0.2, -0.2, 2], n1, 5);
  const x = matrix(n0 + n1, 2, Float64Array.from([...zero, ...one]));
  const y = Float64Array.from({ length: n0 + n1 }, (_, i) => (i < n0 ? 0 : 1));
  const model = fitGaussian({ x, y }, 'classification');

  it('fits one Gaussian per class and keeps the class proportions', () => {
    if (model.task !== 'classification') throw new Error('unreachable');
    expect(model.classes.map((c) => [c.label, c.count])).toEqual([
      [0, n0],
      [1, n1],
    ]);
    const m = 20_000;
    const synthetic = drawGaussianFit(model, m, stream(6, 'draw'));
    const ones = synthetic.y.reduce((a, b) => a + b, 0);
    expect(new Set(synthetic.y)).toEqual(new Set([0, 1]));
    // P(1) = 0.7; binomial standard error sqrt(0.21 / m) = 0.0032, margin 5 SE.
    expect(Math.abs(ones / m - 0.7)).toBeLessThan(5 * Math.sqrt(0.21 / m));
    // Class means: fit error (SE sqrt(var / n_c)) plus draw error (about sqrt(var / (m P(c)))); the largest
    // variance is 2 and the smallest class has 6000 real and ~6000 drawn points: SE <= sqrt(2 * 2 / 6000) = 0.026.
    const expected = [
      [-1, 2],
      [2, 0],
    ];
    for (const label of [0, 1]) {
      const rows = [...synthetic.y.keys()].filter((i) => synthetic.y[i] === label);
      for (let j = 0; j < 2; j++) {
        const mean = rows.reduce((s, i) => s + synthetic.x.data[2 * i + j]!, 0) / rows.length;
        expect(Math.abs(mean - expected[label]![j]!)).toBeLessThan(5 * 0.026);
      }
    }
  });

  it('refuses a class with fewer than 2 points, naming it', () => {
    const tiny = { x: column(Float64Array.of(0, 1, 2, 5)), y: Float64Array.of(0, 0, 0, 1) };
    expect(() => fitGaussian(tiny, 'classification')).toThrow(GeneratorError);
    expect(() => fitGaussian(tiny, 'classification')).toThrow(/class 1 has 1 real point; at least 2/);
  });
});
