/**
 * The your-data lab's store: files added through the engine API (here on this thread) with one message per file
 * that fails while the others stay, the scenario's link following the loaded files, the schema and task, the
 * evaluation equal to evaluateFiles on the same bytes, the chosen dataset in the page's results, IndexedDB-like
 * storage restored on attach, Forget clearing it, and a link's fingerprints compared with the loaded files.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateFiles } from '../data/evaluate';
import { encode, fingerprint, inferSchema, readTable } from '../data/index';
import { parseFiles } from '../scenario/labs/data/files';
import { defaultScenario } from '../scenario/schema';
import { encodeScenario } from '../scenario/url';
import { setParam } from './actions';
import { localClient } from '../worker/client';
import { createEngineApi } from '../worker/engineApi';
import {
  addFiles,
  attachDataEngine,
  cancelEvaluation,
  closeDataGate,
  evaluateData,
  evaluateWithRows,
  forgetData,
  removeFile,
} from './dataActions';
import { generateSynthetic, loadExample } from './dataExamples';
import { compareWithLink, dismissDataErrors, EMPTY_DATA_LAB, useDataLab } from './dataLab';
import { memoryStorage, type FileStorage } from './dataStorage';
import { startState, usePlayground } from './playground';

function csv(rows: number, seed: number, broken = false): string {
  const lines = ['id,x,g,y'];
  let s = seed;
  const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < rows; i++) {
    const x = u() * 4 - 2;
    const g = u() < 0.5 ? 'a' : 'b';
    const y = broken ? u() * 10 : 3 * x + (g === 'a' ? 1 : 0) + 0.2 * (u() - 0.5);
    lines.push(`${seed * 1000 + i},${x.toFixed(4)},${g},${y.toFixed(4)}`);
  }
  return lines.join('\n');
}

const file = (name: string, text: string) => new File([text], name);
const REAL = file('real.csv', csv(120, 1));
const GOOD = file('good.csv', csv(120, 2));
const BAD = file('bad.csv', csv(120, 3, true));

let storage: FileStorage;
let detach: () => void;
beforeEach(() => {
  usePlayground.setState(
    { ...startState(''), scenario: { ...defaultScenario('data'), replicates: 2, models: 'ols;knn:k=5' } },
    true,
  );
  useDataLab.setState(EMPTY_DATA_LAB, true);
  storage = memoryStorage();
  detach = attachDataEngine(localClient(createEngineApi('main')), storage);
});
afterEach(() => detach());

describe('the your-data lab store', () => {
  it('loads files, keeps the others when one fails, and puts names and fingerprints in the link', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD, file('empty.csv', ''), BAD]);
    const state = useDataLab.getState();
    expect(state.files.map((f) => f.name)).toEqual(['real.csv', 'good.csv', 'bad.csv']);
    expect(state.errors).toHaveLength(1);
    expect(state.errors[0]).toMatch(/^empty\.csv/);
    expect(state.schema?.target).toBe('y');
    expect(state.schema?.columns.find((c) => c.name === 'id')?.role).toBe('left-out');
    const refs = parseFiles(usePlayground.getState().scenario.files).refs;
    expect(refs.map((r) => [r.role, r.name])).toEqual([
      ['real', 'real.csv'],
      ['synthetic', 'good.csv'],
      ['synthetic', 'bad.csv'],
    ]);
    expect(refs[0]!.fingerprint).toBe(await fingerprint(await REAL.arrayBuffer()));
    expect((await storage.all()).map((f) => f.name).sort()).toEqual(['bad.csv', 'good.csv', 'real.csv']);
    await removeFile(state.files[2]!.slot);
    expect(useDataLab.getState().files).toHaveLength(2);
    expect(await storage.all()).toHaveLength(2);
  });

  it('evaluates as evaluateFiles does on the same bytes, and shows the chosen dataset in the views', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    await addFiles('synthetic', [BAD]);
    await evaluateData();
    const { evaluation, status } = useDataLab.getState();
    expect(status).toBe('done');
    const read = async (f: typeof REAL) => readTable(f.name, await f.arrayBuffer());
    const files = { real: await read(REAL), synthetic: [await read(GOOD), await read(BAD)] };
    const encoded = encode(files, inferSchema(files));
    const settings = {
      task: 'regression' as const,
      models: ['ols', 'knn:k=5'],
      replicates: 2,
      seed: 1,
      testFraction: 0.25,
    };
    const expected = await evaluateFiles(encoded, ['good.csv', 'bad.csv'], settings);
    expect(evaluation!.reports.map((r) => r.summary)).toEqual(expected.map((r) => r.summary));
    expect(usePlayground.getState().results?.summary).toEqual(expected[0]!.summary);
  });

  it('restores stored files on attach; Forget clears the worker, the storage and the state', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    detach();
    useDataLab.setState(EMPTY_DATA_LAB, true);
    detach = attachDataEngine(localClient(createEngineApi('main')), storage);
    await expect.poll(() => useDataLab.getState().files.length).toBe(2);
    await expect.poll(() => useDataLab.getState().schema?.target).toBe('y');
    await forgetData();
    expect(useDataLab.getState().files).toEqual([]);
    expect(await storage.all()).toEqual([]);
    expect(usePlayground.getState().scenario.files).toBe('');
  });

  it('says which loaded file differs from the link’s fingerprint, and which are still to choose', () => {
    const hex = (c: string) => c.repeat(64);
    const expected = [
      { role: 'real' as const, name: 'real.csv', fingerprint: hex('a') },
      { role: 'synthetic' as const, name: 's.csv', fingerprint: hex('b') },
    ];
    const loaded = [
      {
        slot: 'real',
        role: 'real' as const,
        name: 'real.csv',
        fingerprint: hex('c'),
        bytes: 1,
        rows: 1,
        columns: [],
        notices: [],
      },
    ];
    const { differs, missing } = compareWithLink(expected, loaded);
    expect(differs).toHaveLength(1);
    expect(differs[0]).toMatch(/^real\.csv differs from the real file the link was made with/);
    expect(missing.map((r) => r.name)).toEqual(['s.csv']);
  });

  it('makes seeded synthetic versions with the built-in generators, and loads an example in one call', async () => {
    await addFiles('real', [REAL]);
    await generateSynthetic('gaussian');
    // The same generator and seed make the same bytes: refused as a duplicate; another seed makes another file.
    await generateSynthetic('gaussian');
    expect(useDataLab.getState().errors).toEqual([
      expect.stringMatching(/^real gaussian seed 1\.csv: the same bytes as real gaussian seed 1\.csv/),
    ]);
    dismissDataErrors();
    setParam('seed', 2);
    await generateSynthetic('gaussian');
    await generateSynthetic('smote');
    const made = useDataLab.getState().files.filter((f) => f.role === 'synthetic');
    expect(useDataLab.getState().errors).toEqual([]);
    expect(made.map((f) => f.name)).toEqual([
      'real gaussian seed 1.csv',
      'real gaussian seed 2.csv',
      'real smote seed 2.csv',
    ]);
    expect(made[0]!.fingerprint).not.toBe(made[1]!.fingerprint);
    // The ID column is left out of the schema, so the generators do not make it.
    expect(made[0]!.columns).toEqual(['x', 'g', 'y']);
    expect(useDataLab.getState().errors).toEqual([]);

    await loadExample('classification');
    const state = useDataLab.getState();
    expect(state.files.map((f) => f.name)).toEqual([
      'penguins.json',
      'penguins gaussian seed 2.csv',
      'penguins smote seed 2.csv',
    ]);
    // The real-world example: vega-datasets' Palmer penguins, all 344 rows, sex as the target.
    expect(state.files[0]!.rows).toBe(344);
    expect(state.schema?.target).toBe('Sex');
    expect(usePlayground.getState().scenario.target).toBe('Sex');
    expect(state.schema?.task).toBe('classification');
    expect(usePlayground.getState().scenario.task).toBe('classification');
    // ols does not classify: the task's default models, with one notice and nothing else.
    expect(usePlayground.getState().scenario.models).toBe('logistic:C=1;knn:k=5;knn:k=25');
    expect(usePlayground.getState().notices).toEqual([
      'The files give a classification task: ols;knn:k=5 cannot all do it, so its default models are used ' +
        '(logistic:C=1;knn:k=5;knn:k=25).',
    ]);

    await loadExample('regression');
    expect(useDataLab.getState().files.map((f) => f.name)).toEqual([
      'penguins.json',
      'penguins gaussian seed 2.csv',
      'penguins smote seed 2.csv',
    ]);
    expect(useDataLab.getState().schema?.target).toBe('Body Mass (g)');
    expect(useDataLab.getState().schema?.task).toBe('regression');
    expect(usePlayground.getState().scenario.task).toBe('regression');
    expect(useDataLab.getState().errors).toEqual([]);
  });

  it('cancels an evaluation in flight: status cancelled, no reports', async () => {
    usePlayground.setState((st) => ({ scenario: { ...st.scenario, replicates: 200 } }));
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD, BAD]);
    const running = evaluateData();
    expect(useDataLab.getState().status).toBe('running');
    cancelEvaluation();
    await running;
    expect(useDataLab.getState().status).toBe('cancelled');
    expect(useDataLab.getState().evaluation).toBeNull();
  });

  it('keeps files chosen before the engine worker answered, and reads them once it does', async () => {
    detach();
    const pending = addFiles('real', [REAL]);
    detach = attachDataEngine(localClient(createEngineApi('main')), storage);
    await pending;
    expect(useDataLab.getState().files.map((f) => f.name)).toEqual(['real.csv']);
  });

  it('holds an evaluation estimated over the gate until the user says so', async () => {
    // A device 10^6 times slower than the reference machine: any evaluation is over 30 s.
    usePlayground.setState({ pace: 1e6 });
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    expect(useDataLab.getState().estimate!.seconds).toBeGreaterThan(30);
    await evaluateData();
    expect(useDataLab.getState()).toMatchObject({ gate: true, status: 'idle', evaluation: null });
    closeDataGate();
    expect(useDataLab.getState().gate).toBe(false);
    await evaluateData(true);
    expect(useDataLab.getState()).toMatchObject({ gate: false, status: 'done' });
  });

  it('"at most N rows per file" evaluates seeded samples of that many rows, and the link says so', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    await evaluateData();
    const whole = useDataLab.getState().evaluation!;
    await evaluateWithRows(40);
    await vi.waitFor(() => {
      const state = useDataLab.getState();
      expect(state.status).toBe('done');
      expect(state.evaluation).not.toBe(whole);
    });
    expect(usePlayground.getState().scenario.maxRows).toBe(40);
    expect(encodeScenario(usePlayground.getState().scenario)).toContain('max_rows=40');
    expect(useDataLab.getState().estimate!.cost.sizes).toEqual([{ n: 40, m: 40, nTest: 30 }]);
    const tstr = (e: typeof whole) => e.reports[0]!.summary.models[0]!.tstr!.mean;
    expect(tstr(useDataLab.getState().evaluation!)).not.toBe(tstr(whole));
  });

  it('re-evaluates when a setting changes once the files were evaluated, and not before', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    setParam('seed', 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(useDataLab.getState().status).toBe('idle');
    await evaluateData();
    const first = useDataLab.getState().evaluation!;
    setParam('seed', 5);
    await vi.waitFor(() => {
      expect(useDataLab.getState().evaluation).not.toBe(first);
      expect(useDataLab.getState().status).toBe('done');
    });
    const expected = await evaluateFiles(await encodedNow(), ['good.csv'], {
      task: 'regression',
      models: ['ols', 'knn:k=5'],
      replicates: 2,
      seed: 5,
      testFraction: 0.25,
      maxRows: 0,
    });
    expect(useDataLab.getState().evaluation!.reports[0]!.summary).toEqual(expected[0]!.summary);
  });
});

describe('the your-data lab store: choices a new user makes', () => {
  const three = (seed: number) =>
    file(
      `three-${seed}.csv`,
      [
        'x,kind',
        ...Array.from(
          { length: 60 },
          (_, i) => `${((i * 7 + seed) % 3) + (i % 10) / 10},${['n', 's', 'w'][(i * 7 + seed) % 3]}`,
        ),
      ].join('\n'),
    );

  it('a real file alone already has its columns, target and task; no error before a synthetic file', async () => {
    await addFiles('real', [REAL]);
    expect(useDataLab.getState()).toMatchObject({ schemaError: null, errors: [] });
    expect(useDataLab.getState().schema?.target).toBe('y');
    expect(useDataLab.getState().schema?.files).toEqual(['real.csv']);
  });

  it('the same synthetic file twice is refused with a message, once', async () => {
    await addFiles('real', [REAL]);
    await addFiles('synthetic', [GOOD]);
    await addFiles('synthetic', [file('copy.csv', csv(120, 2))]);
    expect(useDataLab.getState().files.map((f) => f.name)).toEqual(['real.csv', 'good.csv']);
    expect(useDataLab.getState().errors).toEqual([
      expect.stringMatching(/^copy\.csv: the same bytes as good\.csv/),
    ]);
  });

  it('a target of three classes: said before Evaluate, then evaluated with a positive class', async () => {
    usePlayground.setState((st) => ({ scenario: { ...st.scenario, models: 'logistic:C=1;knn:k=5' } }));
    await addFiles('real', [three(0)]);
    await addFiles('synthetic', [three(1)]);
    setParam('task', 'classification');
    await vi.waitFor(() => expect(useDataLab.getState().runError).toMatch(/3 classes in the target/));
    expect(useDataLab.getState().schema?.classes).toEqual(['n', 's', 'w']);
    setParam('positive', 's');
    await vi.waitFor(() => expect(useDataLab.getState().runError).toBeNull());
    await evaluateData();
    expect(useDataLab.getState().status).toBe('done');
    expect(encodeScenario(usePlayground.getState().scenario)).toContain('positive=s');
  });
});

/** The real and good files encoded as the worker does with the default schema options. */
async function encodedNow() {
  const files = {
    real: await readTable('real.csv', await REAL.arrayBuffer()),
    synthetic: [await readTable('good.csv', await GOOD.arrayBuffer())],
  };
  return encode(files, inferSchema(files, {}), { missing: 'impute' });
}
