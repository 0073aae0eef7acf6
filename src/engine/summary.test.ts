/** The ranking part of the summary: bootstrap intervals inside [-1, 1], unanimity, one tie rule, SRA. */
import { describe, expect, it } from 'vitest';
import { meanInterval } from './metrics/intervals';
import { summarize, type ReplicateRecord } from './summary';

const models = ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase() }));

/** R replicates with TRTR 1 < 2 < 3; TSTR in the same order except the listed replicates, which swap a and b. */
function records(replicates: number, swapped: readonly number[] = []): ReplicateRecord[] {
  return Array.from({ length: replicates }, (_, index) => ({
    index,
    trtr: [1 + index * 1e-3, 2, 3],
    tstr: swapped.includes(index) ? [2.5, 1.5, 4] : [1.5, 2.5, 4],
    errors: [null, null, null],
  }));
}

describe('summarize: ranking', () => {
  it('keeps the tau and rho intervals inside [-1, 1] where the t interval left it', () => {
    const r = summarize(records(20, [3]), models, 20).ranking!;
    const tau = r.kendallTauB!;
    expect(tau.mean).toBeCloseTo((19 + 1 / 3) / 20, 12);
    // The old interval: mean +- t sd / sqrt(n) went past 1.
    expect(meanInterval([...new Array<number>(19).fill(1), 1 / 3]).hi).toBeGreaterThan(1);
    expect(tau.hi).toBe(1);
    expect(tau.lo).toBeGreaterThanOrEqual(-1);
    expect(tau.lo).toBeLessThan(tau.mean);
    expect(tau.unanimous).toBe(false);
    expect(r.spearmanRho!.hi).toBeLessThanOrEqual(1);
  });

  it('marks unanimity instead of a degenerate interval when every replicate orders alike', () => {
    const r = summarize(records(20), models, 20).ranking!;
    expect(r.kendallTauB).toMatchObject({ unanimous: true, mean: 1, lo: 1, hi: 1, n: 20 });
    expect(r.spearmanRho!.unanimous).toBe(true);
    expect(r.sra).toMatchObject({ unanimous: true, mean: 1 });
    expect(r.top1).toMatchObject({ successes: 20, trials: 20, hi: 1 });
    expect(r.top1!.lo).toBeLessThan(0.9); // the share itself still has a Wilson interval
  });

  it('gives the same interval for the same records (the bootstrap seed comes from the values)', () => {
    const a = summarize(records(15, [1, 4, 9]), models, 15).ranking!;
    const b = summarize(records(15, [1, 4, 9]), models, 15).ranking!;
    expect(b.kendallTauB).toEqual(a.kendallTauB);
    expect(b.sra).toEqual(a.sra);
    expect(a.kendallTauB!.hi! - a.kendallTauB!.lo!).toBeGreaterThan(0.2);
  });

  it('applies one tie rule to top-1, C_jk and SRA: a tie in one order only counts 1/2', () => {
    // Every replicate: TRTR separates a < b < c; TSTR ties a and b for best.
    const tied: ReplicateRecord[] = Array.from({ length: 4 }, (_, index) => ({
      index,
      trtr: [1, 2, 3],
      tstr: [1, 1, 3],
      errors: [null, null, null],
    }));
    const r = summarize(tied, models, 4).ranking!;
    // The old rules: top-1 counted these replicates as agreement (4 of 4), C_ab as disagreement (0).
    expect(r.top1!.successes).toBe(2);
    expect(r.top1!.estimate).toBe(0.5);
    expect(r.consistency![0]![1]).toBe(0.5);
    expect(r.consistency![0]![2]).toBe(1);
    expect(r.sra!.mean).toBeCloseTo((0.5 + 1 + 1) / 3, 15);
  });

  it('SRA is the mean of C_jk over pairs', () => {
    const r = summarize(records(10, [0, 2, 5]), models, 10).ranking!;
    const c = r.consistency!;
    expect(r.sra!.mean).toBeCloseTo((c[0]![1]! + c[0]![2]! + c[1]![2]!) / 3, 12);
    expect(r.sra!.lo).toBeGreaterThanOrEqual(0);
    expect(r.sra!.hi).toBeLessThanOrEqual(1);
  });
});
