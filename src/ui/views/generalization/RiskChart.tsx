/**
 * Mean TRTR vs TSTR test risk per model over replicates (real colour = trained on real, synthetic colour =
 * trained on synthetic), with 95% intervals. A log scale is used when the risks span more than a factor of 30.
 */
import { memo, useMemo } from 'react';
import { Bar, BarChart, ErrorBar, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelSummary } from '../../../engine/results';
import { AXIS_STROKE, CartesianPlot, formatValue } from '../../charts/cartesian';
import { spansDecades } from '../../charts/scale';
import { CategoryTick, whiskers } from '../../charts/categoryTick';
import { textWidth } from '../../charts/text';
import { COLORS } from '../../palette';
import { formatTick, niceTicks } from '../../format';

interface TickProps {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly visibleTicksCount?: number;
  readonly payload?: { value?: unknown };
}

/** A model's name under its bars: level when it fits its band, else slanted and shortened. */
function ModelTick({ width = 0, visibleTicksCount = 1, ...rest }: TickProps) {
  const band = width / Math.max(1, visibleTicksCount);
  return <CategoryTick {...rest} slanted={textWidth(String(rest.payload?.value ?? ''), 12) > band - 6} />;
}

interface Props {
  readonly models: readonly ModelSummary[];
  readonly tsts: boolean;
}

const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };

export const RiskChart = memo(function RiskChart({ models, tsts }: Props) {
  const rows = useMemo(
    () =>
      models
        .filter((m) => m.trtr && m.tstr)
        .map((m) => ({
          label: m.label,
          trtr: m.trtr!.mean,
          tstr: m.tstr!.mean,
          trtrError: whiskers(m.trtr!),
          tstrError: whiskers(m.tstr!),
        })),
    [models],
  );
  const values = rows.flatMap((r) => [r.trtr, r.tstr]);
  const log = spansDecades(values);
  const top = Math.max(0, ...rows.flatMap((r) => [r.trtr + r.trtrError[1], r.tstr + r.tstrError[1]]));
  const ticks = log ? undefined : niceTicks(0, top || 1, 5);
  // Room for slanted names when many models (or long names) share the axis.
  const slanted = rows.length >= 5 || rows.some((r) => r.label.length > 14);
  // Room for the longest tick label ("1.50e+5" in grams squared): recharts cuts what does not fit on the left.
  const labels = ticks ?? [Math.min(...values), top];
  const axisWidth = Math.max(56, 16 + Math.max(0, ...labels.map((v) => textWidth(formatTick(v), 12))));

  return (
    <CartesianPlot chart={BarChart} data={rows} margin={MARGIN} grid={{ vertical: false }}>
      <XAxis
        dataKey="label"
        stroke={AXIS_STROKE}
        interval={0}
        tick={<ModelTick />}
        height={slanted ? 64 : 30}
      />
      <YAxis
        scale={log ? 'log' : 'linear'}
        domain={log || !ticks ? ['auto', 'auto'] : [0, ticks[ticks.length - 1]!]}
        ticks={ticks}
        allowDataOverflow={log}
        tickFormatter={formatTick}
        width={axisWidth}
        stroke={AXIS_STROKE}
        label={
          log
            ? { value: 'log scale', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }
            : undefined
        }
      />
      <Tooltip isAnimationActive={false} formatter={formatValue} />
      <Legend />
      <Bar dataKey="trtr" name="TRTR (train real)" fill={COLORS.real} isAnimationActive={false}>
        <ErrorBar dataKey="trtrError" stroke="var(--fg)" width={6} />
      </Bar>
      <Bar
        dataKey="tstr"
        name={tsts ? 'TSTS (train and test synthetic)' : 'TSTR (train synthetic)'}
        fill={COLORS.synthetic}
        isAnimationActive={false}
      >
        <ErrorBar dataKey="tstrError" stroke="var(--fg)" width={6} />
      </Bar>
    </CartesianPlot>
  );
});
