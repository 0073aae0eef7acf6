/**
 * The sweep table's study columns (issue 14), per grid point: the spread and tail width at the last generation
 * (with the closed form where it holds), TMTR per model, one ensemble member's U per model, or the regret and
 * P(same choice); each estimate with its 95% interval in small print.
 */
import type { MeanInterval } from '../../../engine/metrics/intervals';
import type { SweepPoint } from '../../../engine/sweep';
import type { Scenario } from '../../../scenario/schema';
import { formatInterval, formatNumber } from '../../format';
import { collapseClosedForm } from '../../studyEstimates';
import type { SweepStudy } from './studyRows';

function Estimate({ e, testId }: { e: MeanInterval | null | undefined; testId: string }) {
  return (
    <td data-testid={testId} data-value={e ? e.mean : ''}>
      {formatNumber(e?.mean)}
      {e?.hasInterval && <small>{formatInterval(e.lo, e.hi)}</small>}
    </td>
  );
}

export function StudyHeads({
  study,
  models,
}: {
  study: SweepStudy;
  models: readonly { id: string; label: string }[];
}) {
  if (study === 'collapse')
    return (
      <>
        <th scope="col">spread (last g)</th>
        <th scope="col">tail width (last g)</th>
        <th scope="col">spread, exact (closed form)</th>
      </>
    );
  if (study === 'mix')
    return (
      <>
        {models.map((m) => (
          <th key={m.id} scope="col">
            TMTR {m.label}
          </th>
        ))}
      </>
    );
  if (study === 'ensemble')
    return (
      <>
        {models.map((m) => (
          <th key={m.id} scope="col">
            U one member, {m.label}
          </th>
        ))}
      </>
    );
  return (
    <>
      <th scope="col">regret</th>
      <th scope="col">P(same choice)</th>
    </>
  );
}

export function StudyCells({
  study,
  point,
  row,
  base,
  param,
}: {
  study: SweepStudy;
  point: SweepPoint;
  row: number;
  base: Scenario | null;
  param: keyof Scenario;
}) {
  const s = point.summary.study;
  const K = point.summary.models.length;
  if (study === 'collapse') {
    const c = s?.kind === 'collapse' ? s : null;
    const at = base ? { ...base, ...point.values } : null;
    const closed = at ? collapseClosedForm(at) : null;
    const x = point.values[param];
    return (
      <>
        <Estimate e={c?.spread[c.spread.length - 1]} testId={`sweep-spread-${row}`} />
        <Estimate e={c?.tail[c.tail.length - 1]} testId={`sweep-tail-${row}`} />
        <td data-testid={`sweep-spread-exact-${row}`}>
          {closed?.value && at && x !== undefined ? formatNumber(closed.value(at.generations)) : '—'}
        </td>
      </>
    );
  }
  if (study === 'mix') {
    const m = s?.kind === 'mix' ? s : null;
    return (
      <>
        {Array.from({ length: K }, (_, k) => (
          <Estimate key={k} e={m?.models[k]?.tmtr} testId={`sweep-tmtr-${row}-${k}`} />
        ))}
      </>
    );
  }
  if (study === 'ensemble') {
    const e = s?.kind === 'ensemble' ? s : null;
    return (
      <>
        {Array.from({ length: K }, (_, k) => {
          const u = e?.models[k]?.memberUtility ?? null;
          return (
            <td key={k} data-testid={`sweep-single-u-${row}-${k}`} data-value={u ? u.value : ''}>
              {formatNumber(u?.value)}
              {u?.lo != null && u.hi != null && <small>{formatInterval(u.lo, u.hi)}</small>}
            </td>
          );
        })}
      </>
    );
  }
  const sel = s?.kind === 'select' ? s : null;
  const same = sel?.sameChoice ?? null;
  return (
    <>
      <Estimate e={sel?.regret} testId={`sweep-regret-${row}`} />
      <td data-testid={`sweep-same-${row}`}>
        {formatNumber(same?.estimate)}
        {same && <small>{formatInterval(same.lo, same.hi)}</small>}
      </td>
    </>
  );
}
