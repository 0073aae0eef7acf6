import { describe, expect, it } from 'vitest';
import { assertScenario, sanitizeParam, sanitizeScenario } from './sanitize';
import { defaultScenario, PARAM_KEYS, paramSpec } from './schema';

describe('sanitize, for every parameter', () => {
  for (const key of PARAM_KEYS) {
    const spec = paramSpec(key);
    describe(key, () => {
      it('keeps its default as given', () => {
        expect(sanitizeParam(key, spec.default)).toEqual({ value: spec.default });
        expect(sanitizeParam(key, String(spec.default))).toEqual({ value: spec.default });
      });

      if (spec.kind === 'number') {
        it('clamps below the minimum and above the maximum, with a notice', () => {
          const low = sanitizeParam(key, String(spec.min - 1 - Math.abs(spec.min)));
          expect(low.value).toBe(spec.min);
          expect(low.notice).toMatch(/below the minimum/);
          const high = sanitizeParam(key, spec.max * 10 + 1);
          expect(high.value).toBe(spec.max);
          expect(high.notice).toMatch(/above the maximum/);
          expect(sanitizeParam(key, '1e999').value).toBe(spec.max);
          expect(sanitizeParam(key, '-1e999').value).toBe(spec.min);
        });

        it('drops what is not a number, with a notice', () => {
          for (const bad of ['NaN', 'abc', '', '1,5', '0x10', '1e', '--1', 'Infinity', null, {}, [1]]) {
            const result = sanitizeParam(key, bad);
            expect(result.value).toBe(spec.default);
            expect(result.notice).toMatch(/not a number/);
          }
          expect(sanitizeParam(key, Number.NaN).value).toBe(spec.default);
        });

        it(spec.integer ? 'rounds to a whole number' : 'keeps fractional values', () => {
          const mid = spec.min + 0.37 * (spec.max - spec.min) + (spec.integer ? 0.3 : 0);
          const result = sanitizeParam(key, mid);
          if (spec.integer) {
            expect(result.value).toBe(Math.round(mid));
            expect(result.notice).toMatch(/whole number/);
          } else {
            expect(result).toEqual({ value: mid });
          }
        });
      } else if (spec.kind === 'text') {
        it('accepts text up to its length limit, and nothing else', () => {
          expect(sanitizeParam(key, '  ols  ').value).toBe('ols');
          expect(sanitizeParam(key, 'x'.repeat(spec.maxLength + 1)).notice).toMatch(/characters long/);
          expect(sanitizeParam(key, 42).value).toBe(spec.default);
        });
      } else {
        it('accepts every option and refuses anything else, with a notice', () => {
          for (const option of spec.options) expect(sanitizeParam(key, option).value).toBe(option);
          expect(sanitizeParam(key, ` ${spec.options[0]!.toUpperCase()} `).value).toBe(spec.options[0]);
          const bad = sanitizeParam(key, 'not-an-option');
          expect(bad.value).toBe(spec.default);
          expect(bad.notice).toMatch(/is not one of/);
          expect(sanitizeParam(key, 42).value).toBe(spec.default);
        });
      }
    });
  }
});

describe('whole scenarios', () => {
  it('the default scenario is valid', () => {
    expect(() => assertScenario(defaultScenario())).not.toThrow();
  });

  it('caps kNN k at min(n, m)', () => {
    const { scenario, notices } = sanitizeScenario(
      { models: 'ols;knn:k=80', n: '50', m: '30' },
      defaultScenario(),
    );
    expect(scenario.models).toBe('ols;knn:k=30');
    expect(notices).toEqual([expect.stringMatching(/knn:k=80 is larger than min\(n, m\) = 30/)]);
    expect(() => assertScenario(scenario)).not.toThrow();
  });

  it('keeps only models that parse and do the task, canonical, deduplicated, at most 8', () => {
    const { scenario, notices } = sanitizeScenario(
      { models: 'ols; ridge ;forest;knn:k=3;knn:k=3;logistic:C=1;poly:degree=2' },
      defaultScenario(),
    );
    expect(scenario.models).toBe('ols;ridge:alpha=1;knn:k=3;poly:degree=2');
    expect(notices.join()).toMatch(/unknown model "forest"/);
    expect(notices.join()).toMatch(/"logistic" does not do regression/);
    const many = Array.from({ length: 12 }, (_, i) => `knn:k=${i + 1}`).join(';');
    expect(sanitizeScenario({ models: many }, defaultScenario()).scenario.models.split(';')).toHaveLength(8);
  });

  it('falls back to the task`s default models when none is usable', () => {
    const switched = sanitizeScenario({ task: 'classification' }, defaultScenario());
    expect(switched.scenario.models).toBe('knn:k=10');
    expect(switched.notices.join()).toMatch(/"ols" does not do classification/);
    const { scenario, notices } = sanitizeScenario(
      { task: 'classification', models: 'ols', n: '12' },
      defaultScenario(),
    );
    expect(scenario.models).toBe('logistic:C=1;knn:k=1;knn:k=12');
    expect(notices.join()).toMatch(/no usable model for classification/);
  });

  it('keeps the correlation valid for p', () => {
    const { scenario } = sanitizeScenario({ p: '5', correlation: '-0.9' }, defaultScenario());
    expect(scenario.correlation).toBe(-0.24);
    expect(() => assertScenario(scenario)).not.toThrow();
  });

  it('the strict check names each problem', () => {
    expect(() => assertScenario({ ...defaultScenario(), shift: 99 })).toThrow(/shift/);
    expect(() => assertScenario({ ...defaultScenario(), n: 10.5 })).toThrow(/n/);
    expect(() => assertScenario({ ...defaultScenario(), extra: 1 })).toThrow();
    expect(() => assertScenario({ ...defaultScenario(), models: 'knn:k=100', n: 20 })).toThrow(/model list/);
    expect(() => assertScenario({ ...defaultScenario(), models: 'ridge' })).toThrow(/model list/);
  });
});
