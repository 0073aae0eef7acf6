/**
 * What a study adds to a plan's cost (cost.ts): the loop's refits and the ensemble's extra draws, as a factor on
 * a replicate's drawing time, and each model's extra fits per replicate (the pooled fit, members 2..K, the two
 * fits on the training shares).
 */
import type { ExperimentPlan } from '../plan';
import { trainingRows } from './arms';

/** A replicate's drawing time relative to the ordinary draws (each loop generation fits and draws once more). */
export function studyDrawFactor(plan: ExperimentPlan): number {
  const study = plan.study;
  if (study?.kind === 'collapse') return 1 + study.generations;
  if (study?.kind === 'ensemble') return study.members;
  return 1;
}

/** One model's extra seconds and fits per replicate, given the seconds of a fit on `rows` scored on `test` rows. */
export function studyModelCost(
  plan: ExperimentPlan,
  fit: (rows: number, test: number) => number,
): { seconds: number; fits: number } {
  const study = plan.study;
  switch (study?.kind) {
    case 'mix':
      return { seconds: fit(plan.n + plan.m, plan.nTest), fits: 1 };
    case 'ensemble':
      return { seconds: (study.members - 1) * fit(plan.m, plan.nTest), fits: study.members - 1 };
    case 'select': {
      const real = trainingRows(plan.n, study.holdout);
      const synthetic = trainingRows(plan.m, study.holdout);
      return { seconds: fit(real, plan.n - real) + fit(synthetic, plan.m - synthetic), fits: 2 };
    }
    default:
      return { seconds: 0, fits: 0 };
  }
}
