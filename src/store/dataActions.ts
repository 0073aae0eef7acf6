/**
 * What changes the your-data lab's state (dataLab.ts): files added (read in the engine worker, kept in IndexedDB),
 * removed or forgotten, the schema refreshed when the files or the lab's settings change, the evaluation run and
 * cancelled, and the chosen dataset's results handed to the page's views (playground.ts `results`).
 */
import { checkSize } from '../data/index';
import type { SchemaOptions } from '../data/schema';
import { splitSpecs } from '../engine/learners/catalog';
import { formatFiles, MAX_SYNTHETIC_FILES, type FileRole } from '../scenario/labs/data/files';
import type { EngineClient } from '../worker/client';
import { labParams } from '../scenario/labs/index';
import { sanitizeModels } from '../scenario/models';
import { DATA_DEFAULT_MODELS } from '../scenario/labs/data/models';
import { loadScenario, setParam } from './actions';
import { EMPTY_DATA_LAB, layoutOf, useDataLab, type LoadedFile } from './dataLab';
import { pageThreads } from './gate';
import { learnDataPace, showDataset } from './dataResults';
import { GATE_SECONDS } from '../scenario/cost';
import type { EvaluateRequest } from '../worker/dataApi';
import { browserStorage, memoryStorage, type FileStorage } from './dataStorage';
import { usePlayground } from './playground';

export type DataEngine = Pick<
  EngineClient,
  | 'dataRead'
  | 'dataForget'
  | 'dataSchema'
  | 'dataEvaluate'
  | 'dataCancel'
  | 'dataGenerate'
  | 'dataEstimate'
  | 'init'
>;

/** A file as the page has it: a File (chosen, dropped, or made in the page by textFile). */
export type FileInput = Blob & { readonly name: string };

let engine: DataEngine | null = null;
/** Files chosen before the engine worker answered wait for it instead of being dropped. */
let connected: (client: DataEngine) => void = () => undefined;
let engineReady = new Promise<DataEngine>((resolve) => (connected = resolve));
let storage: FileStorage = memoryStorage();
let slots = 0;
/** The task the user chose (null: detected from the target). */
let taskOverride: 'regression' | 'classification' | null = null;
/** The task this module last set on the scenario (any other change is the user's). */
let taskSet: string | null = null;
let restored = false;
/** The user has evaluated these files: changes re-evaluate them (forgetting the files ends it). */
let live = false;

const set = useDataLab.setState;
const get = useDataLab.getState;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function schemaOptions(): SchemaOptions {
  const { target } = usePlayground.getState().scenario;
  const { exclude, include } = get();
  return {
    ...(target !== '' ? { target } : {}),
    ...(taskOverride ? { task: taskOverride } : {}),
    exclude,
    include,
  };
}

const TASK_NOTICE = 'The files give a ';

/** The schema of the loaded files; the scenario's task follows it unless the user chose one. */
export async function refreshSchema(): Promise<void> {
  const layout = layoutOf(get().files);
  if (!engine || !layout) {
    set({ schema: null, schemaError: null });
    return;
  }
  try {
    const schema = await engine.dataSchema(layout, schemaOptions());
    set({ schema, schemaError: null });
    const scenario = usePlayground.getState().scenario;
    if (scenario.task !== schema.task) {
      taskSet = schema.task;
      // A model list that would lose models for the new task (ols for classification) becomes its default.
      const keeps = sanitizeModels({ ...scenario, task: schema.task }).notice === undefined;
      // One line about the task at a time: an earlier switch's line would contradict this one.
      usePlayground.setState((st) => ({ notices: st.notices.filter((n) => !n.startsWith(TASK_NOTICE)) }));
      loadScenario(
        {
          ...labParams(scenario),
          task: schema.task,
          ...(keeps ? {} : { models: DATA_DEFAULT_MODELS[schema.task] }),
        },
        keeps
          ? []
          : [
              `${TASK_NOTICE}${schema.task} task: ${scenario.models} cannot all do it, so its default models ` +
                `are used (${DATA_DEFAULT_MODELS[schema.task]}).`,
            ],
      );
    }
    await afterChange();
  } catch (error) {
    // Numbers for the settings that worked before would now be read as this target's: they go.
    set({
      schema: null,
      schemaError: message(error),
      estimate: null,
      gate: false,
      evaluation: null,
      partial: [],
    });
    if (usePlayground.getState().results?.scenario.lab === 'data') usePlayground.setState({ results: null });
  }
}

function syncLink(): void {
  const files = formatFiles(get().files.map(({ role, name, fingerprint }) => ({ role, name, fingerprint })));
  if (usePlayground.getState().scenario.files !== files) setParam('files', files);
}

async function readOne(role: FileRole, slot: string, name: string, file: Blob): Promise<boolean> {
  if (!engine) return false;
  set((s) => ({ loading: [...s.loading, { slot, name, done: 0, total: file.size }] }));
  try {
    const info = await engine.dataRead(slot, name, file, (done, total) =>
      set((s) => ({ loading: s.loading.map((l) => (l.slot === slot ? { ...l, done, total } : l)) })),
    );
    // The same synthetic file twice would take two places on the leaderboard with one set of numbers.
    const twin = get().files.find(
      (f) => f.role === 'synthetic' && role === 'synthetic' && f.fingerprint === info.fingerprint,
    );
    if (twin) {
      await engine.dataForget(slot);
      set((s) => ({
        errors: [
          ...s.errors,
          `${name}: the same bytes as ${twin.name}, already loaded (same SHA-256): not added again. ` +
            'A built-in generator makes a different file with another seed.',
        ],
      }));
      return false;
    }
    const loaded: LoadedFile = { ...info, role };
    set((s) => ({ files: [...s.files.filter((f) => f.slot !== slot), loaded] }));
    return true;
  } catch (error) {
    set((s) => ({ errors: [...s.errors, message(error)] }));
    return false;
  } finally {
    set((s) => ({ loading: s.loading.filter((l) => l.slot !== slot) }));
  }
}

/** Adds files in a role (a real or test file replaces the one there); each failure is one message, the rest load. */
export async function addFiles(role: FileRole, inputs: readonly FileInput[]): Promise<void> {
  if (!engine) await engineReady;
  const room = MAX_SYNTHETIC_FILES - get().files.filter((f) => f.role === 'synthetic').length;
  const chosen = role === 'synthetic' ? inputs.slice(0, Math.max(0, room)) : inputs.slice(0, 1);
  const refused = inputs.filter((f) => !chosen.includes(f));
  if (refused.length > 0) {
    set((s) => ({
      errors: [
        ...s.errors,
        `Up to ${MAX_SYNTHETIC_FILES} synthetic files: ${refused.map((f) => f.name).join(', ')} not added.`,
      ],
    }));
  }
  // One after another: the files keep the order they were chosen in (the leaderboard's and the link's order).
  for (const input of chosen) {
    const slot = role === 'synthetic' ? `synthetic-${Date.now()}-${++slots}` : role;
    try {
      checkSize(input.name, input.size);
      if (await readOne(role, slot, input.name, input))
        await storage.save({ slot, role, name: input.name, blob: input, added: Date.now() + slots / 1000 });
    } catch (error) {
      set((s) => ({ errors: [...s.errors, message(error)] }));
    }
  }
  syncLink();
  await refreshSchema();
}

export async function removeFile(slot: string): Promise<void> {
  set((s) => ({ files: s.files.filter((f) => f.slot !== slot) }));
  await Promise.all([engine?.dataForget(slot), storage.remove(slot)]);
  syncLink();
  await refreshSchema();
}

/** "Forget my data": the files leave the worker, IndexedDB and the page's state. */
export async function forgetData(): Promise<void> {
  await engine?.dataCancel();
  await Promise.all([engine?.dataForget(null), storage.clear()]);
  taskOverride = null;
  live = false;
  set({ ...EMPTY_DATA_LAB, expected: get().expected });
  syncLink();
  usePlayground.setState({ results: null });
}

/** Leaves a column out, or keeps it (an ID-like one the rules left out). */
export async function setColumnUsed(name: string, used: boolean): Promise<void> {
  set((s) => ({
    exclude: used ? s.exclude.filter((c) => c !== name) : [...new Set([...s.exclude, name])],
    include: used ? [...new Set([...s.include, name])] : s.include.filter((c) => c !== name),
  }));
  await refreshSchema();
}

/** The positive class the scenario names, where it applies (a classification target); else none. */
export function positiveClassFor(task: string): string | undefined {
  const { positive } = usePlayground.getState().scenario;
  return positive !== '' && task === 'classification' ? positive : undefined;
}

/** The evaluation the loaded files and the page's settings ask for; null until there is something to evaluate. */
function evaluateRequest(): EvaluateRequest | null {
  const { files, schema } = get();
  const layout = layoutOf(files);
  if (!layout || !schema || layout.synthetic.length === 0) return null;
  const s = usePlayground.getState().scenario;
  return {
    layout,
    schema: schemaOptions(),
    missing: s.missing,
    positiveClass: positiveClassFor(schema.task),
    settings: {
      task: schema.task,
      models: splitSpecs(s.models),
      replicates: s.replicates,
      seed: s.seed,
      testFraction: s.testFraction,
      maxRows: s.maxRows,
    },
  };
}

/** The estimate of evaluating the current files and settings (one worker thread, this device's pace). */
export async function refreshEstimate(): Promise<void> {
  const request = evaluateRequest();
  if (!engine || !request) {
    set({ estimate: null, gate: false });
    return;
  }
  const { pace: factor, scenario, backend } = usePlayground.getState();
  const threads = pageThreads(scenario, backend);
  try {
    const pace = { threads, ...(factor !== null ? { factor } : {}) };
    const { cost, seconds, rowsWithin } = await engine.dataEstimate(request, GATE_SECONDS, pace);
    set((s) => ({
      estimate: { seconds, cost, rowsWithin, factor, threads },
      gate: false,
      // A message from settings that could not be evaluated goes once they can.
      ...(s.status !== 'running' && s.status !== 'error' ? { runError: null } : {}),
    }));
  } catch (error) {
    // These settings cannot be evaluated (a target of three classes and no positive class): said before Evaluate.
    set({ estimate: null, gate: false, ...(get().status !== 'running' ? { runError: message(error) } : {}) });
  }
}

/** Each evaluation's number: an answer from an older one (cancelled by a newer) changes nothing. */
let evaluations = 0;

/**
 * Evaluates the loaded files with the page's settings. One estimated over GATE_SECONDS waits for the user's
 * word (the gate panel) unless `anyway`.
 */
export async function evaluateData(anyway = false): Promise<void> {
  const request = evaluateRequest();
  if (!engine || !request) return;
  live = true;
  const { estimate } = get();
  if (!anyway && estimate && estimate.seconds > GATE_SECONDS) {
    set({ gate: true });
    return;
  }
  const id = ++evaluations;
  const began = performance.now();
  set({ status: 'running', runError: null, gate: false, partial: request.layout.synthetic.map(() => null) });
  try {
    // The backend the scenario asks for (the badge says which): helpers fit replicates only once it is known.
    const backend = await engine.init(usePlayground.getState().scenario.backend);
    usePlayground.setState({ backend });
    const evaluation = await engine.dataEvaluate(request, (index, summary) => {
      // Progress comes over its own port and may arrive after the final answer: then it is dropped.
      if (get().status !== 'running' || id !== evaluations) return;
      set((st) => ({ partial: st.partial.map((p, i) => (i === index ? summary : p)) }));
      if (index === get().chosen) showDataset(index, false);
    });
    if (id !== evaluations) return;
    if (evaluation === null) {
      set({ status: 'cancelled' });
      return;
    }
    const chosen = Math.min(get().chosen, evaluation.reports.length - 1);
    set({ evaluation, status: 'done', chosen });
    showDataset(chosen);
    learnDataPace(get().estimate, performance.now() - began);
  } catch (error) {
    if (id === evaluations) set({ status: 'error', runError: message(error) });
  }
}

/**
 * After the files or a setting changed: a new estimate and, once the user has evaluated these files, a new
 * evaluation (held by the gate when it is over GATE_SECONDS), so the numbers follow the settings.
 */
async function afterChange(): Promise<void> {
  await refreshEstimate();
  if (live) await evaluateData();
}

/** The gate's "fewer rows": at most `rows` rows of each file per replicate, then the evaluation. */
export async function evaluateWithRows(rows: number): Promise<void> {
  live = true;
  set({ gate: false });
  if (usePlayground.getState().scenario.maxRows !== rows) setParam('maxRows', rows);
  else await afterChange();
}

export function closeDataGate(): void {
  set({ gate: false });
}

export function cancelEvaluation(): void {
  evaluations++;
  set({ status: 'cancelled' });
  void engine?.dataCancel();
}

/** The task the user chose (null: detected from the target); the schema follows unless `refresh` is false. */
export function setDataTask(task: 'regression' | 'classification' | null, refresh = true): void {
  taskOverride = task;
  if (refresh) void refreshSchema();
}

/** The engine the lab is attached to (null before the worker answered). */
export function dataEngine(): DataEngine | null {
  return engine;
}

async function restore(): Promise<void> {
  restored = true;
  const stored = await storage.all();
  // In the order they were added, as before the reload.
  for (const f of stored) await readOne(f.role, f.slot, f.name, f.blob);
  if (stored.length > 0) {
    syncLink();
    await refreshSchema();
  }
}

/** The settings an evaluation reads besides the schema's (whose changes refresh the schema first). */
const EVALUATION_KEYS = [
  'models',
  'replicates',
  'seed',
  'testFraction',
  'maxRows',
  'missing',
  'positive',
] as const;

/**
 * Connects the lab to the engine and the storage, and follows the page: files kept from an earlier visit come
 * back when the lab opens; a change of target, task or missing policy refreshes the schema.
 */
export function attachDataEngine(client: DataEngine, files: FileStorage = browserStorage()): () => void {
  engine = client;
  connected(client);
  storage = files;
  restored = false;
  taskOverride = null;
  live = false;
  if (usePlayground.getState().scenario.lab === 'data') void restore();
  const unsubscribe = usePlayground.subscribe((state, previous) => {
    const s = state.scenario;
    if (s.lab !== 'data') return;
    if (!restored) void restore();
    const p = previous.scenario;
    if (s.task !== p.task && s.task !== taskSet && p.lab === 'data') {
      taskOverride = s.task;
      void refreshSchema();
    } else if (s.target !== p.target) void refreshSchema();
    // A task the schema set (refreshSchema follows it with its own afterChange) is not a second change.
    else if (s.task === p.task && EVALUATION_KEYS.some((key) => s[key] !== p[key])) void afterChange();
  });
  return () => {
    unsubscribe();
    engine = null;
    engineReady = new Promise<DataEngine>((resolve) => (connected = resolve));
  };
}
