/** The phase diagram's colour ramp. */
import { describe, expect, it } from 'vitest';
import { luminance, rampColor, textOn, viridis, viridisRgb } from './color';

describe('colour ramp', () => {
  it('is viridis, clamped, with luminance rising along it', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(0.5)).toBe('#21918c');
    expect(viridis(-1)).toBe('#440154');
    expect(viridis(2)).toBe('#fde725');
    expect(viridis(Number.NaN)).toBe('#440154');
    let last = -1;
    for (let i = 0; i <= 100; i++) {
      const l = luminance(viridisRgb(i / 100));
      expect(l).toBeGreaterThan(last);
      last = l;
    }
    expect(rampColor(0, [-1, 1])).toBe('#21918c');
  });

  it('puts white text on the dark end and black on the light end', () => {
    expect(textOn(0)).toBe('#ffffff');
    expect(textOn(1)).toBe('#000000');
  });
});
