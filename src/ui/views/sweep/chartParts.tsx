/** What every chart of the Sweep view shares: its margins, legend style and text, and tooltip numbers. */
import { formatInterval, formatNumber } from '../../format';

export const MARGIN = { top: 8, right: 16, bottom: 22, left: 4 };
export const LEGEND_STYLE = { fontSize: 12, paddingBottom: 4 };

/** Legend names in the text colour (the icon carries the series colour): dark model colours stay readable. */
export function legendText(value: unknown) {
  return <span className="sweep-legend-text">{String(value)}</span>;
}

/** A tooltip entry: a number, or a band's [lo, hi] as an interval. */
export function tooltipValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value) && value.length === 2) return formatInterval(Number(value[0]), Number(value[1]));
  return '—';
}
