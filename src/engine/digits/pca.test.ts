import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { matrix, type Matrix } from '../matrix';
import { stream } from '../rng';
import { jacobiEigen } from './jacobi';
import { fitPca, orthonormalColumns, pcaDecode, pcaScores } from './pca';

/** n rows mean + sum_r s_r u_r v_r' + noise * N(0, 1): rank `rank` plus isotropic noise. */
function lowRank(n: number, p: number, rank: number, noise: number, seed: number): Matrix {
  const rand = stream(seed, 'lowrank');
  const v = rand.normals(rank * p);
  const out = matrix(n, p);
  const mean = Float64Array.from({ length: p }, () => rand.uniform());
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) out.data[i * p + j] = mean[j]! + noise * rand.normal();
    for (let r = 0; r < rank; r++) {
      // Decreasing scales 2^-r keep the eigengaps wide, so the ordering test is meaningful.
      const u = rand.normal() * 2 ** -r;
      for (let j = 0; j < p; j++) out.data[i * p + j]! += u * v[r * p + j]!;
    }
  }
  return out;
}

/** Exact covariance eigenpairs (ml-matrix's tridiagonal QL), largest first. */
function exactPca(x: Matrix): { values: number[]; vectors: number[][] } {
  const { rows: n, cols: p, data } = x;
  const mean = Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * p + j]!;
    return s / n;
  });
  const cov = new MlMatrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (data[i * p + a]! - mean[a]!) * (data[i * p + b]! - mean[b]!);
      cov.set(a, b, s / (n - 1));
    }
  }
  const evd = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
  const order = evd.realEigenvalues
    .map((_, i) => i)
    .sort((a, b) => evd.realEigenvalues[b]! - evd.realEigenvalues[a]!);
  return {
    values: order.map((i) => evd.realEigenvalues[i]!),
    vectors: order.map((i) => evd.eigenvectorMatrix.getColumn(i)),
  };
}

/** max |P1 - P2| entrywise between the projectors onto two k-dimensional subspaces (rows of a, of b). */
function projectorGap(a: ArrayLike<number>[], b: ArrayLike<number>[], p: number): number {
  let worst = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let pa = 0;
      let pb = 0;
      for (const v of a) pa += v[i]! * v[j]!;
      for (const v of b) pb += v[i]! * v[j]!;
      worst = Math.max(worst, Math.abs(pa - pb));
    }
  }
  return worst;
}

const rowsOf = (data: Float64Array, k: number, p: number) =>
  Array.from({ length: k }, (_, c) => data.subarray(c * p, (c + 1) * p));

describe('jacobiEigen', () => {
  it('reproduces A = V diag(lambda) V with orthonormal V', () => {
    const n = 12;
    const rand = stream(3, 'jacobi');
    const b = rand.normals(n * n);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = b[i * n + j]! + b[j * n + i]!;
    const { values, vectors, order } = jacobiEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let gram = 0;
        for (let e = 0; e < n; e++) {
          rebuilt += vectors[i * n + e]! * values[e]! * vectors[j * n + e]!;
          gram += vectors[e * n + i]! * vectors[e * n + j]!;
        }
        expect(rebuilt).toBeCloseTo(a[i * n + j]!, 12);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    for (let r = 1; r < n; r++) expect(values[order[r - 1]!]!).toBeGreaterThanOrEqual(values[order[r]!]!);
  });
});

describe('fitPca', () => {
  it('matches the exact eigendecomposition on a low-rank sample (values and subspace to 1e-6)', () => {
    const p = 40;
    const x = lowRank(300, p, 6, 0, 1);
    const exact = exactPca(x);
    for (const k of [3, 6]) {
      const pca = fitPca(x, k, stream(1, 'pca'));
      for (let c = 0; c < k; c++) {
        expect(Math.abs(pca.explainedVariance[c]! - exact.values[c]!)).toBeLessThan(1e-6 * exact.values[0]!);
      }
      expect(projectorGap(rowsOf(pca.components, k, p), exact.vectors.slice(0, k), p)).toBeLessThan(1e-6);
      expect(pca.totalVariance).toBeCloseTo(
        exact.values.reduce((s, v) => s + v, 0),
        9,
      );
    }
  });

  it('matches exact PCA on a full-rank noisy sample with the default power iterations', () => {
    const p = 60;
    const x = lowRank(500, p, 8, 0.05, 2);
    const exact = exactPca(x);
    const k = 5;
    const pca = fitPca(x, k, stream(2, 'pca'));
    for (let c = 0; c < k; c++) expect(pca.explainedVariance[c]! / exact.values[c]!).toBeCloseTo(1, 6);
    expect(projectorGap(rowsOf(pca.components, k, p), exact.vectors.slice(0, k), p)).toBeLessThan(1e-6);
  });

  it('orders directions by explained variance, with orthonormal components and matching score variances', () => {
    const p = 30;
    const n = 400;
    const x = lowRank(n, p, 5, 0.01, 3);
    const k = 5;
    const pca = fitPca(x, k, stream(3, 'pca'));
    for (let c = 1; c < k; c++)
      expect(pca.explainedVariance[c - 1]!).toBeGreaterThan(pca.explainedVariance[c]!);
    const scores = pcaScores(pca, x);
    for (let a = 0; a < k; a++) {
      let variance = 0;
      let mean = 0;
      for (let i = 0; i < n; i++) mean += scores.data[i * k + a]! / n;
      for (let i = 0; i < n; i++) variance += (scores.data[i * k + a]! - mean) ** 2 / (n - 1);
      expect(mean).toBeCloseTo(0, 10);
      expect(variance / pca.explainedVariance[a]!).toBeCloseTo(1, 10);
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let j = 0; j < p; j++) dot += pca.components[a * p + j]! * pca.components[b * p + j]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
  });

  it('decodes the scores back to the rows when k covers the rank, and is deterministic given the stream', () => {
    const x = lowRank(100, 25, 4, 0, 4);
    const pca = fitPca(x, 4, stream(4, 'pca'));
    const back = pcaDecode(pca, pcaScores(pca, x));
    let worst = 0;
    x.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - back.data[i]!))));
    expect(worst).toBeLessThan(1e-10);
    const again = fitPca(x, 4, stream(4, 'pca'));
    expect(again.components).toEqual(pca.components);
    // A rank-4 sample asked for more directions still gets an orthonormal basis (the extra variances are ~0).
    const wide = fitPca(x, 8, stream(4, 'pca'));
    expect(wide.explainedVariance[5]!).toBeLessThan(1e-12 * wide.explainedVariance[0]!);
    let dot = 0;
    for (let j = 0; j < 25; j++) dot += wide.components[6 * 25 + j]! ** 2;
    expect(dot).toBeCloseTo(1, 12);
  });

  it('rejects k outside 1..min(n, p)', () => {
    const x = lowRank(10, 5, 2, 0.1, 5);
    expect(() => fitPca(x, 0, stream(5, 'pca'))).toThrow(RangeError);
    expect(() => fitPca(x, 6, stream(5, 'pca'))).toThrow(/1\.\.min/);
  });

  it('orthonormalColumns keeps a full basis when the columns are dependent', () => {
    const rows = 6;
    const a = new Float64Array(rows * 3);
    for (let i = 0; i < rows; i++) [a[i * 3], a[i * 3 + 1], a[i * 3 + 2]] = [i, 2 * i, 1];
    const q = orthonormalColumns(a, rows, 3, stream(6, 'orth'));
    for (let b = 0; b < 3; b++) {
      for (let c = 0; c < 3; c++) {
        let dot = 0;
        for (let i = 0; i < rows; i++) dot += q[i * 3 + b]! * q[i * 3 + c]!;
        expect(dot).toBeCloseTo(b === c ? 1 : 0, 12);
      }
    }
  });
});
