import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../../scenario/page';
import { sanitizeScenario } from '../../scenario/sanitize';
import { defaultScenario } from '../../scenario/schema';
import { MAX_SCENARIO_FILE_BYTES, pageFromFile, parseScenarioFile } from './scenarioFile';

const file = (value: unknown) => JSON.stringify(value);
const scenarioFile = (scenario: unknown, extra: Record<string, unknown> = {}) =>
  file({ format: 'synthetic-utility-playground/scenario', version: 2, scenario, ...extra });

function rejected(text: string): string {
  const result = parseScenarioFile(text, 'bad.json');
  if (result.ok) throw new Error('expected a rejection');
  expect(result.notice).toMatch(/nothing was changed/);
  return result.notice;
}

describe('parseScenarioFile rejects what is not a scenario, with a notice', () => {
  it('not JSON', () => {
    expect(rejected('{"scenario": ')).toMatch(/not a JSON file/);
    expect(rejected('')).toMatch(/not a JSON file/);
    expect(rejected('shift=2')).toMatch(/not a JSON file/);
  });

  it('JSON that is not an object', () => {
    expect(rejected('[1, 2]')).toMatch(/a list/);
    expect(rejected('null')).toMatch(/null/);
    expect(rejected('"scenario"')).toMatch(/a string/);
    expect(rejected('42')).toMatch(/a number/);
  });

  it('too big', () => {
    const big = scenarioFile({ shift: 1 }, { padding: 'x'.repeat(MAX_SCENARIO_FILE_BYTES) });
    expect(rejected(big)).toMatch(/too big/);
  });

  it('a wrong format or version', () => {
    expect(rejected(file({ format: 'something-else', scenario: { shift: 1 } }))).toMatch(
      /not a scenario file of this playground/,
    );
    expect(rejected(file({ format: 42, scenario: { shift: 1 } }))).toMatch(/format "42"/);
    expect(rejected(scenarioFile({ shift: 1 }, { version: 'two' }))).toMatch(/unknown version/);
    expect(rejected(scenarioFile({ shift: 1 }, { version: 0 }))).toMatch(/unknown version/);
  });

  it('a scenario entry that is not an object', () => {
    expect(rejected(scenarioFile([1, 2]))).toMatch(/no scenario object/);
    expect(rejected(scenarioFile('shift=2'))).toMatch(/no scenario object/);
    expect(rejected(scenarioFile(null))).toMatch(/no scenario object/);
    expect(rejected(file({ format: 'synthetic-utility-playground/scenario' }))).toMatch(/no scenario object/);
  });

  it('an object without any scenario parameter', () => {
    expect(rejected(file({ hello: 'world' }))).toMatch(/no scenario parameters \(only hello\)/);
    expect(rejected(file({}))).toMatch(/empty scenario/);
    expect(rejected(scenarioFile({}))).toMatch(/empty scenario/);
  });
});

describe('parseScenarioFile loads valid files', () => {
  it('a saved scenario file, with all keys', () => {
    const scenario = { ...defaultScenario(), shift: 2 };
    const result = parseScenarioFile(scenarioFile(scenario, { page: DEFAULT_PAGE }));
    expect(result.ok && { ...result.scenario }).toEqual(scenario);
    expect(result.ok && result.page).toEqual(DEFAULT_PAGE);
    expect(result.ok && result.notices).toEqual([]);
  });

  it('a flat scenario object, as the CLI reads it', () => {
    const result = parseScenarioFile(file({ shift: 1.5, models: 'ols' }));
    expect(result.ok && { ...result.scenario }).toEqual({ shift: 1.5, models: 'ols' });
    expect(result.ok && result.page).toBeNull();
  });

  it('a { scenario } object without format, and a byte-order mark', () => {
    const result = parseScenarioFile(`\ufeff${file({ scenario: { seed: 5 } })}`);
    expect(result.ok && { ...result.scenario }).toEqual({ seed: 5 });
  });

  it('a results file: its scenario, with a notice', () => {
    const result = parseScenarioFile(
      file({ format: 'synthetic-utility-playground/results', scenario: { seed: 5 }, replicates: [] }),
    );
    expect(result.ok && result.notices).toEqual(['Loaded the scenario of a results file.']);
  });

  it('a newer version: loaded, with a notice', () => {
    const result = parseScenarioFile(scenarioFile({ seed: 5 }, { version: 9 }));
    expect(result.ok && result.notices.join(' ')).toMatch(/newer version/);
  });

  it('unknown keys become notices; values are left to the sanitizer', () => {
    const result = parseScenarioFile(scenarioFile({ shift: 'far', bogus: 1, seed: 3 }, { extra: true }));
    if (!result.ok) throw new Error(result.notice);
    expect({ ...result.scenario }).toEqual({ shift: 'far', seed: 3 });
    expect(result.notices).toContain('Unknown scenario keys ignored: bogus.');
    expect(result.notices).toContain('Unknown entries in the file ignored: extra.');
    const { scenario, notices } = sanitizeScenario(result.scenario, defaultScenario());
    expect(scenario.shift).toBe(defaultScenario().shift);
    expect(notices.join(' ')).toMatch(/shift = "far" is not a number/);
  });
});

describe('hostile files', () => {
  it('prototype-pollution keys are plain unknown keys and change no prototype', () => {
    const text =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "scenario": ' +
      '{"__proto__": {"shift": 3}, "prototype": 1, "shift": 1, "toString": 5}, "page": ' +
      '{"__proto__": {"view": "sweep"}, "view": "ranking"}}';
    const result = parseScenarioFile(text);
    if (!result.ok) throw new Error(result.notice);
    expect(Object.getPrototypeOf(result.scenario)).toBeNull();
    expect(Object.keys(result.scenario)).toEqual(['shift']);
    expect(result.scenario.shift).toBe(1);
    expect(result.page?.view).toBe('ranking');
    expect(result.notices.join(' ')).toMatch(/Unknown scenario keys ignored: __proto__, prototype, toString/);
    expect(result.notices.join(' ')).toMatch(/Unknown page settings ignored: __proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names and values shown in notices are printable and short', () => {
    const key = `\u0000\u202e${'k'.repeat(500)}`;
    const result = parseScenarioFile(file({ [key]: 1, seed: 1 }), 'evil\nname.json');
    if (!result.ok) throw new Error(result.notice);
    const notice = result.notices[0]!;
    expect(notice).not.toMatch(/[^\x20-\x7e…]/);
    expect(notice.length).toBeLessThan(100);
  });

  it('deep nesting does not throw', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseScenarioFile(deep).ok).toBe(false);
    const deepScenario = `{"scenario": {"shift": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    expect(parseScenarioFile(deepScenario).ok).toBe(true);
  });

  it('never throws and never lets an unknown key through (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseScenarioFile(text);
          if (result.ok) {
            for (const key of Object.keys(result.scenario)) expect(key in defaultScenario()).toBe(true);
          } else {
            expect(result.notice).toMatch(/nothing was changed/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('random objects as scenario and page never throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (scenario, page) => {
        let text: string;
        try {
          text = JSON.stringify({ scenario, page });
        } catch {
          return;
        }
        if (text === undefined) return;
        const result = parseScenarioFile(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('pageFromFile', () => {
  it('reads the saved structure and the link names through the link codec', () => {
    const { page, notices } = pageFromFile({
      view: 'sweep',
      present: true,
      deck: ['claim1', 'claim2'],
      hide: ['shift', 'export'],
      theme: 'dark',
      sweep: { x: { param: 'bias', from: 0, to: 1, steps: 5 }, y: null },
    });
    expect(notices).toEqual([]);
    expect(page).toEqual({
      ...DEFAULT_PAGE,
      view: 'sweep',
      present: true,
      deck: ['claim1', 'claim2'],
      preset: 'claim1',
      hide: ['shift', 'export'],
      theme: 'dark',
      sweep: { x: { param: 'bias', from: 0, to: 1, steps: 5 }, y: null },
    });
    expect(pageFromFile({ sx: 'corr', sx_from: '0', sx_to: 0.5, sx_n: 3 }).page?.sweep.x).toEqual({
      param: 'correlation',
      from: 0,
      to: 0.5,
      steps: 3,
    });
  });

  it('bad values become notices and defaults', () => {
    const { page, notices } = pageFromFile({
      view: 'nowhere',
      preset: 42,
      deck: 'claim1,nope',
      hide: [1, 'shift', { a: 1 }],
      embed: { yes: true },
      speed: ['fast'],
      sweep: { x: { param: 'seed', from: 'a', to: 1, steps: 999 }, y: 'both' },
      colour: 'red',
    });
    expect(page?.view).toBe('data');
    expect(page?.preset).toBe('claim1');
    expect(page?.deck).toEqual(['claim1']);
    expect(page?.hide).toEqual(['shift']);
    expect(page?.embed).toBe(false);
    expect(page?.speed).toBe('fast');
    expect(page?.sweep).toEqual(DEFAULT_PAGE.sweep);
    const text = notices.join(' | ');
    for (const part of [
      'view=nowhere',
      'preset=42',
      'nope',
      'entries that are not text',
      'page.embed is an object',
      'page.speed is a list',
      'page.sweep.y is a string',
      'sx=seed',
      'Unknown page settings ignored: colour',
    ])
      expect(text).toContain(part);
  });

  it('a page that is not an object is ignored with a notice', () => {
    expect(pageFromFile([1])).toEqual({
      page: null,
      notices: ["The file's page is a list, not an object; it was ignored."],
    });
  });
});
