/**
 * The data: real and synthetic points, the true eta (and eta~ when the responses are biased), and every model's
 * fitted curve: trained on real data solid, trained on synthetic data dashed.
 */
import { memo, useMemo } from 'react';
import { ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { SceneVisual } from '../../../engine/results';
import { AXIS_STROKE, CartesianPlot } from '../../charts/cartesian';
import { sampleScatters } from '../../charts/samples';
import { centralRange } from '../../charts/scale';
import { niceTicks } from '../../format';
import { COLORS, modelColorAt } from '../../palette';

/** Trained on real data: solid; trained on synthetic data: dashed. */
const FITS = [
  { key: 'real', dash: undefined },
  { key: 'synthetic', dash: '6 4' },
] as const;

const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };

interface Props {
  readonly visual: SceneVisual;
  readonly labels: Readonly<Record<string, string>>;
}

function zip(x: readonly number[], y: readonly number[]): { x: number; y: number }[] {
  return x.map((v, i) => ({ x: v, y: y[i]! }));
}

/** y ticks from the points (not the curves: an extrapolating fit must not squash the picture). */
function yTicks(visual: SceneVisual): number[] {
  const range = centralRange([...visual.real.y, ...visual.synthetic.y, ...(visual.eta ?? [])]);
  return range ? niceTicks(...range) : [0, 1];
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
    <CartesianPlot chart={ComposedChart} margin={MARGIN}>
      <XAxis
        type="number"
        dataKey="x"
        domain={domain(data.xTicks)}
        ticks={data.xTicks}
        allowDataOverflow
        stroke={AXIS_STROKE}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={domain(data.yTicks)}
        ticks={data.yTicks}
        allowDataOverflow
        width={44}
        stroke={AXIS_STROKE}
      />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))}
        labelFormatter={() => ''}
      />
      {sampleScatters(data.real, data.synthetic)}
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
    </CartesianPlot>
  );
});
