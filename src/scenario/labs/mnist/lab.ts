/**
 * The digits lab (issue 11): real MNIST digits, synthetic digits from generators of very different fidelity
 * fitted on each replicate's real training digits, and classifiers from softmax regression to a small CNN. Its
 * plan names the digits but holds none: the thread that runs it loads the assets (plan.ts withDigits).
 */
import type { ExperimentPlan } from '../../../engine/plan';
import { CLASSES } from '../../../engine/digits/types';
import { sanitizeModels } from '../../models';
import { DIGITS_PARAMS } from '../../params/digits';
import { GENERATORS, IMAGE_ONLY_GENERATORS, type Scenario } from '../../types';
import { experimentPart, offeredGenerator, studyRules, type LabDefinition } from '../lab';
import { DIGITS_DEFAULT_MODELS } from './models';

/** The official test split's size: a replicate's test digits come from it. */
export const MNIST_TEST_DIGITS = 10_000;

/**
 * The `drop` value's digits: whole numbers 0-9, each once, in order; anything else is left out with a notice
 * (a hand-edited link still opens).
 */
export function parseDropped(text: string): { digits: number[]; notice: string | null } {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const digits = new Set<number>();
  const bad: string[] = [];
  for (const part of parts) {
    const digit = /^\d$/.test(part) ? Number(part) : NaN;
    if (Number.isInteger(digit)) digits.add(digit);
    else bad.push(part.length > 8 ? `${part.slice(0, 8)}…` : part);
  }
  const sorted = [...digits].sort((a, b) => a - b);
  return {
    digits: sorted,
    notice: bad.length ? `drop: ${bad.map((b) => `"${b}"`).join(', ')} is not a digit 0-9; left out.` : null,
  };
}

function digitsPlan(s: Scenario): ExperimentPlan {
  const kind = DIGIT_KINDS.find((k) => k === s.generator);
  if (!kind) throw new Error(`gen = ${s.generator} is not a digits generator`);
  return {
    task: 'classification',
    source: {
      kind: 'digits',
      name: 'MNIST',
      data: null,
      generator: {
        kind,
        pcaComponents: s.pcaComponents,
        mixtureComponents: s.generatorComponents,
        neighbors: s.generatorNeighbors,
        deformAmount: s.deformAmount,
        vaeLatent: s.vaeLatent,
        vaeEpochs: s.vaeEpochs,
      },
      corruption: {
        flipSymmetric: s.flipSymmetric,
        flipAsymmetric: s.flipAsymmetric,
        dropped: parseDropped(s.dropClasses).digits,
        imbalance: s.imbalance,
        blur: s.blur,
        pixelNoise: s.pixelNoise,
      },
    },
    ...experimentPart(s),
  };
}

const DIGIT_KINDS = ['smote', ...IMAGE_ONLY_GENERATORS] as const;

export const MNIST_LAB: LabDefinition = {
  id: 'mnist',
  title: 'digits',
  keys: new Set<keyof Scenario>([
    'lab',
    'n',
    'nTest',
    'm',
    'generator',
    'generatorComponents',
    'generatorNeighbors',
    ...(Object.keys(DIGITS_PARAMS) as (keyof Scenario)[]),
    'models',
    'replicates',
    'tstrOn',
    'seed',
    'backend',
    // The studies that need no extra generator fits (pooling, and choosing a hyperparameter); the loop and the
    // ensemble would refit a digits generator (the VAE) many times per replicate.
    'study',
    'holdout',
  ]),
  sweepAxis: { param: 'flipSymmetric', from: 0, to: 0.8, steps: 5 },
  excludedOptions: {
    generator: GENERATORS.filter((g) => !(DIGIT_KINDS as readonly string[]).includes(g)),
    study: ['collapse', 'ensemble'],
  },
  defaults: {
    task: 'classification',
    n: 2000,
    m: 2000,
    // 1,000 test digits keep the default run (four models, three replicates) under the gate's 30 s on 2 cores.
    nTest: 1000,
    replicates: 3,
    generator: 'pca-gaussian',
    models: DIGITS_DEFAULT_MODELS,
  },
  crossRules(scenario) {
    const notices: string[] = [];
    const offered = offeredGenerator(MNIST_LAB, scenario, 'pca-gaussian');
    let value = offered.scenario;
    if (offered.notice) notices.push(offered.notice);
    const studied = studyRules(MNIST_LAB, value);
    value = studied.scenario;
    notices.push(...studied.notices);
    // The digits are a classification task, always: `task` is not the lab's parameter, so a link's is ignored.
    if (value.task !== 'classification') value = { ...value, task: 'classification' };
    if (value.nTest > MNIST_TEST_DIGITS) {
      notices.push(
        `test = ${value.nTest}: MNIST's official test split has ${MNIST_TEST_DIGITS} digits; using test = ${MNIST_TEST_DIGITS}.`,
      );
      value = { ...value, nTest: MNIST_TEST_DIGITS };
    }
    const dropped = parseDropped(value.dropClasses);
    if (dropped.notice) notices.push(dropped.notice);
    if (dropped.digits.length >= CLASSES) {
      notices.push('drop: every digit dropped leaves nothing to draw; no digit dropped.');
      dropped.digits.length = 0;
    }
    const drop = dropped.digits.join(',');
    if (drop !== value.dropClasses) value = { ...value, dropClasses: drop };
    const models = sanitizeModels(value);
    if (models.value !== value.models) value = { ...value, models: models.value };
    if (models.notice) notices.push(models.notice);
    return { scenario: value, notices };
  },
  plan: digitsPlan,
};
