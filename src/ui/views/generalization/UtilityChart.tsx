/**
 * U per model: a dot at U = |mean TSTR − mean TRTR| with its 95% interval over replicates, in the model's colour,
 * and |R(f̄) − R(f*)|: a hollow diamond where it is the limit U approaches as n and m grow (fixed-dimension
 * fits), a hollow square where it is only the learner's value at the reference size N (kNN, kernel ridge, MLP),
 * with its Monte Carlo interval when it is not exact.
 */
import { memo } from 'react';
import { BottomAxis } from '../../charts/axis';
import { Legend } from '../../charts/Legend';
import { legendLayout } from '../../charts/legendLayout';
import { Diamond, RowLabel, Whisker } from '../../charts/marks';
import { linearScale } from '../../charts/scale';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { formatInterval, formatNumber, missingText } from '../../format';
import { modelColorAt } from '../../palette';
import { absInterval, linearAxis, utilityExtent, type DecompositionRow } from './decomposition';
import { ReferenceMark, referenceSource } from './ReferenceMark';

const ROW = 28;

function describe(rows: readonly DecompositionRow[]): string {
  return rows
    .map((r) => {
      if (!r.utility) return `${r.label}: ${missingText(r)}`;
      const interval =
        r.utility.lo !== null && r.utility.hi !== null
          ? ` (95% ${formatInterval(r.utility.lo, r.utility.hi)})`
          : '';
      const ref = r.reference;
      const limit = ref
        ? `, ${ref.isLimit ? 'population limit' : `reference at N = ${ref.size ?? ''} (not a limit)`} ${formatNumber(Math.abs(ref.limit))}, ${referenceSource(ref)}`
        : '';
      return `${r.label}: U = ${formatNumber(r.utility.value)}${interval}${limit}`;
    })
    .join('; ');
}

export const UtilityChart = memo(function UtilityChart({
  rows,
  unit,
}: {
  rows: readonly DecompositionRow[];
  unit: string;
}) {
  const { box, width } = useChartBox(260);
  const labelWidth = Math.round(Math.min(150, Math.max(76, width * 0.28)));
  const legend = legendLayout(
    [
      {
        key: 'u',
        label: 'U with 95% interval',
        symbol: (
          <g>
            <line x1={-7} x2={7} y1={0} y2={0} stroke="var(--fg)" strokeWidth={1.5} />
            <circle r={4} fill="var(--fg)" />
          </g>
        ),
      },
      // The limit's key only where a limit is drawn (a lab without a population has none).
      ...(rows.some((r) => r.reference?.isLimit)
        ? [
            {
              key: 'limit',
              label: 'population limit |R(f̄) − R(f*)|',
              symbol: <Diamond x={0} y={0} r={5} fill="var(--card)" stroke="var(--fg)" />,
            },
          ]
        : []),
      ...(rows.some((r) => r.reference && !r.reference.isLimit)
        ? [
            {
              key: 'at-n',
              label: 'value at the reference size N (kNN, kernel ridge, MLP: not a limit)',
              symbol: <ReferenceMark x={0} y={0} r={5} isLimit={false} fill="var(--card)" />,
            },
          ]
        : []),
    ],
    width - 8,
  );
  const top = legend.height + 8;
  const bottom = top + rows.length * ROW;
  const height = bottom + 36;
  const axis = linearAxis(utilityExtent(rows));
  const x = linearScale(axis.lo, axis.hi, labelWidth + 6, width - 14);
  return (
    <SvgChart
      box={box}
      width={width}
      height={height}
      label={`U per model: ${describe(rows)}`}
      testId="utility-chart"
    >
      <Legend layout={legend} x={4} y={0} />
      <BottomAxis scale={x} ticks={axis.ticks} top={top} bottom={bottom} label={unit} />
      {rows.map((row, i) => {
        const y = top + i * ROW + ROW / 2;
        const color = modelColorAt(row.index);
        const u = row.utility;
        return (
          <g key={row.id} data-model={row.id} data-value={u?.value ?? ''}>
            <RowLabel x={4} y={y} width={labelWidth} color={color} label={row.label} />
            {!u ? (
              <text x={x.x0 + 4} y={y} dominantBaseline="central" fontSize={11} fill="var(--muted)">
                {missingText(row)}
              </text>
            ) : (
              <>
                {u.lo !== null && u.hi !== null && <Whisker x0={x(u.lo)} x1={x(u.hi)} y={y} color={color} />}
                <circle cx={x(u.value)} cy={y} r={5} fill={color} stroke="var(--card)" strokeWidth={1} />
              </>
            )}
            {row.reference && (
              <g data-part="limit" data-exact={row.reference.exact} data-is-limit={row.reference.isLimit}>
                {row.reference.intervals.limit && !row.reference.exact && (
                  <Whisker
                    x0={x(absInterval(row.reference.intervals.limit).lo)}
                    x1={x(absInterval(row.reference.intervals.limit).hi)}
                    y={y + 8}
                    color="var(--muted)"
                    cap={3}
                  />
                )}
                <ReferenceMark
                  x={x(Math.abs(row.reference.limit))}
                  y={y}
                  r={5}
                  isLimit={row.reference.isLimit}
                  fill="none"
                />
              </g>
            )}
          </g>
        );
      })}
    </SvgChart>
  );
});
