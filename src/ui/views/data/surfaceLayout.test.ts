import { describe, expect, it } from 'vitest';
import type { SampleView, SurfaceGrid } from '../../../engine/results';
import { colorScaleOf, layoutFor, SIDE_BY_SIDE_MIN_WIDTH } from './surfaceLayout';

const sample = (y: number[]): SampleView => ({ x: y.map(() => 0), y, total: y.length, columns: [] });
const surface = (eta: number[]): SurfaceGrid => ({ x1: [0], x2: [0], eta, etaSynthetic: null, models: [] });

describe('the p = 2 picture`s layout', () => {
  it('fits three panels side by side from SIDE_BY_SIDE_MIN_WIDTH, inside the width, without overlap', () => {
    for (const width of [SIDE_BY_SIDE_MIN_WIDTH, 900, 1280]) {
      const { panels, height } = layoutFor(width, 3);
      expect(panels).toHaveLength(3);
      for (let k = 1; k < 3; k++)
        expect(panels[k]!.x).toBeGreaterThan(panels[k - 1]!.x + panels[k - 1]!.size);
      expect(panels[2]!.x + panels[2]!.size).toBeLessThanOrEqual(width);
      expect(height).toBeGreaterThan(panels[0]!.size);
    }
  });

  it('one panel on a phone fills the width, with no room for a legend beside the bar', () => {
    const { panels, legend } = layoutFor(358, 1);
    expect(panels[0]!.x + panels[0]!.size).toBeLessThanOrEqual(358);
    expect(panels[0]!.size).toBeGreaterThan(250);
    expect(legend).toBeNull();
  });

  it('colours regression by the central 98% of the values shown, classification on [0, 1]', () => {
    const values = Array.from({ length: 101 }, (_, i) => i / 10); // 0 … 10
    const scale = colorScaleOf({
      surface: surface([...values, 1000]), // one outlier does not stretch the scale
      real: sample(values),
      synthetic: sample(values),
      task: 'regression',
    });
    expect(scale.lo).toBeLessThanOrEqual(0.1);
    expect(scale.hi).toBeGreaterThanOrEqual(9.9);
    expect(scale.hi).toBeLessThan(20);
    const labels = colorScaleOf({
      surface: surface([0.2]),
      real: sample([0]),
      synthetic: sample([1]),
      task: 'classification',
    });
    expect([labels.lo, labels.hi]).toEqual([0, 1]);
  });
});
