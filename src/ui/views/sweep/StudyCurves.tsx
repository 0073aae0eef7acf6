/**
 * A 1-D sweep's study chart (issue 14), beside U and the ranking agreement: the self-consuming loop's spread (and
 * tail width) at the last generation with the closed form ((m − 1)/m)^g where it holds; TMTR of a chosen model
 * with its TRTR and TSTR (and OLS's closed-form E TMTR); one ensemble member's U against the ensemble's; or the
 * hyperparameter choice's regret. Means with 95% bands over replicates.
 */
import { memo, useMemo, useState, type ReactElement } from 'react';
import { ComposedChart, Legend, Line, ReferenceLine, Tooltip, YAxis } from 'recharts';
import type { SweepPoint } from '../../../engine/sweep';
import type { SweepAxis } from '../../../scenario/sweep';
import type { Scenario } from '../../../scenario/schema';
import { AXIS_STROKE, AXIS_TITLE, CartesianPlot } from '../../charts/cartesian';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatTick, niceTicks } from '../../format';
import { COLORS as PALETTE, modelColorAt } from '../../palette';
import { LEGEND_STYLE, legendText, MARGIN, tooltipValue } from './chartParts';
import {
  rowsMax,
  rowsMin,
  spreadCurve,
  studyRows,
  tmtrCurve,
  withCurve,
  type SweepStudy,
  type TheoryCurve,
} from './studyRows';
import { joinedBand } from './TheoryOverlay';

const COLORS = {
  trtr: PALETTE.real,
  tstr: PALETTE.synthetic,
  /** Okabe-Ito's bluish green and reddish purple, as in the Study view. */
  tmtr: '#009E73',
  tail: '#CC79A7',
  regret: 'var(--fg)',
} as const;

interface Props {
  readonly points: readonly SweepPoint[];
  readonly axis: SweepAxis;
  readonly base: Scenario;
  readonly study: SweepStudy;
  /** The axis title (with λ = m/n for the mixing study). */
  readonly label: string;
  /** The sweep's x axis, shared with the U chart. */
  readonly xAxis: ReactElement;
  /** The current scenario's dashed line, or null. */
  readonly mark: ReactElement | null;
}

function line(key: string, name: string, color: string, join: boolean, dash?: string): ReactElement {
  return (
    <Line
      key={key}
      dataKey={key}
      name={name}
      stroke={color}
      strokeWidth={2}
      strokeDasharray={dash}
      connectNulls={join}
      dot={{ r: 3, fill: color, strokeWidth: 0 }}
      isAnimationActive={false}
    />
  );
}

function exactLine(name: string): ReactElement {
  return (
    <Line
      key="exact"
      dataKey="exact"
      name={name}
      stroke="var(--fg)"
      strokeWidth={1.5}
      strokeDasharray="6 4"
      dot={false}
      activeDot={false}
      isAnimationActive={false}
    />
  );
}

function TheoryNote({ theory, what }: { theory: TheoryCurve | null; what: string }) {
  if (!theory) return null;
  return (
    <p className="sweep-note" data-testid="sweep-study-theory" data-holds={theory.holds}>
      {theory.holds
        ? `Dashed: ${what}, exact (closed form)${theory.reason ? `; not drawn where ${theory.reason}` : ''}.`
        : `No closed form for ${what} here: ${theory.reason ?? 'it does not hold along this axis'}.`}
    </p>
  );
}

export const StudyCurves = memo(function StudyCurves({
  points,
  axis,
  base,
  study,
  label,
  xAxis,
  mark,
}: Props) {
  const models = points[0]?.summary.models ?? [];
  const olsIndex = models.findIndex((m) => m.id === 'ols' || m.id === 'poly:degree=1');
  const [picked, setPicked] = useState<number | null>(null);
  const k = Math.min(picked ?? Math.max(0, olsIndex), Math.max(0, models.length - 1));
  const lo = Math.min(axis.from, axis.to);
  const hi = Math.max(axis.from, axis.to);
  const rows = useMemo(() => studyRows(points, axis.param, study), [points, axis.param, study]);
  const theory = useMemo(() => {
    if (study === 'collapse') return spreadCurve(base, axis.param, lo, hi);
    if (study === 'mix' && k === olsIndex) return tmtrCurve(base, axis.param, lo, hi);
    return null;
  }, [study, base, axis.param, lo, hi, k, olsIndex]);
  const data = useMemo(() => withCurve(rows, theory?.holds ? theory : null, 'exact'), [rows, theory]);
  const join = theory?.holds === true;

  let keys: string[];
  let title: string;
  let yLabel: string;
  let series: ReactElement[];
  let zero = false;
  const model = models[k];
  if (study === 'collapse') {
    keys = ['spread', 'tail'];
    title = `Spread and tail width at the last generation along ${label}`;
    yLabel = '× real sample';
    series = [
      joinedBand('spreadb', 'spread 95% band', COLORS.tstr, 0.2, join),
      joinedBand('tailb', 'tail width 95% band', COLORS.tail, 0.14, join),
      line('spread', 'spread', COLORS.tstr, join),
      line('tail', 'tail width', COLORS.tail, join),
      ...(join ? [exactLine('spread, exact (closed form)')] : []),
    ];
  } else if (study === 'mix') {
    keys = [`trtr${k}`, `tstr${k}`, `tmtr${k}`];
    title = `${model?.label ?? 'Model'}: TMTR (real + synthetic) with TRTR and TSTR along ${label}`;
    yLabel = 'test risk';
    series = [
      joinedBand(`trtr${k}b`, 'TRTR 95% band', COLORS.trtr, 0.14, join),
      joinedBand(`tstr${k}b`, 'TSTR 95% band', COLORS.tstr, 0.14, join),
      joinedBand(`tmtr${k}b`, 'TMTR 95% band', COLORS.tmtr, 0.18, join),
      line(`trtr${k}`, 'TRTR', COLORS.trtr, join),
      line(`tstr${k}`, 'TSTR', COLORS.tstr, join),
      line(`tmtr${k}`, 'TMTR (real + synthetic)', COLORS.tmtr, join),
      ...(join ? [exactLine('E TMTR, exact (closed form)')] : []),
    ];
  } else if (study === 'ensemble') {
    keys = models.flatMap((_, j) => [`u${j}`, `su${j}`]);
    title = `U of the ensemble (solid) vs one member (dashed) along ${label}`;
    yLabel = 'U';
    series = [
      ...models.map((m, j) =>
        joinedBand(`ub${j}`, `${m.label} ensemble 95% band`, modelColorAt(j), 0.12, false),
      ),
      ...models.flatMap((m, j) => [
        line(`u${j}`, `${m.label}, ensemble`, modelColorAt(j), false),
        line(`su${j}`, `${m.label}, one member`, modelColorAt(j), false, '5 3'),
      ]),
    ];
  } else {
    keys = ['regret'];
    title = `Regret of the choice on synthetic validation along ${label}`;
    yLabel = 'regret (real test risk)';
    zero = true;
    series = [
      joinedBand('regretb', 'regret 95% band', 'var(--fg)', 0.14, false),
      line('regret', 'regret', COLORS.regret, false),
    ];
  }
  const top = Math.max(study === 'collapse' ? 1 : 0, rowsMax(rows, keys, join ? theory : null));
  const bottom = rowsMin(rows, keys);
  const yTicks = niceTicks(bottom, top > bottom ? top : bottom + 1, 5);
  const picker =
    study === 'mix' && models.length > 1 ? (
      <label className="sweep-metric">
        <span className="visually-hidden">Model</span>
        <select value={k} onChange={(e) => setPicked(Number(e.target.value))} data-testid="sweep-study-model">
          {models.map((m, j) => (
            <option key={m.id} value={j}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
    ) : undefined;

  return (
    <ChartFrame id="sweep-study" title={title} actions={picker}>
      <div className="chart sweep-chart" data-testid="sweep-study-chart" data-study={study}>
        <CartesianPlot chart={ComposedChart} data={data} margin={MARGIN}>
          {xAxis}
          <YAxis
            domain={[yTicks[0]!, yTicks[yTicks.length - 1]!]}
            allowDataOverflow
            ticks={yTicks}
            tickFormatter={formatTick}
            width={62}
            stroke={AXIS_STROKE}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(x) => `${label} = ${formatTick(Number(x))}`}
            formatter={tooltipValue}
          />
          <Legend verticalAlign="top" itemSorter={null} wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          {(zero || study === 'collapse') && (
            <ReferenceLine
              y={zero ? 0 : 1}
              stroke="var(--muted)"
              strokeDasharray={zero ? undefined : '2 3'}
            />
          )}
          {mark}
          {series}
        </CartesianPlot>
      </div>
      {study === 'collapse' && <TheoryNote theory={theory} what="the expected spread ((m − 1)/m)^g" />}
      {study === 'mix' && k === olsIndex && (
        <TheoryNote theory={theory} what={`${model?.label ?? 'OLS'}'s E TMTR`} />
      )}
      {study === 'ensemble' && (
        <p className="sweep-note">
          One member: the first synthetic sample&apos;s fit alone (what K = 1 gives on the same draws); its
          95% intervals are in the numbers below.
        </p>
      )}
      {study === 'select' && (
        <p className="sweep-note">
          Regret: the real test risk of the candidate chosen on synthetic validation minus that of the real
          choice (0: the same choice, or an equally good one); band 95% over replicates.
        </p>
      )}
    </ChartFrame>
  );
});
