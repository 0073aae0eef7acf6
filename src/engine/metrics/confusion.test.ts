import { describe, expect, it } from 'vitest';
import { confusionCounts } from './confusion';

describe('confusionCounts', () => {
  it('counts true class by row and predicted class by column', () => {
    const c = confusionCounts([0, 1, 1, 2, 0], [0, 1, 2, 2, 1], 3);
    expect(c).toEqual([1, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect(c.reduce((s, v) => s + v, 0)).toBe(5);
  });

  it('leaves out labels that are no class', () => {
    expect(confusionCounts([0, 5, -1], [0, 0, 1], 2)).toEqual([1, 0, 0, 0]);
  });
});
