/**
 * The numbers behind the charts, averaged over replicates: TRTR and TSTR per model with 95% t intervals over
 * replicates, U = |mean TSTR − mean TRTR| with |·| of the paired gap's t interval, TSTR/TRTR (a ratio of means,
 * no interval); and the ranking agreement between the two orders (bootstrap intervals, or a sentence when every
 * replicate agrees).
 */
import { useId } from 'react';
import type { MeanInterval } from '../engine/metrics/intervals';
import type { ExperimentSummary, ModelSummary } from '../engine/results';
import { formatInterval, formatNumber } from './format';
import { modelColorAt } from './palette';
import { countText, rankIntervalShort } from './rankingText';
import './tables.css';

function Estimate({ value, testId }: { value: MeanInterval | null; testId: string }) {
  if (!value) return <td>—</td>;
  return (
    <td>
      <span data-testid={testId}>{formatNumber(value.mean)}</span>
      <small>{value.hasInterval ? formatInterval(value.lo, value.hi) : 'one replicate'}</small>
    </td>
  );
}

function Row({ model, index }: { model: ModelSummary; index: number }) {
  return (
    <tr data-model={model.id}>
      <th scope="row">
        <span className="swatch" style={{ background: modelColorAt(index) }} aria-hidden />
        {model.label}
      </th>
      {model.fitted === 0 && model.error !== null ? (
        <td colSpan={4} className="model-error" data-testid="error">
          Could not fit: {model.error}
        </td>
      ) : model.fitted === 0 ? (
        // Replicate 1's slower models: the faster ones' numbers are already in the other rows.
        <td colSpan={4} className="model-pending" data-testid="pending">
          fitting…
        </td>
      ) : (
        <>
          <Estimate value={model.trtr} testId="trtr" />
          <Estimate value={model.tstr} testId="tstr" />
          <td>
            <strong data-testid="utility">{formatNumber(model.utility?.value)}</strong>
            <small>
              {model.utility?.lo != null && model.utility.hi != null
                ? formatInterval(model.utility.lo, model.utility.hi)
                : 'one replicate'}
            </small>
          </td>
          <td data-testid="ratio" className="ratio-col">
            {formatNumber(model.ratio)}
          </td>
        </>
      )}
    </tr>
  );
}

export function ResultsTable({
  summary,
  loss,
  tsts,
}: {
  summary: ExperimentSummary;
  loss: string;
  tsts: boolean;
}) {
  const ranking = summary.ranking;
  const note = useId();
  return (
    <>
      <div className="table-scroll">
        <table className="results" aria-describedby={note}>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">TRTR</th>
              <th scope="col">{tsts ? 'TSTS' : 'TSTR'}</th>
              <th scope="col">U = |{tsts ? 'TSTS' : 'TSTR'} − TRTR|</th>
              <th scope="col" className="ratio-col">
                {tsts ? 'TSTS' : 'TSTR'} / TRTR
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.models.map((model, index) => (
              <Row key={model.id} model={model} index={index} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id={note}>
        {loss}, {tsts ? 'TRTR on real test data, TSTS on a synthetic hold-out' : 'tested on real data'}; mean
        over {summary.completed} of {summary.planned} replicates; small print: 95% interval over replicates.
      </p>
      {ranking && ranking.replicates > 0 && (
        <p className="ranking-line" data-testid="ranking">
          Ranking by {tsts ? 'TSTS' : 'TSTR'} vs by TRTR: Kendall τ<sub>b</sub> ={' '}
          <strong>{formatNumber(ranking.kendallTauB?.mean)}</strong>
          {rankIntervalShort(ranking.kendallTauB)}
          {' · '}Spearman ρ = <strong>{formatNumber(ranking.spearmanRho?.mean)}</strong>
          {rankIntervalShort(ranking.spearmanRho)}
          {ranking.top1 &&
            ` · same best model in ${countText(ranking.top1.successes)} of ${ranking.top1.trials} replicate${ranking.top1.trials === 1 ? '' : 's'}`}
        </p>
      )}
    </>
  );
}
