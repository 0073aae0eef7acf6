/**
 * Synthetic files made in the page: a built-in generator's version of the real file, and the one-click examples
 * (real-world data with two synthetic versions). Each becomes a file like one the user chose (dataActions.ts).
 */
import type { FittedGeneratorKind } from '../engine/generators/fitted';
import type { Task } from '../engine/task';
import { setParam } from './actions';
import {
  addFiles,
  dataEngine,
  forgetData,
  positiveClassFor,
  schemaOptions,
  setDataTask,
  type FileInput,
} from './dataActions';
import { useDataLab } from './dataLab';
import { usePlayground } from './playground';

const get = useDataLab.getState;
const set = useDataLab.setState;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A file made in the page (a generator's output, an example). */
export function textFile(name: string, text: string): FileInput {
  return new File([text], name, { type: 'text/plain' });
}

/** A synthetic version of the real file by a built-in generator (seeded by the scenario's seed), added as a file. */
export async function generateSynthetic(kind: FittedGeneratorKind): Promise<void> {
  const real = get().files.find((f) => f.role === 'real');
  const engine = dataEngine();
  if (!engine || !real) return;
  const { missing, seed, task } = usePlayground.getState().scenario;
  try {
    const made = await engine.dataGenerate({
      real: real.slot,
      schema: schemaOptions(),
      missing,
      kind,
      seed,
      positiveClass: positiveClassFor(task),
    });
    await addFiles('synthetic', [textFile(made.name, made.text)]);
  } catch (error) {
    set((s) => ({ errors: [...s.errors, `${kind} on ${real.name}: ${message(error)}`] }));
  }
}

/** The examples' targets: Palmer penguins (vega-datasets' penguins.json, CC0-1.0), one column per task. */
export const EXAMPLE_TARGETS: Readonly<Record<Task, string>> = {
  classification: 'Sex',
  regression: 'Body Mass (g)',
};

/**
 * An example one click away: real-world data, the Palmer penguins (344 birds; Gorman, Williams & Fraser 2014, via
 * vega-datasets, CC0), as the real file with the task's target, and synthetic versions by the Gaussian and SMOTE
 * generators. The file is imported only when an example is asked for. What was loaded before is forgotten first.
 */
export async function loadExample(task: Task): Promise<void> {
  const { default: text } = await import('vega-datasets/data/penguins.json?raw');
  await forgetData();
  setDataTask(task, false);
  const target = EXAMPLE_TARGETS[task];
  if (usePlayground.getState().scenario.target !== target) setParam('target', target);
  await addFiles('real', [textFile('penguins.json', text)]);
  await generateSynthetic('gaussian');
  await generateSynthetic('smote');
}
