/**
 * A 1-D sweep's result: U = |TSTR − TRTR| of each model along the swept parameter with its 95% band over
 * replicates (band: Area, mean: Line), and how well TSTR ranks the models as TRTR does (Kendall τ_b with its
 * band, the mean pairwise consistency and top-1 agreement). The x axis spans the whole sweep from the start, so
 * the curves grow from left to right as points stream in. A dashed line marks the current scenario's value. With
 * an OLS model and a closed form for it (docs/theory.md §6.8), its exact U (or limit) is drawn under the points,
 * and a third chart draws its TRTR and TSTR on the closed-form E TRTR and E TSTR. A scenario with a study
 * (issue 14) adds the study's metric along the axis (StudyCurves).
 */
import { memo, useMemo, useState } from 'react';
import { ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepPoint } from '../../../engine/sweep';
import type { SweepAxis } from '../../../scenario/sweep';
import type { Scenario } from '../../../scenario/schema';
import type { SweepOverlay } from '../../../scenario/sweepTheory';
import { AXIS_STROKE, AXIS_TITLE, band, CartesianPlot } from '../../charts/cartesian';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatDecade } from '../../charts/scale';
import { formatTick, niceTicks } from '../../format';
import { modelColorAt } from '../../palette';
import { numberSpec } from './axes';
import { curveData, logCurves, rankingFloor, utilityMax, wantsLog } from './curves';
import { chartOverlay, logOverlayRows, overlayMax, withOverlayRows } from './overlay';
import { joinedBand, RiskCurves, TheoryNote, theoryLine } from './TheoryOverlay';
import { LEGEND_STYLE, legendText, MARGIN, tooltipValue } from './chartParts';
import { StudyCurves } from './StudyCurves';
import { lambdaLabel, sweepStudy } from './studyRows';

interface Props {
  readonly points: readonly SweepPoint[];
  readonly axis: SweepAxis;
  /** The scenario the sweep varied: its own value of the swept parameter is marked. */
  readonly base: Scenario | null;
  /** OLS's closed form along the axis (null: no OLS model in the sweep). */
  readonly overlay: SweepOverlay | null;
}

function xTicks(lo: number, hi: number): number[] {
  return niceTicks(lo, hi, 6).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9);
}

export const SweepCurves = memo(function SweepCurves({ points, axis, base, overlay }: Props) {
  const curves = useMemo(() => curveData(points, axis.param), [points, axis.param]);
  const theory = useMemo(() => chartOverlay(overlay, curves.models), [overlay, curves.models]);
  const spec = numberSpec(axis.param);
  const study = sweepStudy(base, points);
  // The mixing study reads an m (or n) axis as λ = m/n too.
  const axisLabel = lambdaLabel(spec.label, axis.param, base);
  const lo = Math.min(axis.from, axis.to);
  const hi = Math.max(axis.from, axis.to);
  const ticks = xTicks(lo, hi);
  // Log axis: the reader's choice, else automatic when U spans more than a factor of 30.
  const [logChoice, setLogChoice] = useState<boolean | null>(null);
  const log = logChoice ?? wantsLog(curves);
  const logged = useMemo(() => (log ? logCurves(curves) : null), [log, curves]);
  const utilityRows = useMemo(() => {
    const rows = logged ? logged.rows : curves.rows;
    if (!theory) return rows;
    return withOverlayRows(rows, logged ? logOverlayRows(theory.rows) : theory.rows, ['u']);
  }, [logged, curves.rows, theory]);
  const top = Math.max(utilityMax(curves), overlayMax(theory));
  const yTicks = logged ? logged.ticks : niceTicks(0, top > 0 ? top : 1, 5);
  const yDomain: [number, number] = logged
    ? [logged.floor, logged.ticks[logged.ticks.length - 1]!]
    : [0, yTicks[yTicks.length - 1]!];
  const logToggle = (
    <label className="sweep-log">
      <input
        type="checkbox"
        checked={log}
        onChange={(event) => setLogChoice(event.target.checked)}
        data-testid="sweep-log"
      />
      log scale
    </label>
  );
  const floor = rankingFloor(curves);
  const marked = base ? base[axis.param] : null;
  const mark = (where: 'Top' | 'Bottom') =>
    typeof marked === 'number' && marked >= lo && marked <= hi ? (
      <ReferenceLine
        x={marked}
        stroke="var(--muted)"
        strokeDasharray="4 4"
        label={{
          value: 'current',
          position: `inside${where}${marked < (lo + hi) / 2 ? 'Left' : 'Right'}`,
          fill: 'var(--muted)',
          fontSize: 11,
        }}
      />
    ) : null;
  const xAxis = (
    <XAxis
      type="number"
      dataKey="x"
      domain={[lo, hi]}
      ticks={ticks}
      allowDataOverflow
      tickFormatter={formatTick}
      stroke={AXIS_STROKE}
      label={{ value: axisLabel, position: 'insideBottom', offset: -14, ...AXIS_TITLE }}
    />
  );
  const models = curves.models;

  return (
    <>
      <ChartFrame
        id="sweep-utility"
        title={`Utility U = |TSTR − TRTR| per model along ${spec.label}`}
        actions={logToggle}
      >
        <div className="chart sweep-chart" data-testid="sweep-utility-chart">
          <CartesianPlot chart={ComposedChart} data={utilityRows} margin={MARGIN}>
            {xAxis}
            <YAxis
              scale={logged ? 'log' : 'linear'}
              domain={yDomain}
              allowDataOverflow
              ticks={yTicks}
              tickFormatter={logged ? formatDecade : formatTick}
              width={52}
              stroke={AXIS_STROKE}
              label={{
                value: logged ? 'U (log scale)' : 'U',
                angle: -90,
                position: 'insideLeft',
                ...AXIS_TITLE,
              }}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(x) => `${spec.label} = ${formatTick(Number(x))}`}
              formatter={tooltipValue}
            />
            <Legend
              verticalAlign="top"
              itemSorter={null}
              wrapperStyle={LEGEND_STYLE}
              formatter={legendText}
            />
            {mark('Top')}
            {theory &&
              theoryLine('theory_u', `${theory.model.label}: ${theory.label}`, 'var(--fg)', theory.kind)}
            {models.map((m) =>
              joinedBand(`ub${m.index}`, `${m.label} 95% band`, modelColorAt(m.index), 0.18, theory !== null),
            )}
            {models.map((m) => (
              <Line
                key={`u-${m.index}`}
                dataKey={`u${m.index}`}
                name={m.label}
                stroke={modelColorAt(m.index)}
                strokeWidth={2}
                connectNulls={theory !== null}
                dot={{ r: 3, fill: modelColorAt(m.index), strokeWidth: 0 }}
                isAnimationActive={false}
              />
            ))}
          </CartesianPlot>
        </div>
        {theory && <TheoryNote overlay={theory} />}
        {overlay && overlay.kind === 'none' && (
          <p className="sweep-note" data-testid="sweep-theory-none">
            No closed form for OLS here: {overlay.notes.join('; ')}.
          </p>
        )}
      </ChartFrame>
      {study && base && (
        <StudyCurves
          points={points}
          axis={axis}
          base={base}
          study={study}
          label={axisLabel}
          xAxis={xAxis}
          mark={mark('Bottom')}
        />
      )}
      {theory && (
        <RiskCurves points={points} param={axis.param} overlay={theory} label={spec.label} xAxis={xAxis} />
      )}
      {curves.ranking || models.length >= 2 ? (
        <ChartFrame id="sweep-ranking" title={`Ranking agreement (TSTR vs TRTR order) along ${spec.label}`}>
          <div className="chart sweep-chart" data-testid="sweep-ranking-chart">
            <CartesianPlot chart={ComposedChart} data={curves.rows} margin={MARGIN}>
              {xAxis}
              <YAxis
                domain={[floor, 1]}
                ticks={floor === 0 ? [0, 0.25, 0.5, 0.75, 1] : [-1, -0.5, 0, 0.5, 1]}
                tickFormatter={formatTick}
                width={52}
                stroke={AXIS_STROKE}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(x) => `${spec.label} = ${formatTick(Number(x))}`}
                formatter={tooltipValue}
              />
              <Legend
                verticalAlign="top"
                itemSorter={null}
                wrapperStyle={LEGEND_STYLE}
                formatter={legendText}
              />
              <ReferenceLine y={0} stroke="var(--muted)" />
              {mark('Bottom')}
              {band('taub', 'Kendall τ_b 95% band', 'var(--fg)', 0.12)}
              <Line
                dataKey="tau"
                name="Kendall τ_b"
                stroke="var(--fg)"
                strokeWidth={2}
                dot={{ r: 3, fill: 'var(--fg)', strokeWidth: 0 }}
                isAnimationActive={false}
              />
              <Line
                dataKey="cons"
                name={models.length === 2 ? 'P(consistent ranking)' : 'SRA (mean pairwise consistency C̄)'}
                stroke="var(--accent)"
                strokeWidth={2}
                strokeDasharray="6 3"
                dot={{ r: 2.5, fill: 'var(--accent)', strokeWidth: 0 }}
                isAnimationActive={false}
              />
              <Line
                dataKey="top1"
                name="top-1 agreement"
                stroke="var(--muted)"
                strokeWidth={1.5}
                strokeDasharray="2 3"
                dot={false}
                isAnimationActive={false}
              />
            </CartesianPlot>
          </div>
        </ChartFrame>
      ) : (
        <p className="sweep-note">The ranking agreement needs at least two models.</p>
      )}
    </>
  );
});
