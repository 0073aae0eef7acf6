import { describe, expect, it } from 'vitest';
import { parseModelList, parseModelSpec, SpecError } from './spec';

describe('model specs', () => {
  it('build learners with stable ids', () => {
    expect(parseModelList('ols; poly:degree=3 ;knn:k=9').map((l) => l.id)).toEqual([
      'ols',
      'poly:degree=3',
      'knn:k=9',
    ]);
  });

  it('refuse what they do not understand, naming the spec', () => {
    const cases: [string, RegExp][] = [
      ['forest', /unknown model "forest"/],
      ['knn', /knn needs k=/],
      ['knn:k=0', /outside 1\.\.10000/],
      ['knn:k=2.5', /must be whole/],
      ['knn:k=abc', /not a number/],
      ['knn:j=3', /"j" is not a parameter of knn/],
      ['knn:k', /needs a value/],
      ['knn:k=3,k=4', /given twice/],
      ['poly:degree=99', /outside/],
      ['ols:alpha=1', /"alpha" is not a parameter of ols/],
    ];
    for (const [spec, message] of cases) {
      expect(() => parseModelSpec(spec)).toThrow(SpecError);
      expect(() => parseModelSpec(spec)).toThrow(message);
    }
    expect(() => parseModelList(' ; ')).toThrow(/no model/);
    expect(() => parseModelSpec('ols', 'classification')).toThrow(/does not do classification/);
  });
});
