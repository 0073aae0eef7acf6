/**
 * Choosing a hyperparameter on synthetic validation: per candidate (the models) the mean validation risk on a
 * real and on a synthetic hold-out and the real test risk (TRTR), how often each validation chose it, and what
 * the synthetic choice costs: the regret in real test risk with its 95% interval, relative to the real choice's
 * risk, and how often both choices agree (Wilson interval).
 */
import { memo, useMemo } from 'react';
import type { ExperimentSummary } from '../../../engine/summary';
import type { StudySummary } from '../../../engine/studies/types';
import type { Scenario } from '../../../scenario/schema';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatInterval, formatNumber } from '../../format';
import { STUDY_COLORS } from './colors';
import { estimateText, sideOfZero } from '../../studyEstimates';
import { GroupedBars, type BarGroup } from './GroupedBars';
import { EstimateCell, ModelHead, StudyNumber } from './parts';

type SelectSummary = Extract<StudySummary, { kind: 'select' }>;

const percent = (v: number) => `${formatNumber(100 * v)}%`;

/** What the regret's interval says about choosing on synthetic data. */
function regretVerdict(study: SelectSummary): string {
  switch (sideOfZero(study.regret)) {
    case 'above':
      return 'Choosing on synthetic validation costs real test risk here: the regret’s interval lies above 0.';
    case 'below':
      return 'Here the synthetic choice did better on the real test data than the real one (the regret’s interval lies below 0): the real validation sample is small or noisy.';
    case 'across':
      return 'No measurable cost: the regret’s interval includes 0.';
    default:
      return study.regret ? 'One replicate: the regret needs 2 for an interval.' : '';
  }
}

export const SelectStudy = memo(function SelectStudy({
  summary,
  study,
  scenario,
}: {
  summary: ExperimentSummary;
  study: SelectSummary;
  scenario: Scenario;
}) {
  const groups: BarGroup[] = useMemo(
    () =>
      summary.models.map((m, k) => ({
        id: m.id,
        label: m.label,
        values: {
          valReal: study.valReal[k] ?? null,
          valSynthetic: study.valSynthetic[k] ?? null,
          trtr: m.trtr,
        },
      })),
    [summary, study],
  );
  const trials = study.sameChoice?.trials ?? 0;
  const same = study.sameChoice;
  const train = Math.round(100 * (1 - scenario.holdout));
  return (
    <>
      <ChartFrame
        id="study-select"
        title="Hyperparameter choice: validation risk per candidate, real vs synthetic"
      >
        <p className="view-explain">
          The models are the candidates. Each is trained on {train}% of the real sample and validated on the
          other {100 - train}% (<strong>validation, real</strong>), and the same on the synthetic sample (
          <strong>validation, synthetic</strong>); the candidate with the lowest validation risk is chosen.{' '}
          <strong>TRTR</strong> is each candidate&apos;s risk on real test data, what the choice is judged by.
          Means over {summary.completed} replicates, whiskers 95% intervals.
        </p>
        <GroupedBars
          groups={groups}
          series={[
            { key: 'valReal', name: 'validation, real', color: STUDY_COLORS.valReal },
            { key: 'valSynthetic', name: 'validation, synthetic', color: STUDY_COLORS.valSynthetic },
            { key: 'trtr', name: 'TRTR (real test)', color: STUDY_COLORS.trtr },
          ]}
          yLabel="risk"
        />
      </ChartFrame>
      <section className="study-numbers" aria-labelledby="select-numbers">
        <h3 id="select-numbers" className="view-section-title">
          What choosing on synthetic data costs
        </h3>
        <div className="study-stats">
          <StudyNumber
            name="Regret (real test risk, synthetic choice − real choice)"
            testId="select-regret"
            estimate={study.regret}
          />
          <StudyNumber
            name="Relative regret (over the real choice's risk)"
            testId="select-relative"
            estimate={study.relativeRegret}
            note={
              study.relativeRegret ? `${percent(study.relativeRegret.mean)} of the real choice's risk` : null
            }
          />
          <div
            className="study-stat"
            data-testid="select-same"
            data-value={same?.estimate ?? ''}
            data-lo={same?.lo ?? ''}
            data-hi={same?.hi ?? ''}
          >
            <div className="study-stat-name">P(same choice)</div>
            <div className="study-stat-value">{formatNumber(same?.estimate)}</div>
            <div className="study-stat-interval">
              {same
                ? `${same.successes} of ${same.trials} replicates, 95% Wilson ${formatInterval(same.lo, same.hi)}`
                : 'no complete replicate yet'}
            </div>
          </div>
        </div>
        <p className="study-sentence" data-testid="select-sentence" data-side={sideOfZero(study.regret)}>
          Estimated regret {estimateText(study.regret)}. {regretVerdict(study)}
        </p>
        <div className="table-scroll">
          <table className="results compact" data-testid="select-table">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Validation, real</th>
                <th scope="col">Validation, synthetic</th>
                <th scope="col">TRTR (real test)</th>
                <th scope="col">Chosen on real</th>
                <th scope="col">Chosen on synthetic</th>
              </tr>
            </thead>
            <tbody>
              {summary.models.map((m, k) => (
                <tr key={m.id} data-model={m.id}>
                  <ModelHead label={m.label} index={k} />
                  <EstimateCell e={study.valReal[k] ?? null} testId="val-real" />
                  <EstimateCell e={study.valSynthetic[k] ?? null} testId="val-synthetic" />
                  <EstimateCell e={m.trtr} />
                  <td data-testid="chosen-real" data-value={study.chosenReal[k] ?? 0}>
                    {study.chosenReal[k] ?? 0} of {trials}
                  </td>
                  <td data-testid="chosen-synthetic" data-value={study.chosenSynthetic[k] ?? 0}>
                    {study.chosenSynthetic[k] ?? 0} of {trials}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="table-note">
          Estimates with 95% intervals over replicates (small print); choices counted over the {trials}{' '}
          replicates where every candidate was fitted.
        </p>
        {summary.models.length < 2 && (
          <p className="study-note">
            One candidate: there is nothing to choose; list two or more in the models (e.g. knn:k=1;knn:k=5;
            knn:k=20;knn:k=50).
          </p>
        )}
      </section>
    </>
  );
});
