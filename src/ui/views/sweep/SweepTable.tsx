/**
 * The sweep's numbers, one row per grid point in the order they were run: the swept values, U per model with
 * its 95% interval, OLS's closed-form U (or its limit) where the theory overlay applies, Kendall τ_b and the
 * (mean pairwise) consistency, and the study's numbers when the scenario has one. Folded away by default; it is also the accessible form of the charts.
 */
import { memo } from 'react';
import type { SweepPoint } from '../../../engine/sweep';
import type { SweepSetting } from '../../../scenario/page';
import type { Scenario } from '../../../scenario/schema';
import type { SweepOverlay } from '../../../scenario/sweepTheory';
import { formatInterval, formatNumber, formatTick } from '../../format';
import { modelColorAt } from '../../palette';
import { numberSpec } from './axes';
import { consistencyLabel, meanPairwiseConsistency } from './curves';
import { StudyCells, StudyHeads } from './StudyColumns';
import { sweepStudy } from './studyRows';

interface Props {
  readonly points: readonly SweepPoint[];
  readonly setting: SweepSetting;
  /** The scenario the sweep varied: its study (if any) adds its columns. */
  readonly base?: Scenario | null;
  /** OLS's closed form along a 1-D sweep (SweepView's overlay); null or 'none': no column. */
  readonly overlay?: SweepOverlay | null;
}

export const SweepTable = memo(function SweepTable({ points, setting, base = null, overlay = null }: Props) {
  const study = sweepStudy(base, points);
  const axes = setting.y ? [setting.x, setting.y] : [setting.x];
  const models = points[0]?.summary.models ?? [];
  const theory = overlay && overlay.kind !== 'none' && !setting.y ? overlay : null;
  const theoryLabel = models.find((m) => m.id === theory?.model)?.label ?? 'OLS';
  /** The closed form at a point's swept value (the overlay's grid holds the sweep's own values). */
  const theoryAt = (x: number | undefined) => theory?.grid.find((g) => g.x === x)?.risks?.utility ?? null;
  if (points.length === 0) return null;
  return (
    <details className="sweep-numbers" data-testid="sweep-numbers">
      <summary>
        Numbers ({points.length} point{points.length === 1 ? '' : 's'})
      </summary>
      <div className="sweep-table-scroll">
        <table className="results">
          <caption>
            U = |mean TSTR − mean TRTR| with its 95% interval; τ_b and {consistencyLabel(models.length)}{' '}
            compare the TSTR order of the models with the TRTR order, averaged over replicates.
          </caption>
          <thead>
            <tr>
              {axes.map((a) => (
                <th key={a.param} scope="col">
                  {numberSpec(a.param).url}
                </th>
              ))}
              {models.map((m, k) => (
                <th key={m.id} scope="col">
                  <span className="swatch" style={{ background: modelColorAt(k) }} />U {m.label}
                </th>
              ))}
              {theory && (
                <th scope="col" data-testid="sweep-theory-head">
                  U {theoryLabel}, {theory.kind === 'exact' ? 'exact (closed form)' : 'limit (n, m → ∞)'}
                </th>
              )}
              <th scope="col">τ_b</th>
              <th scope="col">{models.length === 2 ? 'P(consistent)' : 'C̄'}</th>
              {study && <StudyHeads study={study} models={models} />}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i} data-point={i}>
                {axes.map((a, j) => (
                  <th key={a.param} scope="row" data-testid={`sweep-value-${i}-${j}`}>
                    {formatTick(p.values[a.param] ?? NaN)}
                  </th>
                ))}
                {p.summary.models.map((m, k) => (
                  <td key={m.id}>
                    <span data-testid={`sweep-u-${i}-${k}`}>{formatNumber(m.utility?.value)}</span>
                    {m.utility?.lo != null && m.utility.hi != null && (
                      <small>{formatInterval(m.utility.lo, m.utility.hi)}</small>
                    )}
                  </td>
                ))}
                {theory && (
                  <td data-testid={`sweep-theory-u-${i}`}>
                    {formatNumber(theoryAt(p.values[setting.x.param]))}
                  </td>
                )}
                <td data-testid={`sweep-tau-${i}`}>{formatNumber(p.summary.ranking?.kendallTauB?.mean)}</td>
                <td data-testid={`sweep-cons-${i}`}>{formatNumber(meanPairwiseConsistency(p.summary))}</td>
                {study && <StudyCells study={study} point={p} row={i} base={base} param={setting.x.param} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
