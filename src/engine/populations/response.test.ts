import { describe, expect, it } from 'vitest';
import { basis, etaAt, quadraticForm, shapeAt, sigmoid, type ResponseShape } from './response';

const mix = { linear: 0, quadratic: 0, sine: 0, step: 0 };
const shape = (kind: ResponseShape['kind']): ResponseShape => ({ kind, mix });

describe('response functions', () => {
  it('reduce to the one-feature formulas: 0.5 + x, 0.5 + x + x²/2, sin 2x', () => {
    for (const x of [-1.3, 0, 0.7, 2]) {
      expect(etaAt(shape('linear'), [x])).toBeCloseTo(0.5 + x, 14);
      expect(etaAt(shape('quadratic'), [x])).toBeCloseTo(0.5 + x + 0.5 * x * x, 14);
      expect(etaAt(shape('sine'), [x])).toBeCloseTo(Math.sin(2 * x), 14);
    }
    expect(etaAt(shape('step'), [-2])).toBe(-0.5);
  });

  it('compute x′Qx with interactions', () => {
    // x = (1, 2, 3): 1/2 (1 + 4 + 9) + 1/2 (2 + 3 + 6) = 7 + 5.5.
    expect(quadraticForm([1, 2, 3])).toBeCloseTo(12.5, 14);
    expect(basis('linear', [1, 2])).toBeCloseTo(1 - 1.4, 14);
  });

  it('mix the shapes with the given weights', () => {
    const row = [0.4, -1];
    const mixed: ResponseShape = { kind: 'mixed', mix: { linear: 2, quadratic: -1, sine: 0.5, step: 3 } };
    const expected =
      2 * basis('linear', row) - quadraticForm(row) + 0.5 * basis('sine', row) + 3 * basis('step', row);
    expect(shapeAt(mixed, row)).toBeCloseTo(expected, 14);
  });

  it('has a stable sigmoid', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });
});
