/** The bottom axis of the hand-drawn SVG charts: vertical grid lines across the plot, tick labels under them. */
import { formatTick } from '../format';
import type { Scale } from './scale';

interface Props {
  readonly scale: Scale;
  readonly ticks: readonly number[];
  /** Where the grid lines start and end (the plot's top and bottom). */
  readonly top: number;
  readonly bottom: number;
  /** Axis title, centred under the tick labels. */
  readonly label?: string;
  readonly format?: (value: number) => string;
  readonly fontSize?: number;
  /** The line at 0 is drawn in the stronger colour; this wide (a difference axis reads from 0). */
  readonly zeroWidth?: number;
}

export function BottomAxis({
  scale,
  ticks,
  top,
  bottom,
  label,
  format = formatTick,
  fontSize = 11,
  zeroWidth = 1.2,
}: Props) {
  return (
    <g className="sv-axis">
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={scale(t)}
            x2={scale(t)}
            y1={top}
            y2={bottom}
            stroke={t === 0 ? 'var(--muted)' : 'var(--grid)'}
            strokeWidth={t === 0 ? zeroWidth : 1}
          />
          <text x={scale(t)} y={bottom + 14} textAnchor="middle" fontSize={fontSize} fill="var(--muted)">
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text
          x={(scale.x0 + scale.x1) / 2}
          y={bottom + 30}
          textAnchor="middle"
          fontSize={11}
          fill="var(--muted)"
        >
          {label}
        </text>
      )}
    </g>
  );
}
