/**
 * A legend laid out inside the SVG (not as HTML beside it), so an exported picture keeps its legend. The layout
 * is pure and tested; Legend.tsx draws it.
 */
import type { ReactNode } from 'react';
import { textWidth } from './text';

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

export const LEGEND_FONT = 11;
/** Room for the symbol before an item's label. */
const SYMBOL_ROOM = 20;
/** Gap after an item's label. */
const ITEM_GAP = 14;

/** Lays the items out left to right, wrapping to a new line when the next one would pass `width`. */
export function legendLayout(items: readonly LegendItem[], width: number, lineHeight = 18): LegendLayout {
  let x = 0;
  let line = 0;
  const placed = items.map((item) => {
    const w = SYMBOL_ROOM + textWidth(item.label, LEGEND_FONT) + ITEM_GAP;
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
