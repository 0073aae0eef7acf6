/**
 * Small pieces for the hand-drawn SVG charts of the generalization, ranking and fidelity views: a linear scale,
 * a bottom axis with grid lines, row labels with the model's colour, a legend laid out inside the SVG (so
 * exported pictures keep it), and marker shapes. Colours come from CSS variables (exports resolve them).
 */
import type { ReactNode } from 'react';
import { formatTick } from '../../format';

export interface Scale {
  readonly lo: number;
  readonly hi: number;
  readonly x0: number;
  readonly x1: number;
  (value: number): number;
}

export function linearScale(lo: number, hi: number, x0: number, x1: number): Scale {
  const span = hi - lo || 1;
  const f = ((v: number) => x0 + ((Math.min(hi, Math.max(lo, v)) - lo) / span) * (x1 - x0)) as Scale;
  return Object.assign(f, { lo, hi, x0, x1 });
}

/** Vertical grid lines from `top` to `bottom` with tick labels under them; a stronger line at 0. */
export function BottomAxis({
  scale,
  ticks,
  top,
  bottom,
  label,
}: {
  scale: Scale;
  ticks: readonly number[];
  top: number;
  bottom: number;
  label?: string;
}) {
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
            strokeWidth={t === 0 ? 1.2 : 1}
          />
          <text x={scale(t)} y={bottom + 14} textAnchor="middle" fontSize={11} fill="var(--muted)">
            {formatTick(t)}
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

/** Roughly how wide a label is at `fontSize` (system sans-serif averages about 0.56 em per character). */
export function textWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.56;
}

/** Shortens a label to fit `width` pixels, with an ellipsis. */
export function fitText(text: string, width: number, fontSize = 12): string {
  if (textWidth(text, fontSize) <= width) return text;
  const keep = Math.max(1, Math.floor(width / (fontSize * 0.56)) - 1);
  return `${text.slice(0, keep)}…`;
}

/** A model's name at the left of its row, after a swatch of its colour; the full name as a tooltip. */
export function RowLabel({
  x,
  y,
  width,
  color,
  label,
}: {
  x: number;
  y: number;
  width: number;
  color: string;
  label: string;
}) {
  return (
    <g>
      <title>{label}</title>
      <rect x={x} y={y - 5} width={10} height={10} rx={2} fill={color} />
      <text x={x + 15} y={y} dominantBaseline="central" fontSize={12} fill="var(--fg)">
        {fitText(label, width - 18)}
      </text>
    </g>
  );
}

export interface LegendItem {
  readonly key: string;
  readonly label: string;
  /** The symbol, drawn in a 14 x 14 box with its centre at (0, 0). */
  readonly symbol: ReactNode;
}

export interface LegendLayout {
  readonly height: number;
  readonly items: readonly { item: LegendItem; x: number; y: number }[];
}

/** Lays the items out left to right, wrapping to new lines within `width`. */
export function legendLayout(items: readonly LegendItem[], width: number, lineHeight = 18): LegendLayout {
  let x = 0;
  let line = 0;
  const placed = items.map((item) => {
    const w = 20 + textWidth(item.label, 11) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      line += 1;
    }
    const at = { item, x, y: line * lineHeight + lineHeight / 2 };
    x += w;
    return at;
  });
  return { height: items.length === 0 ? 0 : (line + 1) * lineHeight, items: placed };
}

export function Legend({ layout, x, y }: { layout: LegendLayout; x: number; y: number }) {
  return (
    <g transform={`translate(${x},${y})`} className="sv-legend">
      {layout.items.map(({ item, x: ix, y: iy }) => (
        <g key={item.key} transform={`translate(${ix},${iy})`}>
          <g transform="translate(7,0)">{item.symbol}</g>
          <text x={18} y={0} dominantBaseline="central" fontSize={11} fill="var(--fg)">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A diamond of half-size r centred at (x, y). */
export function Diamond({
  x,
  y,
  r = 5,
  fill,
  stroke,
}: {
  x: number;
  y: number;
  r?: number;
  fill: string;
  stroke: string;
}) {
  return (
    <path
      d={`M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y} Z`}
      fill={fill}
      stroke={stroke}
      strokeWidth={1.5}
    />
  );
}

/** A horizontal interval whisker from lo to hi at height y, with end caps. */
export function Whisker({
  x0,
  x1,
  y,
  color,
  cap = 4,
}: {
  x0: number;
  x1: number;
  y: number;
  color: string;
  cap?: number;
}) {
  return (
    <g stroke={color} strokeWidth={1.5}>
      <line x1={x0} x2={x1} y1={y} y2={y} />
      <line x1={x0} x2={x0} y1={y - cap} y2={y + cap} />
      <line x1={x1} x2={x1} y1={y - cap} y2={y + cap} />
    </g>
  );
}
