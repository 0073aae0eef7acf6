/**
 * The data: real and synthetic points, the true eta (and eta~ when the responses are biased), and every model's
 * fitted curve: trained on real data solid, trained on synthetic data dashed.
 */
import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SceneVisual } from '../../engine/results';
import { niceTicks } from '../format';
import { COLORS, modelColorAt } from '../palette';

/** Trained on real data: solid; trained on synthetic data: dashed. */
const FITS = [
  { key: 'real', dash: undefined },
  { key: 'synthetic', dash: '6 4' },
] as const;

interface Props {
  readonly visual: SceneVisual;
  readonly labels: Readonly<Record<string, string>>;
}

function zip(x: readonly number[], y: readonly number[]): { x: number; y: number }[] {
  return x.map((v, i) => ({ x: v, y: y[i]! }));
}

/** y ticks from the points (not the curves: an extrapolating fit must not squash the picture). */
function yTicks(visual: SceneVisual): number[] {
  const ys = [...visual.real.y, ...visual.synthetic.y, ...(visual.eta ?? [])].sort((a, b) => a - b);
  return niceTicks(ys[Math.floor(0.005 * (ys.length - 1))]!, ys[Math.ceil(0.995 * (ys.length - 1))]!);
}

export const SceneChart = memo(function SceneChart({ visual, labels }: Props) {
  const data = useMemo(() => {
    const grid = visual.grid ?? [];
    const curve = (y: readonly number[] | null) => (y ? zip(grid, y) : []);
    const xs = [...visual.real.x, ...visual.synthetic.x].sort((a, b) => a - b);
    return {
      real: zip(visual.real.x, visual.real.y),
      synthetic: zip(visual.synthetic.x, visual.synthetic.y),
      eta: curve(visual.eta),
      etaSynthetic:
        visual.etaSynthetic && visual.etaSynthetic.some((v, i) => v !== visual.eta?.[i])
          ? curve(visual.etaSynthetic)
          : null,
      models: visual.curves.map((m) => ({
        id: m.id,
        label: labels[m.id] ?? m.id,
        real: curve(m.real),
        synthetic: curve(m.synthetic),
      })),
      yTicks: yTicks(visual),
      xTicks:
        grid.length > 0
          ? niceTicks(grid[0]!, grid[grid.length - 1]!)
          : niceTicks(xs[0] ?? -1, xs[xs.length - 1] ?? 1),
    };
  }, [visual, labels]);
  const domain = (ticks: number[]): [number, number] => [ticks[0]!, ticks[ticks.length - 1]!];

  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" />
        <XAxis
          type="number"
          dataKey="x"
          domain={domain(data.xTicks)}
          ticks={data.xTicks}
          allowDataOverflow
          stroke="var(--muted)"
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={domain(data.yTicks)}
          ticks={data.yTicks}
          allowDataOverflow
          width={44}
          stroke="var(--muted)"
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))}
          labelFormatter={() => ''}
        />
        <Scatter
          name="real"
          data={data.real}
          fill={COLORS.real}
          fillOpacity={0.55}
          isAnimationActive={false}
          shape="circle"
          legendType="circle"
        />
        <Scatter
          name="synthetic"
          data={data.synthetic}
          fill={COLORS.synthetic}
          fillOpacity={0.65}
          isAnimationActive={false}
          shape="triangle"
        />
        {data.eta.length > 0 && (
          <Line
            name="η (true)"
            data={data.eta}
            dataKey="y"
            stroke={COLORS.eta}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        )}
        {data.etaSynthetic && (
          <Line
            name="η̃ (synthetic)"
            data={data.etaSynthetic}
            dataKey="y"
            stroke={COLORS.eta}
            strokeDasharray="2 4"
            dot={false}
            isAnimationActive={false}
          />
        )}
        {data.models.flatMap((m, index) =>
          FITS.map((fit) => (
            <Line
              key={`${m.id}-${fit.key}`}
              name={`${m.label}, ${fit.key}-trained`}
              data={m[fit.key]}
              dataKey="y"
              stroke={modelColorAt(index)}
              strokeWidth={2}
              strokeDasharray={fit.dash}
              dot={false}
              isAnimationActive={false}
            />
          )),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
});
