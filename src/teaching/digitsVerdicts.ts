/**
 * The digits lab's verdicts: does training on synthetic digits order the models as training on real digits does?
 * A few replicates of networks cannot afford the simulated lab's rank statistics, so the verdicts are decided on
 * the paired gaps of mean risks: for models j, k the replicates' TRTR_j − TRTR_k and TSTR_j − TSTR_k, each mean
 * with its 95% t interval. A pair is separated by a side when that interval excludes 0; the order is kept when
 * every pair real digits separate is separated the same way by synthetic digits, reversed when one is separated
 * the other way.
 */
import { meanInterval, type MeanInterval } from '../engine/metrics/intervals';
import type { ScenarioResult } from '../scenario/results';
import { fails, holds } from './claimVerdicts';
import { fmt, notReady, percent, type Verdict } from './verdicts';

/** A pair of models' paired gaps on each side (model j minus model k; negative: j has the lower error). */
export interface DigitsPair {
  readonly labels: readonly [string, string];
  readonly real: MeanInterval;
  readonly synthetic: MeanInterval;
}

type Side = -1 | 0 | 1;

/** -1: j has the lower mean error (interval below 0); 1: k has; 0: not separated (the interval holds 0). */
export function separation(gap: MeanInterval): Side {
  if (!gap.hasInterval) return 0;
  if (gap.hi! < 0) return -1;
  return gap.lo! > 0 ? 1 : 0;
}

/** Every pair of models with both sides' paired gaps over the replicates complete for both models. */
export function digitsPairs(results: ScenarioResult): DigitsPair[] {
  const models = results.summary.models;
  const out: DigitsPair[] = [];
  for (let j = 0; j < models.length; j++) {
    for (let k = j + 1; k < models.length; k++) {
      const real: number[] = [];
      const synthetic: number[] = [];
      for (const r of results.records) {
        const [a, b, c, d] = [r.trtr[j], r.trtr[k], r.tstr[j], r.tstr[k]];
        if (a == null || b == null || c == null || d == null) continue;
        real.push(a - b);
        synthetic.push(c - d);
      }
      if (real.length < 2) continue;
      out.push({
        labels: [models[j]!.label, models[k]!.label],
        real: meanInterval(real),
        synthetic: meanInterval(synthetic),
      });
    }
  }
  return out;
}

function gapText(gap: MeanInterval): string {
  return `${fmt(gap.mean)} (95% CI ${fmt(gap.lo ?? gap.mean)} to ${fmt(gap.hi ?? gap.mean)})`;
}

/** "CNN before Logistic: error gap −0.061 (95% CI … ) on real digits, −0.048 (…) on synthetic". */
function pairText(pair: DigitsPair): string {
  return `${pair.labels[0]} − ${pair.labels[1]} error gap ${gapText(pair.real)} trained on real digits, ${gapText(pair.synthetic)} on synthetic`;
}

/** The pairs real digits separate, and how synthetic digits order each. */
function readPairs(results: ScenarioResult) {
  const pairs = digitsPairs(results);
  const separated = pairs.filter((p) => separation(p.real) !== 0);
  const kept = separated.filter((p) => separation(p.synthetic) === separation(p.real));
  const reversed = separated.filter((p) => separation(p.synthetic) === -separation(p.real));
  return { pairs, separated, kept, reversed };
}

/**
 * The order is kept: at least one pair is separated on real digits, and every such pair is separated the same way
 * on synthetic digits. `premise` says what the preset puts to the test (null: it is in force).
 */
export function digitsOrderKept(results: ScenarioResult, premise: string | null): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  if (premise) return fails(premise);
  const { pairs, separated, kept, reversed } = readPairs(results);
  if (pairs.length === 0) return fails('Fewer than two models with numbers: there is no order to compare.');
  if (separated.length === 0)
    return fails(
      'Real digits separate no pair of models (every paired error gap’s interval holds 0): add replicates or models further apart.',
    );
  if (kept.length === separated.length) {
    const widest = separated.reduce((a, b) => (Math.abs(b.real.mean) > Math.abs(a.real.mean) ? b : a));
    return holds(
      `Every pair real digits separate (${separated.length} of ${pairs.length}) is ordered the same way by synthetic digits, e.g. ${pairText(widest)}.`,
    );
  }
  const bad = reversed[0] ?? separated.find((p) => !kept.includes(p))!;
  const how = reversed.includes(bad) ? 'reversed' : 'not separated';
  return fails(
    `Synthetic digits leave ${separated.length - kept.length} of the ${separated.length} pairs real digits separate ${how}: ${pairText(bad)}.`,
  );
}

/** The counter-example shows: some pair separated on real digits is separated the other way on synthetic. */
export function digitsOrderReversed(results: ScenarioResult, premise: string | null): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  if (premise) return fails(premise);
  const { separated, reversed } = readPairs(results);
  if (reversed.length > 0)
    return holds(`Synthetic digits reverse a pair real digits separate: ${pairText(reversed[0]!)}.`);
  if (separated.length === 0)
    return fails('Real digits separate no pair of models: nothing to reverse. Add replicates.');
  return fails(
    `Every pair real digits separate keeps its order or loses its separation on synthetic digits (${separated.length} pairs); no reversal is shown at these settings.`,
  );
}

/** The C2ST AUC of replicate 1's digits, as a premise of a "low fidelity" preset: null when it is low enough. */
export function lowFidelityPremise(results: ScenarioResult, auc: number): string | null {
  const shown = results.fidelity?.c2stAuc ?? null;
  if (shown === null) return null; // measured after replicate 1; the verdict waits for the run anyway
  return shown >= auc
    ? null
    : `The synthetic digits are hard to tell from real ones (C2ST AUC ${fmt(shown)} < ${fmt(auc)}): this is not a low-fidelity generator, so the claim is not put to the test.`;
}

export { percent };
