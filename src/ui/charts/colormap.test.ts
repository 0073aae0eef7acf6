import { describe, expect, it } from 'vitest';
import { CIVIDIS, cssRgb, mix, parseCssColor, rampAt, VIRIDIS } from './colormap';

describe('colour ramps', () => {
  it('run from the first stop to the last, clamped', () => {
    expect(rampAt(VIRIDIS, 0)).toEqual(VIRIDIS[0]);
    expect(rampAt(VIRIDIS, 1)).toEqual(VIRIDIS.at(-1));
    expect(rampAt(CIVIDIS, -3)).toEqual(CIVIDIS[0]);
    expect(rampAt(CIVIDIS, 7)).toEqual(CIVIDIS.at(-1));
  });

  it('get lighter along the ramp (readable in grey)', () => {
    const lum = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    for (const ramp of [VIRIDIS, CIVIDIS]) {
      const l = Array.from({ length: 21 }, (_, i) => lum(rampAt(ramp, i / 20)));
      for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]!);
    }
  });

  it('reads CSS colours', () => {
    expect(parseCssColor(' #1d2126')).toEqual([29, 33, 38]);
    expect(parseCssColor('#fff')).toEqual([255, 255, 255]);
    expect(parseCssColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseCssColor('var(--x)')).toBeNull();
  });
});

describe('colour helpers', () => {
  it('write CSS rgb(), with alpha only when translucent', () => {
    expect(cssRgb([0.4, 127.6, 255])).toBe('rgb(0, 128, 255)');
    expect(cssRgb([1, 2, 3], 0.5)).toBe('rgba(1, 2, 3, 0.5)');
  });

  it('mix one colour toward another', () => {
    expect(mix([0, 100, 200], [100, 100, 0], 0)).toEqual([0, 100, 200]);
    expect(mix([0, 100, 200], [100, 100, 0], 0.25)).toEqual([25, 100, 150]);
    expect(mix([0, 100, 200], [100, 100, 0], 1)).toEqual([100, 100, 0]);
  });
});
