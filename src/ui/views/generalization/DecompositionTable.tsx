/** The decomposition's numbers per model (also the accessible form of the chart). */
import { formatInterval, formatNumber } from '../../format';
import { modelColorAt } from '../../palette';
import type { DecompositionRow } from './decomposition';
import { PART_COLORS } from './DecompositionChart';

function Signed({ value, testId }: { value: number | null; testId: string }) {
  return (
    <td data-testid={testId} data-value={value ?? ''}>
      {value === null ? '—' : `${value > 0 ? '+' : ''}${formatNumber(value)}`}
    </td>
  );
}

export function DecompositionTable({ rows, risk }: { rows: readonly DecompositionRow[]; risk: string }) {
  return (
    <div className="table-scroll">
      <table className="results decomposition-table" data-testid="decomposition">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">
              <span className="swatch" style={{ background: PART_COLORS.response }} aria-hidden />
              response
            </th>
            <th scope="col">
              <span className="swatch" style={{ background: PART_COLORS.feature }} aria-hidden />
              features × missp.
            </th>
            <th scope="col">= limit R(f̄) − R(f*)</th>
            <th scope="col">
              <span className="swatch" style={{ background: PART_COLORS.estimation }} aria-hidden />
              estimation
            </th>
            <th scope="col">= gap {risk} − TRTR</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-model={row.id}>
              <th scope="row">
                <span className="swatch" style={{ background: modelColorAt(row.index) }} aria-hidden />
                {row.label}
              </th>
              <Signed value={row.reference?.response ?? null} testId="decomp-response" />
              <Signed value={row.reference?.feature ?? null} testId="decomp-feature" />
              <Signed value={row.reference?.limit ?? null} testId="decomp-limit" />
              <Signed value={row.estimation} testId="decomp-estimation" />
              <td data-testid="decomp-gap" data-value={row.gap?.mean ?? ''}>
                {row.gap ? `${row.gap.mean > 0 ? '+' : ''}${formatNumber(row.gap.mean)}` : '—'}
                {row.gap && (
                  <small>
                    {row.gap.lo !== null && row.gap.hi !== null
                      ? formatInterval(row.gap.lo, row.gap.hi)
                      : 'one replicate'}
                  </small>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
