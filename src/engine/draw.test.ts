/** Drawing a replicate from a fixed table: a seeded split into training and test rows, checked before use. */
import { describe, expect, it } from 'vitest';
import { drawReplicate } from './draw';
import type { ExperimentPlan, TableSource } from './plan';

function tablePlan(y: number[], overrides: Partial<ExperimentPlan> = {}): ExperimentPlan {
  const rows = y.length;
  const source: TableSource = {
    kind: 'table',
    name: 'a test table',
    rows: { x: { rows, cols: 1, data: Float64Array.from(y, (_, i) => i) }, y: Float64Array.from(y) },
    fitted: { kind: 'gaussian', components: 1, neighbors: 3 },
  };
  return {
    task: 'regression',
    source,
    n: 6,
    m: 5,
    nTest: 4,
    replicates: 2,
    seed: 3,
    tstrOn: 'real',
    models: ['ols'],
    ...overrides,
  };
}

describe('a table source', () => {
  it('splits its rows into disjoint training and test rows, a different split per replicate', () => {
    const plan = tablePlan(Array.from({ length: 10 }, (_, i) => 2 * i));
    const a = drawReplicate(plan, 0);
    const b = drawReplicate(plan, 1);
    const ids = (s: { x: { data: Float64Array } }) => Array.from(s.x.data);
    expect([...ids(a.real), ...ids(a.test)].sort((u, v) => u - v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(a.real.y)).toEqual(ids(a.real).map((i) => 2 * i)); // rows keep their responses
    expect(ids(a.real)).not.toEqual(ids(b.real));
    expect(a.synthetic.x.rows).toBe(5);
    expect(a.syntheticTest).toBe(a.test);
    expect(drawReplicate(plan, 0)).toEqual(a);
  });

  it('a TSTS plan draws a synthetic hold-out of the test size from the same fitted generator', () => {
    const plan = tablePlan(
      Array.from({ length: 10 }, (_, i) => i % 3),
      { tstrOn: 'synthetic' },
    );
    const { syntheticTest, test } = drawReplicate(plan, 0);
    expect(syntheticTest).not.toBe(test);
    expect(syntheticTest.x.rows).toBe(4);
  });

  it('says plainly when the table is too small for the split or labels are not 0/1', () => {
    expect(() => drawReplicate(tablePlan([1, 2, 3, 4, 5, 6, 7, 8, 9]), 0)).toThrow(
      'a test table has 9 rows: too few for 6 training and 4 test rows',
    );
    const labels = tablePlan([0, 1, 2, 0, 1, 0, 1, 0, 1, 0], { task: 'classification' });
    expect(() => drawReplicate(labels, 0)).toThrow('a test table: classification needs labels 0 and 1');
  });
});
