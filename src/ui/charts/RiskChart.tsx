/**
 * Mean TRTR vs TSTR test risk per model over replicates (real colour = trained on real, synthetic colour =
 * trained on synthetic), with 95% intervals. A log scale is used when the risks span more than a factor of 30.
 */
import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MeanInterval } from '../../engine/metrics/intervals';
import type { ModelSummary } from '../../engine/results';
import { COLORS } from '../palette';
import { formatNumber, formatTick, niceTicks } from '../format';

interface Props {
  readonly models: readonly ModelSummary[];
  readonly tsts: boolean;
}

function errorOf(e: MeanInterval): [number, number] {
  return e.hasInterval ? [e.mean - e.lo, e.hi - e.mean] : [0, 0];
}

export const RiskChart = memo(function RiskChart({ models, tsts }: Props) {
  const rows = useMemo(
    () =>
      models
        .filter((m) => m.trtr && m.tstr)
        .map((m) => ({
          label: m.label,
          trtr: m.trtr!.mean,
          tstr: m.tstr!.mean,
          trtrError: errorOf(m.trtr!),
          tstrError: errorOf(m.tstr!),
        })),
    [models],
  );
  const values = rows.flatMap((r) => [r.trtr, r.tstr]);
  const positive = values.length > 0 && values.every((v) => v > 0);
  const log = positive && Math.max(...values) / Math.min(...values) > 30;
  const top = Math.max(0, ...rows.flatMap((r) => [r.trtr + r.trtrError[1], r.tstr + r.tstrError[1]]));
  const ticks = log ? undefined : niceTicks(0, top || 1, 5);

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="var(--grid)" vertical={false} />
        <XAxis dataKey="label" stroke="var(--muted)" interval={0} />
        <YAxis
          scale={log ? 'log' : 'linear'}
          domain={log || !ticks ? ['auto', 'auto'] : [0, ticks[ticks.length - 1]!]}
          ticks={ticks}
          allowDataOverflow={log}
          tickFormatter={formatTick}
          width={56}
          stroke="var(--muted)"
          label={
            log
              ? { value: 'log scale', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }
              : undefined
          }
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
        />
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
      </BarChart>
    </ResponsiveContainer>
  );
});
