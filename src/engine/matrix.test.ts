import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrix, sampleRows } from './matrix';
import { stream } from './rng';

describe('sampleRows', () => {
  it('keeps k distinct rows in their order, the same ones for the same seed, and small tables whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 80 }), (rows, k) => {
        // Row i holds i and -i: a row's cells stay together.
        const m = matrix(
          rows,
          2,
          Float64Array.from({ length: rows * 2 }, (_, c) => (c % 2 ? -1 : 1) * (c >> 1)),
        );
        const picked = sampleRows(m, k, stream(4, 'rows'));
        if (rows <= k) {
          expect(picked).toBe(m);
          return;
        }
        expect(picked.rows).toBe(k);
        const ids = Array.from({ length: k }, (_, i) => picked.data[2 * i]!);
        ids.forEach((id, i) => expect(picked.data[2 * i + 1]).toBe(-id));
        expect(new Set(ids).size).toBe(k);
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        expect(sampleRows(m, k, stream(4, 'rows')).data).toEqual(picked.data);
      }),
    );
  });

  it('is uniform: each row is kept about k / n of the time', () => {
    const m = matrix(
      10,
      1,
      Float64Array.from({ length: 10 }, (_, i) => i),
    );
    const counts = new Array(10).fill(0);
    const rand = stream(5, 'uniform');
    for (let t = 0; t < 4000; t++) for (const v of sampleRows(m, 3, rand).data) counts[v]++;
    // Expected 1,200 each; sd about 29.
    for (const c of counts) expect(Math.abs(c - 1200)).toBeLessThan(120);
  });
});
