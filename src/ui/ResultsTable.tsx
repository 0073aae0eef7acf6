/** The numbers behind the charts: TRTR, TSTR, U = |TSTR - TRTR| with 95% intervals, and TSTR/TRTR per model. */
import { isFailure, type ModelOutcome } from '../engine/results';
import { formatInterval, formatNumber } from './format';
import { modelColor } from './palette';

export function ResultsTable({ models }: { models: readonly ModelOutcome[] }) {
  return (
    <table className="results">
      <caption>
        Test risk (mean squared error on the real test sample). Intervals: 95%, from the finite test sample.
      </caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">TRTR</th>
          <th scope="col">TSTR</th>
          <th scope="col">U = |TSTR − TRTR|</th>
          <th scope="col">TSTR / TRTR</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id} data-model={m.id}>
            <th scope="row">
              <span className="swatch" style={{ background: modelColor(m.id) }} aria-hidden />
              {m.label}
            </th>
            {isFailure(m) ? (
              <td colSpan={4} className="model-error" data-testid="error">
                Could not fit: {m.error}
              </td>
            ) : (
              <>
                <td>
                  <span data-testid="trtr">{formatNumber(m.trtr.mean)}</span>
                  <small>{formatInterval(m.trtr.lo, m.trtr.hi)}</small>
                </td>
                <td>
                  <span data-testid="tstr">{formatNumber(m.tstr.mean)}</span>
                  <small>{formatInterval(m.tstr.lo, m.tstr.hi)}</small>
                </td>
                <td>
                  <strong data-testid="utility">{formatNumber(m.utility.mean)}</strong>
                  <small>{formatInterval(m.utility.lo, m.utility.hi)}</small>
                </td>
                <td data-testid="ratio">{formatNumber(m.ratio)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
