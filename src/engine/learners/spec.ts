/**
 * Builds learners from model specs in the CLI's syntax: `name` or `name:key=value,key=value`, several joined by
 * ';' (e.g. "ols;ridge:alpha=2;poly:degree=2;knn:k=9"). The grammar and the parameter rules live in catalog.ts.
 */
import type { Task } from '../task';
import { parseSpecText, SpecError, splitSpecs } from './catalog';
import { cnn } from './cnn';
import { knn } from './knn';
import { krr } from './krr';
import { logistic } from './logistic';
import { mlp } from './mlp';
import { ols } from './ols';
import { poly } from './poly';
import { ridge } from './ridge';
import type { Learner } from './types';

export { SpecError } from './catalog';

/**
 * What a learner may know of its data beyond the rows: `images` (the digits lab: pixels already on one scale,
 * [0, 1]) makes the MLP take its inputs as they are rather than standardize each pixel, which would blow up the
 * pixels that are nearly constant in a training sample (a synthetic digit's border) where test digits have ink.
 */
export interface LearnerContext {
  readonly images?: boolean;
}

type Builder = (params: Readonly<Record<string, number>>, task: Task, context: LearnerContext) => Learner;

/** One builder per model of catalog.ts's MODEL_RULES (the parity test checks every rule builds). */
const BUILDERS: Readonly<Record<string, Builder>> = {
  ols: () => ols(),
  poly: (p) => poly(p.degree!),
  ridge: (p) => ridge(p.alpha!),
  krr: (p) => krr(p.alpha!, p.gamma!),
  logistic: (p) => logistic(p.C!),
  knn: (p, task) => knn(p.k!, task),
  mlp: (p, task, context) =>
    mlp(p.width!, p.depth!, p.epochs!, p.lr!, task, p.batch!, context.images ? 'none' : 'columns'),
  cnn: (p) => cnn(p.filters!, p.epochs!, p.lr!, p.batch!),
};

/** One spec, e.g. "ridge:alpha=2", for a task. */
export function parseModelSpec(
  text: string,
  task: Task = 'regression',
  context: LearnerContext = {},
): Learner {
  const parsed = parseSpecText(text, task);
  const build = BUILDERS[parsed.name];
  if (!build) throw new SpecError(`model "${parsed.name}" is known but has no learner yet`);
  return build(parsed.params, task, context);
}

/** A ';'-separated list of specs; empty entries are ignored, an empty list is an error. */
export function parseModelList(text: string, task: Task = 'regression'): Learner[] {
  const specs = splitSpecs(text);
  if (specs.length === 0) throw new SpecError('no model given');
  return specs.map((spec) => parseModelSpec(spec, task));
}
