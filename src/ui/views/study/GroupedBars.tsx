/**
 * Grouped bars with 95% whiskers: one group per model (or candidate), one bar per series (TRTR, TSTR, TMTR, a
 * member's TSTR, a validation risk), each a mean over replicates. A series without a mean in a group leaves a
 * gap; a mean without an interval (one replicate) has no whisker. A log axis when the means span decades.
 */
import { memo, useMemo, useRef } from 'react';
import { Bar, BarChart, ErrorBar, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { MeanInterval } from '../../../engine/metrics/intervals';
import { AXIS_STROKE, AXIS_TITLE, CartesianPlot } from '../../charts/cartesian';
import { spansDecades } from '../../charts/scale';
import { CategoryTick, whiskers } from '../../charts/categoryTick';
import { textWidth } from '../../charts/text';
import { formatInterval, formatNumber, formatTick, niceTicks } from '../../format';
import { useElementWidth } from '../../useElementWidth';
import { legendText } from './legend';

export interface BarSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
}

export interface BarGroup {
  readonly id: string;
  readonly label: string;
  readonly values: Readonly<Record<string, MeanInterval | null>>;
}

const MARGIN = { top: 8, right: 12, bottom: 4, left: 4 };

type Row = Record<string, string | number | [number, number] | null>;

/** Tooltip numbers: the mean, and the interval when there is one. */
function tooltipOf(groups: readonly BarGroup[]) {
  return (value: unknown, _name: unknown, item: { dataKey?: unknown; payload?: { id?: string } }) => {
    const group = groups.find((g) => g.id === item.payload?.id);
    const e = group?.values[String(item.dataKey)] ?? null;
    if (!e) return formatNumber(typeof value === 'number' ? value : null);
    return e.hasInterval
      ? `${formatNumber(e.mean)} (95% CI ${formatInterval(e.lo, e.hi)})`
      : `${formatNumber(e.mean)} (one replicate)`;
  };
}

export const GroupedBars = memo(function GroupedBars({
  groups,
  series,
  yLabel,
}: {
  groups: readonly BarGroup[];
  series: readonly BarSeries[];
  yLabel: string;
}) {
  const rows = useMemo(
    () =>
      groups.map((g) => {
        const row: Row = { id: g.id, label: g.label };
        for (const s of series) {
          const e = g.values[s.key] ?? null;
          row[s.key] = e ? e.mean : null;
          row[`${s.key}Error`] = whiskers(e);
        }
        return row;
      }),
    [groups, series],
  );
  const estimates = groups.flatMap((g) => series.map((s) => g.values[s.key] ?? null)).filter((e) => e);
  const means = estimates.map((e) => e!.mean);
  const log = spansDecades(means);
  const top = Math.max(0, ...estimates.map((e) => (e!.hasInterval ? e!.hi : e!.mean)));
  const ticks = log ? undefined : niceTicks(0, top > 0 ? top : 1, 5);
  const labels = ticks ?? [Math.min(...means), top];
  // Room for the tick labels and the axis title beside them.
  const axisWidth = Math.max(56, 16 + Math.max(0, ...labels.map((v) => textWidth(formatTick(v), 12)))) + 14;
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const band = (width - axisWidth - MARGIN.left - MARGIN.right) / Math.max(1, groups.length);
  const longest = Math.max(0, ...groups.map((g) => textWidth(g.label, 12)));
  // One name that does not fit its band slants them all, so they read alike.
  const slanted = width > 0 && longest > band - 6;
  return (
    <div className="chart study-chart" ref={box}>
      <CartesianPlot chart={BarChart} data={rows} margin={MARGIN} grid={{ vertical: false }}>
        <XAxis
          dataKey="label"
          stroke={AXIS_STROKE}
          interval={0}
          tick={<CategoryTick slanted={slanted} />}
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
          label={{
            value: log ? `${yLabel} (log scale)` : yLabel,
            angle: -90,
            position: 'insideLeft',
            ...AXIS_TITLE,
          }}
        />
        <Tooltip isAnimationActive={false} formatter={tooltipOf(groups)} />
        <Legend
          verticalAlign="top"
          itemSorter={null}
          wrapperStyle={{ fontSize: 12, paddingBottom: 4 }}
          formatter={legendText}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false}>
            <ErrorBar dataKey={`${s.key}Error`} stroke="var(--fg)" width={5} isAnimationActive={false} />
          </Bar>
        ))}
      </CartesianPlot>
    </div>
  );
});
