import { describe, expect, it } from 'vitest';
import { legendLayout, type LegendItem } from './legendLayout';
import { textWidth } from './text';

const item = (key: string, label = key): LegendItem => ({ key, label, symbol: null });
/** An item's width: 20 px for the symbol, the label, 14 px after it. */
const widthOf = (label: string) => 20 + textWidth(label, 11) + 14;

describe('legendLayout', () => {
  it('is empty and takes no height without items', () => {
    expect(legendLayout([], 300)).toEqual({ height: 0, items: [] });
  });

  it('places items left to right on one line when they fit', () => {
    const layout = legendLayout([item('a', 'first'), item('b', 'second')], 1000);
    expect(layout.height).toBe(18);
    expect(layout.items.map(({ x, y }) => [x, y])).toEqual([
      [0, 9],
      [widthOf('first'), 9],
    ]);
  });

  it('wraps an item that would pass the width to a new line', () => {
    const labels = ['response part', 'feature part', 'estimation part'];
    const width = widthOf(labels[0]!) + widthOf(labels[1]!) + 1;
    const layout = legendLayout(
      labels.map((l) => item(l)),
      width,
    );
    expect(layout.items.map(({ x, y }) => [x, y])).toEqual([
      [0, 9],
      [widthOf(labels[0]!), 9],
      [0, 27],
    ]);
    expect(layout.height).toBe(36);
  });

  it('never leaves a line empty: an item wider than the legend gets a line of its own', () => {
    const layout = legendLayout([item('a', 'a very long label indeed'), item('b')], 40, 20);
    expect(layout.items.map(({ x, y }) => [x, y])).toEqual([
      [0, 10],
      [0, 30],
    ]);
    expect(layout.height).toBe(40);
  });
});
