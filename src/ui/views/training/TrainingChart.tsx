/**
 * Training loss against epoch for every MLP of the first replicate: trained on real data solid, on synthetic data dashed,
 * in the model's colour; log scale when the losses span more than a factor of 30. Grows while the nets train.
 */
import { memo, useMemo } from 'react';
import { Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrainingCurve } from '../../../engine/results';
import { AXIS_STROKE, AXIS_TITLE, CartesianPlot } from '../../charts/cartesian';
import { formatNumber, formatTick, niceTicks } from '../../format';
import { lineKey, mergeRows, SIDES, yScaleOf } from './curves';

const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };

interface Props {
  readonly curves: readonly TrainingCurve[];
  /** Colour of each curve's model (by its place in the model list). */
  readonly colors: readonly string[];
  /** Regression: the real data's noise variance sigma^2, the training MSE a net cannot beat without overfitting. */
  readonly noiseFloor: number | null;
  readonly lossName: string;
}

export const TrainingChart = memo(function TrainingChart({ curves, colors, noiseFloor, lossName }: Props) {
  const { rows, y, xTicks } = useMemo(() => {
    const losses = curves.flatMap((c) => SIDES.flatMap((s) => c[s].map((q) => q.loss)));
    const maxEpochs = Math.max(1, ...curves.map((c) => c.epochs));
    return {
      rows: mergeRows(curves),
      y: yScaleOf(losses, noiseFloor !== null && noiseFloor > 0 ? [noiseFloor] : []),
      xTicks: niceTicks(0, maxEpochs, 5),
    };
  }, [curves, noiseFloor]);
  const names = useMemo(
    () =>
      Object.fromEntries(
        curves.flatMap((c, i) => SIDES.map((s) => [lineKey(i, s), `${c.label}, trained on ${s}`])),
      ),
    [curves],
  );

  return (
    <CartesianPlot chart={LineChart} data={rows} margin={MARGIN}>
      <XAxis
        type="number"
        dataKey="epoch"
        domain={[0, xTicks[xTicks.length - 1]!]}
        ticks={xTicks}
        allowDataOverflow
        tickFormatter={formatTick}
        stroke={AXIS_STROKE}
        label={{ value: 'epoch', position: 'insideBottom', offset: -12, ...AXIS_TITLE }}
      />
      <YAxis
        type="number"
        scale={y.log ? 'log' : 'linear'}
        domain={y.domain}
        ticks={y.ticks}
        allowDataOverflow
        tickFormatter={formatTick}
        width={52}
        stroke={AXIS_STROKE}
        label={{
          value: `${lossName}${y.log ? ' (log)' : ''}`,
          angle: -90,
          position: 'insideLeft',
          offset: 8,
          ...AXIS_TITLE,
          style: { textAnchor: 'middle' },
        }}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(epoch) => `epoch ${String(epoch)}`}
        formatter={(v, key) => [
          typeof v === 'number' ? formatNumber(v) : String(v),
          names[String(key)] ?? key,
        ]}
        contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', fontSize: 12 }}
      />
      {noiseFloor !== null && noiseFloor > 0 && (
        <ReferenceLine
          y={noiseFloor}
          stroke="var(--muted)"
          strokeDasharray="2 4"
          ifOverflow="extendDomain"
          label={{ value: 'σ² (noise)', position: 'insideBottomLeft', fill: 'var(--muted)', fontSize: 11 }}
        />
      )}
      {curves.flatMap((_, i) =>
        SIDES.map((side) => (
          <Line
            key={lineKey(i, side)}
            className={`training-line ${side}`}
            type="monotone"
            dataKey={lineKey(i, side)}
            name={names[lineKey(i, side)]}
            stroke={colors[i]}
            strokeWidth={2}
            strokeDasharray={side === 'synthetic' ? '6 4' : undefined}
            dot={false}
            activeDot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        )),
      )}
    </CartesianPlot>
  );
});
