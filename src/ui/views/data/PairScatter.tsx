/** p > 2: real and synthetic points of the first replicate on a chosen pair of features (x_i, x_j). */
import { memo, useMemo } from 'react';
import { ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SampleView } from '../../../engine/results';
import { AXIS_STROKE, CartesianPlot, formatValue } from '../../charts/cartesian';
import { sampleScatters } from '../../charts/samples';
import { centralRange } from '../../charts/scale';
import { formatTick, niceTicks } from '../../format';

const MARGIN = { top: 8, right: 12, bottom: 18, left: 4 };

interface Props {
  readonly real: SampleView;
  readonly synthetic: SampleView;
  /** Zero-based feature indices on the x and y axes. */
  readonly pair: readonly [number, number];
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** x₁, x₁₀: the name of feature j (zero-based). */
export function featureName(j: number): string {
  return `x${[...String(j + 1)].map((d) => SUBSCRIPTS[Number(d)]).join('')}`;
}

function points(sample: SampleView, [i, j]: readonly [number, number]): { x: number; y: number }[] {
  const a = sample.columns[i] ?? [];
  const b = sample.columns[j] ?? [];
  return a.map((x, k) => ({ x, y: b[k]! }));
}

/** Ticks over the central 99% of both samples' values on one feature (outliers may leave the frame). */
function ticksOf(values: number[]): number[] {
  const range = centralRange(values.filter(Number.isFinite));
  return range ? niceTicks(range[0], range[1], 5) : [-1, 0, 1];
}

export const PairScatter = memo(function PairScatter({ real, synthetic, pair }: Props) {
  const data = useMemo(() => {
    const r = points(real, pair);
    const s = points(synthetic, pair);
    const all = [...r, ...s];
    return { real: r, synthetic: s, x: ticksOf(all.map((p) => p.x)), y: ticksOf(all.map((p) => p.y)) };
  }, [real, synthetic, pair]);
  const domain = (t: number[]): [number, number] => [t[0]!, t[t.length - 1]!];
  return (
    <CartesianPlot chart={ScatterChart} margin={MARGIN}>
      <XAxis
        type="number"
        dataKey="x"
        name={featureName(pair[0])}
        domain={domain(data.x)}
        ticks={data.x}
        allowDataOverflow
        tickFormatter={formatTick}
        stroke={AXIS_STROKE}
        label={{ value: featureName(pair[0]), position: 'insideBottom', offset: -12, fill: 'var(--fg)' }}
      />
      <YAxis
        type="number"
        dataKey="y"
        name={featureName(pair[1])}
        domain={domain(data.y)}
        ticks={data.y}
        allowDataOverflow
        tickFormatter={formatTick}
        width={48}
        stroke={AXIS_STROKE}
        label={{
          value: featureName(pair[1]),
          angle: -90,
          position: 'insideLeft',
          offset: 10,
          fill: 'var(--fg)',
        }}
      />
      <Tooltip isAnimationActive={false} formatter={formatValue} />
      {sampleScatters(data.real, data.synthetic)}
    </CartesianPlot>
  );
});
