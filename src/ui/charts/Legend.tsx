/** Draws a legendLayout at (x, y) of the chart's SVG: each item's symbol, then its label. */
import { LEGEND_FONT, type LegendLayout } from './legendLayout';

export function Legend({ layout, x, y }: { layout: LegendLayout; x: number; y: number }) {
  return (
    <g transform={`translate(${x},${y})`} className="sv-legend">
      {layout.items.map(({ item, x: ix, y: iy }) => (
        <g key={item.key} transform={`translate(${ix},${iy})`}>
          <g transform="translate(7,0)">{item.symbol}</g>
          <text x={18} y={0} dominantBaseline="central" fontSize={LEGEND_FONT} fill="var(--fg)">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
