/**
 * Real + synthetic training data: per model TRTR, TSTR and TMTR (trained on the real sample pooled with the
 * synthetic one, λ = m/n) with 95% whiskers; the gain TRTR − TMTR with its interval and what it says (helps,
 * hurts, no clear effect); which model each column puts first; TMTR's ranking agreement with TRTR; and OLS's
 * closed-form E TMTR where it holds.
 */
import { memo, useMemo } from 'react';
import type { ExperimentSummary } from '../../../engine/summary';
import type { StudySummary } from '../../../engine/studies/types';
import { isOlsSpec } from '../../../engine/theory/olsSweep';
import { studyTheoryOf } from '../../../scenario/studyColumns';
import type { Scenario } from '../../../scenario/schema';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatNumber } from '../../format';
import { rankIntervalText, top1Text } from '../../rankingText';
import { STUDY_COLORS } from './colors';
import { against, bestIndex, estimateText, gainWord, sideOfZero } from '../../studyEstimates';
import { GroupedBars, type BarGroup } from './GroupedBars';
import { EstimateCell, ModelHead } from './parts';

type MixSummary = Extract<StudySummary, { kind: 'mix' }>;

/** OLS's E TMTR from its closed form (scenario/studyColumns.ts), or null where it does not hold. */
function closedTmtr(scenario: Scenario): number | null {
  const theory = studyTheoryOf(scenario);
  return theory?.kind === 'mix' ? (theory.tmtr.find((v) => v !== null) ?? null) : null;
}

export const MixStudy = memo(function MixStudy({
  summary,
  study,
  scenario,
}: {
  summary: ExperimentSummary;
  study: MixSummary;
  scenario: Scenario;
}) {
  const lambda = scenario.m / scenario.n;
  const tmtrName = `TMTR (real + synthetic, λ = m/n = ${formatNumber(lambda)})`;
  const groups: BarGroup[] = useMemo(
    () =>
      summary.models.map((m, k) => ({
        id: m.id,
        label: m.label,
        values: { trtr: m.trtr, tstr: m.tstr, tmtr: study.models[k]?.tmtr ?? null },
      })),
    [summary, study],
  );
  const exact = useMemo(() => closedTmtr(scenario), [scenario]);
  const ols = summary.models.findIndex((m) => isOlsSpec(m.id));
  const winner = (means: (number | null | undefined)[]) => {
    const k = bestIndex(means);
    return k === null ? '—' : summary.models[k]!.label;
  };
  const ranking = study.ranking;
  const olsTmtr = ols >= 0 ? (study.models[ols]?.tmtr ?? null) : null;
  const olsAgainst = exact !== null ? against(exact, olsTmtr) : 'unknown';
  return (
    <>
      <ChartFrame id="study-mix" title="Real + synthetic training data: TRTR, TSTR and TMTR per model">
        <p className="view-explain">
          Each model trained on the real sample (<strong>TRTR</strong>, n = {scenario.n}), on the synthetic
          one (<strong>TSTR</strong>, m = {scenario.m}) and on both pooled (<strong>TMTR</strong>, n + m ={' '}
          {scenario.n + scenario.m} points, λ = m/n = {formatNumber(lambda)}), all tested on real data: means
          over {summary.completed} replicates, whiskers 95% intervals.
        </p>
        <GroupedBars
          groups={groups}
          series={[
            { key: 'trtr', name: 'TRTR (real)', color: STUDY_COLORS.trtr },
            { key: 'tstr', name: 'TSTR (synthetic)', color: STUDY_COLORS.tstr },
            { key: 'tmtr', name: tmtrName, color: STUDY_COLORS.tmtr },
          ]}
          yLabel="test risk on real data"
        />
      </ChartFrame>
      <section className="study-numbers" aria-labelledby="mix-numbers">
        <h3 id="mix-numbers" className="view-section-title">
          Does adding the synthetic points help? Gain = TRTR − TMTR (&gt; 0: it helps)
        </h3>
        <div className="table-scroll">
          <table className="results compact" data-testid="mix-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">TRTR</th>
                <th scope="col">TSTR</th>
                <th scope="col">TMTR</th>
                <th scope="col">Gain TRTR − TMTR</th>
                <th scope="col">Synthetic points</th>
              </tr>
            </thead>
            <tbody>
              {summary.models.map((m, k) => {
                const s = study.models[k];
                return (
                  <tr key={m.id} data-model={m.id}>
                    <ModelHead label={m.label} index={k} />
                    <EstimateCell e={m.trtr} />
                    <EstimateCell e={m.tstr} />
                    <EstimateCell e={s?.tmtr ?? null} testId="tmtr" />
                    <EstimateCell e={s?.gain ?? null} testId="gain" />
                    <td data-testid="gain-word" data-side={sideOfZero(s?.gain ?? null)}>
                      {gainWord(s?.gain ?? null)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="table-note">
          Estimates with 95% intervals over replicates (small print); the gain is paired within each
          replicate. &ldquo;Helps&rdquo; or &ldquo;hurts&rdquo; only when the gain&apos;s interval excludes 0.
        </p>
        <p className="study-sentence" data-testid="mix-winners">
          Best model by mean risk: under TRTR{' '}
          <strong>{winner(summary.models.map((m) => m.trtr?.mean))}</strong>, under TSTR{' '}
          <strong>{winner(summary.models.map((m) => m.tstr?.mean))}</strong>, under TMTR{' '}
          <strong>{winner(study.models.map((s) => s.tmtr?.mean))}</strong>.
        </p>
        {ranking && (
          <p
            className="study-sentence"
            data-testid="mix-ranking"
            data-value={ranking.kendallTauB?.mean ?? ''}
          >
            TMTR order vs TRTR order: Kendall τ<sub>b</sub> ={' '}
            <strong>{formatNumber(ranking.kendallTauB?.mean)}</strong> (
            {rankIntervalText(ranking.kendallTauB, 'correlation', 'undefined: the risks tie')}); same best
            model in {top1Text(ranking.top1)}.
          </p>
        )}
        {ols >= 0 && (
          <p className="study-note" data-testid="mix-closed-form" data-value={exact ?? ''}>
            {exact !== null
              ? `${summary.models[ols]!.label}: exact E TMTR = ${formatNumber(exact)} (closed form: the synthetic points are drawn as the real ones, so OLS sees n + m = ${scenario.n + scenario.m} real-like points); estimated ${estimateText(olsTmtr)}: the closed form lies ${olsAgainst === 'inside' ? 'inside the interval' : olsAgainst === 'outside' ? 'outside the interval (a chance miss happens 1 time in 20)' : 'where one replicate cannot tell'}.`
              : `${summary.models[ols]!.label}: no closed form for E TMTR here; it needs the oracle generator drawing as the real population does (no shift, scale, rotation, truncation, bias or noise change), Gaussian features and a linear η.`}
          </p>
        )}
      </section>
    </>
  );
});
