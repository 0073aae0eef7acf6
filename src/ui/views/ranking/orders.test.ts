import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../engine/metrics/intervals';
import {
  exactReference,
  failedReference,
  referencesOf,
  type PopulationReferences,
} from '../../../engine/references';
import type { ModelSummary, ReplicateRecord } from '../../../engine/results';
import {
  cleanMatrix,
  compactGap,
  compactShare,
  consistencyFill,
  gapFill,
  gapMatrix,
  pairLesson,
  pairsOf,
  populationAgreement,
  populationRisks,
  rankByMeans,
} from './orders';

function model(id: string, trtr: number | null, tstr: number | null): ModelSummary {
  return {
    id,
    label: id,
    fitted: trtr === null ? 0 : 1,
    trtr: trtr === null ? null : meanInterval([trtr]),
    tstr: tstr === null ? null : meanInterval([tstr]),
    gap: null,
    utility: null,
    ratio: null,
    error: null,
  };
}

function refs(real: Record<string, number>): PopulationReferences {
  const models = Object.entries(real).map(([id, r]) =>
    Number.isFinite(r)
      ? exactReference(id, { real: r, responseOnly: r, synthetic: r })
      : failedReference(id, 10_000, 'failed'),
  );
  return referencesOf(models, 10_000);
}

describe('rankByMeans', () => {
  it('places each model in both orders, best first, and skips unfitted models', () => {
    const ranked = rankByMeans([
      model('a', 3, 1),
      model('b', 1, 2),
      model('x', null, null),
      model('c', 2, 3),
    ]);
    expect(ranked.map((m) => [m.id, m.index, m.trtrPlace, m.tstrPlace])).toEqual([
      ['a', 0, 2, 0],
      ['b', 1, 0, 1],
      ['c', 3, 1, 2],
    ]);
  });

  it('breaks ties by list order', () => {
    const ranked = rankByMeans([model('a', 1, 1), model('b', 1, 1)]);
    expect(ranked.map((m) => [m.trtrPlace, m.tstrPlace])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('matrices and pairs', () => {
  it('cleans NaN to null and rejects ragged tables', () => {
    expect(
      cleanMatrix(
        [
          [1, NaN],
          [0.5, 1],
        ],
        2,
      ),
    ).toEqual([
      [1, null],
      [0.5, 1],
    ]);
    expect(cleanMatrix([[1, 0.5]], 2)).toBeNull();
    expect(cleanMatrix(null, 2)).toBeNull();
  });

  it('reads Δ by model id, null where a model has no population risk', () => {
    const gaps = gapMatrix([{ id: 'b' }, { id: 'a' }], refs({ a: 1, b: 1.5 }))!;
    expect(gaps).toEqual([
      [0, 0.5],
      [0.5, 0],
    ]);
    expect(gapMatrix([{ id: 'a' }, { id: 'z' }], refs({ a: 1 }))).toBeNull();
    expect(gapMatrix([{ id: 'a' }, { id: 'b' }], refs({ a: 1, b: NaN }))).toEqual([
      [0, null],
      [null, null],
    ]);
    expect(populationRisks([{ id: 'a' }, { id: 'b' }], refs({ a: 1, b: NaN }))).toBeNull();
  });

  it('lists the pairs j < k', () => {
    const pairs = pairsOf(
      3,
      [
        [1, 0.9, 0.5],
        [0.9, 1, 0.7],
        [0.5, 0.7, 1],
      ],
      null,
    );
    expect(pairs.map((p) => [p.j, p.k, p.consistency, p.gap])).toEqual([
      [0, 1, 0.9, null],
      [0, 2, 0.5, null],
      [1, 2, 0.7, null],
    ]);
  });
});

describe('pairLesson', () => {
  it('names the most separated and the closest pair', () => {
    const pairs = pairsOf(
      3,
      [
        [1, 1, 0.55],
        [1, 1, 0.9],
        [0.55, 0.9, 1],
      ],
      [
        [0, 0.8, 0.001],
        [0.8, 0, 0.3],
        [0.001, 0.3, 0],
      ],
    );
    const text = pairLesson(pairs, ['OLS', 'kNN', 'Cubic'])!;
    expect(text).toContain('Most separated pair, OLS vs kNN (Δ = 0.80): ordered alike in 100%');
    expect(text).toContain('Closest pair, OLS vs Cubic (Δ = 0.0010): 55%');
    expect(text).toContain('The wider the gap');
  });

  it('handles one pair, and nothing known', () => {
    expect(
      pairLesson(
        pairsOf(
          2,
          [
            [1, 0.5],
            [0.5, 1],
          ],
          [
            [0, 2],
            [2, 0],
          ],
        ),
        ['A', 'B'],
      ),
    ).toBe('A vs B: population gap Δ = 2.0, ordered alike by TSTR and TRTR in 50% of replicates.');
    expect(pairLesson(pairsOf(2, null, null), ['A', 'B'])).toBeNull();
  });
});

describe('populationAgreement', () => {
  const record = (trtr: (number | null)[], tstr: (number | null)[], index = 0): ReplicateRecord => ({
    index,
    trtr,
    tstr,
    errors: trtr.map(() => null),
  });

  it('averages the agreement with the population order over pairs, complete replicates only', () => {
    const records = [
      record([1, 2, 3], [1, 2, 3]),
      record([1, 2, 3], [3, 2, 1]),
      record([1, null, 3], [1, 2, 3]),
    ];
    const a = populationAgreement(records, [1, 2, 3])!;
    expect(a.replicates).toBe(2);
    expect(a.trtr).toBe(1);
    expect(a.tstr).toBe(0.5);
  });

  it('is null without population risks or complete replicates', () => {
    expect(populationAgreement([record([1, 2], [1, 2])], null)).toBeNull();
    expect(populationAgreement([record([1, null], [1, 2])], [1, 2])).toBeNull();
  });
});

describe('heatmap fills', () => {
  it('are clear at a coin flip and strongest at 0 and 1', () => {
    expect(consistencyFill(1)).toEqual({ color: '#0072B2', opacity: 0.56 });
    expect(consistencyFill(0)).toEqual({ color: '#D55E00', opacity: 0.56 });
    expect(consistencyFill(0.5).opacity).toBeCloseTo(0.06, 12);
    expect(gapFill(1, 2).opacity).toBeGreaterThan(gapFill(0.5, 2).opacity);
    expect(Number.isFinite(gapFill(0, 0).opacity)).toBe(true);
  });
});

describe('compact cell text', () => {
  it('keeps shares and gaps short', () => {
    expect([1, 0, 0.3, 0.955].map(compactShare)).toEqual(['1', '0', '.30', '.95']);
    expect([0, 0.0491, 0.45, 5.37e-7, 123].map(compactGap)).toEqual(['0', '.049', '.45', '5e-7', '1e2']);
  });
});
