/** What the sweep draws: a point's ranking numbers, the 1-D curves and the 2-D phase diagram. */
import { describe, expect, it } from 'vitest';
import { runSweep, type SweepPoint } from '../../../engine/sweep';
import { sweepPlans } from '../../../scenario/sweep';
import { summarize, type ReplicateRecord } from '../../../engine/summary';
import { defaultScenario, type Scenario } from '../../../scenario/schema';
import type { SweepSetting } from '../../../scenario/page';
import {
  consistencyLabel,
  curveData,
  logCurves,
  meanPairwiseConsistency,
  rankingFloor,
  utilityMax,
  wantsLog,
} from './curves';
import { heatmapData, labelIndices, metricValue } from './heatmap';
import { formatDecade } from '../../charts/scale';

const MODELS = [
  { id: 'ols', label: 'OLS' },
  { id: 'poly:degree=3', label: 'poly 3' },
  { id: 'knn:k=10', label: 'kNN 10' },
];

/** A sweep point from hand-written risks: trtr[r][k], tstr[r][k]. */
function point(
  values: SweepPoint['values'],
  trtr: (number | null)[][],
  tstr: (number | null)[][],
  models = MODELS.slice(0, trtr[0]!.length),
): SweepPoint {
  const records: ReplicateRecord[] = trtr.map((row, index) => ({
    index,
    trtr: row,
    tstr: tstr[index]!,
    errors: row.map(() => null),
  }));
  return { values, summary: summarize(records, models, records.length) };
}

describe('ranking of a point', () => {
  // The first replicate: TSTR orders like TRTR; replicate 2: models 0 and 1 swap.
  const p = point(
    { bias: 0 },
    [
      [1, 2, 3],
      [1, 2, 3],
    ],
    [
      [1.1, 2.1, 3.1],
      [2.2, 2.1, 3.1],
    ],
  );

  it('averages C_jk over pairs', () => {
    // C_01 = 1/2, C_02 = 1, C_12 = 1.
    expect(meanPairwiseConsistency(p.summary)).toBeCloseTo(2.5 / 3, 12);
    expect(metricValue(p.summary, 'consistency')).toBeCloseTo(2.5 / 3, 12);
    expect(metricValue(p.summary, 'top1')).toBe(0.5);
    expect(metricValue(p.summary, 'tau')).toBeCloseTo(p.summary.ranking!.kendallTauB!.mean, 12);
  });

  it('is C_01 for two models, and undefined for one', () => {
    const two = point(
      { bias: 0 },
      [
        [1, 2],
        [1, 2],
      ],
      [
        [1, 2],
        [3, 2],
      ],
    );
    expect(meanPairwiseConsistency(two.summary)).toBe(0.5);
    expect(consistencyLabel(2)).toMatch(/P\(consistent ranking\)/);
    expect(consistencyLabel(4)).toMatch(/mean pairwise consistency .* 6 pairs/);
    const one = point({ bias: 0 }, [[1], [1]], [[2], [3]]);
    expect(meanPairwiseConsistency(one.summary)).toBeNull();
    expect(metricValue(one.summary, 'tau')).toBeNull();
  });
});

describe('1-D curves', () => {
  const points = [
    point(
      { shift: 2 },
      [
        [1, 2],
        [1, 2],
      ],
      [
        [1.5, 2.5],
        [1.7, 2.1],
      ],
    ),
    point(
      { shift: 0 },
      [
        [1, 2],
        [1, 2],
      ],
      [
        [1.1, 2],
        [1.1, 2.2],
      ],
    ),
    point({ shift: 1 }, [[1, 2]], [[3, 2]]),
  ];

  it('makes one row per point, ascending, with U, its band and the ranking', () => {
    const c = curveData(points, 'shift');
    expect(c.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3']);
    expect(c.rows.map((r) => r.x)).toEqual([0, 1, 2]);
    const at2 = c.rows[2]!;
    const u = points[0]!.summary.models[0]!.utility!;
    expect(at2.u0).toBe(u.value);
    expect(at2.ub0).toEqual([u.lo, u.hi]);
    expect(at2.u0).toBeCloseTo(0.6, 12);
    expect(at2.tau).toBe(points[0]!.summary.ranking!.kendallTauB!.mean);
    expect(at2.taub).toEqual([
      points[0]!.summary.ranking!.kendallTauB!.lo,
      points[0]!.summary.ranking!.kendallTauB!.hi,
    ]);
    expect(at2.cons).toBe(1);
    // One replicate: no bands.
    expect(c.rows[1]!.ub0).toBeNull();
    expect(c.rows[1]!.taub).toBeNull();
    expect(c.rows[1]!.cons).toBe(0);
    expect(c.ranking).toBe(true);
    // At shift 1 the single replicate orders the two models the other way round (τ = -1): the axis goes to -1.
    expect(c.rows[1]!.tau).toBe(-1);
    expect(rankingFloor(c)).toBe(-1);
    expect(rankingFloor({ ...c, rows: [c.rows[0]!, c.rows[2]!] })).toBe(0);
    expect(utilityMax(c)).toBeGreaterThanOrEqual(2);
  });

  it('gives a log axis decades and keeps zeros off it', () => {
    const c = curveData(points, 'shift');
    const log = logCurves(c);
    expect(log.floor).toBeLessThanOrEqual(
      Math.min(...log.rows.flatMap((r) => [r.u0, r.u1]).filter((v): v is number => typeof v === 'number')),
    );
    expect(log.ticks[0]).toBe(log.floor);
    expect(log.ticks[log.ticks.length - 1]!).toBeGreaterThanOrEqual(utilityMax(c));
    for (const row of log.rows) {
      for (const key of ['u0', 'u1']) expect(row[key] === null || (row[key] as number) > 0).toBe(true);
      for (const key of ['ub0', 'ub1']) {
        const band = row[key];
        if (Array.isArray(band)) expect(band[0]).toBeGreaterThanOrEqual(log.floor);
      }
    }
    expect(wantsLog(c)).toBe(false);
    const wide = [
      point({ shift: 0 }, [[1], [1]], [[1.001], [1.001]], MODELS.slice(0, 1)),
      point({ shift: 1 }, [[1], [1]], [[3], [3.5]], MODELS.slice(0, 1)),
    ];
    const w = curveData(wide, 'shift');
    expect(wantsLog(w)).toBe(true);
    expect(logCurves(w).floor).toBe(0.0001);
    expect(logCurves(w).ticks).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10]);
    expect(logCurves(w).ticks.map(formatDecade)).toEqual(['1e-4', '0.001', '0.01', '0.1', '1', '10']);
    expect(formatDecade(1e5)).toBe('1e5');
  });

  it('is empty before the first point', () => {
    const c = curveData([], 'shift');
    expect(c.rows).toEqual([]);
    expect(utilityMax(c)).toBe(0);
  });
});

describe('2-D phase diagram', () => {
  const setting: SweepSetting = {
    x: { param: 'bias', from: 1, to: 0, steps: 3 },
    y: { param: 'wQuadratic', from: 0, to: 2, steps: 2 },
  };

  it('places streamed points in their cells, ascending, the rest pending', () => {
    // Engine order: first axis (bias 1, 0.5, 0) outermost.
    const points = [
      point({ bias: 1, wQuadratic: 0 }, [[1, 2]], [[3, 2]]),
      point({ bias: 1, wQuadratic: 2 }, [[1, 2]], [[1, 2]]),
      point(
        { bias: 0.5, wQuadratic: 0 },
        [
          [1, 2],
          [1, 2],
        ],
        [
          [1, 2],
          [3, 2],
        ],
      ),
    ];
    const h = heatmapData(points, setting, 'consistency');
    expect(h.xs).toEqual([0, 0.5, 1]);
    expect(h.ys).toEqual([0, 2]);
    expect(h.cells).toHaveLength(6);
    expect(h.done).toBe(3);
    expect(h.models).toBe(2);
    const at = (x: number, y: number) => h.cells.find((c) => c.x === x && c.y === y)!;
    expect(at(1, 0)).toMatchObject({ col: 2, row: 0, state: 'done', value: 0 });
    expect(at(1, 2)).toMatchObject({ col: 2, row: 1, state: 'done', value: 1 });
    expect(at(0.5, 0)).toMatchObject({ state: 'done', value: 0.5 });
    expect(at(0, 0)).toMatchObject({ state: 'pending', value: null, point: null });
    expect(at(0, 2).state).toBe('pending');
    // Row-major from the lowest y.
    expect(h.cells.map((c) => [c.col, c.row])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('marks cells without a ranking as n/a', () => {
    const one = point({ bias: 0, wQuadratic: 0 }, [[1]], [[2]], MODELS.slice(0, 1));
    expect(heatmapData([one], setting, 'tau').cells[0]!.state).toBe('na');
  });

  it('match the engine’s own 2-D sweep cell for cell', async () => {
    const base: Scenario = {
      ...defaultScenario(),
      models: 'ols;poly:degree=2',
      replicates: 2,
      n: 40,
      m: 40,
      nTest: 1000,
    };
    const axes = [
      { param: 'bias', from: 0, to: 2, steps: 2 },
      { param: 'wQuadratic', from: 0, to: 1, steps: 2 },
    ] as const;
    const points = await runSweep(sweepPlans(base, axes));
    const h = heatmapData(points, { x: axes[0], y: axes[1] }, 'consistency');
    expect(h.done).toBe(4);
    for (const p of points) {
      const cell = h.cells.find((c) => c.x === p.values.bias && c.y === p.values.wQuadratic)!;
      expect(cell.point).toBe(p);
      expect(cell.value).toBe(p.summary.ranking!.consistency![0]![1]);
    }
  });
});

describe('axis labels', () => {
  it('thin out to fit, keeping both ends', () => {
    expect(labelIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndices(25, 5)).toEqual([0, 6, 12, 18, 24]);
    expect(labelIndices(25, 30)).toHaveLength(25);
    expect(labelIndices(10, 3)).toEqual([0, 5, 9]);
    expect(labelIndices(10, 1)).toEqual([0]);
    expect(labelIndices(1, 3)).toEqual([0]);
    expect(labelIndices(0, 3)).toEqual([]);
  });
});
