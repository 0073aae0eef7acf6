/**
 * The your-data lab's scenario: its own keys in links (settings, file names and fingerprints, never data), and a
 * hand-edited link that is wrong (a bad fingerprint, an absurd R, a second real file) opens on a valid scenario
 * with a notice for each change.
 */
import { describe, expect, it } from 'vitest';
import { assertScenario } from '../../sanitize';
import { defaultScenario, isRelevant, PARAM_KEYS } from '../../schema';
import { decodeScenario, encodeScenario } from '../../url';
import { formatFiles, linkName, parseFiles, type FileRef } from './files';

const A = 'a'.repeat(64);
const B = '0123456789abcdef'.repeat(4);
const FILES: FileRef[] = [
  { role: 'real', name: 'real.csv', fingerprint: A },
  { role: 'synthetic', name: 'ctgan seed 1.csv', fingerprint: B },
  { role: 'test', name: 'test.csv', fingerprint: A },
];

describe('the your-data lab', () => {
  it('opens from a link on its own defaults; its links carry settings and fingerprints only', () => {
    const { scenario, notices } = decodeScenario('?lab=data');
    expect(notices).toEqual([]);
    expect(scenario).toEqual(defaultScenario('data'));
    expect(encodeScenario(scenario)).toBe(
      'v=3&lab=data&task=regression&models=ols;ridge:alpha=1;knn:k=5;knn:k=25&R=10&seed=1&target=&positive=&test_share=0.25&max_rows=0&missing=impute&files=',
    );
    const withFiles = { ...scenario, files: formatFiles(FILES), target: 'price', missing: 'drop' as const };
    const link = encodeScenario(withFiles);
    expect(link).toContain(`files=r:${A}:real.csv;s:${B}:ctgan%20seed%201.csv;t:${A}:test.csv`);
    expect(decodeScenario(`?${link}`)).toEqual({ scenario: withFiles, notices: [] });
    expect(() => assertScenario(withFiles)).not.toThrow();
    // Controls: the settings; the files are loaded, not typed; the task, target and missing cells are set in
    // the schema panel beside the columns.
    const shown = PARAM_KEYS.filter((key) => isRelevant(key, scenario));
    expect(shown).toEqual(['lab', 'models', 'replicates', 'seed', 'backend', 'testFraction', 'maxRows']);
    // With a test file nothing is held out: no held-out share to set.
    const withTest = { ...scenario, files: formatFiles(FILES) };
    expect(isRelevant('testFraction', withTest)).toBe(false);
  });

  it('a simulated link does not carry the your-data parameters, and ignores them with a notice', () => {
    expect(encodeScenario(defaultScenario())).not.toMatch(/files=|target=|missing=/);
    const { scenario, notices } = decodeScenario('?target=y&files=x');
    expect(scenario.lab).toBe('simulated');
    expect(notices.join(' ')).toMatch(
      /Not parameters of the simulated populations lab, ignored: target, files/,
    );
  });

  it('a hand-edited link with a bad fingerprint, an absurd R or a second real file gets notices and a valid state', () => {
    const files = `r:${A}:real.csv;s:xyz:bad.csv;r:${B}:again.csv;q:${A}:what.csv;s:${B}:good.csv`;
    const { scenario, notices } = decodeScenario(
      `?lab=data&R=1e9&test_share=0.9&missing=maybe&files=${files}`,
    );
    expect(() => assertScenario(scenario)).not.toThrow();
    expect(scenario.replicates).toBe(500);
    expect(scenario.testFraction).toBe(0.5);
    expect(scenario.missing).toBe('impute');
    expect(parseFiles(scenario.files).refs).toEqual([
      { role: 'real', name: 'real.csv', fingerprint: A },
      { role: 'synthetic', name: 'good.csv', fingerprint: B },
    ]);
    const text = notices.join('\n');
    expect(text).toMatch(/R = 1e9 is above the maximum 500/);
    expect(text).toMatch(/entry 2 \(bad\.csv\) has no valid SHA-256 fingerprint; dropped/);
    expect(text).toMatch(/entry 3: a second real file; dropped/);
    expect(text).toMatch(/entry 4 .* has no role r, s or t; dropped/);
    expect(text).toMatch(/missing = "maybe" is not one of impute, drop/);
  });

  it('keeps at most 8 synthetic files, and names without the separator', () => {
    const many = Array.from({ length: 10 }, (_, i) => `s:${A}:s${i}.csv`).join(';');
    const { refs, notices } = parseFiles(many);
    expect(refs).toHaveLength(8);
    expect(notices).toHaveLength(2);
    expect(linkName('a;b\u0001c.csv')).toBe('a_b_c.csv');
    expect(parseFiles(formatFiles([{ role: 'real', name: 'x;y.csv', fingerprint: A }])).refs[0]!.name).toBe(
      'x_y.csv',
    );
  });
});
