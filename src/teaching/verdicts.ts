/**
 * Helpers the presets' verdicts share: readiness of a run, per-model utility read-outs, pairwise ranking
 * agreement with Wilson intervals and the paired real-data gap Δ, and number formatting for the verdict texts.
 * Pure functions of a ScenarioResult (no React, no tfjs), so the store and unit tests can call them.
 */
import type { ScenarioResult } from '../scenario/results';
import type { PopulationReferences } from '../engine/references';
import type { ModelSummary } from '../engine/summary';
import { meanInterval, scoreShareInterval, type MeanInterval } from '../engine/metrics/intervals';
import { pairAgreement } from '../engine/metrics/ranking';
import type { Scenario } from '../scenario/schema';
import { formatNumber } from '../scenario/formatNumber';

export type VerdictStatus = 'pending' | 'holds' | 'fails';

export interface Verdict {
  readonly status: VerdictStatus;
  /** One sentence with the numbers it rests on, e.g. "U = 0.004 (95% CI 0 to 0.010) …". */
  readonly text: string;
}

/**
 * What a verdict may need beyond the run's own results, each null until it is in: the population references
 * (10,000-point fits: the population gaps Δ_jk and how far the responses alone move each risk), and the same
 * scenario run with exact responses (the counterfactual a counter-example's attribution compares with).
 * `…Error` says why one could not be computed, so the verdict says so instead of waiting forever.
 */
export interface VerdictContext {
  readonly references: PopulationReferences | null;
  readonly referencesError?: string | null;
  readonly exact: ScenarioResult | null;
  readonly exactError?: string | null;
}

export const NO_CONTEXT: VerdictContext = { references: null, exact: null };

/** What a preset's verdict needs computed besides the run (the store computes it while the card is open). */
export type VerdictNeed = 'references' | 'exact-responses';

/** Replicates a verdict needs at the least: intervals over replicates need two, and two say little. */
export const MIN_REPLICATES = 5;

export const fmt = formatNumber;

/** "0.0017 (95% CI 0 to 0.0036)", or the bare number when there is no interval. */
export function withInterval(value: number, lo: number | null, hi: number | null): string {
  if (lo === null || hi === null) return fmt(value);
  return `${fmt(value)} (95% CI ${fmt(lo)} to ${fmt(hi)})`;
}

export function percent(value: number): string {
  return `${Math.round(100 * value)}%`;
}

/**
 * The verdict to show while a run is not ready to be judged: 'pending' until every replicate is in, and a
 * 'fails' that says why when the finished run has too few replicates. Null when the run can be judged.
 */
export function notReady(results: ScenarioResult): Verdict | null {
  const { completed, planned } = results.summary;
  if (!results.done) {
    return { status: 'pending', text: `Waiting for the replicates: ${completed} of ${planned} in.` };
  }
  if (completed < MIN_REPLICATES) {
    return {
      status: 'fails',
      text: `Only ${completed} replicate${completed === 1 ? '' : 's'}: too few to judge with intervals. Set R to ${MIN_REPLICATES} or more.`,
    };
  }
  return null;
}

/** A model with both risks and its utility estimate (fitted in at least one replicate). */
export interface FittedModel {
  readonly id: string;
  readonly label: string;
  readonly trtr: MeanInterval;
  readonly tstr: MeanInterval;
  readonly u: { value: number; lo: number | null; hi: number | null };
}

export function fittedModels(results: ScenarioResult): FittedModel[] {
  return results.summary.models.flatMap((m: ModelSummary) =>
    m.trtr && m.tstr && m.utility
      ? [{ id: m.id, label: m.label, trtr: m.trtr, tstr: m.tstr, u: m.utility }]
      : [],
  );
}

/** "U = 0.0017 (95% CI 0 to 0.0036)". */
export function utilityText(model: FittedModel): string {
  return `U = ${withInterval(model.u.value, model.u.lo, model.u.hi)}`;
}

/** U relative to the model's real-data risk (upper or lower end of U's interval, or the estimate). */
export function relativeUtility(model: FittedModel, end: 'lo' | 'hi' | 'value'): number {
  const u = end === 'value' ? model.u.value : (model.u[end] ?? model.u.value);
  const scale = Math.abs(model.trtr.mean);
  return scale > 0 ? u / scale : u === 0 ? 0 : Infinity;
}

/** Agreement of TSTR's and TRTR's order of models j and k over the complete replicates. */
export interface PairStat {
  readonly j: number;
  readonly k: number;
  readonly labels: readonly [string, string];
  readonly agreed: number;
  readonly trials: number;
  readonly rate: number;
  /** Wilson 95% interval of the agreement rate. */
  readonly lo: number;
  readonly hi: number;
  /** Paired real-data gap TRTR_j − TRTR_k over replicates (its mean's t interval); null with one replicate. */
  readonly delta: MeanInterval | null;
}

function compare(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every pair of models, from the replicate records (same tie rule as the summary's consistency matrix). */
export function pairStats(results: ScenarioResult): PairStat[] {
  const labels = results.summary.models.map((m) => m.label);
  const complete = results.records.filter(
    (r) => r.trtr.every((v) => v != null) && r.tstr.every((v) => v != null),
  );
  if (complete.length === 0) return [];
  const out: PairStat[] = [];
  for (let j = 0; j < labels.length; j++) {
    for (let k = j + 1; k < labels.length; k++) {
      let agreed = 0;
      const gaps: number[] = [];
      for (const r of complete) {
        const a = r.trtr as number[];
        const b = r.tstr as number[];
        // The one tie rule of the ranking statistics (docs/theory.md §4): a pair tied in one order only counts ½.
        agreed += pairAgreement(compare(a[j]!, a[k]!), compare(b[j]!, b[k]!));
        gaps.push(a[j]! - a[k]!);
      }
      const interval = scoreShareInterval(agreed, complete.length);
      out.push({
        j,
        k,
        labels: [labels[j]!, labels[k]!],
        agreed,
        trials: complete.length,
        rate: agreed / complete.length,
        lo: interval.lo,
        hi: interval.hi,
        delta: gaps.length >= 2 ? meanInterval(gaps) : null,
      });
    }
  }
  return out;
}

/** The pair TSTR orders least like TRTR (the first such pair on ties). */
export function worstPair(pairs: readonly PairStat[]): PairStat | null {
  return pairs.reduce<PairStat | null>(
    (worst, p) => (worst === null || p.rate < worst.rate ? p : worst),
    null,
  );
}

/** "ordered alike in 19/20 replicates (95%, 95% CI 76% to 99%)". */
export function agreementText(pair: PairStat): string {
  return `${pair.agreed}/${pair.trials} replicates (${percent(pair.rate)}, 95% CI ${percent(pair.lo)} to ${percent(pair.hi)})`;
}

/**
 * The paired TRTR gap |mean TRTR_j − mean TRTR_k| at this run's n, labelled as the finite-n estimate it is: it
 * includes each model's estimation error at n, so it is not Δ (the population gap, populationGap below).
 */
export function finiteGapText(pair: PairStat, n: number): string {
  const d = pair.delta;
  const label = `TRTR gap (finite-n estimate at n = ${n})`;
  if (!d) return `${label} —`;
  if (!d.hasInterval) return `${label} ${fmt(Math.abs(d.mean))}`;
  const lo = d.lo <= 0 && d.hi >= 0 ? 0 : Math.min(Math.abs(d.lo), Math.abs(d.hi));
  return `${label} ${withInterval(Math.abs(d.mean), lo, Math.max(Math.abs(d.lo), Math.abs(d.hi)))}`;
}

/** A model's population reference, matched by id (null when missing or not fitted). */
function referenceOf(references: PopulationReferences, id: string) {
  const at = references.models.findIndex((m) => m.id === id);
  const model = references.models[at];
  return model && model.error === null && Number.isFinite(model.real) ? { at, model } : null;
}

/**
 * The population side of a pair: Δ_jk = |R(f*_j) − R(f*_k)| from the references, and the largest shift the
 * synthetic responses alone cause in either population risk, |R(f_resp) − R(f*)| (section 3.3's response part).
 * Null when a model has no reference.
 */
export interface PopulationPair {
  readonly delta: number;
  readonly responseEffect: number;
  /** Training points of the Monte Carlo references behind Δ (the smaller of the two); null when both are exact. */
  readonly size: number | null;
}

export function populationPair(
  results: ScenarioResult,
  references: PopulationReferences,
  pair: PairStat,
): PopulationPair | null {
  const models = results.summary.models;
  const a = referenceOf(references, models[pair.j]!.id);
  const b = referenceOf(references, models[pair.k]!.id);
  if (!a || !b) return null;
  const delta = references.gaps[a.at]?.[b.at];
  if (delta === undefined || !Number.isFinite(delta)) return null;
  const effect = Math.max(Math.abs(a.model.responsePart), Math.abs(b.model.responsePart));
  const sizes = [a.model.size, b.model.size].filter((s): s is number => s !== null);
  return { delta, responseEffect: effect, size: sizes.length > 0 ? Math.min(...sizes) : null };
}

/** "Δ = 0.502 (population gap, exact)" or "Δ = 0.0213 (population gap, fits on 10,000 points)". */
export function populationGapText(gap: PopulationPair): string {
  const how = gap.size === null ? 'exact' : `fits on ${gap.size.toLocaleString('en-US')} points`;
  return `Δ = ${fmt(gap.delta)} (population gap, ${how})`;
}

/**
 * How much more often TSTR orders a pair as TRTR does with exact responses than with the run's responses:
 * the paired difference over replicates (both runs share the seed, so replicate r has the same real sample and
 * the same synthetic features in both), as a mean with its 95% t interval. Replicates where either run lacks a
 * model are left out. Null with fewer than two common replicates.
 */
export function agreementLoss(
  poor: ScenarioResult,
  exact: ScenarioResult,
  j: number,
  k: number,
): { exactAgreed: number; poorAgreed: number; trials: number; loss: MeanInterval } | null {
  const agrees = (r: ScenarioResult['records'][number]): boolean | null => {
    const [a, b, c, d] = [r.trtr[j], r.trtr[k], r.tstr[j], r.tstr[k]];
    if (a == null || b == null || c == null || d == null) return null;
    return compare(a, b) === compare(c, d);
  };
  const exactByReplicate = new Map(exact.records.map((r) => [r.index, agrees(r)]));
  const diffs: number[] = [];
  let exactAgreed = 0;
  let poorAgreed = 0;
  for (const r of poor.records) {
    const [p, e] = [agrees(r), exactByReplicate.get(r.index)];
    if (p == null || e == null) continue;
    exactAgreed += e ? 1 : 0;
    poorAgreed += p ? 1 : 0;
    diffs.push((e ? 1 : 0) - (p ? 1 : 0));
  }
  if (diffs.length < 2) return null;
  return { exactAgreed, poorAgreed, trials: diffs.length, loss: meanInterval(diffs) };
}

/** The scenario with exact synthetic responses: no bias, the real noise, no label flips; all else the same. */
export function exactResponses(s: Scenario): Scenario {
  return { ...s, bias: 0, noiseScale: 1, flip01: 0, flip10: 0 };
}

/** Whether the oracle's synthetic features differ from the real ones (a fitted generator always differs). */
export function featuresDiffer(s: Scenario): boolean {
  if (s.generator !== 'oracle') return true;
  return (
    s.shift !== 0 ||
    s.scale !== 1 ||
    (s.p >= 2 && s.rotation % 360 !== 0) ||
    s.truncate > 0 ||
    (s.features === 'mixture' && s.keepComponents < s.components)
  );
}

/** Whether the synthetic responses differ from the real ones (bias, noise, flips, or a fitted generator). */
export function responsesDiffer(s: Scenario): boolean {
  if (s.generator !== 'oracle') return true;
  if (s.bias !== 0 || s.noiseScale !== 1) return true;
  return s.task === 'classification' && (s.flip01 > 0 || s.flip10 > 0);
}

/** "shift 2.0" / "shift 1.0, scale 1.5": the feature perturbations in force, for the verdict texts. */
export function featureChange(s: Scenario): string {
  if (s.generator !== 'oracle') return `a fitted ${s.generator} generator`;
  const parts: string[] = [];
  if (s.shift !== 0) parts.push(`shift ${s.shift.toFixed(1)}`);
  if (s.scale !== 1) parts.push(`scale ${s.scale}`);
  if (s.p >= 2 && s.rotation % 360 !== 0) parts.push(`rotation ${s.rotation}°`);
  if (s.truncate > 0) parts.push(`truncation at ${s.truncate}`);
  if (s.features === 'mixture' && s.keepComponents < s.components)
    parts.push(`${s.keepComponents} of ${s.components} modes kept`);
  return parts.length > 0 ? parts.join(', ') : 'no feature change';
}

/** "20% of labels flipped each way", "40% of labels flipped 1→0 (none 0→1)". */
export function flipText(s: Scenario): string {
  const [a, b] = [s.flip01, s.flip10];
  if (a === 0 && b === 0) return 'no labels flipped';
  if (a === b) return `${percent(a)} of labels flipped each way`;
  if (a === 0) return `${percent(b)} of labels flipped 1→0 (none 0→1)`;
  if (b === 0) return `${percent(a)} of labels flipped 0→1 (none 1→0)`;
  return `${percent(a)} of labels flipped 0→1 and ${percent(b)} 1→0`;
}

/** A share of a risk, to precede it: "4% of" below 1, "10.3 times" above. */
export function shareText(share: number): string {
  return share < 1 ? `${percent(share)} of` : `${fmt(share)} times`;
}
