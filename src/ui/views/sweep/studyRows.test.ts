/** A sweep's study metrics: rows per point from `summary.study`, the closed-form curves, the phase diagram's study metrics. */
import { describe, expect, it } from 'vitest';
import { expectedSpread } from '../../../engine/studies/collapse';
import type { StudyRecord } from '../../../engine/studies/types';
import { summarize, type ReplicateRecord } from '../../../engine/summary';
import type { SweepPoint } from '../../../engine/sweep';
import { defaultScenario } from '../../../scenario/schema';
import { metricDomain, metricsFor, metricValue } from './heatmap';
import {
  denseValues,
  lambdaLabel,
  spreadCurve,
  studyRows,
  sweepStudy,
  tmtrCurve,
  withCurve,
} from './studyRows';

const MODELS = [
  { id: 'ols', label: 'OLS' },
  { id: 'knn:k=10', label: 'kNN 10' },
];

function point(
  values: SweepPoint['values'],
  studies: StudyRecord[],
  trtr = [1, 2],
  tstr = [1.5, 2.5],
): SweepPoint {
  const records: ReplicateRecord[] = studies.map((study, index) => ({
    index,
    trtr: trtr.map((v) => v + index * 0.01),
    tstr: tstr.map((v) => v + index * 0.02),
    errors: [null, null],
    study,
  }));
  return { values, summary: summarize(records, MODELS, records.length) };
}

const collapse = (last: number): StudyRecord => ({
  kind: 'collapse',
  spread: [1, 0.9, last],
  tail: [1, 0.95, last + 0.05],
});

describe('study rows along a sweep', () => {
  const base = { ...defaultScenario(), study: 'collapse' as const, generator: 'gaussian' as const, m: 30 };

  it('names the study only when the points carry its summary', () => {
    const p = point({ generations: 2 }, [collapse(0.8), collapse(0.7)]);
    expect(sweepStudy(base, [p])).toBe('collapse');
    expect(sweepStudy({ ...base, study: 'none' }, [p])).toBeNull();
    expect(sweepStudy({ ...base, study: 'mix' }, [p])).toBeNull();
    expect(sweepStudy(null, [p])).toBeNull();
  });

  it('collapse: the last generation’s spread with its band, ascending in x', () => {
    const rows = studyRows(
      [point({ m: 60 }, [collapse(0.8), collapse(0.6)]), point({ m: 30 }, [collapse(0.5), collapse(0.7)])],
      'm',
      'collapse',
    );
    expect(rows.map((r) => r.x)).toEqual([30, 60]);
    expect(rows[1]!.spread).toBeCloseTo(0.7, 12);
    const band = rows[1]!.spreadb as [number, number];
    expect(band[0]).toBeLessThan(0.7);
    expect(band[1]).toBeGreaterThan(0.7);
  });

  it('one replicate: means without bands', () => {
    const rows = studyRows([point({ m: 30 }, [collapse(0.8)])], 'm', 'collapse');
    expect(rows[0]!.spread).toBeCloseTo(0.8, 12);
    expect(rows[0]!.spreadb).toBeNull();
  });

  it('mix, ensemble and select read their own parts', () => {
    const mix = studyRows(
      [
        point({ m: 100 }, [
          { kind: 'mix', tmtr: [0.8, 1.9] },
          { kind: 'mix', tmtr: [0.9, null] },
        ]),
      ],
      'm',
      'mix',
    )[0]!;
    expect(mix.tmtr0).toBeCloseTo(0.85, 12);
    expect(mix.tmtr1).toBeCloseTo(1.9, 12);
    expect(mix.tmtr1b).toBeNull();
    expect(mix.trtr0).toBeCloseTo(1.005, 12);
    const ens = studyRows(
      [
        point({ members: 3 }, [
          { kind: 'ensemble', member: [1.7, 2.9] },
          { kind: 'ensemble', member: [1.8, 2.8] },
        ]),
      ],
      'members',
      'ensemble',
    )[0]!;
    // One member's U = |mean(single − TRTR)|: (0.7 + 0.79) / 2.
    expect(ens.su0).toBeCloseTo(0.745, 12);
    expect(typeof ens.u0).toBe('number');
    const sel = studyRows(
      [
        point({ noiseScale: 2 }, [
          { kind: 'select', valReal: [0.1, 0.2], valSynthetic: [0.3, 0.1] },
          { kind: 'select', valReal: [0.1, 0.2], valSynthetic: [0.1, 0.3] },
        ]),
      ],
      'noiseScale',
      'select',
    )[0]!;
    // Replicate 1: synthetic picks model 1 (TRTR 2) over the real choice 0 (TRTR 1): regret 1; replicate 2: 0.
    expect(sel.regret).toBeCloseTo(0.5, 12);
    expect(sel.same).toBeCloseTo(0.5, 12);
  });
});

describe('closed-form curves along the axis', () => {
  const base = {
    ...defaultScenario(),
    study: 'collapse' as const,
    generator: 'gaussian' as const,
    m: 30,
    generations: 4,
  };

  it('integer axes get every whole value, continuous ones 121 steps', () => {
    expect(denseValues('generations', 0, 15)).toHaveLength(16);
    expect(denseValues('noiseScale', 0.5, 3)).toHaveLength(121);
  });

  it('the spread curve is ((m − 1)/m)^g at every x where it holds', () => {
    const byGen = spreadCurve(base, 'generations', 0, 15);
    expect(byGen.holds).toBe(true);
    expect(byGen.rows[8]!.value).toBeCloseTo(expectedSpread(30, 8), 15);
    const byM = spreadCurve(base, 'm', 10, 100);
    expect(byM.rows.find((r) => r.x === 50)?.value).toBeCloseTo(expectedSpread(50, 4), 15);
  });

  it('does not hold along fresh > 0, and says why', () => {
    const byFresh = spreadCurve(base, 'fresh', 0, 1);
    expect(byFresh.rows[0]!.value).not.toBeNull();
    expect(byFresh.rows[60]!.value).toBeNull();
    expect(byFresh.reason).toMatch(/fresh/);
    const gmm = spreadCurve({ ...base, generator: 'gmm' }, 'generations', 0, 5);
    expect(gmm.holds).toBe(false);
    expect(gmm.reason).toMatch(/gmm/);
  });

  it('OLS’s E TMTR only with OLS in the models', () => {
    const mix = {
      ...defaultScenario(),
      study: 'mix' as const,
      eta: 'linear' as const,
      models: 'ols;knn:k=10',
    };
    const curve = tmtrCurve(mix, 'm', 50, 800);
    expect(curve).not.toBeNull();
    const values = curve!.rows.map((r) => r.value).filter((v): v is number => v !== null);
    if (curve!.holds) {
      // More pooled points, a smaller risk.
      expect(values[values.length - 1]!).toBeLessThan(values[0]!);
    } else {
      expect(curve!.reason).not.toBeNull();
    }
    expect(tmtrCurve({ ...mix, models: 'knn:k=10' }, 'm', 50, 800)).toBeNull();
  });

  it('merges the curve into the rows by x', () => {
    const merged = withCurve(
      [{ x: 2, spread: 0.9 }],
      {
        rows: [
          { x: 1, value: 0.95 },
          { x: 2, value: 0.9 },
        ],
        holds: true,
        reason: null,
      },
      'exact',
    );
    expect(merged).toEqual([
      { x: 1, exact: 0.95 },
      { x: 2, spread: 0.9, exact: 0.9 },
    ]);
  });

  it('reads an m axis as λ = m/n in the mixing study only', () => {
    const mix = { ...defaultScenario(), study: 'mix' as const, n: 200 };
    expect(lambdaLabel('Synthetic size m', 'm', mix)).toBe('Synthetic size m (λ = m/n, n = 200)');
    expect(lambdaLabel('Synthetic size m', 'm', { ...mix, study: 'none' })).toBe('Synthetic size m');
  });
});

describe('the phase diagram’s study metrics', () => {
  it('offers the study’s scalar metric besides the ranking ones', () => {
    expect(metricsFor(null)).toEqual(['consistency', 'tau', 'top1']);
    expect(metricsFor('collapse')).toContain('spread');
    expect(metricsFor('select')).toContain('regret');
    expect(metricsFor('mix')).toContain('gain');
    expect(metricsFor('ensemble')).toEqual(['consistency', 'tau', 'top1']);
  });

  it('reads the value from the summary, null for another study', () => {
    const p = point({ m: 30 }, [collapse(0.8), collapse(0.6)]);
    expect(metricValue(p.summary, 'spread')).toBeCloseTo(0.7, 12);
    expect(metricValue(p.summary, 'regret')).toBeNull();
    expect(metricValue(p.summary, 'gain')).toBeNull();
  });

  it('colour domains: spread from 0 to at least 1, gain symmetric, ranking fixed', () => {
    expect(metricDomain('spread', [0.5, null, 0.7])).toEqual([0, 1]);
    expect(metricDomain('spread', [1.4])).toEqual([0, 1.4]);
    expect(metricDomain('gain', [-0.2, 0.1])).toEqual([-0.2, 0.2]);
    expect(metricDomain('regret', [0, 0])).toEqual([0, 1]);
    expect(metricDomain('tau', [0.3])).toEqual([-1, 1]);
  });
});
