/**
 * The two kinds of prediction task every lab, learner and generator works with: squared-error regression and
 * 0-1 loss binary classification. The one definition of `Task` in the code base.
 */
export const TASKS = ['regression', 'classification'] as const;
export type Task = (typeof TASKS)[number];
