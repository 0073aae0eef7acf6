import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../engine/metrics/intervals';
import type { FidelityReport, ModelSummary } from '../../../engine/results';
import {
  distinguishability,
  fidelityLesson,
  MEASURES,
  measuresFor,
  measureValue,
  relativeUtilities,
} from './measures';

function model(id: string, trtr: number, u: number | null, index = 0): ModelSummary {
  return {
    id,
    label: id,
    fitted: u === null ? 0 : 2,
    trtr: u === null ? null : meanInterval([trtr, trtr]),
    tstr: u === null ? null : meanInterval([trtr + u, trtr + u]),
    gap: null,
    utility: u === null ? null : { value: u, lo: u / 2, hi: u * 2 + index * 0 },
    ratio: null,
    error: null,
  };
}

const rel = (entries: [string, number][]) => relativeUtilities(entries.map(([id, r]) => model(id, 1, r)));

describe('measures', () => {
  it('explains every field of the fidelity report once', () => {
    const report: FidelityReport = {
      gaussianKL: null,
      gaussianW2: 0.3,
      mmd2: 0.01,
      slicedW1: 0.2,
      c2stAuc: 0.8,
      responseError: NaN,
    };
    expect(
      measuresFor(false)
        .map((m) => m.key)
        .sort(),
    ).toEqual(Object.keys(report).sort());
    expect(measuresFor(true).map((m) => m.key)).toEqual(['c2stAuc', 'frechetPca']);
    expect(MEASURES).toHaveLength(measuresFor(false).length + 1);
    expect(measureValue(report, 'gaussianKL')).toBeNull();
    expect(measureValue(report, 'responseError')).toBeNull();
    expect(measureValue(report, 'c2stAuc')).toBe(0.8);
    expect(MEASURES.find((m) => m.key === 'c2stAuc')!.help).toContain('0.5 = indistinguishable');
  });
});

describe('relativeUtilities', () => {
  it('divides U and its interval by mean TRTR, skipping unfitted models and TRTR = 0', () => {
    const out = relativeUtilities([model('a', 2, 0.5), model('b', 1, null), model('c', 0, 0.1)]);
    expect(out).toEqual([{ id: 'a', label: 'a', index: 0, relative: 0.25, lo: 0.125, hi: 0.5 }]);
  });
});

describe('fidelityLesson', () => {
  it('low fidelity, high utility: fidelity is not necessary', () => {
    const lesson = fidelityLesson(
      0.95,
      rel([
        ['OLS', 0.03],
        ['Cubic', 0.05],
      ]),
      1,
    );
    expect(lesson.kind).toBe('not-necessary');
    expect(lesson.text).toContain('easily told apart');
    expect(lesson.text).toContain('at most 5% (Cubic)');
    expect(lesson.text).toContain('not necessary');
    expect(lesson.text).toContain('still ranked');
  });

  it('high fidelity, low utility: fidelity is not sufficient', () => {
    const lesson = fidelityLesson(
      0.53,
      rel([
        ['OLS', 0.02],
        ['kNN', 0.4],
      ]),
      0.2,
    );
    expect(lesson.kind).toBe('not-sufficient');
    expect(lesson.text).toContain("kNN's risk on real data moves by 40%");
    expect(lesson.text).toContain('not sufficient');
    expect(lesson.text).toContain('not kept');
  });

  it('the other cases', () => {
    expect(
      fidelityLesson(
        0.9,
        rel([
          ['OLS', 0.02],
          ['kNN', 0.6],
        ]),
        null,
      ).kind,
    ).toBe('depends-on-model');
    expect(
      fidelityLesson(
        0.9,
        rel([
          ['OLS', 0.3],
          ['kNN', 0.6],
        ]),
        null,
      ).kind,
    ).toBe('both-low');
    expect(fidelityLesson(0.55, rel([['OLS', 0.02]]), null)).toEqual({
      kind: 'both-high',
      text: "The synthetic records are hard to tell apart from real ones (C2ST AUC 0.550), and OLS's risk on real data stays within 2%: fidelity and utility agree here.",
    });
    expect(fidelityLesson(0.65, rel([['OLS', 0.15]]), null)).toEqual({
      kind: 'in-between',
      text: "The synthetic records can be told apart from real ones to a degree (C2ST AUC 0.650); OLS's risk on real data moves by 15%.",
    });
    expect(fidelityLesson(null, rel([['OLS', 0.1]]), null).kind).toBe('unknown');
    expect(fidelityLesson(0.7, [], null).kind).toBe('unknown');
  });

  it('grades the classifier test', () => {
    expect([0.5, 0.59, 0.6, 0.74, 0.75, 1].map(distinguishability)).toEqual([
      'hard',
      'hard',
      'moderate',
      'moderate',
      'easy',
      'easy',
    ]);
  });
});
