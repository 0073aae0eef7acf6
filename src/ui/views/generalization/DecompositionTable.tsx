/**
 * The decomposition's numbers per model (also the accessible form of the chart): each reference says whether it
 * is exact or a Monte Carlo mean, with its 95% interval, and the estimation part carries its interval too.
 */
import { formatInterval, formatNumber } from '../../format';
import { modelColorAt } from '../../palette';
import type { DecompositionRow, Interval, ReferenceParts } from './decomposition';
import { PART_COLORS } from './DecompositionChart';

function Signed({
  value,
  testId,
  note,
}: {
  value: number | null;
  testId: string;
  /** Under the value: "exact", its interval, or what it is. */
  note?: string | null;
}) {
  return (
    <td data-testid={testId} data-value={value ?? ''}>
      {value === null ? '—' : `${value > 0 ? '+' : ''}${formatNumber(value)}`}
      {value !== null && note && <small>{note}</small>}
    </td>
  );
}

function intervalNote(interval: Interval | null, exact: boolean): string | null {
  if (exact) return 'exact';
  return interval ? formatInterval(interval.lo, interval.hi) : null;
}

function limitNote(parts: ReferenceParts): string {
  const at = parts.isLimit ? '' : `at N = ${(parts.size ?? 0).toLocaleString('en-US')}, not a limit; `;
  return parts.exact
    ? 'exact'
    : `${at}${parts.fits} fits${parts.intervals.limit ? `, ${formatInterval(parts.intervals.limit.lo, parts.intervals.limit.hi)}` : ''}`;
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
              <Signed
                value={row.reference?.response ?? null}
                testId="decomp-response"
                note={row.reference && intervalNote(row.reference.intervals.response, row.reference.exact)}
              />
              <Signed
                value={row.reference?.feature ?? null}
                testId="decomp-feature"
                note={row.reference && intervalNote(row.reference.intervals.feature, row.reference.exact)}
              />
              <Signed
                value={row.reference?.limit ?? null}
                testId="decomp-limit"
                note={row.reference && limitNote(row.reference)}
              />
              <Signed
                value={row.estimation}
                testId="decomp-estimation"
                note={
                  row.estimationInterval &&
                  formatInterval(row.estimationInterval.lo, row.estimationInterval.hi)
                }
              />
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
