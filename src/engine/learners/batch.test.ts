import { describe, expect, it } from 'vitest';
import { column } from '../matrix';
import { chunkSizes } from '../run';
import { fitAll } from './batch';
import { knn } from './knn';
import { mlp } from './mlp';
import { FitError } from './types';

const data = (values: number[]) => ({
  x: column(Float64Array.from(values)),
  y: Float64Array.from(values, (v) => 2 * v),
});

describe('fitting a batch of datasets', () => {
  it('gives each dataset its model, or its FitError, in order', async () => {
    const fits = await fitAll(knn(3), [data([1, 2, 3, 4]), data([1, 2]), data([5, 6, 7])]);
    expect(fits[1]).toBeInstanceOf(FitError);
    const first = fits[0]!;
    if (first instanceof FitError) throw first;
    expect(Array.from(await first.predict(column(Float64Array.of(1))))).toEqual([4]);
  });

  it('a batch learner gives the same models batched as alone (the MLP keeps each network`s seed)', async () => {
    const learner = mlp(4, 1, 20, 0.05);
    const sets = [data([0, 1, 2, 3, 4, 5]), data([1, 1.5, 2, 2.5, 3, 3.5])];
    const batched = await fitAll(learner, sets);
    const alone = sets.map((d) => learner.fit(d.x, d.y));
    const query = column(Float64Array.of(0.5, 2.5));
    for (const [i, model] of batched.entries()) {
      if (model instanceof FitError) throw model;
      expect(Array.from(await model.predict(query))).toEqual(Array.from(await alone[i]!.predict(query)));
    }
  });

  it('runs replicates in chunks 1, 2, 4, 8, 8, …', () => {
    expect(chunkSizes(1)).toEqual([1]);
    expect(chunkSizes(20)).toEqual([1, 2, 4, 8, 5]);
    expect(chunkSizes(5)).toEqual([1, 2, 2]);
  });
});
