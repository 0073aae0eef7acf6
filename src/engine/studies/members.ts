/**
 * The ensemble study's extra synthetic samples (docs/theory.md §9.3; van Breugel, Qian and van der Schaar, ICML
 * 2023): members 2..K of replicate r, each from its own generator seed. Oracle mode: K independent draws from
 * P~. Fitted mode: the generator fitted again on the same real sample with the member's own stream (a Gaussian fit
 * is the same whatever the seed, so its members differ only by their draws; EM's start and SMOTE's pairs differ).
 */
import { drawFitted } from '../generators/fitted';
import { drawOracle } from '../generators/oracle';
import type { ExperimentPlan } from '../plan';
import type { Sample } from '../populations/population';
import { stream } from '../rng';
import { replicateLabel } from '../sampleRows';

/** Members 2..K's synthetic training samples (m points each) for replicate r. */
export function memberSamples(plan: ExperimentPlan, real: Sample, r: number, members: number): Sample[] {
  const { source } = plan;
  const out: Sample[] = [];
  for (let k = 2; k <= members; k++) {
    if (source.kind === 'population' && !source.fitted) {
      out.push(
        drawOracle(
          source.population,
          source.synthetic,
          plan.m,
          plan.seed,
          replicateLabel(`synthetic/member${k}`, r),
        ),
      );
    } else if (source.kind === 'population' || source.kind === 'table') {
      const rand = stream(plan.seed, replicateLabel(`generator/member${k}`, r));
      out.push(drawFitted(real, plan.task, source.fitted!, plan.m, rand));
    } else {
      throw new Error(
        `the ensemble study needs a generator; the ${source.kind} lab's synthetic data are given`,
      );
    }
  }
  return out;
}
