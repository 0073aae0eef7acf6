/**
 * The model list of a scenario made valid for its task and sizes: entries that do not parse or do not do the
 * task are dropped, duplicates removed, kNN's k capped at min(n, m), at most MAX_MODELS kept; an empty list
 * becomes the task's default. Every lab's cross rules end with it.
 */
import { MODEL_RULES, parseSpecText, SpecError, splitSpecs } from '../engine/learners/catalog';
import type { Task } from '../engine/task';
import type { Sanitized } from './sanitized';

export const MAX_MODELS = 8;
export const DEFAULT_MODELS: Readonly<Record<Task, string>> = {
  regression: 'ols;poly:degree=3;knn:k=10',
  classification: 'logistic:C=1;knn:k=1;knn:k=15',
};

interface ModelContext {
  readonly models: string;
  readonly task: Task;
  readonly n: number;
  readonly m: number;
  /** The scenario's lab: models for images (the CNN) are the digits lab's only. */
  readonly lab?: string;
}

export function sanitizeModels(scenario: ModelContext): Sanitized<string> {
  const notes: string[] = [];
  const ids: string[] = [];
  const kMax = Math.min(scenario.n, scenario.m);
  for (const text of splitSpecs(scenario.models)) {
    try {
      let parsed = parseSpecText(text, scenario.task);
      if (MODEL_RULES[parsed.name]?.images && scenario.lab !== 'mnist') {
        notes.push(`${parsed.name} needs 28 × 28 images, the digits lab's; left out`);
        continue;
      }
      if (parsed.name === 'knn' && parsed.params.k! > kMax) {
        notes.push(`knn:k=${parsed.params.k} is larger than min(n, m) = ${kMax}; using k = ${kMax}`);
        parsed = parseSpecText(`knn:k=${kMax}`, scenario.task);
      }
      if (ids.includes(parsed.id)) continue;
      if (ids.length === MAX_MODELS) {
        notes.push(`at most ${MAX_MODELS} models; "${parsed.id}" and later ones were left out`);
        break;
      }
      ids.push(parsed.id);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      notes.push(`${error.message}; left out`);
    }
  }
  if (ids.length === 0) {
    // The default list goes through the same rules (its kNN may need capping); it always keeps a model.
    const fallback = sanitizeModels({ ...scenario, models: DEFAULT_MODELS[scenario.task] });
    notes.push(`no usable model for ${scenario.task}; using ${fallback.value}`);
    ids.push(fallback.value);
  }
  const value = ids.join(';');
  return notes.length === 0 ? { value } : { value, notice: `models: ${notes.join('; ')}.` };
}
