/**
 * The toy lab: a fixed small dataset (dataset.ts) split at random into real training and test rows in every
 * replicate, with synthetic data from a generator fitted on the training rows. It exists so the tests can show
 * that a second lab goes through the same engine, views, exports and CLI; the "Your data" lab will work the same
 * way on the user's files.
 */
import type { ExperimentPlan } from '../../../engine/plan';
import { sanitizeModels } from '../../models';
import { paramSpec } from '../../params/index';
import { IMAGE_ONLY_GENERATORS, type NumberParam, type Scenario } from '../../types';
import { experimentPart, offeredGenerator, tabularGenerator, type LabDefinition } from '../lab';
import { TOY_NAME, TOY_ROWS, toyRows } from './dataset';

function toyPlan(s: Scenario): ExperimentPlan {
  if (s.generator === 'oracle') throw new Error('the toy lab has no oracle generator');
  return {
    task: s.task,
    source: {
      kind: 'table',
      name: TOY_NAME,
      rows: toyRows(s.task),
      fitted: {
        kind: tabularGenerator(s.generator),
        components: s.generatorComponents,
        neighbors: s.generatorNeighbors,
      },
    },
    ...experimentPart(s),
  };
}

export const TOY_LAB: LabDefinition = {
  id: 'toy',
  title: 'toy dataset',
  keys: new Set<keyof Scenario>([
    'lab',
    'task',
    'n',
    'nTest',
    'm',
    'generator',
    'generatorComponents',
    'generatorNeighbors',
    'models',
    'replicates',
    'tstrOn',
    'seed',
    'backend',
  ]),
  sweepAxis: { param: 'm', from: 50, to: 500, steps: 7 },
  excludedOptions: { generator: ['oracle', ...IMAGE_ONLY_GENERATORS] },
  defaults: { n: 200, nTest: 1000, m: 200, generator: 'gaussian' },
  crossRules(scenario) {
    const notices: string[] = [];
    let value = scenario;
    if (value.generator === 'oracle') {
      notices.push('gen = oracle needs a simulated population; the toy lab uses gen = gaussian.');
      value = { ...value, generator: 'gaussian' };
    }
    const offered = offeredGenerator(TOY_LAB, value, 'gaussian');
    value = offered.scenario;
    if (offered.notice) notices.push(offered.notice);
    // The split takes n training and nTest test rows out of the dataset's rows; the test size keeps its minimum.
    const testMin = (paramSpec('nTest') as NumberParam).min;
    if (value.n + value.nTest > TOY_ROWS) {
      const n = Math.min(value.n, TOY_ROWS - testMin);
      const nTest = TOY_ROWS - n;
      notices.push(
        `${TOY_NAME} has ${TOY_ROWS} rows: n = ${value.n} and test = ${value.nTest} do not fit; using n = ${n}, test = ${nTest}.`,
      );
      value = { ...value, n, nTest };
    }
    const models = sanitizeModels(value);
    if (models.value !== value.models) value = { ...value, models: models.value };
    if (models.notice) notices.push(models.notice);
    return { scenario: value, notices };
  },
  plan: toyPlan,
};
