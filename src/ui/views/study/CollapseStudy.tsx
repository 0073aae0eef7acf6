/**
 * The self-consuming loop (model collapse): the spread and the tail width of each generation's training data
 * against the real sample's, with 95% bands over replicates and the closed form ((m − 1)/m)^g of the spread where
 * it holds; a sentence with the last generation's numbers; and U per model and τ for the synthetic sample drawn
 * at that generation.
 */
import { memo, useMemo } from 'react';
import { ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExperimentSummary } from '../../../engine/summary';
import { STUDY_SWEEPS } from '../../../scenario/page';
import type { Scenario } from '../../../scenario/schema';
import { setPage } from '../../../store/actions';
import { AXIS_STROKE, AXIS_TITLE, band, CartesianPlot } from '../../charts/cartesian';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatNumber, formatTick, niceTicks } from '../../format';
import { collapseRows, collapseTop, type CollapseSummary } from './collapse';
import { STUDY_COLORS } from './colors';
import { legendText } from './legend';
import { against, collapseClosedForm, estimateText, intervalText } from '../../studyEstimates';
import { ModelUtilityTable, StudyNumber } from './parts';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 4 };

function tooltipValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value) && value.length === 2)
    return `${formatNumber(Number(value[0]))} – ${formatNumber(Number(value[1]))}`;
  return '—';
}

export const CollapseStudy = memo(function CollapseStudy({
  summary,
  study,
  scenario,
}: {
  summary: ExperimentSummary;
  study: CollapseSummary;
  scenario: Scenario;
}) {
  const closed = useMemo(() => collapseClosedForm(scenario), [scenario]);
  const rows = useMemo(() => collapseRows(study, closed), [study, closed]);
  const last = rows.length - 1;
  const spread = study.spread[last] ?? null;
  const tail = study.tail[last] ?? null;
  const exact = closed.value && last >= 0 ? closed.value(last) : null;
  const where = exact === null ? 'unknown' : against(exact, spread);
  const yTicks = niceTicks(0, collapseTop(rows), 5);
  const xTicks = niceTicks(0, Math.max(1, last), Math.min(8, Math.max(1, last))).filter(
    (t) => Number.isInteger(t) && t <= Math.max(1, last),
  );
  const m = scenario.m;
  return (
    <>
      <ChartFrame id="study-collapse" title="Self-consuming loop: spread and tail width per generation">
        <p className="view-explain">
          Generation g&apos;s generator ({scenario.generator}) is refitted by maximum likelihood on generation
          g − 1&apos;s m = {m} points
          {scenario.fresh > 0 ? `, a share ${scenario.fresh} of them fresh real points` : ' (all synthetic)'};
          the models train on m draws of generation g = {last}. <strong>Spread</strong>: the features&apos;
          variance of generation g&apos;s data over the real sample&apos;s; <strong>tail width</strong>: their
          1%–99% range over that of m fresh real points (1 = as wide as real data of the same size). Means
          over {summary.completed} replicates, bands 95% intervals.
        </p>
        <div className="chart study-chart" data-testid="collapse-chart">
          <CartesianPlot chart={ComposedChart} data={rows} margin={MARGIN}>
            <XAxis
              type="number"
              dataKey="g"
              domain={[0, Math.max(1, last)]}
              ticks={xTicks}
              allowDecimals={false}
              tickFormatter={formatTick}
              stroke={AXIS_STROKE}
              label={{ value: 'generation g', position: 'insideBottom', offset: -14, ...AXIS_TITLE }}
            />
            <YAxis
              domain={[0, yTicks[yTicks.length - 1]!]}
              ticks={yTicks}
              tickFormatter={formatTick}
              width={62}
              stroke={AXIS_STROKE}
              label={{ value: '× real sample', angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(g) => `generation g = ${String(g)}`}
              formatter={tooltipValue}
            />
            <Legend
              verticalAlign="top"
              itemSorter={null}
              wrapperStyle={{ fontSize: 12, paddingBottom: 4 }}
              formatter={legendText}
            />
            <ReferenceLine y={1} stroke="var(--muted)" strokeDasharray="2 3" />
            {band('spreadBand', 'spread 95% band', STUDY_COLORS.spread, 0.2)}
            {band('tailBand', 'tail width 95% band', STUDY_COLORS.tail, 0.15)}
            <Line
              dataKey="spread"
              name="spread"
              stroke={STUDY_COLORS.spread}
              strokeWidth={2}
              dot={{ r: 3, fill: STUDY_COLORS.spread, strokeWidth: 0 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="tail"
              name="tail width"
              stroke={STUDY_COLORS.tail}
              strokeWidth={2}
              dot={{ r: 3, fill: STUDY_COLORS.tail, strokeWidth: 0 }}
              isAnimationActive={false}
            />
            {closed.value && (
              <Line
                dataKey="exact"
                name="spread, exact (closed form)"
                stroke="var(--fg)"
                strokeWidth={1.5}
                strokeDasharray="6 4"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            )}
          </CartesianPlot>
        </div>
        <p className="study-note" data-testid="collapse-closed-form" data-applies={closed.value !== null}>
          {closed.value
            ? `Dashed: the exact expected spread E spread_g = ((m − 1)/m)^g with m = ${m} (closed form: each maximum-likelihood refit shrinks the variance by (m − 1)/m in expectation). It is the spread's mean: a typical loop shrinks faster (the spread is a product of random shrink factors), and the tail width has no such form.`
            : `No closed form here: ${closed.reason}. It holds for a Gaussian generator, regression and no fresh real data.`}
        </p>
      </ChartFrame>
      <section className="study-numbers" aria-labelledby="collapse-numbers">
        <h3 id="collapse-numbers" className="view-section-title">
          At the last generation, g = {last}
        </h3>
        <div className="study-stats">
          <StudyNumber name={`Spread at g = ${last}`} testId="collapse-spread" estimate={spread} />
          <StudyNumber name={`Tail width at g = ${last}`} testId="collapse-tail" estimate={tail} />
          {exact !== null && (
            <div className="study-stat" data-testid="collapse-exact" data-value={exact}>
              <div className="study-stat-name">Closed form ((m − 1)/m)^g</div>
              <div className="study-stat-value">{formatNumber(exact)}</div>
              <div className="study-stat-interval">
                ({m - 1}/{m})^{last}: the spread&apos;s exact expectation
              </div>
            </div>
          )}
        </div>
        <p className="study-sentence" data-testid="collapse-sentence" data-verdict={where}>
          {last === 0
            ? 'Generations g = 0: the synthetic sample comes from the generator fitted on the real data alone; raise Generations to run the loop. '
            : `After ${last} generation${last === 1 ? '' : 's'} the estimated spread is ${estimateText(spread)} of the real sample's and the tail width ${estimateText(tail)}, over ${summary.completed} replicate${summary.completed === 1 ? '' : 's'}. `}
          {exact !== null &&
            last > 0 &&
            (where === 'inside'
              ? `The closed form ${formatNumber(exact)} lies inside the spread's interval: the loop shrinks as the formula says.`
              : where === 'outside'
                ? `The closed form ${formatNumber(exact)} lies outside the spread's interval (${intervalText(spread)}): the estimate does not match the formula here. With few replicates that is common: the spread is a product of ${last} random shrink factors, so most loops end below the mean and a few far above it, and an interval over ${summary.completed} of them misses the mean more often than 1 time in 20; more replicates tell.`
                : `The closed form is ${formatNumber(exact)}; ${intervalText(spread)}.`)}
        </p>
        <ModelUtilityTable summary={summary} caption={`TSTR: trained on m draws of generation ${last}`} />
        <p className="study-note">
          Drag <strong>Generations</strong> in the controls, or sweep <code>gens</code> in the Sweeps view to
          see U per generation.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setPage({ view: 'sweep', sweep: STUDY_SWEEPS.collapse })}
            data-testid="collapse-open-sweep"
          >
            Open a sweep of gens 0 … 15
          </button>
        </p>
      </section>
    </>
  );
});
