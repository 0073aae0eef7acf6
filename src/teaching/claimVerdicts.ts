/**
 * The verdict of each claim and counter-example, read from a run's numbers: 'pending' until all replicates are
 * in, 'holds' when the numbers (with their 95% intervals) support the card's statement, 'fails' with the reason
 * when they do not. The shared wording and statistics are in verdicts.ts; the presets (presets.ts) pick one.
 */
import type { ScenarioResult } from '../scenario/results';
import type { Scenario } from '../scenario/schema';
import {
  agreementText,
  featureChange,
  featuresDiffer,
  fittedModels,
  fmt,
  notReady,
  pairStats,
  percent,
  relativeUtility,
  responsesDiffer,
  shareText,
  utilityText,
  withInterval,
  worstPair,
  type FittedModel,
  type PairStat,
  type Verdict,
} from './verdicts';

/** U within this fraction of the model's real-data risk counts as "comparable generalization". */
export const COMPARABLE = 0.05;
/**
 * The ranking agrees when the lower ends of the 95% intervals of mean Kendall τ_b and of the top-1 rate reach
 * this: decided on intervals, so a lucky point estimate from few replicates does not pass.
 */
export const RANK_AGREES = 0.8;

export const fails = (text: string): Verdict => ({ status: 'fails', text });
export const holds = (text: string): Verdict => ({ status: 'holds', text });
export const pending = (text: string): Verdict => ({ status: 'pending', text });

export function maxBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || key(item) > key(best) ? item : best),
    undefined,
  );
}

/** "OLS", or "OLS (and every other model)" when there are several. */
function modelsPhrase(models: readonly FittedModel[], model: FittedModel): string {
  return models.length > 1 ? `${model.label} (the largest of ${models.length} models)` : model.label;
}

/**
 * Large-sample limit of U for OLS with a quadratic η, p = 1, Gaussian features, oracle shift s and scale c, exact
 * responses (docs/theory.md §6.2, quadratic η): U∞ = (tr(Q(S̃ − S)) − s′Qs)² + 4 s′QSQs with Q = ½, S = 1,
 * S̃ = c². Null when it does not apply.
 */
export function olsQuadraticLimit(s: Scenario): number | null {
  const applies =
    s.task === 'regression' &&
    s.p === 1 &&
    s.features === 'gaussian' &&
    s.eta === 'quadratic' &&
    s.generator === 'oracle' &&
    s.truncate === 0 &&
    s.bias === 0;
  if (!applies) return null;
  return (0.5 * (s.scale ** 2 - 1) - 0.5 * s.shift ** 2) ** 2 + s.shift ** 2;
}

export function needsPairs(results: ScenarioResult): Verdict | PairStat[] {
  const pairs = pairStats(results);
  if (pairs.length === 0)
    return fails('A ranking needs at least two models that fit in every replicate: add a model.');
  return pairs;
}

/** "Quadratic is better on real data (TRTR 0.25 vs 0.76) but worse when trained on synthetic data (TSTR …)". */
export function orderStory(results: ScenarioResult, pair: PairStat): string {
  const models = results.summary.models;
  const a = models[pair.j]!;
  const b = models[pair.k]!;
  if (!a.trtr || !b.trtr || !a.tstr || !b.tstr) return '';
  const [realBest, realWorst] = a.trtr.mean <= b.trtr.mean ? [a, b] : [b, a];
  const synBetter = realBest.tstr!.mean <= realWorst.tstr!.mean;
  return (
    `${realBest.label} is better on real data (TRTR ${fmt(realBest.trtr!.mean)} vs ${fmt(realWorst.trtr!.mean)}) ` +
    `and ${synBetter ? 'also' : 'worse'} when trained on synthetic data (TSTR ${fmt(realBest.tstr!.mean)} vs ${fmt(realWorst.tstr!.mean)})`
  );
}

/** Largest U among the models whose risk clearly moved (U's lower end above COMPARABLE × TRTR), if any. */
export function movedRisk(models: readonly FittedModel[]): FittedModel | undefined {
  return maxBy(
    models.filter((m) => relativeUtility(m, 'lo') > COMPARABLE),
    (m) => m.u.value,
  );
}

/**
 * Whether every fitted model's class is known to contain η (regression in oracle mode): OLS, ridge and any
 * polynomial for a linear η, polynomials of degree ≥ 2 for the quadratic one. Null when unknown (kNN, kernels,
 * MLPs approximate η but are not "correctly specified" in claim 1's sense; other η have no finite model).
 */
export function misspecifiedModel(s: Scenario, models: readonly FittedModel[]): FittedModel | null {
  if (s.task !== 'regression' || (s.eta !== 'linear' && s.eta !== 'quadratic')) return null;
  const degree = (id: string): number | null => {
    if (id === 'ols' || id.startsWith('ridge')) return 1;
    const match = /^poly:degree=(\d+)/.exec(id);
    return match ? Number(match[1]) : null;
  };
  const needed = s.eta === 'linear' ? 1 : 2;
  return models.find((m) => (degree(m.id) ?? needed) < needed) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Claim 1 and its counter-example.

export function claim1Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const models = fittedModels(results);
  const worst = maxBy(models, (m) => relativeUtility(m, 'hi'));
  if (!worst) return fails('No model could be fitted: nothing to judge.');
  if (!featuresDiffer(s)) {
    return fails(
      `${utilityText(worst)} for ${worst.label}, but the synthetic features equal the real ones here: the claim is not put to the test. Move the feature shift.`,
    );
  }
  // The premise: exact responses and a model class that contains η. Without it a small U proves nothing.
  const wrong = misspecifiedModel(s, models);
  if (wrong) {
    return fails(
      `The premise does not hold: η is ${s.eta}, so ${wrong.label} is misspecified (counter-example 1); ${utilityText(wrong)} with ${featureChange(s)}.`,
    );
  }
  if (responsesDiffer(s)) {
    return fails(
      `The premise does not hold: the synthetic responses differ, and claim 1 assumes exact ones. ${utilityText(worst)} for ${worst.label}.`,
    );
  }
  const share = relativeUtility(worst, 'hi');
  if (share <= COMPARABLE) {
    return holds(
      `${utilityText(worst)} for ${modelsPhrase(models, worst)} with ${featureChange(s)}: at most ${percent(share)} of its real-data risk ${fmt(worst.trtr.mean)}. The synthetic features did not need to match.`,
    );
  }
  return fails(
    `${utilityText(worst)} for ${worst.label} with ${featureChange(s)}: up to ${shareText(share)} its real-data risk ${fmt(worst.trtr.mean)}, more than the ${percent(COMPARABLE)} this card calls comparable. Here the model may not represent η, or m is too small for the shifted design.`,
  );
}

export function counter1Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const models = fittedModels(results);
  const worst = maxBy(models, (m) => relativeUtility(m, 'lo'));
  if (!worst) return fails('No model could be fitted: nothing to judge.');
  const limit = worst.id === 'ols' ? olsQuadraticLimit(s) : null;
  const limitText = limit === null ? '' : ` The large-sample limit for OLS here is U∞ = ${fmt(limit)}.`;
  if (!featuresDiffer(s)) {
    return fails(
      `${utilityText(worst)} for ${worst.label}: the synthetic features equal the real ones, so there is no mismatch to pay for. Move the feature shift.`,
    );
  }
  // Attribution: with exact responses the feature change is the only difference, so U is its price.
  if (responsesDiffer(s)) {
    return fails(
      `${utilityText(worst)} for ${worst.label}, but the synthetic responses differ too: U cannot be put down to the feature mismatch. Set the responses exact (bias 0, noise ×1).`,
    );
  }
  const share = relativeUtility(worst, 'lo');
  if (share > COMPARABLE) {
    return holds(
      `${utilityText(worst)} for ${worst.label} with ${featureChange(s)}: TSTR ${fmt(worst.tstr.mean)} against TRTR ${fmt(worst.trtr.mean)}; U is at least ${shareText(share)} the real-data risk. The misspecified model pays for the feature mismatch.${limitText}`,
    );
  }
  const why =
    s.task === 'regression' && s.eta === 'linear'
      ? ' η is linear, so OLS is correctly specified (claim 1).'
      : ' The mismatch is too small to cost measurable utility here.';
  return fails(
    `${utilityText(worst)} for ${worst.label} with ${featureChange(s)}: at most ${shareText(relativeUtility(worst, 'hi'))} the real-data risk, no clear price for the mismatch.${why}${limitText}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Claim 2 and its counter-example.

export function claim2Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const pairs = needsPairs(results);
  if (!Array.isArray(pairs)) return pairs;
  const ranking = results.summary.ranking;
  const tau = ranking?.kendallTauB ?? null;
  const top1 = ranking?.top1 ?? null;
  // Every replicate alike: say so rather than print a degenerate interval "1 to 1".
  const tauText = !tau
    ? 'Kendall τ_b undefined (ties)'
    : tau.unanimous && tau.hasInterval
      ? `Kendall τ_b = ${fmt(tau.mean)} in all ${tau.n} replicates`
      : `Kendall τ_b = ${withInterval(tau.mean, tau.lo, tau.hi)}`;
  const top1Text = top1
    ? `the same best model in ${top1.successes}/${top1.trials} replicates`
    : 'no top-1 agreement';
  if (!featuresDiffer(s)) {
    return fails(
      `${tauText}, but the synthetic features equal the real ones here: the claim is not put to the test. Move the feature shift.`,
    );
  }
  if (responsesDiffer(s)) {
    return fails(
      `${tauText} with ${featureChange(s)}, but the synthetic responses differ too: claim 2 is about the features alone. Set the responses exact.`,
    );
  }
  const top1Interval = top1 ? ` (95% CI ${percent(top1.lo)} to ${percent(top1.hi)})` : '';
  // Decided on the intervals' lower ends (a t interval of τ_b's mean, a Wilson interval of the top-1 rate).
  const agrees = tau !== null && (tau.lo ?? -1) >= RANK_AGREES && top1 !== null && top1.lo >= RANK_AGREES;
  const moved = movedRisk(fittedModels(results));
  if (agrees && moved) {
    return holds(
      `${tauText} and ${top1Text}${top1Interval} with ${featureChange(s)}, while ${moved.label}’s risk moved by ${utilityText(moved)}: TSTR ranks the models as TRTR does although μ̃ ≠ μ.`,
    );
  }
  if (agrees) {
    return fails(
      `${tauText} and ${top1Text}${top1Interval} with ${featureChange(s)}, but no model’s risk clearly moved (every U’s lower end is within ${percent(COMPARABLE)} of TRTR): the feature change was too mild to put the ranking to the test.`,
    );
  }
  const worst = worstPair(pairs)!;
  return fails(
    `${tauText} and ${top1Text}${top1Interval} with ${featureChange(s)}: the lower ends do not reach ${RANK_AGREES}. TSTR orders ${worst.labels[0]} and ${worst.labels[1]} as TRTR does in ${agreementText(worst)}. ${orderStory(results, worst)}.`,
  );
}

export function counter2Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const pairs = needsPairs(results);
  if (!Array.isArray(pairs)) return pairs;
  const worst = worstPair(pairs)!;
  const story = orderStory(results, worst);
  // Attribution without a second run: with exact responses and unchanged features, TSTR's fit is another real
  // fit, which orders a pair as TRTR does at least half the time; an upper end below ½ needs the feature change.
  if (responsesDiffer(s)) {
    return fails(
      `TSTR orders ${worst.labels[0]} and ${worst.labels[1]} as TRTR does in ${agreementText(worst)}, but the synthetic responses differ too: a flip cannot be put down to the features. Set the responses exact.`,
    );
  }
  if (worst.hi < 0.5 && featuresDiffer(s)) {
    return holds(
      `With ${featureChange(s)}, TSTR orders ${worst.labels[0]} and ${worst.labels[1]} as TRTR does in only ${agreementText(worst)}: ${story}. The ranking broke.`,
    );
  }
  const why = !featuresDiffer(s)
    ? ' The synthetic features equal the real ones here.'
    : s.task === 'regression' && s.eta === 'linear'
      ? ' η is linear, so OLS is correctly specified and keeps its place.'
      : ' The shift is not large enough to reorder these models.';
  return fails(
    `With ${featureChange(s)}, TSTR orders ${worst.labels[0]} and ${worst.labels[1]} as TRTR does in ${agreementText(worst)}: the order did not clearly flip.${why}`,
  );
}
