import { describe, expect, it } from 'vitest';
import { column } from '../matrix';
import { drawReal, type Population } from '../populations/population';
import { stream } from '../rng';
import { drawFitted, FITTED_GENERATOR_KINDS, GENERATOR_NOTES, type FittedGeneratorSettings } from './fitted';
import { GeneratorError } from './oracle';

const regression: Population = {
  task: 'regression',
  features: { family: 'mixture', p: 2, correlation: 0, df: 5, components: 3, separation: 2.5 },
  shape: { kind: 'quadratic', mix: { linear: 0, quadratic: 0, sine: 0, step: 0 } },
  sigma: 0.5,
  sharpness: 3,
  offset: 0,
};
const classification: Population = { ...regression, task: 'classification' };

const settings = (kind: FittedGeneratorSettings['kind']): FittedGeneratorSettings => ({
  kind,
  components: 3,
  neighbors: 5,
});

describe('two-stage generators (drawFitted)', () => {
  for (const population of [regression, classification]) {
    const real = drawReal(population, 200, 1, 'real');
    for (const kind of FITTED_GENERATOR_KINDS) {
      it(`${kind}, ${population.task}: m finite draws of the right shape, deterministic from the seed`, () => {
        const a = drawFitted(real, population.task, settings(kind), 150, stream(7, 'synthetic'));
        const b = drawFitted(real, population.task, settings(kind), 150, stream(7, 'synthetic'));
        const c = drawFitted(real, population.task, settings(kind), 150, stream(8, 'synthetic'));
        expect(a.x.rows).toBe(150);
        expect(a.x.cols).toBe(2);
        expect(a.y).toHaveLength(150);
        expect(a.x.data.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
        expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
        expect(Array.from(a.y)).toEqual(Array.from(b.y));
        expect(Array.from(a.x.data)).not.toEqual(Array.from(c.x.data));
        if (population.task === 'classification') {
          expect(a.y.every((v) => v === 0 || v === 1)).toBe(true);
        }
      });
    }
  }

  it('m = 0 gives an empty sample', () => {
    const real = drawReal(regression, 50, 2, 'real');
    for (const kind of FITTED_GENERATOR_KINDS) {
      const empty = drawFitted(real, 'regression', settings(kind), 0, stream(1, 's'));
      expect(empty.x.rows).toBe(0);
      expect(empty.y).toHaveLength(0);
    }
  });

  it('has keeps / breaks notes for every generator', () => {
    for (const kind of FITTED_GENERATOR_KINDS) {
      expect(GENERATOR_NOTES[kind].keeps.length).toBeGreaterThan(20);
      expect(GENERATOR_NOTES[kind].breaks.length).toBeGreaterThan(20);
    }
  });

  it('rejects malformed real samples and impossible settings with a GeneratorError', () => {
    const real = { x: column(Float64Array.of(0, 1, 2)), y: Float64Array.of(1, 2, 3) };
    const rand = () => stream(1, 's');
    expect(() =>
      drawFitted({ ...real, y: Float64Array.of(1) }, 'regression', settings('gaussian'), 5, rand()),
    ).toThrow(/3 feature rows but 1 responses/);
    expect(() =>
      drawFitted({ ...real, y: Float64Array.of(1, NaN, 3) }, 'regression', settings('smote'), 5, rand()),
    ).toThrow(/non-finite/);
    expect(() => drawFitted(real, 'regression', settings('gaussian'), -1, rand())).toThrow(GeneratorError);
    expect(() => drawFitted(real, 'regression', { ...settings('gmm'), components: 4 }, 5, rand())).toThrow(
      /K = 4 components but only 3 real points/,
    );
  });
});
