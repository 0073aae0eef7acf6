import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from './text';

describe('textWidth', () => {
  it('grows with the length and the font size', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('abcd', 10)).toBeCloseTo(22.4, 10);
    expect(textWidth('abcd', 20)).toBeCloseTo(2 * textWidth('abcd', 10), 10);
    expect(textWidth('abcd')).toBe(textWidth('abcd', 12));
  });
});

describe('fitText', () => {
  it('keeps a label that fits', () => {
    expect(fitText('OLS', 100)).toBe('OLS');
    expect(fitText('abcd', textWidth('abcd'))).toBe('abcd');
  });

  it('shortens a long label with an ellipsis to within the width', () => {
    const label = 'Gradient boosting (depth 3)';
    const fitted = fitText(label, 80, 12);
    expect(fitted.endsWith('…')).toBe(true);
    expect(label.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(textWidth(fitted, 12)).toBeLessThanOrEqual(80);
  });

  it('keeps at least one character', () => {
    expect(fitText('Random forest', 1)).toBe('R…');
  });
});
