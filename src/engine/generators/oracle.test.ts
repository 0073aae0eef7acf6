import { describe, expect, it } from 'vitest';
import { stream } from '../rng';
import { drawReal, NO_PERTURBATION, type Population } from '../populations/population';
import { drawOracle, GeneratorError, type OracleSettings } from './oracle';

const regression: Population = {
  task: 'regression',
  features: { family: 'gaussian', p: 1, correlation: 0, df: 5, components: 3, separation: 2 },
  shape: { kind: 'quadratic', mix: { linear: 0, quadratic: 0, sine: 0, step: 0 } },
  sigma: 0.5,
  sharpness: 3,
  offset: 0,
};
const identity: OracleSettings = {
  shift: 0,
  scale: 1,
  rotation: 0,
  keepComponents: 99,
  truncate: 0,
  ...NO_PERTURBATION,
};

describe('real and oracle synthetic samples', () => {
  it('reproduce the one-feature draws of link version 1 exactly', () => {
    // Version 1 drew x = shift + scale * z from stream '<label>/x' and y = eta + bias + sigma * eps from '<label>/noise'.
    const z = stream(7, 'synthetic/x').normals(50);
    const eps = stream(7, 'synthetic/noise').normals(50);
    const sample = drawOracle(
      regression,
      { ...identity, shift: 1.5, scale: 0.8, bias: 0.3 },
      50,
      7,
      'synthetic',
    );
    for (let i = 0; i < 50; i++) {
      const x = 1.5 + 0.8 * z[i]!;
      expect(sample.x.data[i]).toBe(x);
      expect(sample.y[i]).toBe(0.5 + x + 0.5 * x * x + 0.3 + 0.5 * eps[i]!);
    }
  });

  it('with no perturbation, the synthetic population is the real one', () => {
    const real = drawReal(regression, 100, 3, 'same');
    const synthetic = drawOracle(regression, identity, 100, 3, 'same');
    expect(Array.from(synthetic.y)).toEqual(Array.from(real.y));
  });

  it('rotates in the (x1, x2) plane', () => {
    const population = { ...regression, features: { ...regression.features, p: 2 } };
    const plain = drawOracle(population, identity, 10, 1, 's');
    const turned = drawOracle(population, { ...identity, rotation: 90 }, 10, 1, 's');
    for (let i = 0; i < 10; i++) {
      expect(turned.x.data[2 * i]).toBeCloseTo(-plain.x.data[2 * i + 1]!, 12);
      expect(turned.x.data[2 * i + 1]).toBeCloseTo(plain.x.data[2 * i]!, 12);
    }
  });

  it('truncates the support, and says so when the box is (almost) empty', () => {
    const inside = drawOracle(regression, { ...identity, truncate: 0.5 }, 500, 2, 't');
    expect(Math.max(...inside.x.data.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(() =>
      drawOracle(regression, { ...identity, shift: 3, scale: 0.1, truncate: 0.1 }, 100, 2, 't'),
    ).toThrow(GeneratorError);
  });

  it('classification: labels follow sigmoid(a g(x) + offset), flips move them as asked', () => {
    const population: Population = {
      ...regression,
      task: 'classification',
      shape: { ...regression.shape, kind: 'linear' },
    };
    const n = 40_000;
    const real = drawReal(population, n, 5, 'c');
    const mean = (y: Float64Array) => y.reduce((a, b) => a + b, 0) / y.length;
    // Symmetric g and offset 0: balanced classes (SE 0.0025).
    expect(Math.abs(mean(real.y) - 0.5)).toBeLessThan(0.015);
    expect(new Set(real.y)).toEqual(new Set([0, 1]));
    const flipped = drawOracle(population, { ...identity, flip10: 1 }, n, 5, 'c');
    expect(mean(flipped.y)).toBe(0);
    const oneWay = drawOracle(population, { ...identity, flip01: 0.4 }, n, 5, 'c');
    // P(1) = 0.5 + 0.5 * 0.4 = 0.7.
    expect(Math.abs(mean(oneWay.y) - 0.7)).toBeLessThan(0.015);
  });
});
