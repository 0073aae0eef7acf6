import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { choleskyInPlace } from './cholesky';

/** The textbook row-by-row factor (one row at a time), the reference the blocked loop must equal bit for bit. */
function reference(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    if (!(d > 0)) return false;
    a[j * n + j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / a[j * n + j]!;
    }
  }
  return true;
}

/** B B' + n I for a random B: symmetric positive definite. */
function spd(n: number, seed: number): Float64Array {
  const rand = stream(seed, 'spd');
  const b = Float64Array.from({ length: n * n }, () => rand.normal());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k]! * b[j * n + k]!;
      a[i * n + j] = s;
    }
  return a;
}

describe('choleskyInPlace', () => {
  it('gives the row-by-row factor bit for bit, for every size around the 4-row blocks', () => {
    for (let n = 1; n <= 13; n++) {
      const a = spd(n, n);
      const blocked = a.slice();
      const plain = a.slice();
      expect(choleskyInPlace(blocked, n)).toBe(true);
      expect(reference(plain, n)).toBe(true);
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) expect(blocked[i * n + j]).toBe(plain[i * n + j]);
      // L L' = A
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let k = 0; k <= j; k++) s += blocked[i * n + k]! * blocked[j * n + k]!;
          expect(s).toBeCloseTo(a[i * n + j]!, 8);
        }
    }
  });

  it('reports a matrix that is not positive definite', () => {
    expect(choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
  });
});
