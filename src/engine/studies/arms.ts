/**
 * The studies' extra fits within a chunk of replicates (replicates.ts calls them after each model's TRTR and
 * TSTR fits): the pooled real + synthetic fit (mix), members 2..K of the ensemble (ensemble), and the fits on the
 * training share of each sample scored on its validation share (select). Batched across the chunk's replicates
 * like the main fits, so a record is the same whoever fits it.
 */
import type { ReplicateDraws } from '../draw';
import { fitAll } from '../learners/batch';
import { FitError, type FittedModel, type Learner } from '../learners/types';
import { meanLoss } from '../metrics/risk';
import type { ExperimentPlan } from '../plan';
import type { Sample } from '../populations/population';
import { headRows, stackSamples } from '../sampleRows';
import type { StudyRecord } from './types';

type Slot = (number | null)[];

/** The chunk's study values so far: per replicate of the chunk, per model. */
export interface StudyState {
  readonly first: Slot[];
  readonly second: Slot[];
}

export function studyState(chunk: number, models: number): StudyState {
  const slots = () => Array.from({ length: chunk }, (): Slot => Array.from({ length: models }, () => null));
  return { first: slots(), second: slots() };
}

/** Rows kept for training when a share `holdout` of a sample of `size` is held out (at least 2 on each side from 4 rows up). */
export function trainingRows(size: number, holdout: number): number {
  return Math.min(size - 2, Math.max(2, size - Math.round(holdout * size)));
}

async function risk(
  plan: ExperimentPlan,
  model: FittedModel | FitError,
  test: Sample,
): Promise<number | null> {
  if (model instanceof FitError) return null;
  try {
    return meanLoss(plan.task, await model.predict(test.x), test.y);
  } catch (error) {
    if (error instanceof FitError) return null;
    throw error;
  }
}

/**
 * The K members' predictions on the test rows, averaged: the mean response (regression); for two classes with
 * probabilities from every member, the mean P(y = 1 | x) thresholded at 1/2 (soft voting); otherwise the most
 * frequent label, ties to member 1's.
 */
export async function ensemblePrediction(
  plan: ExperimentPlan,
  members: readonly FittedModel[],
  test: Sample,
): Promise<Float64Array> {
  const rowsN = test.x.rows;
  const K = members.length;
  const predictions = [await members[0]!.predict(test.x)];
  for (const member of members.slice(1)) predictions.push(await member.predict(test.x));
  if (plan.task === 'regression') {
    return Float64Array.from({ length: rowsN }, (_, i) => predictions.reduce((s, p) => s + p[i]!, 0) / K);
  }
  const first = predictions[0]!;
  const binary = predictions.every((p) => p.every((v) => v === 0 || v === 1));
  if (binary && members.every((m) => m.predictProba)) {
    const total = new Float64Array(rowsN);
    for (const member of members) {
      const proba = await member.predictProba!(test.x);
      for (let i = 0; i < rowsN; i++) total[i]! += proba[i]!;
    }
    return total.map((v, i) => (v / K > 0.5 ? 1 : v / K < 0.5 ? 0 : first[i]!));
  }
  return Float64Array.from({ length: rowsN }, (_, i) => {
    const votes = new Map<number, number>();
    for (const p of predictions) votes.set(p[i]!, (votes.get(p[i]!) ?? 0) + 1);
    let best = first[i]!;
    for (const [label, count] of votes) if (count > votes.get(best)!) best = label;
    return best;
  });
}

/**
 * Model k's study fits for the chunk's draws. `synthetic` holds member 1's fits (the TSTR models); for the
 * ensemble, `tstr[c][k]` becomes the ensemble's risk and member 1's own goes to the record.
 */
export async function fitStudyArms(
  plan: ExperimentPlan,
  learner: Learner,
  k: number,
  draws: readonly ReplicateDraws[],
  synthetic: readonly (FittedModel | FitError)[],
  tstr: Slot[],
  state: StudyState,
  between: () => Promise<void>,
): Promise<void> {
  const study = plan.study;
  if (!study || study.kind === 'collapse') return;
  if (study.kind === 'mix') {
    const fits = await fitAll(
      learner,
      draws.map((d) => stackSamples(d.real, d.synthetic)),
      between,
    );
    for (const [c, d] of draws.entries()) state.first[c]![k] = await risk(plan, fits[c]!, d.test);
    return;
  }
  if (study.kind === 'select') {
    const split = (sample: Sample) => {
      const t = trainingRows(sample.y.length, study.holdout);
      return { train: headRows(sample, 0, t), validation: headRows(sample, t, sample.y.length) };
    };
    for (const [side, slot] of [
      ['real', state.first],
      ['synthetic', state.second],
    ] as const) {
      const parts = draws.map((d) => split(d[side]));
      const fits = await fitAll(
        learner,
        parts.map((p) => p.train),
        between,
      );
      for (const [c, part] of parts.entries()) slot[c]![k] = await risk(plan, fits[c]!, part.validation);
    }
    return;
  }
  const extra = draws[0]?.members?.length ?? 0;
  const memberFits: (FittedModel | FitError)[][] = [];
  for (let j = 0; j < extra; j++) {
    memberFits.push(
      await fitAll(
        learner,
        draws.map((d) => d.members![j]!),
        between,
      ),
    );
  }
  for (const [c, d] of draws.entries()) {
    state.first[c]![k] = tstr[c]![k] ?? null;
    const members = [synthetic[c]!, ...memberFits.map((fits) => fits[c]!)];
    if (tstr[c]![k] == null || members.some((m) => m instanceof FitError)) {
      // No ensemble without every member: one member's TSTR goes too, so both columns average the same replicates.
      tstr[c]![k] = null;
      state.first[c]![k] = null;
      continue;
    }
    try {
      const prediction = await ensemblePrediction(plan, members as FittedModel[], d.test);
      tstr[c]![k] = meanLoss(plan.task, prediction, d.test.y);
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      tstr[c]![k] = null;
    }
  }
}

/** Replicate c's study record (collapse: the loop's chain, from the draws). */
export function studyRecord(
  plan: ExperimentPlan,
  state: StudyState,
  c: number,
  draws: ReplicateDraws,
): StudyRecord | undefined {
  switch (plan.study?.kind) {
    case undefined:
      return undefined;
    case 'collapse':
      return draws.chain ? { kind: 'collapse', ...draws.chain } : undefined;
    case 'mix':
      return { kind: 'mix', tmtr: state.first[c]! };
    case 'ensemble':
      return { kind: 'ensemble', member: state.first[c]! };
    case 'select':
      return { kind: 'select', valReal: state.first[c]!, valSynthetic: state.second[c]! };
  }
}
