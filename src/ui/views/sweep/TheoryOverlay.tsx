/**
 * The theory overlay's own parts (docs/theory.md §6.8): the OLS model's Monte Carlo TRTR and TSTR along the sweep
 * with the closed-form E TRTR and E TSTR (or their limits) under them, the line that draws a closed form on a
 * recharts chart, and the note that says what the line is and where it is missing.
 */
import { cloneElement, type ReactElement } from 'react';
import { ComposedChart, Legend, Line, Tooltip, YAxis } from 'recharts';
import type { SweepPoint } from '../../../engine/sweep';
import type { Scenario } from '../../../scenario/schema';
import { AXIS_STROKE, AXIS_TITLE, band, CartesianPlot } from '../../charts/cartesian';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatTick, niceTicks } from '../../format';
import { COLORS } from '../../palette';
import { riskRange, riskRows, withOverlayRows, type ChartOverlay, type TheoryKey } from './overlay';
import { LEGEND_STYLE, legendText, MARGIN, tooltipValue } from './chartParts';

/**
 * A closed-form curve (rows from withOverlayRows): thin, under the Monte Carlo series (draw it first), solid when
 * exact and dashed for a limit, without dots (the dots are the Monte Carlo means), broken where it does not hold.
 */
export function theoryLine(
  dataKey: TheoryKey,
  name: string,
  stroke: string,
  kind: ChartOverlay['kind'],
): ReactElement {
  return (
    <Line
      key={dataKey}
      className="sweep-theory-line"
      dataKey={dataKey}
      name={name}
      stroke={stroke}
      strokeWidth={1.5}
      strokeDasharray={kind === 'limit' ? '7 4' : undefined}
      dot={false}
      activeDot={false}
      isAnimationActive={false}
    />
  );
}

/**
 * A Monte Carlo mean's band on rows that also hold the curve's points: it joins across them (they have no
 * Monte Carlo value) instead of breaking there. Without a curve (`join` false) it is the kit's band as it is.
 */
export function joinedBand(
  dataKey: string,
  name: string,
  fill: string,
  opacity: number,
  join = true,
): ReactElement {
  if (!join) return band(dataKey, name, fill, opacity);
  const area = band(dataKey, name, fill, opacity) as ReactElement<{ connectNulls?: boolean }>;
  return cloneElement(area, { connectNulls: true });
}

/** What the curve is, and where it is not drawn. */
export function TheoryNote({ overlay }: { overlay: ChartOverlay }) {
  const name = overlay.model.label;
  return (
    <p className="sweep-note" data-testid="sweep-theory" data-kind={overlay.kind}>
      {overlay.kind === 'exact'
        ? `Thin line: ${name}'s exact U = |E TSTR − E TRTR| at the sweep's n and m (closed form, docs/theory.md §6.1, §6.8); the dots are Monte Carlo means. Where U is near 0, Û = |mean gap| sits above it on average: the band is what should cover it.`
        : `Dashed line: the limit of ${name}'s U as n, m → ∞ (closed form, docs/theory.md §6.2), not U at the sweep's n and m: η has a quadratic part, so OLS is misspecified and its finite-sample risks have no closed form here.`}
      {overlay.notes.length > 0 && ` Not drawn where it does not hold: ${overlay.notes.join('; ')}.`}
    </p>
  );
}

interface RiskProps {
  readonly points: readonly SweepPoint[];
  readonly param: keyof Scenario;
  readonly overlay: ChartOverlay;
  readonly label: string;
  /** The sweep's x axis, shared with the U chart. */
  readonly xAxis: ReactElement;
}

/** The OLS model's TRTR and TSTR along the sweep (means, 95% bands) on the closed-form E TRTR and E TSTR. */
export function RiskCurves({ points, param, overlay, label, xAxis }: RiskProps) {
  const risks = riskRows(points, param, overlay);
  const rows = withOverlayRows(risks, overlay.rows, ['trtr', 'tstr']);
  const [lo, hi] = riskRange(risks, overlay);
  const ticks = niceTicks(lo, hi, 5);
  // 'E TRTR exact (closed form)', or 'TRTR limit (n, m → ∞)'.
  const what = overlay.kind === 'exact' ? 'E ' : '';
  return (
    <ChartFrame
      id="sweep-risks"
      title={`${overlay.model.label}: TRTR and TSTR along ${label}, Monte Carlo on the closed form`}
    >
      <div className="chart sweep-chart" data-testid="sweep-risks-chart">
        <CartesianPlot chart={ComposedChart} data={rows} margin={MARGIN}>
          {xAxis}
          <YAxis
            domain={[ticks[0]!, ticks[ticks.length - 1]!]}
            allowDataOverflow
            ticks={ticks}
            tickFormatter={formatTick}
            width={52}
            stroke={AXIS_STROKE}
            label={{ value: 'test risk (MSE)', angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(x) => `${label} = ${formatTick(Number(x))}`}
            formatter={tooltipValue}
          />
          <Legend verticalAlign="top" itemSorter={null} wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          {theoryLine('theory_trtr', `${what}TRTR ${overlay.label}`, COLORS.real, overlay.kind)}
          {theoryLine('theory_tstr', `${what}TSTR ${overlay.label}`, COLORS.synthetic, overlay.kind)}
          {joinedBand('trtrb', 'TRTR 95% band', COLORS.real, 0.15)}
          {joinedBand('tstrb', 'TSTR 95% band', COLORS.synthetic, 0.15)}
          {(['trtr', 'tstr'] as const).map((key) => (
            <Line
              key={key}
              dataKey={key}
              name={`${key.toUpperCase()} (Monte Carlo mean)`}
              stroke={key === 'trtr' ? COLORS.real : COLORS.synthetic}
              strokeWidth={0}
              legendType="circle"
              connectNulls
              dot={{ r: 3, fill: key === 'trtr' ? COLORS.real : COLORS.synthetic, strokeWidth: 0 }}
              isAnimationActive={false}
            />
          ))}
        </CartesianPlot>
      </div>
    </ChartFrame>
  );
}
