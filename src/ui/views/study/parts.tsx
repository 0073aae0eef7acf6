/**
 * Pieces the four studies share: an estimate as a small card (the mean, its 95% interval or why there is none,
 * the numbers in data attributes for tests and scripts), an estimate as a table cell, and the per-model table of
 * TRTR, TSTR and U with the ranking agreement under it.
 */
import type { ReactNode } from 'react';
import type { MeanInterval } from '../../../engine/metrics/intervals';
import type { ExperimentSummary } from '../../../engine/summary';
import { formatInterval, formatNumber, missingText } from '../../format';
import { modelColorAt } from '../../palette';
import { rankIntervalShort } from '../../rankingText';
import { intervalText, NEEDS_TWO } from '../../studyEstimates';

/** The numbers of an estimate as data attributes (empty where missing, never NaN). */
export function estimateData(e: MeanInterval | null) {
  return {
    'data-value': e ? e.mean : '',
    'data-lo': e?.hasInterval ? e.lo : '',
    'data-hi': e?.hasInterval ? e.hi : '',
  };
}

export function StudyNumber({
  name,
  testId,
  estimate,
  note,
}: {
  name: string;
  testId: string;
  estimate: MeanInterval | null;
  note?: ReactNode;
}) {
  return (
    <div className="study-stat" data-testid={testId} {...estimateData(estimate)}>
      <div className="study-stat-name">{name}</div>
      <div className="study-stat-value">{formatNumber(estimate?.mean)}</div>
      <div className="study-stat-interval">
        {estimate ? `estimate, ${intervalText(estimate)}` : 'no estimate yet'}
      </div>
      {note && <div className="study-stat-note">{note}</div>}
    </div>
  );
}

/** A table cell with an estimate and its interval in small print. */
export function EstimateCell({ e, testId }: { e: MeanInterval | null; testId?: string }) {
  if (!e) return <td data-testid={testId}>—</td>;
  return (
    <td data-testid={testId} {...estimateData(e)}>
      {formatNumber(e.mean)}
      <small>{e.hasInterval ? formatInterval(e.lo, e.hi) : NEEDS_TWO}</small>
    </td>
  );
}

/** A model's name with its colour swatch, as the row header of the studies' tables. */
export function ModelHead({ label, index }: { label: string; index: number }) {
  return (
    <th scope="row">
      <span className="swatch" style={{ background: modelColorAt(index) }} aria-hidden />
      {label}
    </th>
  );
}

/** TRTR, TSTR and U per model, and Kendall τ_b of the TSTR order against TRTR's. */
export function ModelUtilityTable({ summary, caption }: { summary: ExperimentSummary; caption: string }) {
  const tau = summary.ranking?.kendallTauB ?? null;
  return (
    <>
      <div className="table-scroll">
        <table className="results compact" data-testid="study-utility">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">TRTR</th>
              <th scope="col">TSTR</th>
              <th scope="col">U = |TSTR − TRTR|</th>
            </tr>
          </thead>
          <tbody>
            {summary.models.map((m, k) => (
              <tr key={m.id} data-model={m.id}>
                <ModelHead label={m.label} index={k} />
                {m.fitted === 0 ? (
                  <td colSpan={3} className="model-pending">
                    {m.error ? `could not fit: ${m.error}` : missingText(m)}
                  </td>
                ) : (
                  <>
                    <EstimateCell e={m.trtr} />
                    <EstimateCell e={m.tstr} />
                    <td data-testid="utility" data-value={m.utility?.value ?? ''}>
                      {formatNumber(m.utility?.value)}
                      <small>
                        {m.utility?.lo != null && m.utility.hi != null
                          ? formatInterval(m.utility.lo, m.utility.hi)
                          : NEEDS_TWO}
                      </small>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tau && (
        <p className="table-note" data-testid="study-tau" data-value={tau.mean}>
          Ranking by TSTR vs by TRTR: Kendall τ<sub>b</sub> = <strong>{formatNumber(tau.mean)}</strong>
          {tau.hasInterval ? rankIntervalShort(tau) : ' (one replicate: no interval)'}, over{' '}
          {summary.ranking?.replicates} replicates.
        </p>
      )}
    </>
  );
}
