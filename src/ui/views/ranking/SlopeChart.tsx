/**
 * The two orders side by side: models listed by mean TRTR (trained on real) on the left and by mean TSTR (trained
 * on synthetic) on the right, best (lowest risk) at the top, with a line joining each model's two places in its
 * colour. Parallel lines = the same order; crossing lines = synthetic data swaps those models.
 */
import { memo } from 'react';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { fitText, textWidth } from '../../charts/text';
import { COLORS, modelColorAt } from '../../palette';
import { formatNumber } from '../../format';
import type { RankedModel } from './orders';

const ROW = 30;

export const SlopeChart = memo(function SlopeChart({
  models,
  risk,
}: {
  models: readonly RankedModel[];
  risk: string;
}) {
  const { box, width } = useChartBox(280);
  const gutter = Math.max(48, Math.min(140, width * 0.2));
  const column = (width - gutter) / 2;
  const top = 40;
  const height = top + models.length * ROW + 6;
  const xLeft = column - 8;
  const xRight = width - column + 8;
  const yOf = (place: number) => top + place * ROW + ROW / 2;
  const entry = (m: RankedModel, side: 'left' | 'right') => {
    const value = formatNumber(side === 'left' ? m.trtr : m.tstr);
    const place = side === 'left' ? m.trtrPlace : m.tstrPlace;
    const room = column - 16 - 18 - textWidth(value, 11) - 8;
    const label = fitText(m.label, room, 12);
    const y = yOf(place);
    return side === 'left' ? (
      <g key={`${m.id}-l`} data-testid="order-real" data-model={m.id} data-place={place}>
        <title>{`${m.label}: TRTR ${value}, place ${place + 1}`}</title>
        <text x={2} y={y} dominantBaseline="central" fontSize={11} fill="var(--muted)">
          {place + 1}
        </text>
        <text x={18} y={y} dominantBaseline="central" fontSize={12} fill="var(--fg)">
          {label}
        </text>
        <text
          x={xLeft - 10}
          y={y}
          dominantBaseline="central"
          textAnchor="end"
          fontSize={11}
          fill="var(--muted)"
        >
          {value}
        </text>
        <circle cx={xLeft} cy={y} r={5} fill={modelColorAt(m.index)} />
      </g>
    ) : (
      <g key={`${m.id}-r`} data-testid="order-synthetic" data-model={m.id} data-place={place}>
        <title>{`${m.label}: ${risk} ${value}, place ${place + 1}`}</title>
        <circle cx={xRight} cy={y} r={5} fill={modelColorAt(m.index)} />
        <text x={xRight + 10} y={y} dominantBaseline="central" fontSize={11} fill="var(--muted)">
          {value}
        </text>
        <text x={width - 2} y={y} dominantBaseline="central" textAnchor="end" fontSize={12} fill="var(--fg)">
          {label}
        </text>
      </g>
    );
  };
  const swaps = models.filter((m) => m.trtrPlace !== m.tstrPlace).length;
  return (
    <SvgChart
      box={box}
      width={width}
      height={height}
      label={`Order by mean TRTR: ${[...models]
        .sort((a, b) => a.trtrPlace - b.trtrPlace)
        .map((m) => m.label)
        .join(', ')}. Order by mean ${risk}: ${[...models]
        .sort((a, b) => a.tstrPlace - b.tstrPlace)
        .map((m) => m.label)
        .join(', ')}.`}
      testId="orders"
      data-swaps={swaps}
    >
      <text x={2} y={12} fontSize={12} fontWeight={600} fill={COLORS.real}>
        By TRTR (real)
      </text>
      <text x={width - 2} y={12} textAnchor="end" fontSize={12} fontWeight={600} fill={COLORS.synthetic}>
        By {risk} (synthetic)
      </text>
      <text x={2} y={28} fontSize={10.5} fill="var(--muted)">
        best at the top · mean risk
      </text>
      <text x={width - 2} y={28} textAnchor="end" fontSize={10.5} fill="var(--muted)">
        mean risk
      </text>
      {models.map((m) => (
        <line
          key={`${m.id}-line`}
          x1={xLeft + 6}
          y1={yOf(m.trtrPlace)}
          x2={xRight - 6}
          y2={yOf(m.tstrPlace)}
          stroke={modelColorAt(m.index)}
          strokeWidth={m.trtrPlace === m.tstrPlace ? 2 : 3}
          strokeOpacity={0.9}
        />
      ))}
      {models.map((m) => entry(m, 'left'))}
      {models.map((m) => entry(m, 'right'))}
    </SvgChart>
  );
});
