/**
 * The your-data lab (issue 15): the user's real training file, up to 8 synthetic versions of it and an optional
 * real test file. Its scenario holds the settings and the files' names and fingerprints (files.ts), never data;
 * the files themselves stay in the page (and its IndexedDB) and are evaluated by src/data/evaluate.ts in the
 * engine worker, so this lab has no plan of its own to build from a scenario alone.
 */
import { sanitizeModels } from '../../models';
import type { Scenario } from '../../types';
import type { LabDefinition } from '../lab';
import { formatFiles, parseFiles } from './files';
import { DATA_DEFAULT_MODELS } from './models';

export const DATA_LAB: LabDefinition = {
  id: 'data',
  title: 'your data',
  keys: new Set<keyof Scenario>([
    'lab',
    'task',
    'target',
    'positive',
    'missing',
    'testFraction',
    'maxRows',
    'models',
    'replicates',
    'seed',
    'files',
    'backend',
  ]),
  sweepAxis: { param: 'replicates', from: 5, to: 40, steps: 8 },
  defaults: { replicates: 10, models: DATA_DEFAULT_MODELS.regression },
  crossRules(scenario) {
    const notices: string[] = [];
    let value = scenario;
    const { refs, notices: fileNotices } = parseFiles(value.files);
    notices.push(...fileNotices);
    const files = formatFiles(refs);
    if (files !== value.files) value = { ...value, files };
    if (value.target !== value.target.trim()) value = { ...value, target: value.target.trim() };
    if (value.positive !== value.positive.trim()) value = { ...value, positive: value.positive.trim() };
    const models = sanitizeModels(value);
    if (models.value !== value.models) value = { ...value, models: models.value };
    if (models.notice) notices.push(models.notice);
    return { scenario: value, notices };
  },
  plan() {
    throw new Error(
      'the your-data lab runs on the files loaded in the page (src/data/evaluate.ts), not a plan',
    );
  },
};
