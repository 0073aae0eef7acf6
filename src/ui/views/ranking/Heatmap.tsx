/**
 * A small K x K matrix as an SVG heatmap with the value written in every cell (K <= 8). Rows and columns are the
 * models in list order, labelled by their colour and name (numbers on the columns when cells are narrow).
 * Accessible as role="img" with every value in its label; each cell carries data-row, data-col and data-value.
 */
import { memo } from 'react';
import { SvgChart, useChartBox } from '../../charts/SvgChart';
import { fitText } from '../../charts/text';
import { modelColorAt } from '../../palette';

interface Props {
  readonly labels: readonly string[];
  readonly matrix: readonly (readonly (number | null)[])[];
  readonly format: (value: number) => string;
  /** A shorter form for narrow cells (defaults to `format`). */
  readonly compact?: (value: number) => string;
  readonly fill: (value: number) => { color: string; opacity: number };
  /** data-testid of the SVG; each cell is `${testId}-cell`. */
  readonly testId: string;
  readonly name: string;
  /** The diagonal is not informative (1 or 0 by definition): drawn muted. */
  readonly mutedDiagonal?: boolean;
}

export const Heatmap = memo(function Heatmap({
  labels,
  matrix,
  format,
  compact,
  fill,
  testId,
  name,
  mutedDiagonal,
}: Props) {
  const { box, width } = useChartBox(220);
  const k = labels.length;
  const rowLabel = Math.round(width < 480 && k > 4 ? 84 : Math.min(140, Math.max(70, width * 0.3)));
  const cell = Math.floor(Math.max(30, Math.min(64, (width - rowLabel - 8) / Math.max(1, k))));
  const short = cell < 48 && compact ? compact : format;
  const numbered = cell < 64 || labels.some((l) => fitText(l, cell - 14, 11) !== l);
  const head = 24;
  const height = head + k * cell + 4;
  const svgWidth = Math.min(width, rowLabel + k * cell + 8);
  const description = labels
    .flatMap((a, j) =>
      labels.map((b, c) =>
        j < c ? `${a} vs ${b}: ${matrix[j]?.[c] == null ? 'unknown' : format(matrix[j]![c]!)}` : '',
      ),
    )
    .filter(Boolean)
    .join('; ');
  return (
    <SvgChart box={box} width={svgWidth} height={height} label={`${name}: ${description}`} testId={testId}>
      {labels.map((label, c) => (
        <g key={`col-${c}`}>
          <title>{label}</title>
          <rect
            x={rowLabel + c * cell + cell / 2 - 12}
            y={6}
            width={8}
            height={8}
            rx={1.5}
            fill={modelColorAt(c)}
          />
          <text
            x={rowLabel + c * cell + cell / 2 - 1}
            y={10}
            dominantBaseline="central"
            fontSize={11}
            fill="var(--muted)"
          >
            {numbered ? String(c + 1) : fitText(label, cell - 14, 11)}
          </text>
        </g>
      ))}
      {labels.map((label, j) => {
        const y = head + j * cell;
        return (
          <g key={`row-${j}`}>
            <title>{label}</title>
            <rect x={2} y={y + cell / 2 - 5} width={10} height={10} rx={2} fill={modelColorAt(j)} />
            <text x={16} y={y + cell / 2} dominantBaseline="central" fontSize={12} fill="var(--fg)">
              {fitText(numbered ? `${j + 1} ${label}` : label, rowLabel - 20)}
            </text>
          </g>
        );
      })}
      {labels.map((_, j) =>
        labels.map((__, c) => {
          const value = matrix[j]?.[c] ?? null;
          const diagonal = j === c && mutedDiagonal;
          const tone = value !== null && !diagonal ? fill(value) : null;
          const x = rowLabel + c * cell;
          const y = head + j * cell;
          return (
            <g
              key={`${j}-${c}`}
              data-testid={`${testId}-cell`}
              data-row={j}
              data-col={c}
              data-value={value ?? ''}
            >
              <title>{`${labels[j]} vs ${labels[c]}: ${value === null ? 'unknown' : format(value)}`}</title>
              <rect
                x={x + 1}
                y={y + 1}
                width={cell - 2}
                height={cell - 2}
                rx={3}
                fill="var(--grid)"
                opacity={diagonal ? 0.6 : 0.35}
              />
              {tone && (
                <rect
                  x={x + 1}
                  y={y + 1}
                  width={cell - 2}
                  height={cell - 2}
                  rx={3}
                  fill={tone.color}
                  fillOpacity={tone.opacity}
                />
              )}
              <text
                x={x + cell / 2}
                y={y + cell / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={cell >= 44 ? 12 : cell >= 38 ? 10.5 : 9.5}
                fontWeight={diagonal ? 400 : 600}
                fill={diagonal ? 'var(--muted)' : 'var(--fg)'}
              >
                {value === null ? '—' : short(value)}
              </text>
            </g>
          );
        }),
      )}
    </SvgChart>
  );
});
