import { describe, expect, it } from 'vitest';
import { matrix } from '../matrix';
import { MODEL_RULES, parseSpecText } from './catalog';
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

  it('build ridge, kernel ridge and logistic regression with their defaults and ranges', () => {
    expect(parseModelSpec('ridge').id).toBe('ridge:alpha=1');
    expect(parseModelSpec('ridge:alpha=2').id).toBe('ridge:alpha=2');
    expect(parseModelSpec('ridge:alpha=0').id).toBe('ridge:alpha=0');
    expect(parseModelSpec('krr:gamma=0.3').id).toBe('krr:alpha=1,gamma=0.3');
    expect(parseModelSpec('krr:alpha=0.5,gamma=0.3').id).toBe('krr:alpha=0.5,gamma=0.3');
    expect(parseModelSpec('logistic', 'classification').id).toBe('logistic:C=1');
    expect(parseModelSpec('logistic:C=1e-3', 'classification').id).toBe('logistic:C=0.001');
    expect(parseModelSpec('knn:k=3', 'classification').id).toBe('knn:k=3');
    const refused: [string, 'regression' | 'classification', RegExp][] = [
      ['krr:alpha=1', 'regression', /krr needs gamma=/],
      ['krr:gamma=0', 'regression', /outside/],
      ['ridge:alpha=-1', 'regression', /outside/],
      ['ridge:alpha=2e6', 'regression', /outside/],
      ['logistic:C=0', 'classification', /outside/],
      ['logistic', 'regression', /does not do regression/],
      ['ridge', 'classification', /does not do classification/],
      ['krr:gamma=1', 'classification', /does not do classification/],
      ['poly:degree=2', 'classification', /does not do classification/],
      ['constructor', 'regression', /unknown model "constructor"/],
      ['knn:toString=3', 'regression', /"toString" is not a parameter of knn/],
    ];
    for (const [spec, task, message] of refused)
      expect(() => parseModelSpec(spec, task), spec).toThrow(message);
  });

  it('give knn the task: classification votes, regression averages', async () => {
    const x = matrix(3, 1, Float64Array.of(0, 1, 2));
    const y = Float64Array.of(0, 1, 1);
    const test = matrix(1, 1, Float64Array.of(0.2));
    expect((await parseModelSpec('knn:k=2', 'classification').fit(x, y).predict(test))[0]).toBe(0);
    expect((await parseModelSpec('knn:k=2').fit(x, y).predict(test))[0]).toBe(0.5);
  });

  it('can build every model the catalog knows, with the catalog`s canonical id', () => {
    for (const [name, rule] of Object.entries(MODEL_RULES)) {
      const args = Object.entries(rule.params).map(([key, p]) => `${key}=${p.default ?? p.min}`);
      const spec = args.length > 0 ? `${name}:${args.join(',')}` : name;
      const learner = parseModelSpec(spec, rule.tasks[0]!);
      expect(learner.id).toBe(parseSpecText(spec, rule.tasks[0]!).id);
    }
  });
});
