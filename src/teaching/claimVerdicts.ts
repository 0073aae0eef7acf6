/**
 * The verdict of each claim and counter-example, read from a run's numbers: 'pending' until all replicates are
 * in, 'holds' when the numbers (with their 95% intervals) support the card's statement, 'fails' with the reason
 * when they do not. The shared wording and statistics are in verdicts.ts; the presets (presets.ts) pick one.
 */
import type { ScenarioResult } from '../scenario/results';
import type { Scenario } from '../scenario/schema';
import {
  agreementText,
  deltaText,
  featureChange,
  featuresDiffer,
  fittedModels,
  flipText,
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
/** Kendall τ_b and top-1 agreement at or above this count as "the ranking agrees". */
export const RANK_AGREES = 0.8;
/** Pairwise agreement at or above this counts as "consistent in nearly every replicate". */
export const PAIR_CONSISTENT = 0.9;

const fails = (text: string): Verdict => ({ status: 'fails', text });
const holds = (text: string): Verdict => ({ status: 'holds', text });

function maxBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
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

function needsPairs(results: ScenarioResult): Verdict | PairStat[] {
  const pairs = pairStats(results);
  if (pairs.length === 0)
    return fails('A ranking needs at least two models that fit in every replicate: add a model.');
  return pairs;
}

/** "Quadratic is better on real data (TRTR 0.25 vs 0.76) but worse when trained on synthetic data (TSTR …)". */
function orderStory(results: ScenarioResult, pair: PairStat): string {
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
function movedRisk(models: readonly FittedModel[]): FittedModel | undefined {
  return maxBy(
    models.filter((m) => relativeUtility(m, 'lo') > COMPARABLE),
    (m) => m.u.value,
  );
}

function responseErrorText(results: ScenarioResult): string {
  const e = results.fidelity?.responseError;
  return e == null ? '' : ` (‖η̃ − η‖ = ${fmt(e)})`;
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
  const share = relativeUtility(worst, 'hi');
  if (share <= COMPARABLE) {
    return holds(
      `${utilityText(worst)} for ${modelsPhrase(models, worst)} with ${featureChange(s)}: at most ${percent(share)} of its real-data risk ${fmt(worst.trtr.mean)}. The synthetic features did not need to match.`,
    );
  }
  const why: string[] = [];
  if (s.task === 'regression' && s.eta !== 'linear' && worst.id === 'ols')
    why.push(`η is ${s.eta}, so OLS is misspecified and pays for the feature change (counter-example 1)`);
  if (responsesDiffer(s)) why.push('the synthetic responses differ too, and claim 1 assumes exact responses');
  if (why.length === 0) why.push('the model cannot represent η, or m is too small for the shifted design');
  return fails(
    `${utilityText(worst)} for ${worst.label} with ${featureChange(s)}: up to ${shareText(share)} its real-data risk ${fmt(worst.trtr.mean)}, more than the ${percent(COMPARABLE)} this card calls comparable. Here ${why.join('; ')}.`,
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
  const tauText = tau
    ? `Kendall τ_b = ${withInterval(tau.mean, tau.lo, tau.hi)}`
    : 'Kendall τ_b undefined (ties)';
  const top1Text = top1
    ? `the same best model in ${top1.successes}/${top1.trials} replicates`
    : 'no top-1 agreement';
  if (!featuresDiffer(s)) {
    return fails(
      `${tauText}, but the synthetic features equal the real ones here: the claim is not put to the test. Move the feature shift.`,
    );
  }
  const agrees = tau !== null && tau.mean >= RANK_AGREES && top1 !== null && top1.estimate >= RANK_AGREES;
  if (agrees) {
    const moved = movedRisk(fittedModels(results));
    const movedText = moved ? `, while ${moved.label}’s risk moved by ${utilityText(moved)}` : '';
    return holds(
      `${tauText} and ${top1Text} with ${featureChange(s)}${movedText}: TSTR ranks the models as TRTR does although μ̃ ≠ μ.`,
    );
  }
  const worst = worstPair(pairs)!;
  return fails(
    `${tauText} and ${top1Text} with ${featureChange(s)}: TSTR orders ${worst.labels[0]} and ${worst.labels[1]} as TRTR does in only ${agreementText(worst)}. ${orderStory(results, worst)}.`,
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
  if (worst.hi < 0.5) {
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

// ---------------------------------------------------------------------------------------------------------------
// Claim 3 (regression and classification) and its counter-examples.

const BIAS_TEXT: Readonly<Record<Scenario['biasShape'], string>> = {
  constant: '1',
  linear: 't',
  quadratic: '(t + x′Qx)',
  sine: 'sin(2t)',
  step: 'sign(t)',
};

function responsesText(s: Scenario, results: ScenarioResult): string {
  if (s.task === 'classification') return `with ${flipText(s)}`;
  if (s.generator !== 'oracle') return `with responses from a fitted ${s.generator} generator`;
  const parts: string[] = [];
  if (s.bias !== 0) parts.push(`response bias ${s.bias}·${BIAS_TEXT[s.biasShape]}`);
  if (s.noiseScale !== 1) parts.push(`noise ×${s.noiseScale}`);
  return `with ${parts.join(' and ') || 'exact responses'}${responseErrorText(results)}`;
}

export function claim3Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const pairs = needsPairs(results);
  if (!Array.isArray(pairs)) return pairs;
  const worst = worstPair(pairs)!;
  const which =
    pairs.length === 1
      ? `${worst.labels[0]} and ${worst.labels[1]} are`
      : `Every pair is ordered alike in at least ${percent(worst.rate)} of replicates; the weakest, ${worst.labels[0]} and ${worst.labels[1]}, are`;
  if (!responsesDiffer(s)) {
    return fails(
      `${which} ordered alike in ${agreementText(worst)}, but the synthetic responses are exact here: there is nothing for the ranking to survive. Add ${s.task === 'classification' ? 'label flips' : 'a response bias'}.`,
    );
  }
  const moved = movedRisk(fittedModels(results));
  const movedText = moved
    ? ` The poor responses did move the risks: ${utilityText(moved)} for ${moved.label}.`
    : '';
  if (worst.rate >= PAIR_CONSISTENT) {
    return holds(
      `${which} ordered alike by TSTR and TRTR in ${agreementText(worst)} ${responsesText(s, results)}; their real-data gap is ${deltaText(worst)}.${movedText}`,
    );
  }
  return fails(
    `${worst.labels[0]} and ${worst.labels[1]} are ordered alike in only ${agreementText(worst)} ${responsesText(s, results)}: their real-data gap ${deltaText(worst)} is too small next to the response error to protect the order (counter-example 3).`,
  );
}

/** Counter-examples 3: the order of some pair is not kept in nearly every replicate. */
export function counter3Verdict(results: ScenarioResult): Verdict {
  const wait = notReady(results);
  if (wait) return wait;
  const s = results.scenario;
  const pairs = needsPairs(results);
  if (!Array.isArray(pairs)) return pairs;
  const worst = worstPair(pairs)!;
  const names = `${worst.labels[0]} and ${worst.labels[1]}`;
  const coin = worst.lo <= 0.5 && worst.hi >= 0.5 ? ': a coin flip' : '';
  if (worst.hi < PAIR_CONSISTENT) {
    if (s.task === 'classification') {
      const moved = movedRisk(fittedModels(results));
      const movedText = moved ? ` The boundary moved: ${utilityText(moved)} for ${moved.label}.` : '';
      const flipped = worst.rate < 0.5 ? ': the order flipped in most replicates' : coin;
      return holds(
        `With ${flipText(s)}, TSTR orders ${names} as TRTR does in only ${agreementText(worst)}${flipped}. ${orderStory(results, worst)}.${movedText}`,
      );
    }
    return holds(
      `${names} are near-tied on real data (${deltaText(worst)}), and ${responsesText(s, results)} TSTR orders them as TRTR does in only ${agreementText(worst)}${coin}.`,
    );
  }
  const why =
    s.task === 'classification'
      ? s.flip01 === s.flip10
        ? ' The flips are symmetric, so the Bayes boundary and the order stay (claim 3).'
        : ' The flips did not move the boundary enough to reorder these models.'
      : ` Their real-data gap ${deltaText(worst)} is large enough to protect the order (claim 3).`;
  return fails(`TSTR orders ${names} as TRTR does in ${agreementText(worst)}: the ranking held.${why}`);
}

// ---------------------------------------------------------------------------------------------------------------
