import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column, matrix } from '../matrix';
import { stream } from '../rng';
import { moments, ridgeFor } from './gaussianCore';
import { drawGmm, drawGmmGenerator, fitGmm, fitGmmGenerator, type GmmFit } from './gmm';
import { GeneratorError } from './oracle';

interface Part {
  weight: number;
  mean: number[];
  sd: number[];
}

/** n rows (row-major) from a mixture of axis-aligned Gaussians. */
function mixtureRows(parts: Part[], n: number, seed: number): Float64Array {
  const d = parts[0]!.mean.length;
  const rand = stream(seed, 'mixture-rows');
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const part = parts[rand.categorical(parts.map((p) => p.weight))]!;
    for (let j = 0; j < d; j++) out[i * d + j] = part.mean[j]! + part.sd[j]! * rand.normal();
  }
  return out;
}

/** Components sorted by their first mean coordinate. */
function sorted(fit: GmmFit) {
  return fit.components
    .map((c, k) => ({ weight: fit.weights[k]!, mean: Array.from(c.mean), cov: Array.from(c.cov) }))
    .sort((a, b) => a.mean[0]! - b.mean[0]!);
}

/** Objectives never decrease between consecutive trace entries with the same number of components. */
function expectMonotone(fit: GmmFit): void {
  for (let t = 1; t < fit.trace.length; t++) {
    const [a, b] = [fit.trace[t - 1]!, fit.trace[t]!];
    if (a.components !== b.components) continue;
    // Rounding only: relative 1e-10 of the objective's size.
    expect(b.objective).toBeGreaterThanOrEqual(a.objective - 1e-10 * (1 + Math.abs(a.objective)));
  }
}

describe('Gaussian mixture by EM', () => {
  it('recovers the means, weights and variances of a well-separated 1-D mixture', () => {
    const n = 3000;
    const data = mixtureRows(
      [
        { weight: 0.3, mean: [-4], sd: [1] },
        { weight: 0.7, mean: [3], sd: [0.5] },
      ],
      n,
      1,
    );
    const fit = fitGmm(data, 1, 2, stream(2, 'em'));
    expect(fit.converged).toBe(true);
    expect(fit.dropped).toBe(0);
    const [a, b] = sorted(fit);
    // Monte Carlo margins, 5 standard errors: mean sd / sqrt(n w) (0.033 and 0.011), weight sqrt(w(1-w)/n) = 0.0084,
    // variance sd^2 sqrt(2 / (n w)) (0.047 and 0.0077).
    expect(Math.abs(a!.mean[0]! + 4)).toBeLessThan(5 * 0.033);
    expect(Math.abs(b!.mean[0]! - 3)).toBeLessThan(5 * 0.011);
    expect(Math.abs(a!.weight - 0.3)).toBeLessThan(5 * 0.0084);
    expect(Math.abs(a!.cov[0]! - 1)).toBeLessThan(5 * 0.047);
    expect(Math.abs(b!.cov[0]! - 0.25)).toBeLessThan(5 * 0.0077);
    expectMonotone(fit);
  });

  it('recovers a well-separated 2-D mixture', () => {
    const n = 3000;
    const data = mixtureRows(
      [
        { weight: 0.4, mean: [-3, 0], sd: [1, 1] },
        { weight: 0.6, mean: [3, 2], sd: [1, 0.5] },
      ],
      n,
      3,
    );
    const fit = fitGmm(data, 2, 2, stream(4, 'em'));
    const [a, b] = sorted(fit);
    // 5 standard errors: means sd / sqrt(n w) <= 1 / sqrt(1200) = 0.029; weight sqrt(0.24 / n) = 0.0089.
    expect(Math.abs(a!.mean[0]! + 3)).toBeLessThan(5 * 0.029);
    expect(Math.abs(a!.mean[1]!)).toBeLessThan(5 * 0.029);
    expect(Math.abs(b!.mean[0]! - 3)).toBeLessThan(5 * 0.029);
    expect(Math.abs(b!.mean[1]! - 2)).toBeLessThan(5 * 0.029);
    expect(Math.abs(a!.weight - 0.4)).toBeLessThan(5 * 0.0089);
    expectMonotone(fit);
  });

  it('with K = 1 is the maximum likelihood Gaussian plus the Gaussian fit’s ridge', () => {
    const data = mixtureRows([{ weight: 1, mean: [1, 2], sd: [1, 3] }], 400, 5);
    const fit = fitGmm(data, 2, 1, stream(6, 'em'));
    const { mean, cov } = moments(data, 2);
    const ridge = ridgeFor(cov, 2);
    expect(fit.converged).toBe(true);
    for (let j = 0; j < 2; j++) expect(fit.components[0]!.mean[j]).toBeCloseTo(mean[j]!, 12);
    // MLE covariance = (n - 1) / n times the unbiased one.
    for (let e = 0; e < 4; e++) {
      expect(fit.components[0]!.cov[e]).toBeCloseTo((cov[e]! * 399) / 400 + (e % 3 === 0 ? ridge : 0), 12);
    }
  });

  it('never lowers the penalized log-likelihood (property over data, K and seeds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 0, max: 1e6 }),
        (d, k, n, seed) => {
          const parts = Array.from({ length: 3 }, (_, c) => ({
            weight: 1 + c,
            mean: Array.from({ length: d }, (_, j) => 2 * Math.sin(seed + 3 * c + j)),
            sd: Array.from({ length: d }, (_, j) => 0.3 + Math.abs(Math.cos(seed + c + j))),
          }));
          const fit = fitGmm(mixtureRows(parts, n, seed), d, k, stream(seed, 'em'), {
            maxIterations: 60,
            tolerance: 0,
          });
          expect(fit.trace.length).toBeGreaterThan(0);
          expectMonotone(fit);
          expect(fit.components.length + fit.dropped).toBe(k);
          expect(fit.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('drops collapsing components (fewer than d + 1 effective points) instead of replaying points', () => {
    const data = Float64Array.from({ length: 20 }, (_, i) => i * i * 0.1);
    const fit = fitGmm(data, 1, 20, stream(7, 'em'));
    // 20 seeds on 20 distinct points: one point each, below d + 1 = 2; at most 10 components can hold 2.
    expect(fit.dropped).toBeGreaterThanOrEqual(10);
    expect(fit.components.length + fit.dropped).toBe(20);
    expect(fit.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(drawGmm(fit, 100, stream(8, 'draw')).every(Number.isFinite)).toBe(true);
  });

  it('is deterministic from the seed', () => {
    const real = {
      x: column(mixtureRows([{ weight: 1, mean: [0], sd: [1] }], 100, 9)),
      y: new Float64Array(100),
    };
    real.y.forEach((_, i) => (real.y[i] = Math.sin(3 * real.x.data[i]!)));
    const run = (seed: number) => {
      const rand = stream(seed, 'gmm');
      return drawGmmGenerator(fitGmmGenerator(real, 'regression', 3, rand), 40, rand);
    };
    expect(Array.from(run(1).y)).toEqual(Array.from(run(1).y));
    expect(Array.from(run(1).x.data)).toEqual(Array.from(run(1).x.data));
    expect(Array.from(run(1).y)).not.toEqual(Array.from(run(2).y));
  });

  it('classification: a mixture per class, labels and proportions kept', () => {
    const n = 2000;
    const x = matrix(n, 2, mixtureRows([{ weight: 1, mean: [0, 0], sd: [1, 1] }], n, 10));
    const y = Float64Array.from({ length: n }, (_, i) => (i < 500 ? 0 : 1));
    const model = fitGmmGenerator({ x, y }, 'classification', 2, stream(11, 'fit'));
    const m = 10_000;
    const synthetic = drawGmmGenerator(model, m, stream(12, 'draw'));
    expect(new Set(synthetic.y)).toEqual(new Set([0, 1]));
    // P(1) = 0.75, binomial SE sqrt(0.1875 / m) = 0.0043, margin 5 SE.
    expect(Math.abs(synthetic.y.reduce((a, b) => a + b, 0) / m - 0.75)).toBeLessThan(5 * 0.0043);
  });

  it('says clearly when K is impossible', () => {
    const data = Float64Array.of(0, 1, 2);
    expect(() => fitGmm(data, 1, 5, stream(1, 'x'))).toThrow(GeneratorError);
    expect(() => fitGmm(data, 1, 5, stream(1, 'x'))).toThrow(/K = 5 components but only 3 real points/);
    expect(() => fitGmm(data, 1, 0, stream(1, 'x'))).toThrow(/whole number/);
    expect(() => fitGmm(data, 1, 1.5, stream(1, 'x'))).toThrow(/whole number/);
    expect(() => fitGmm(Float64Array.of(1), 1, 1, stream(1, 'x'))).toThrow(/at least 2 real points/);
    const real = { x: column(Float64Array.of(0, 1, 2, 3, 4, 5)), y: Float64Array.of(0, 0, 0, 0, 1, 1) };
    expect(() => fitGmmGenerator(real, 'classification', 3, stream(1, 'x'))).toThrow(
      /class 1: K = 3 components but only 2 real points/,
    );
  });
});
