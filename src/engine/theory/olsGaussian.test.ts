import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { misspecifiedLimits, olsExcessReal, olsExcessSynthetic } from './olsGaussian';

const one = (v: number) => new Matrix([[v]]);

describe('OLS closed forms (hand-checked, p = 1)', () => {
  it('real: σ²(1/n + p(n+1)/(n(n−p−2)))', () => {
    // 0.25 (1/50 + 51/(50 * 47)) = 0.25 * (0.02 + 0.0217021...) = 0.0104255...
    expect(olsExcessReal(0.5, 50, 1)).toBeCloseTo(0.25 * (0.02 + 51 / 2350), 14);
    expect(olsExcessReal(0.5, 3, 1)).toBe(Infinity);
  });

  it('synthetic: σ̃²(1/m + (tr(S S̃⁻¹) + p/m + s′S̃⁻¹s)/(m−p−2))', () => {
    // S = 1, S~ = 4, s = 2: 0.25 (1/50 + (0.25 + 0.02 + 1) / 47).
    const value = olsExcessSynthetic({ p: 1, S: one(1), St: one(4), s: one(2), Q: one(0) }, 0.5, 50);
    expect(value).toBeCloseTo(0.25 * (0.02 + 1.27 / 47), 14);
  });

  it('misspecified limit: (tr(Q(S̃−S)) − s′Qs)² + 4 s′QSQs', () => {
    // Q = 1/2, S = S~ = 1, s = 2: (0 - 2)^2 + 4 * 1 = 8; real excess 2 (QS)^2 = 0.5.
    expect(misspecifiedLimits({ p: 1, S: one(1), St: one(1), s: one(2), Q: one(0.5) })).toEqual({
      real: 0.5,
      synthetic: 8.5,
      utility: 8,
    });
    // Q = 0 (correct specification): 0 for every shift and scale.
    expect(misspecifiedLimits({ p: 1, S: one(1), St: one(9), s: one(3), Q: one(0) }).utility).toBe(0);
  });
});

/**
 * A direct Monte Carlo of §6.1, cheap enough for 250,000 replicates: draw the Gaussian design with the engine's
 * rng, fit OLS with intercept by the normal equations, and take the fit's exact excess risk on the real
 * N(0, S), (c^ - a)^2 + (d^ - b)' S (d^ - b), instead of scoring a test sample. No test-point noise, a few
 * microseconds per replicate.
 */
function directExcess(
  design: { p: number; S: Matrix; St: Matrix; s: Matrix },
  size: number,
  sigma: number,
  synthetic: boolean,
  replicates: number,
): { mean: number; se: number } {
  const { p } = design;
  const k = p + 1;
  const cov = synthetic ? design.St : design.S;
  const L = new CholeskyDecomposition(cov).lowerTriangularMatrix;
  const shift = synthetic ? design.s.to1DArray() : new Array<number>(p).fill(0);
  const b = [1, -0.7, 0.5].slice(0, p);
  const rand = stream(3, `direct-ols/${synthetic ? 'synthetic' : 'real'}`);
  const z = new Float64Array(p);
  const row = new Float64Array(k);
  const M = new Float64Array(k * k);
  const r = new Float64Array(k);
  let sum = 0;
  let sumSq = 0;
  for (let rep = 0; rep < replicates; rep++) {
    M.fill(0);
    r.fill(0);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < p; j++) z[j] = rand.normal();
      row[0] = 1;
      let eta = 0.5;
      for (let j = 0; j < p; j++) {
        let x = shift[j]!;
        for (let l = 0; l <= j; l++) x += L.get(j, l) * z[l]!;
        row[j + 1] = x;
        eta += b[j]! * x;
      }
      const y = eta + sigma * rand.normal();
      for (let u = 0; u < k; u++) {
        r[u] = r[u]! + row[u]! * y;
        for (let v = 0; v <= u; v++) M[u * k + v] = M[u * k + v]! + row[u]! * row[v]!;
      }
    }
    // Solve M beta = r by Cholesky (M is symmetric positive definite; lower triangle filled above).
    for (let u = 0; u < k; u++) {
      for (let v = 0; v <= u; v++) {
        let acc = M[u * k + v]!;
        for (let w = 0; w < v; w++) acc -= M[u * k + w]! * M[v * k + w]!;
        M[u * k + v] = u === v ? Math.sqrt(acc) : acc / M[v * k + v]!;
      }
    }
    for (let u = 0; u < k; u++) {
      let acc = r[u]!;
      for (let w = 0; w < u; w++) acc -= M[u * k + w]! * r[w]!;
      r[u] = acc / M[u * k + u]!;
    }
    for (let u = k - 1; u >= 0; u--) {
      let acc = r[u]!;
      for (let w = u + 1; w < k; w++) acc -= M[w * k + u]! * r[w]!;
      r[u] = acc / M[u * k + u]!;
    }
    const dc = r[0]! - 0.5;
    let excess = dc * dc;
    for (let u = 0; u < p; u++) {
      for (let v = 0; v < p; v++) excess += (r[u + 1]! - b[u]!) * design.S.get(u, v) * (r[v + 1]! - b[v]!);
    }
    sum += excess;
    sumSq += excess * excess;
  }
  const mean = sum / replicates;
  const sd = Math.sqrt((sumSq - replicates * mean * mean) / (replicates - 1));
  return { mean, se: sd / Math.sqrt(replicates) };
}

describe('OLS closed forms (§6.1) resolve 1% against a direct Monte Carlo', () => {
  // p = 2, correlated, shifted and rescaled synthetic features (claims.test.ts's case) at n = m = 16, where
  // the constant matters: n - p - 2 = 12 against 13 moves the real excess by 5.7%.
  const rho = 0.3;
  const S = new Matrix([
    [1, rho],
    [rho, 1],
  ]);
  const design = { p: 2, S, St: S.clone().mul(1.5 ** 2), s: new Matrix([[1], [0]]), Q: new Matrix(2, 2) };
  const sigma = 0.5;
  const size = 16;
  const replicates = 250_000;

  it('real: σ²(1/n + p(n+1)/(n(n−p−2))), and n − p − 1 in its place fails', () => {
    const mc = directExcess(design, size, sigma, false, replicates);
    const exact = olsExcessReal(sigma, size, 2);
    const wrong = sigma ** 2 * (1 / size + (2 * (size + 1)) / (size * (size - 2 - 1)));
    expect(4 * mc.se).toBeLessThan(0.01 * exact);
    expect(Math.abs(mc.mean - exact)).toBeLessThanOrEqual(4 * mc.se);
    expect(Math.abs(mc.mean - wrong)).toBeGreaterThan(4 * mc.se);
  });

  it('synthetic: σ̃²(1/m + (tr(S S̃⁻¹) + p/m + s′S̃⁻¹s)/(m−p−2)), and m − p − 1 in its place fails', () => {
    const mc = directExcess(design, size, sigma, true, replicates);
    const exact = olsExcessSynthetic(design, sigma, size);
    const trace = 2 / 1.5 ** 2;
    const mahalanobis = 1 / (1.5 ** 2 * (1 - rho ** 2));
    const wrong = sigma ** 2 * (1 / size + (trace + 2 / size + mahalanobis) / (size - 2 - 1));
    expect(4 * mc.se).toBeLessThan(0.01 * exact);
    expect(Math.abs(mc.mean - exact)).toBeLessThanOrEqual(4 * mc.se);
    expect(Math.abs(mc.mean - wrong)).toBeGreaterThan(4 * mc.se);
  });
});
