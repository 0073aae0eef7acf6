/**
 * An ensemble of K synthetic datasets: per model one member's TSTR, the K-member ensemble's TSTR and TRTR with
 * 95% whiskers; U of one member against U of the ensemble; the ensemble's benefit (one member − ensemble TSTR,
 * paired) with its interval; and the ranking agreement of one member and of the ensemble with TRTR's order.
 */
import { memo, useMemo } from 'react';
import type { BootstrapInterval } from '../../../engine/metrics/intervals';
import type { ExperimentSummary, UtilityEstimate } from '../../../engine/summary';
import type { StudySummary } from '../../../engine/studies/types';
import type { Scenario } from '../../../scenario/schema';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatInterval, formatNumber } from '../../format';
import { rankIntervalText } from '../../rankingText';
import { STUDY_COLORS } from './colors';
import { benefitWord, NEEDS_TWO, sideOfZero } from '../../studyEstimates';
import { GroupedBars, type BarGroup } from './GroupedBars';
import { EstimateCell, ModelHead } from './parts';

type EnsembleSummary = Extract<StudySummary, { kind: 'ensemble' }>;

function UtilityCell({ u, testId }: { u: UtilityEstimate | null; testId: string }) {
  if (!u) return <td data-testid={testId}>—</td>;
  return (
    <td data-testid={testId} data-value={u.value}>
      {formatNumber(u.value)}
      <small>{u.lo !== null && u.hi !== null ? formatInterval(u.lo, u.hi) : NEEDS_TWO}</small>
    </td>
  );
}

function tauText(tau: BootstrapInterval | null): string {
  if (!tau) return '—';
  return `${formatNumber(tau.mean)} (${rankIntervalText(tau, 'correlation', 'undefined: the risks tie')})`;
}

export const EnsembleStudy = memo(function EnsembleStudy({
  summary,
  study,
  scenario,
}: {
  summary: ExperimentSummary;
  study: EnsembleSummary;
  scenario: Scenario;
}) {
  const K = scenario.members;
  const groups: BarGroup[] = useMemo(
    () =>
      summary.models.map((m, k) => ({
        id: m.id,
        label: m.label,
        values: { member: study.models[k]?.member ?? null, tstr: m.tstr, trtr: m.trtr },
      })),
    [summary, study],
  );
  const single = study.memberRanking?.kendallTauB ?? null;
  const ensemble = summary.ranking?.kendallTauB ?? null;
  return (
    <>
      <ChartFrame id="study-ensemble" title={`Ensemble of K = ${K} synthetic datasets: TSTR per model`}>
        <p className="view-explain">
          K = <strong data-testid="ensemble-k">{K}</strong> synthetic samples of m = {scenario.m} points, each
          from its own generator seed; each model is fitted on every one and the K fits&apos; predictions are
          averaged (<strong>ensemble TSTR</strong>). <strong>One member</strong>: the first sample&apos;s fit
          alone, what K = 1 gives on the same draws. All tested on real data: means over {summary.completed}{' '}
          replicates, whiskers 95% intervals.
        </p>
        <GroupedBars
          groups={groups}
          series={[
            { key: 'member', name: 'TSTR, one member', color: STUDY_COLORS.member },
            { key: 'tstr', name: `TSTR, ensemble of ${K}`, color: STUDY_COLORS.tstr },
            { key: 'trtr', name: 'TRTR (real)', color: STUDY_COLORS.trtr },
          ]}
          yLabel="test risk on real data"
        />
      </ChartFrame>
      <section className="study-numbers" aria-labelledby="ensemble-numbers">
        <h3 id="ensemble-numbers" className="view-section-title">
          Does averaging K synthetic fits bring TSTR closer to TRTR?
        </h3>
        <div className="table-scroll">
          <table className="results compact" data-testid="ensemble-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">TSTR, one member</th>
                <th scope="col">TSTR, ensemble of {K}</th>
                <th scope="col">TRTR</th>
                <th scope="col">U, one member</th>
                <th scope="col">U, ensemble</th>
                <th scope="col">Benefit (one − ensemble)</th>
                <th scope="col">Ensemble</th>
              </tr>
            </thead>
            <tbody>
              {summary.models.map((m, k) => {
                const s = study.models[k];
                return (
                  <tr key={m.id} data-model={m.id}>
                    <ModelHead label={m.label} index={k} />
                    <EstimateCell e={s?.member ?? null} testId="single" />
                    <EstimateCell e={m.tstr} testId="ensemble" />
                    <EstimateCell e={m.trtr} />
                    <UtilityCell u={s?.memberUtility ?? null} testId="single-utility" />
                    <UtilityCell u={m.utility} testId="ensemble-utility" />
                    <EstimateCell e={s?.benefit ?? null} testId="benefit" />
                    <td data-testid="benefit-word" data-side={sideOfZero(s?.benefit ?? null)}>
                      {benefitWord(s?.benefit ?? null)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="table-note">
          Estimates with 95% intervals over replicates (small print). Benefit: one member&apos;s TSTR minus
          the ensemble&apos;s, paired within each replicate (&gt; 0: the ensemble is better); a word only when
          its interval excludes 0.
        </p>
        {(single || ensemble) && (
          <p className="study-sentence" data-testid="ensemble-ranking">
            Ranking vs TRTR&apos;s order, Kendall τ<sub>b</sub>: one member <strong>{tauText(single)}</strong>
            ; ensemble of {K} <strong>{tauText(ensemble)}</strong>.
          </p>
        )}
        {K === 1 && (
          <p className="study-note">
            K = 1: the ensemble is its one member, so the two columns agree; raise Ensemble size K in the
            controls.
          </p>
        )}
      </section>
    </>
  );
});
