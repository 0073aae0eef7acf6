import { describe, expect, it } from 'vitest';
import { diamondPath } from './paths';

describe('diamondPath', () => {
  it('goes round the four tips from the top, closed', () => {
    expect(diamondPath(10, 20, 5)).toBe('M10,15 L15,20 L10,25 L5,20 Z');
  });
});
