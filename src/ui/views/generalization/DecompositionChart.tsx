/**
 * Where the gap TSTR − TRTR comes from, per model, as a waterfall read left to right: the response part (only the
 * synthetic responses differ), then the feature × misspecification part, which together reach the population
 * limit R(f̄) − R(f*) (◇; □ where it is only the learner's value at the reference size N); then the estimation part (finite n and m), which ends at the measured gap (●, with its
 * 95% interval). Each part starts where the previous one ended, so a negative part goes left.
 */
import { memo } from 'react';
import { BottomAxis } from '../../charts/axis';
import { Legend } from '../../charts/Legend';
import { legendLayout } from '../../charts/legendLayout';
import { Diamond, RowLabel, Whisker } from '../../charts/marks';
import { linearScale } from '../../charts/scale';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { formatNumber, missingText } from '../../format';
import { modelColorAt } from '../../palette';
import {
  decompositionExtent,
  linearAxis,
  waterfall,
  type DecompositionRow,
  type PartName,
} from './decomposition';
import { ReferenceMark } from './ReferenceMark';

export const PART_COLORS: Readonly<Record<PartName, string>> = {
  response: '#CC79A7',
  feature: '#009E73',
  estimation: '#8C8C8C',
};

export const PART_LABELS: Readonly<Record<PartName, string>> = {
  response: 'responses (η̃ and noise)',
  feature: 'features × misspecification',
  estimation: 'estimation (finite n, m)',
};

const LANE = 9;
const LANE_GAP = 3;
const ROW = 3 * LANE + 2 * LANE_GAP + 14;

function describe(rows: readonly DecompositionRow[], showGap: boolean): string {
  return rows
    .map((r) => {
      const parts: string[] = [];
      if (r.reference) {
        parts.push(
          `response ${formatNumber(r.reference.response)}`,
          `features ${formatNumber(r.reference.feature)}`,
          `limit ${formatNumber(r.reference.limit)}`,
        );
      }
      if (r.estimation !== null) parts.push(`estimation ${formatNumber(r.estimation)}`);
      if (showGap && r.gap) parts.push(`measured gap ${formatNumber(r.gap.mean)}`);
      return `${r.label}: ${parts.length > 0 ? parts.join(', ') : 'no value'}`;
    })
    .join('; ');
}

export const DecompositionChart = memo(function DecompositionChart({
  rows,
  showGap,
  unit,
}: {
  rows: readonly DecompositionRow[];
  /** Draw the measured gap (not with TSTS, whose gap is scored on synthetic data). */
  showGap: boolean;
  unit: string;
}) {
  const { box, width } = useChartBox(260);
  const labelWidth = Math.round(Math.min(150, Math.max(76, width * 0.24)));
  const legend = legendLayout(
    [
      ...(['response', 'feature', 'estimation'] as const).map((part) => ({
        key: part,
        label: PART_LABELS[part],
        symbol: <rect x={-6} y={-5} width={12} height={10} rx={1} fill={PART_COLORS[part]} />,
      })),
      {
        key: 'limit',
        label: 'population limit R(f̄) − R(f*)',
        symbol: <Diamond x={0} y={0} r={5} fill="var(--card)" stroke="var(--fg)" />,
      },
      ...(rows.some((r) => r.reference && !r.reference.isLimit)
        ? [
            {
              key: 'at-n',
              label: 'R(f̄) − R(f*) at the reference size N (not a limit)',
              symbol: <ReferenceMark x={0} y={0} r={5} isLimit={false} fill="var(--card)" />,
            },
          ]
        : []),
      ...(showGap
        ? [
            {
              key: 'gap',
              label: 'measured gap TSTR − TRTR (95%)',
              symbol: (
                <g>
                  <line x1={-7} x2={7} y1={0} y2={0} stroke="var(--fg)" strokeWidth={1.5} />
                  <circle r={4} fill="var(--fg)" />
                </g>
              ),
            },
          ]
        : []),
    ],
    width - 8,
  );
  const top = legend.height + 8;
  const bottom = top + rows.length * ROW;
  const height = bottom + 36;
  const shown = showGap ? rows : rows.map((r) => ({ ...r, gap: null }));
  const axis = linearAxis(decompositionExtent(shown));
  const x = linearScale(axis.lo, axis.hi, labelWidth + 6, width - 14);
  return (
    <SvgChart
      box={box}
      width={width}
      height={height}
      label={`Decomposition of the gap per model: ${describe(rows, showGap)}`}
      testId="decomposition-chart"
    >
      <Legend layout={legend} x={4} y={0} />
      <BottomAxis scale={x} ticks={axis.ticks} top={top} bottom={bottom} label={unit} />
      {shown.map((row, i) => {
        const y0 = top + i * ROW + 7;
        const lane = (k: number) => y0 + k * (LANE + LANE_GAP);
        const segments = waterfall(row);
        const gap = row.gap;
        return (
          <g key={row.id} data-model={row.id}>
            <RowLabel
              x={4}
              y={y0 + (3 * LANE + 2 * LANE_GAP) / 2}
              width={labelWidth}
              color={modelColorAt(row.index)}
              label={row.label}
            />
            {segments.map((s, k) => {
              const [a, b] = [x(s.from), x(s.to)];
              const left = Math.min(a, b);
              const w = Math.max(1.5, Math.abs(b - a));
              return (
                <g key={s.part} data-part={s.part}>
                  <title>{`${PART_LABELS[s.part]}: ${formatNumber(s.to - s.from)}`}</title>
                  <rect x={left} y={lane(k)} width={w} height={LANE} fill={PART_COLORS[s.part]} rx={1} />
                  {k > 0 && (
                    <line
                      x1={a}
                      x2={a}
                      y1={lane(k) - LANE_GAP - 1}
                      y2={lane(k)}
                      stroke="var(--muted)"
                      strokeWidth={1}
                    />
                  )}
                </g>
              );
            })}
            {gap && (
              <g data-part="gap">
                {gap.lo !== null && gap.hi !== null && (
                  <Whisker x0={x(gap.lo)} x1={x(gap.hi)} y={lane(2) + LANE / 2} color="var(--fg)" cap={5} />
                )}
                <circle cx={x(gap.mean)} cy={lane(2) + LANE / 2} r={4.5} fill="var(--fg)" />
              </g>
            )}
            {row.reference && (
              <ReferenceMark
                x={x(row.reference.limit)}
                y={lane(1) + LANE / 2}
                r={5.5}
                isLimit={row.reference.isLimit}
                fill="var(--card)"
              />
            )}
            {!row.reference && !gap && (row.utility === null || row.referenceError) && (
              <text
                x={x.x0 + 4}
                y={y0 + (3 * LANE + 2 * LANE_GAP) / 2}
                dominantBaseline="central"
                fontSize={11}
                fill="var(--muted)"
              >
                {row.utility === null ? missingText(row) : 'no population value'}
              </text>
            )}
          </g>
        );
      })}
    </SvgChart>
  );
});
