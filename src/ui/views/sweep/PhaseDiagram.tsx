/**
 * A 2-D sweep's result: the phase diagram, one cell per grid point coloured by how well TSTR ranks the models as
 * TRTR does: P(consistent ranking) = C_01 for two models, the mean pairwise consistency over pairs for more (or
 * Kendall τ_b, or top-1 agreement). Viridis ramp on a fixed domain with a colour bar; cells not run yet are
 * hatched; values are written in the cells when they fit; a ring marks the current scenario. Drawn as SVG rects
 * sized to the container, so exports find an <svg> and it stays sharp at any width.
 */
import { memo, useId, useMemo, useState, type ChangeEvent } from 'react';
import type { SweepPoint } from '../../../engine/sweep';
import type { SweepSetting } from '../../../scenario/page';
import type { Scenario } from '../../../scenario/schema';
import { ChartFrame } from '../../charts/ChartFrame';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { formatNumber, formatTick, niceTicks } from '../../format';
import { rampColor, textOn, viridis } from './color';
import { numberSpec } from './axes';
import {
  heatmapData,
  isRankMetric,
  labelIndices,
  metricDomain,
  metricLabel,
  metricsFor,
  type HeatCell,
  type HeatMetric,
} from './heatmap';
import { sweepStudy } from './studyRows';

interface Props {
  readonly points: readonly SweepPoint[];
  /** The sweep's setting; it has a second axis. */
  readonly setting: SweepSetting;
  readonly base: Scenario | null;
}

/** Short metric names (select options, cell details): the consistency's depends on the number of models. */
function metricName(metric: HeatMetric, models: number): string {
  if (metric === 'consistency')
    return models > 2 ? 'SRA (mean pairwise consistency C̄)' : 'P(consistent ranking)';
  if (metric === 'spread') return 'spread (last generation)';
  if (metric === 'regret') return 'regret (synthetic choice)';
  if (metric === 'gain') return 'gain TRTR − TMTR (first model)';
  return metric === 'tau' ? 'Kendall τ_b' : 'top-1 agreement';
}

/** A cell's value: two decimals for a ranking metric (in [-1, 1]), two significant digits for a study's. */
function cellText(value: number, metric: HeatMetric): string {
  return isRankMetric(metric) ? value.toFixed(2) : formatTick(Number(value.toPrecision(2)));
}

const FONT = 12;

/** Position of `v` in index space of ascending `values` (cell centres at 0, 1, …), or null outside. */
function indexPosition(values: readonly number[], v: number): number | null {
  if (values.length === 0) return null;
  if (values.length === 1) return Math.abs(v - values[0]!) < 1e-12 ? 0 : null;
  if (v < values[0]! || v > values[values.length - 1]!) return null;
  for (let i = 0; i < values.length - 1; i++) {
    const a = values[i]!;
    const b = values[i + 1]!;
    if (v >= a && v <= b) return b > a ? i + (v - a) / (b - a) : i;
  }
  return null;
}

function describeCell(
  cell: HeatCell,
  xName: string,
  yName: string,
  metric: HeatMetric,
  models: number,
): string {
  const where = `${xName} = ${formatTick(cell.x)}, ${yName} = ${formatTick(cell.y)}`;
  if (cell.state === 'pending') return `${where}: not run yet`;
  const s = cell.point!.summary;
  const parts = [
    `${metricName(metric, models)} ${cell.value === null ? 'n/a' : formatNumber(cell.value)}`,
    `${s.completed} replicates`,
  ];
  if (metric !== 'tau' && s.ranking?.kendallTauB)
    parts.push(`τ_b ${formatNumber(s.ranking.kendallTauB.mean)}`);
  const u = s.models.map((m) => `${m.label} ${formatNumber(m.utility?.value)}`).join(', ');
  return `${where}: ${parts.join(' · ')} · U: ${u}`;
}

export const PhaseDiagram = memo(function PhaseDiagram({ points, setting, base }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [chosen, setMetric] = useState<HeatMetric>('consistency');
  const metrics = metricsFor(sweepStudy(base, points));
  // A study metric the sweep no longer has (another study's sweep) falls back to the consistency.
  const metric = metrics.includes(chosen) ? chosen : 'consistency';
  const [hover, setHover] = useState<HeatCell | null>(null);
  const { box, width } = useChartBox();
  const heat = useMemo(() => heatmapData(points, setting, metric), [points, setting, metric]);
  const xSpec = numberSpec(setting.x.param);
  const ySpec = numberSpec(setting.y!.param);
  const domain = metricDomain(
    metric,
    heat.cells.map((c) => c.value),
  );
  const label = metricLabel(metric, heat.models, points[0]?.summary.models[0]?.label);
  const nx = heat.xs.length;
  const ny = heat.ys.length;

  const yLabels = heat.ys.map(formatTick);
  const yTickWidth = Math.max(...yLabels.map((t) => t.length), 1) * 7 + 8;
  const narrow = width < 520;
  const left = 22 + yTickWidth;
  const right = narrow ? 60 : 72;
  const top = 10;
  const bottom = 46;
  const pw = Math.max(60, width - left - right);
  const ph = Math.round(
    Math.min(narrow ? 300 : 400, Math.max(narrow ? 170 : 220, ny * (narrow ? 30 : 44), pw * 0.45)),
  );
  const cw = pw / Math.max(1, nx);
  const ch = ph / Math.max(1, ny);
  const gap = cw > 8 && ch > 8 ? 1 : 0;
  const showValues = cw >= 34 && ch >= 18;
  const height = top + ph + bottom;
  // The current scenario's ring: around the value written in its cell when it sits on one, else a small ring
  // at its place between the cells.
  const xShown = new Set(labelIndices(nx, Math.floor(pw / 46)));
  const yShown = new Set(labelIndices(ny, Math.floor(ph / 18)));
  const barX = left + pw + (narrow ? 10 : 16);
  const barW = 12;
  const barTicks =
    metric === 'tau'
      ? [-1, -0.5, 0, 0.5, 1]
      : isRankMetric(metric)
        ? [0, 0.25, 0.5, 0.75, 1]
        : niceTicks(domain[0], domain[1], 4).filter((t) => t >= domain[0] - 1e-12 && t <= domain[1] + 1e-12);
  const barY = (v: number) => top + ph - ((v - domain[0]) / (domain[1] - domain[0])) * ph;

  const at = (key: keyof Scenario, values: readonly number[]): number | null => {
    const v = base?.[key];
    return typeof v === 'number' ? indexPosition(values, v) : null;
  };
  const bx = at(setting.x.param, heat.xs);
  const by = at(setting.y!.param, heat.ys);
  const onCell =
    bx !== null &&
    by !== null &&
    Math.abs(bx - Math.round(bx)) < 1e-6 &&
    Math.abs(by - Math.round(by)) < 1e-6;
  const ring = showValues && onCell ? Math.max(7, Math.min(cw, ch) / 2 - 3) : 6;

  const pick = (event: ChangeEvent<HTMLSelectElement>) => setMetric(event.target.value as HeatMetric);
  const actions = (
    <label className="sweep-metric">
      <span className="visually-hidden">Colour by</span>
      <select value={metric} onChange={pick} data-testid="sweep-metric">
        {metrics.map((m) => (
          <option key={m} value={m}>
            {metricName(m, heat.models)}
          </option>
        ))}
      </select>
    </label>
  );

  const shown = hover ? (heat.cells.find((c) => c.col === hover.col && c.row === hover.row) ?? null) : null;

  return (
    <ChartFrame id="sweep-phase" title={`Phase diagram: ${label}`} actions={actions}>
      <SvgChart
        box={box}
        width={width}
        height={height}
        label={`Phase diagram of ${label} over ${xSpec.label} and ${ySpec.label}: ${heat.done} of ${nx * ny} cells computed.`}
        boxClass="sweep-heatmap"
        boxProps={{ 'data-testid': 'sweep-heatmap', 'data-done': heat.done }}
        draw={width > 0}
        fontFamily="system-ui, sans-serif"
        fontSize={FONT}
        onMouseLeave={() => setHover(null)}
      >
        <defs>
          <pattern
            id={`${uid}-pending`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="var(--card)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--border)" strokeWidth="2" />
          </pattern>
          <linearGradient id={`${uid}-ramp`} x1="0" y1="1" x2="0" y2="0">
            {Array.from({ length: 11 }, (_, i) => (
              <stop key={i} offset={i / 10} stopColor={viridis(i / 10)} />
            ))}
          </linearGradient>
        </defs>
        {heat.cells.map((cell) => {
          const x = left + cell.col * cw;
          const y = top + (ny - 1 - cell.row) * ch;
          const t = cell.value === null ? 0 : (cell.value - domain[0]) / (domain[1] - domain[0]);
          const fill =
            cell.state === 'pending'
              ? `url(#${uid}-pending)`
              : cell.state === 'na'
                ? 'var(--grid)'
                : rampColor(cell.value!, domain);
          return (
            <g
              key={`${cell.col}-${cell.row}`}
              onMouseEnter={() => setHover(cell)}
              onClick={() => setHover(cell)}
            >
              <rect
                x={x}
                y={y}
                width={Math.max(0.5, cw - gap)}
                height={Math.max(0.5, ch - gap)}
                fill={fill}
                data-testid="sweep-cell"
                data-state={cell.state}
                data-x={cell.x}
                data-y={cell.y}
                data-value={cell.value ?? ''}
              >
                <title>{describeCell(cell, xSpec.label, ySpec.label, metric, heat.models)}</title>
              </rect>
              {showValues && cell.state !== 'pending' && (
                <text
                  x={x + (cw - gap) / 2}
                  y={y + (ch - gap) / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fontSize={Math.min(FONT, cw / 3.4)}
                  fill={cell.state === 'na' ? 'var(--muted)' : textOn(t)}
                  pointerEvents="none"
                >
                  {cell.value === null ? 'n/a' : cellText(cell.value, metric)}
                </text>
              )}
            </g>
          );
        })}
        {shown && (
          <rect
            x={left + shown.col * cw}
            y={top + (ny - 1 - shown.row) * ch}
            width={Math.max(0.5, cw - gap)}
            height={Math.max(0.5, ch - gap)}
            fill="none"
            stroke="var(--fg)"
            strokeWidth={2}
            pointerEvents="none"
          />
        )}
        {bx !== null && by !== null && (
          <g pointerEvents="none" data-testid="sweep-base-marker">
            <circle
              cx={left + (bx + 0.5) * cw}
              cy={top + (ny - 1 - by + 0.5) * ch}
              r={ring}
              fill="none"
              stroke="#ffffff"
              strokeWidth={4}
            />
            <circle
              cx={left + (bx + 0.5) * cw}
              cy={top + (ny - 1 - by + 0.5) * ch}
              r={ring}
              fill="none"
              stroke="#000000"
              strokeWidth={2}
            />
          </g>
        )}
        {/* x axis */}
        {heat.xs.map((v, i) =>
          xShown.has(i) ? (
            <text
              key={`x${i}`}
              x={left + (i + 0.5) * cw}
              y={top + ph + 15}
              textAnchor="middle"
              fill="var(--muted)"
            >
              {formatTick(v)}
            </text>
          ) : null,
        )}
        <text x={left + pw / 2} y={top + ph + 38} textAnchor="middle" fill="var(--fg)">
          {xSpec.label} →
        </text>
        {/* y axis */}
        {heat.ys.map((v, i) =>
          yShown.has(i) ? (
            <text
              key={`y${i}`}
              x={left - 6}
              y={top + (ny - 1 - i + 0.5) * ch}
              textAnchor="end"
              dominantBaseline="central"
              fill="var(--muted)"
            >
              {yLabels[i]}
            </text>
          ) : null,
        )}
        <text
          transform={`translate(12 ${top + ph / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="central"
          fill="var(--fg)"
        >
          {ySpec.label} →
        </text>
        {/* colour bar */}
        <rect x={barX} y={top} width={barW} height={ph} fill={`url(#${uid}-ramp)`} stroke="var(--border)" />
        {barTicks.map((v) => (
          <g key={`bar${v}`}>
            <line x1={barX + barW} x2={barX + barW + 4} y1={barY(v)} y2={barY(v)} stroke="var(--muted)" />
            <text
              x={barX + barW + 6}
              y={barY(v)}
              dominantBaseline="central"
              fill="var(--muted)"
              fontSize={11}
            >
              {formatTick(v)}
            </text>
          </g>
        ))}
      </SvgChart>
      {heat.done > 0 && heat.models < 2 && isRankMetric(metric) && (
        <p className="sweep-note">
          The ranking agreement needs at least two models: add a model to draw the phase diagram.
        </p>
      )}
      <p className="sweep-cell-info" aria-live="polite" data-testid="sweep-cell-info">
        {shown
          ? describeCell(shown, xSpec.label, ySpec.label, metric, heat.models)
          : `${heat.done} of ${nx * ny} cells computed. Hover or tap a cell for its numbers.`}
      </p>
      <p className="legend-note">
        Colour: {label}
        {metric === 'consistency'
          ? ' (fraction of replicates in which TSTR orders a pair of models as TRTR does; 1 = always, 0.5 = a coin flip)'
          : isRankMetric(metric)
            ? ''
            : `, a mean over replicates (its 95% interval in the numbers below); the colour scale spans ${formatTick(domain[0])} to ${formatTick(domain[1])}`}
        . Hatched: not run yet. Every cell uses the same seed (common random numbers).
        {bx !== null && by !== null ? ' The ring marks the current scenario.' : ''}
      </p>
    </ChartFrame>
  );
});
