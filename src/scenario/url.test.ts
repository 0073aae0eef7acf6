import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertScenario } from './sanitize';
import { LABS } from './labs/index';
import { sanitizeModels } from './models';
import { defaultScenario, PARAM_KEYS, paramSpec, type Scenario } from './schema';
import { decodeScenario, encodeScenario } from './url';

const MODEL_CHOICES = [
  'ols',
  'ridge:alpha=2.5',
  'poly:degree=2',
  'knn:k=1',
  'knn:k=9',
  'krr:alpha=0.5,gamma=0.3',
  'logistic:C=1',
];

/** Any valid scenario: every field within its bounds, models valid for the task and sizes. */
const validScenario: fc.Arbitrary<Scenario> = fc
  .record(
    Object.fromEntries(
      PARAM_KEYS.map((key) => {
        const spec = paramSpec(key);
        if (spec.kind === 'enum') return [key, fc.constantFrom(...spec.options)];
        if (spec.kind === 'text')
          return [key, fc.subarray(MODEL_CHOICES, { minLength: 1 }).map((m) => m.join(';'))];
        if (spec.integer) return [key, fc.integer({ min: spec.min, max: spec.max })];
        return [key, fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((v) => v + 0)];
      }),
    ) as unknown as { [K in keyof Scenario]: fc.Arbitrary<Scenario[K]> },
  )
  .map((s) => ({
    ...s,
    correlation: Math.max(s.correlation, Math.ceil((-1 / Math.max(1, s.p - 1) + 0.01) * 100) / 100),
  }))
  .map((s) => ({ ...s, models: sanitizeModels(s).value }))
  // A lab's scenario: the parameters it does not read keep its defaults, and its own rules hold.
  .map((s) => {
    const lab = LABS[s.lab];
    const defaults = defaultScenario(s.lab);
    const own = Object.fromEntries(
      PARAM_KEYS.map((key) => [key, lab.keys.has(key) ? s[key] : defaults[key]]),
    ) as unknown as Scenario;
    return lab.crossRules(own).scenario;
  });

describe('share links', () => {
  it('round-trip any valid scenario exactly, with no notice', () => {
    fc.assert(
      fc.property(validScenario, (scenario) => {
        const decoded = decodeScenario(`?${encodeScenario(scenario)}`);
        expect(decoded.notices).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
      }),
      { numRuns: 500 },
    );
  });

  it('are readable and versioned', () => {
    const link = encodeScenario({ ...defaultScenario(), eta: 'sine', shift: 1.5 });
    expect(link).toMatch(/^v=3&lab=simulated&task=regression&p=1&/);
    expect(link).toMatch(/&eta=sine&/);
    expect(link).toMatch(/&shift=1\.5&/);
    expect(link).toMatch(/&models=ols;poly:degree=3;knn:k=10&/);
    expect(link).not.toMatch(/backend/);
    expect(encodeScenario({ ...defaultScenario(), backend: 'webgl' })).toMatch(/&backend=webgl$/);
  });

  it('fill what a short hand-written link leaves out with defaults', () => {
    expect(decodeScenario('?shift=2')).toEqual({ scenario: { ...defaultScenario(), shift: 2 }, notices: [] });
    expect(decodeScenario('')).toEqual({ scenario: defaultScenario(), notices: [] });
  });

  it('drop unknown keys and bad values with notices, keeping the good ones', () => {
    const { scenario, notices } = decodeScenario('?v=2&shift=1.2&sigma=NaN&n=1e9&bogus=1&eta=cubic');
    expect(scenario).toEqual({ ...defaultScenario(), shift: 1.2, n: 5000 });
    expect(notices.join('\n')).toMatch(/sigma.*not a number/);
    expect(notices.join('\n')).toMatch(/n = 1e9 is above the maximum 5000/);
    expect(notices.join('\n')).toMatch(/Unknown link parameter ignored: bogus/);
    expect(notices.join('\n')).toMatch(/eta = "cubic" is not one of linear, quadratic, sine/);
  });

  it('upgrade version 1 links: k becomes the kNN model, one replicate', () => {
    const { scenario, notices } = decodeScenario('?v=1&eta=sine&shift=1&k=7&seed=3');
    expect(notices).toEqual([]);
    expect(scenario).toEqual({
      ...defaultScenario(),
      eta: 'sine',
      shift: 1,
      seed: 3,
      models: 'ols;poly:degree=3;knn:k=7',
      replicates: 1,
    });
    expect(decodeScenario('?v=1&k=abc').notices.join()).toMatch(/k=abc .* is not a number/);
  });

  it('say when the version is unknown', () => {
    expect(decodeScenario('?v=7&shift=1').notices[0]).toMatch(/newer version/);
    expect(decodeScenario('?v=abc&shift=1').notices[0]).toMatch(/Unknown link version/);
    expect(decodeScenario('?v=7&shift=1').scenario.shift).toBe(1);
  });

  it('use the first of repeated keys', () => {
    const { scenario, notices } = decodeScenario('?shift=1&shift=2');
    expect(scenario.shift).toBe(1);
    expect(notices).toEqual(['Repeated in the link, first value used: shift.']);
  });

  it('never throw on hostile input, and always give a valid scenario', () => {
    const hostile = [
      '?%',
      '?%E0%A4%A',
      '?shift=%F0%9F%92%A9',
      `?shift=${'9'.repeat(10_000)}`,
      `?${'x'.repeat(10_000)}=1`,
      `?eta=${'a'.repeat(10_000)}`,
      '?n=-Infinity&m=Infinity&k=NaN&seed=1e308',
      '?__proto__=1&constructor=2&toString=3',
      '?shift=1e-400&scale=0&bias=-0',
      '?<script>alert(1)</script>=1',
      '?&&&==&=&v',
      `?${'shift=1&'.repeat(5000)}`,
    ];
    for (const search of hostile) {
      const { scenario } = decodeScenario(search);
      expect(() => assertScenario(scenario)).not.toThrow();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (search) => {
        const { scenario, notices } = decodeScenario(search);
        expect(() => assertScenario(scenario)).not.toThrow();
        expect(notices.length).toBeLessThanOrEqual(16);
        for (const notice of notices) expect(notice.length).toBeLessThan(400);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...PARAM_KEYS.map((key) => paramSpec(key).url), 'v', 'zzz'),
          fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)),
        ),
        (entries) => {
          const { scenario } = decodeScenario(`?${new URLSearchParams(entries).toString()}`);
          expect(() => assertScenario(scenario)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
