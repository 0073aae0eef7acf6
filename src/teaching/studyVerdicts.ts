/**
 * The verdicts of the studies beyond the paper (issue 14, docs/theory.md §9), read from a run's study summary:
 * 'pending' until every replicate is in, the premise (the study, and what the statement puts to the test) checked
 * first, then decided on 95% intervals over replicates. The presets that use them are in studyPresets.ts.
 */
import { expectedSpread } from '../engine/studies/collapse';
import type { StudySummary } from '../engine/studies/types';
import { bestIndex } from '../engine/studies/summary';
import { studyTheoryOf } from '../scenario/studyColumns';
import type { MeanInterval } from '../engine/metrics/intervals';
import type { ScenarioResult } from '../scenario/results';
import type { Scenario } from '../scenario/schema';
import { fails, holds } from './claimVerdicts';
import { fmt, notReady, percent, withInterval, type Verdict } from './verdicts';

/** The fresh-data loop keeps its spread when the lower end of the last generation's spread interval reaches this. */
export const SPREAD_KEPT = 0.8;
/** The ensemble "removes the draws' part of U" when its benefit's lower end is at least this share of a member's U. */
export const ENSEMBLE_SHARE = 0.5;
/** Synthetic validation "picks as well as real" when the relative regret's upper end is at most this. */
export const REGRET_TOLERANCE = 0.05;

type Study<K extends StudySummary['kind']> = Extract<StudySummary, { kind: K }>;
type Interval = Extract<MeanInterval, { hasInterval: true }>;

const STUDY_NAMES: Readonly<Record<StudySummary['kind'], string>> = {
  collapse: 'self-consuming loop',
  mix: 'real + synthetic training data',
  ensemble: 'ensemble of synthetic datasets',
  select: 'hyperparameter choice on synthetic data',
};

/** The run's study summary of this kind, or the verdict that says the run has none. */
function studyOf<K extends StudySummary['kind']>(results: ScenarioResult, kind: K): Study<K> | Verdict {
  const study = results.summary.study;
  if (results.scenario.study !== kind || study?.kind !== kind) {
    return fails(
      `This run has no ${STUDY_NAMES[kind]} (study = ${results.scenario.study}): the statement is not put to the test. Set the study to “${STUDY_NAMES[kind]}”.`,
    );
  }
  return study as Study<K>;
}

function isVerdict(value: object): value is Verdict {
  return 'status' in value;
}

/** "0.71 (95% CI 0.54 to 0.85)" for a mean with its t interval. */
function meanText(m: MeanInterval): string {
  return withInterval(m.mean, m.lo, m.hi);
}

/** E spread_g = ((m − 1)/m)^g at generation g where it is exact (scenario/studyColumns.ts studyTheory), else null. */
export function closedSpread(s: Scenario, g: number): number | null {
  const theory = studyTheoryOf(s);
  return theory?.kind === 'collapse' && theory.spread ? (theory.spread[g] ?? null) : null;
}

/** The loop's premise: a collapse run with at least one refit; then its last generation's spread and tail width. */
function readLoop(
  results: ScenarioResult,
): Verdict | { g: number; spread: MeanInterval; tail: MeanInterval } {
  const wait = notReady(results);
  if (wait) return wait;
  const study = studyOf(results, 'collapse');
  if (isVerdict(study)) return study;
  const g = study.spread.length - 1;
  if (g < 1)
    return fails(
      'With g = 0 generations the generator is fitted on real data only: there is no loop. Set the generations to 1 or more.',
    );
  return { g, spread: study.spread[g]!, tail: study.tail[g]! };
}

/** "Generation 10's spread (its feature variance over the real sample's) is … and its tail width (1–99% range over m fresh real points') …". */
function loopText(g: number, spread: MeanInterval, tail: MeanInterval): string {
  return `Generation ${g}’s spread (feature variance over the real sample’s) is ${meanText(spread)}, its tail width (1–99% range over that of m fresh real points) ${meanText(tail)}`;
}

/** A fully synthetic loop loses spread: the last generation's interval lies below 1, and holds the closed form. */
export function collapseVerdict(results: ScenarioResult): Verdict {
  const loop = readLoop(results);
  if (isVerdict(loop)) return loop;
  const s = results.scenario;
  if (s.fresh > 0)
    return fails(
      `A share ${percent(s.fresh)} of every generation is fresh real data: not a fully synthetic loop, so the statement is not put to the test. Set the fresh real share to 0.`,
    );
  const { g, spread, tail } = loop;
  const closed = closedSpread(s, g);
  const closedText =
    closed === null
      ? 'no closed form at these settings (it is exact for a Gaussian generator and regression)'
      : `the closed form E spread = ((m − 1)/m)^g = (${s.m - 1}/${s.m})^${g} = ${fmt(closed)}`;
  const base = `${loopText(g, spread, tail)}; ${closedText}.`;
  if (!spread.hasInterval || spread.hi >= 1)
    return fails(
      `${base} The spread’s interval reaches 1: no collapse is shown at these settings. More generations, a smaller m or more replicates show it.`,
    );
  if (closed !== null && (closed < spread.lo || closed > spread.hi))
    return fails(
      `${base} The spread shrinks, but its interval misses the closed form: the loop does not shrink as a Gaussian refitted to its own draws does.`,
    );
  return holds(
    `${base} The loop has lost ${percent(1 - spread.mean)} of the real spread${closed === null ? '' : ', as the closed form says'}.`,
  );
}

/** Fresh real data keep the spread: the last generation's interval stays above SPREAD_KEPT. */
export function freshVerdict(results: ScenarioResult): Verdict {
  const loop = readLoop(results);
  if (isVerdict(loop)) return loop;
  const s = results.scenario;
  if (s.fresh === 0)
    return fails(
      'No fresh real data enter the loop (fresh real share 0): it is fully synthetic, so the statement is not put to the test, and such a loop loses spread. Set the fresh real share above 0.',
    );
  const { g, spread, tail } = loop;
  // The yardstick: what a fully synthetic Gaussian loop keeps in expectation at this m and g.
  const synthetic = expectedSpread(s.m, g);
  const base = `${loopText(g, spread, tail)}, with ${percent(s.fresh)} of every generation fresh real points. A fully synthetic Gaussian loop would keep E spread = ((m − 1)/m)^g = ${fmt(synthetic)}.`;
  if (synthetic >= SPREAD_KEPT)
    return fails(
      `${base} That is itself above ${fmt(SPREAD_KEPT)}: the loop is too short to tell fresh data from none. More generations or a smaller m put the statement to the test.`,
    );
  if (!spread.hasInterval || spread.lo < SPREAD_KEPT || spread.lo <= synthetic)
    return fails(
      `${base} The spread’s interval reaches below ${fmt(Math.max(SPREAD_KEPT, synthetic))}: the loop still loses spread at this fresh share.`,
    );
  return holds(
    `${base} The spread stays within ${percent(1 - SPREAD_KEPT)} of the real one, above the fully synthetic loop’s: no collapse.`,
  );
}

/** Pooling real and synthetic training data helps ('helps': every gain's interval above 0) or hurts (below 0). */
export function mixVerdict(results: ScenarioResult, direction: 'helps' | 'hurts'): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const study = studyOf(results, 'mix');
  if (isVerdict(study)) return study;
  const { n, m } = results.scenario;
  const models = results.summary.models;
  const rows = models.flatMap((model, k) => {
    const gain = study.models[k]?.gain;
    const mixed = study.models[k]?.tmtr;
    if (!gain || !gain.hasInterval || !mixed || !model.trtr) return [];
    const side = gain.lo > 0 ? 'helps' : gain.hi < 0 ? 'hurts' : 'unclear';
    return [{ label: model.label, gain, side, trtr: model.trtr.mean, tmtr: mixed.mean }];
  });
  if (rows.length === 0)
    return fails('No model was fitted on both real and pooled data: nothing to compare.');
  const perModel = rows
    .map(
      (r) =>
        `${r.label}: TRTR ${fmt(r.trtr)} → TMTR ${fmt(r.tmtr)}, gain ${meanText(r.gain)}, ${r.side === 'unclear' ? 'not clearly either way' : `adding synthetic data ${r.side}`}`,
    )
    .join('; ');
  const realBest = bestIndex(models.map((x) => x.trtr?.mean));
  const pooledBest = bestIndex(study.models.map((x) => x.tmtr?.mean));
  const top1 = study.ranking?.top1;
  const winner =
    realBest === null || pooledBest === null || models.length < 2
      ? ''
      : realBest === pooledBest
        ? ` The best model is the same (${models[realBest]!.label}) trained on real data alone and pooled${top1 ? `, in ${top1.successes}/${top1.trials} replicates` : ''}.`
        : ` The best model changes: ${models[realBest]!.label} trained on real data alone, ${models[pooledBest]!.label} pooled${top1 ? ` (the same in ${top1.successes}/${top1.trials} replicates)` : ''}.`;
  const text = `Pooling n = ${n} real with m = ${m} synthetic points (λ = ${fmt(m / n)}), real test risk — ${perModel}.${winner}`;
  const against = rows.filter((r) => r.side !== direction);
  if (against.length === 0) return holds(text);
  return fails(
    `${text} For ${against.map((r) => r.label).join(' and ')} the gain’s interval is not ${direction === 'helps' ? 'above' : 'below'} 0.`,
  );
}

/** Averaging K members removes most of a member's U: every benefit's lower end ≥ ENSEMBLE_SHARE × a member's U. */
export function ensembleVerdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const study = studyOf(results, 'ensemble');
  if (isVerdict(study)) return study;
  const K = results.scenario.members;
  if (K < 2)
    return fails(
      'K = 1: the ensemble is one member, so nothing is averaged and the statement is not put to the test. Set the ensemble size to 2 or more.',
    );
  const rows = results.summary.models.flatMap((model, k) => {
    const { benefit, memberUtility } = study.models[k] ?? {};
    if (!benefit || !benefit.hasInterval || !memberUtility || !model.utility) return [];
    // The benefit must close the gap, not overshoot it: a member whose TSTR already lies below TRTR gains
    // "benefit" by moving further from TRTR, so the ensemble's own U is checked too.
    const ok =
      benefit.lo > 0 &&
      benefit.lo >= ENSEMBLE_SHARE * memberUtility.value &&
      model.utility.value <= (1 - ENSEMBLE_SHARE) * memberUtility.value;
    const share = memberUtility.value > 0 ? benefit.mean / memberUtility.value : null;
    return [{ label: model.label, benefit, member: memberUtility, ensemble: model.utility, ok, share }];
  });
  if (rows.length === 0)
    return fails('No model was fitted as one member and as an ensemble: nothing to compare.');
  const perModel = rows
    .map(
      (r) =>
        `${r.label}: one member’s U = ${withInterval(r.member.value, r.member.lo, r.member.hi)}, the ensemble’s U = ${withInterval(r.ensemble.value, r.ensemble.lo, r.ensemble.hi)}, benefit ${meanText(r.benefit)}${r.share === null ? '' : ` (${percent(r.share)} of a member’s U)`}`,
    )
    .join('; ');
  const text = `Averaging K = ${K} models, each trained on its own synthetic sample — ${perModel}.`;
  const short = rows.filter((r) => !r.ok);
  if (short.length === 0)
    return holds(
      `${text} For every model the benefit’s lower end is at least ${percent(ENSEMBLE_SHARE)} of a member’s U and the ensemble’s U at most ${percent(1 - ENSEMBLE_SHARE)} of it: the part of U the synthetic draws add averages away.`,
    );
  return fails(
    `${text} For ${short.map((r) => r.label).join(' and ')} averaging does not remove ${percent(ENSEMBLE_SHARE)} of a member’s U (the benefit’s lower end is below it, or the ensemble’s U is above ${percent(1 - ENSEMBLE_SHARE)} of it): what is left is shared by every member (the generator’s bias), and averaging cannot remove it.`,
  );
}

/** "kNN (k=10) (24/40)": the candidate chosen most often, with its count. */
function mostChosen(results: ScenarioResult, counts: readonly number[]): string {
  const at = counts.reduce((top, c, k) => (c > counts[top]! ? k : top), 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return `${results.summary.models[at]?.label ?? '—'} (${counts[at]}/${total})`;
}

/** The selection's regret and how the two validations chose; null when the run has too little. */
function readSelection(
  results: ScenarioResult,
): Verdict | { regret: Interval; relative: Interval; text: string } {
  const wait = notReady(results);
  if (wait) return wait;
  const study = studyOf(results, 'select');
  if (isVerdict(study)) return study;
  if (results.summary.models.length < 2)
    return fails('One candidate: there is nothing to choose. List two or more models (the candidates).');
  const { regret, relativeRegret: relative, sameChoice } = study;
  if (!regret?.hasInterval || !relative?.hasInterval)
    return fails('The regret has no interval: some candidate failed to fit in too many replicates.');
  const same = sameChoice
    ? `, the same candidate in ${sameChoice.successes}/${sameChoice.trials} replicates`
    : '';
  const text = `The regret of choosing on synthetic validation (real test risk of the synthetic choice minus the real choice’s) is ${meanText(regret)}, ${percent(relative.mean)} of the real choice’s risk (95% CI ${percent(relative.lo)} to ${percent(relative.hi)}). Real validation chose ${mostChosen(results, study.chosenReal)} most often, synthetic ${mostChosen(results, study.chosenSynthetic)}${same}.`;
  return { regret, relative, text };
}

/** Synthetic validation picks as well as real: the relative regret's upper end is at most REGRET_TOLERANCE. */
export function selectVerdict(results: ScenarioResult): Verdict {
  const read = readSelection(results);
  if (isVerdict(read)) return read;
  if (read.relative.hi <= REGRET_TOLERANCE)
    return holds(
      `${read.text} The regret’s interval stays within ${percent(REGRET_TOLERANCE)} of the real choice’s risk.`,
    );
  return fails(
    `${read.text} The regret’s interval reaches above ${percent(REGRET_TOLERANCE)} of the real choice’s risk: synthetic validation does not pick as well as real here.`,
  );
}

/** Poor synthetic responses mislead the choice: the regret's interval lies above 0. */
export function selectMisledVerdict(results: ScenarioResult): Verdict {
  const read = readSelection(results);
  if (isVerdict(read)) return read;
  if (read.regret.lo > 0)
    return holds(`${read.text} The regret’s interval lies above 0: the synthetic choice costs real risk.`);
  return fails(
    `${read.text} The regret’s interval holds 0: the synthetic choice is not shown to cost anything.`,
  );
}
