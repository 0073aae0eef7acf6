/**
 * Marks shared by the hand-drawn SVG charts: a model's row label with its colour swatch, a diamond (a population
 * value) and an interval whisker. Colours may be CSS variables: exports resolve them (export/svgText.ts).
 */
import { diamondPath } from './paths';
import { fitText } from './text';

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
  return <path d={diamondPath(x, y, r)} fill={fill} stroke={stroke} strokeWidth={1.5} />;
}

/** A horizontal interval whisker from x0 to x1 at height y, with end caps. */
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
