/** Legend names of the studies' recharts charts in the text colour (the icon carries the series colour). */
export function legendText(value: unknown) {
  return <span className="study-legend-text">{String(value)}</span>;
}
