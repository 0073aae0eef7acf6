// The page's "Save scenario" file runs in the CLI with the same scenario.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../scenario/page';
import { defaultScenario } from '../scenario/schema';
import { scenarioFileJson } from '../ui/export/files';
import { CliError } from './errors';
import { readScenario } from './scenarioInput';

const dir = mkdtempSync(join(tmpdir(), 'scenario-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('CLI --scenario with a saved scenario file', () => {
  it('reads the scenario of the page’s file without notices', () => {
    const scenario = { ...defaultScenario(), shift: 1.5, models: 'ols;knn:k=7', replicates: 3, seed: 11 };
    const page = { ...DEFAULT_PAGE, view: 'sweep' as const };
    const path = write(
      'scenario.json',
      scenarioFileJson(scenario, page, { appVersion: '0.0.0', link: 'http://x/?v=2' }),
    );
    const read = readScenario(path);
    expect(read.scenario).toEqual(scenario);
    expect(read.notices).toEqual([]);
  });

  it('a scenario entry that is not an object is an error, not a crash', () => {
    for (const bad of ['null', '"shift=2"', '[1]']) {
      const path = write('bad.json', `{"scenario": ${bad}}`);
      expect(() => readScenario(path)).toThrow(CliError);
    }
  });
});
