/** p > 2: real and synthetic points of replicate 1 on a chosen pair of features (x_i, x_j). */
import { memo, useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SampleView } from '../../../engine/results';
import { formatNumber, formatTick, niceTicks } from '../../format';
import { COLORS } from '../../palette';

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
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [-1, 0, 1];
  return niceTicks(
    sorted[Math.floor(0.005 * (sorted.length - 1))]!,
    sorted[Math.ceil(0.995 * (sorted.length - 1))]!,
    5,
  );
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
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 8, right: 12, bottom: 18, left: 4 }}>
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          type="number"
          dataKey="x"
          name={featureName(pair[0])}
          domain={domain(data.x)}
          ticks={data.x}
          allowDataOverflow
          tickFormatter={formatTick}
          stroke="var(--muted)"
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
          stroke="var(--muted)"
          label={{
            value: featureName(pair[1]),
            angle: -90,
            position: 'insideLeft',
            offset: 10,
            fill: 'var(--fg)',
          }}
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
        />
        <Scatter
          name="real"
          data={data.real}
          fill={COLORS.real}
          fillOpacity={0.55}
          isAnimationActive={false}
          shape="circle"
        />
        <Scatter
          name="synthetic"
          data={data.synthetic}
          fill={COLORS.synthetic}
          fillOpacity={0.65}
          isAnimationActive={false}
          shape="triangle"
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
});
