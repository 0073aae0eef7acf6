/**
 * The your-data lab's models when the user names none, in the page and the CLI's `evaluate` alike: a linear and
 * two local models, so the ranking has something to compare, and none whose cost explodes with the columns of
 * a real table (poly:degree=3 on 50 columns has 23,425 terms).
 */
import type { Task } from '../../../engine/task';

export const DATA_DEFAULT_MODELS: Readonly<Record<Task, string>> = {
  regression: 'ols;ridge:alpha=1;knn:k=5;knn:k=25',
  classification: 'logistic:C=1;knn:k=5;knn:k=25',
};
