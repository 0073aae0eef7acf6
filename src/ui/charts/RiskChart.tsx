/**
 * TRTR vs TSTR test risk per model (real colour = trained on real, synthetic colour = trained on synthetic), with
 * each estimate's 95% interval. A log scale is used when the risks span more than a factor of 30.
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
import { isFailure, type ModelOutcome, type ModelResult } from '../../engine/results';
import { COLORS } from '../palette';
import { formatNumber, formatTick, niceTicks } from '../format';

interface Props {
  readonly models: readonly ModelOutcome[];
}

export const RiskChart = memo(function RiskChart({ models }: Props) {
  const rows = useMemo(
    () =>
      models
        .filter((m): m is ModelResult => !isFailure(m))
        .map((m) => ({
          label: m.label,
          trtr: m.trtr.mean,
          tstr: m.tstr.mean,
          trtrError: [m.trtr.mean - m.trtr.lo, m.trtr.hi - m.trtr.mean],
          tstrError: [m.tstr.mean - m.tstr.lo, m.tstr.hi - m.tstr.mean],
        })),
    [models],
  );
  const values = rows.flatMap((r) => [r.trtr, r.tstr]);
  const positive = values.every((v) => v > 0);
  const log = positive && Math.max(...values) / Math.min(...values) > 30;
  const ticks = log
    ? undefined
    : niceTicks(0, Math.max(...rows.flatMap((r) => [r.trtr + r.trtrError[1]!, r.tstr + r.tstrError[1]!])), 5);

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
              ? {
                  value: 'MSE (log scale)',
                  angle: -90,
                  position: 'insideLeft',
                  fill: 'var(--muted)',
                  fontSize: 12,
                }
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
        <Bar dataKey="tstr" name="TSTR (train synthetic)" fill={COLORS.synthetic} isAnimationActive={false}>
          <ErrorBar dataKey="tstrError" stroke="var(--fg)" width={6} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});
