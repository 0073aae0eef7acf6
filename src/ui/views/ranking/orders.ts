/**
 * The ranking view's numbers (pure, tested): the models ordered by mean TRTR and by mean TSTR, the pairs of
 * models with their consistency C_jk and population gap Δ_jk, agreement with the population order, and the
 * colours of the heatmap cells. Every number is finite or null, never NaN.
 */
import type { PopulationReferences } from '../../../engine/references';
import type { ModelSummary, ReplicateRecord } from '../../../engine/results';
import { pairwiseAgreementWithOrder } from '../../../engine/metrics/ranking';

const finite = (v: number | null | undefined): number | null =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

export interface RankedModel {
  readonly id: string;
  readonly label: string;
  /** Position in the summary's model list (its colour). */
  readonly index: number;
  readonly trtr: number;
  readonly tstr: number;
  /** 0-based place in the order by mean TRTR / mean TSTR (0 = lowest risk = best). */
  readonly trtrPlace: number;
  readonly tstrPlace: number;
}

/** Models fitted at least once, with their places in both orders (ties keep the model-list order). */
export function rankByMeans(models: readonly ModelSummary[]): RankedModel[] {
  const fitted = models
    .map((m, index) => ({ m, index, trtr: finite(m.trtr?.mean), tstr: finite(m.tstr?.mean) }))
    .filter((x): x is typeof x & { trtr: number; tstr: number } => x.trtr !== null && x.tstr !== null);
  const placeBy = (key: 'trtr' | 'tstr') => {
    const order = [...fitted].sort((a, b) => a[key] - b[key] || a.index - b.index);
    return new Map(order.map((x, place) => [x.index, place]));
  };
  const [byTrtr, byTstr] = [placeBy('trtr'), placeBy('tstr')];
  return fitted.map((x) => ({
    id: x.m.id,
    label: x.m.label,
    index: x.index,
    trtr: x.trtr,
    tstr: x.tstr,
    trtrPlace: byTrtr.get(x.index)!,
    tstrPlace: byTstr.get(x.index)!,
  }));
}

/** Off-diagonal entries of a K x K table kept in [0, 1] or null; null when the table is missing or ragged. */
export function cleanMatrix(
  table: readonly (readonly number[])[] | null | undefined,
  k: number,
): (number | null)[][] | null {
  if (!table || table.length !== k || table.some((row) => row.length !== k)) return null;
  return table.map((row) => row.map((v) => finite(v)));
}

export interface Pair {
  readonly j: number;
  readonly k: number;
  /** C_jk, null when unknown. */
  readonly consistency: number | null;
  /** Δ_jk = |R(f*_j) − R(f*_k)|, null until the references are in (or when a model has none). */
  readonly gap: number | null;
}

export function pairsOf(
  k: number,
  consistency: readonly (readonly (number | null)[])[] | null,
  gaps: readonly (readonly (number | null)[])[] | null,
): Pair[] {
  const pairs: Pair[] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++)
      pairs.push({ j: a, k: b, consistency: consistency?.[a]?.[b] ?? null, gap: gaps?.[a]?.[b] ?? null });
  return pairs;
}

/** Δ_jk from the references, matched to the summary's models by id; null where unknown. */
export function gapMatrix(
  models: readonly { id: string }[],
  references: PopulationReferences | null,
): (number | null)[][] | null {
  if (!references) return null;
  const where = models.map((m) => references.models.findIndex((r) => r.id === m.id));
  if (where.some((w) => w < 0)) return null;
  return where.map((a) => where.map((b) => finite(references.gaps[a]?.[b])));
}

/** Population risks R(f*_k) per model (summary order), or null when any is missing. */
export function populationRisks(
  models: readonly { id: string }[],
  references: PopulationReferences | null,
): number[] | null {
  if (!references) return null;
  const risks = models.map((m) => finite(references.models.find((r) => r.id === m.id)?.real));
  return risks.every((r): r is number => r !== null) ? risks : null;
}

/**
 * Mean over pairs j < k of the fraction of replicates whose TRTR and TSTR orders agree with the population order
 * (sign of R(f*_j) − R(f*_k)); only replicates where every model was fitted count. null when nothing to count.
 */
export function populationAgreement(
  records: readonly ReplicateRecord[],
  risks: readonly number[] | null,
): { trtr: number; tstr: number; replicates: number } | null {
  if (!risks || risks.length < 2) return null;
  const complete = records.filter(
    (r) =>
      r.trtr.length === risks.length &&
      r.tstr.length === risks.length &&
      r.trtr.every((v) => v !== null && Number.isFinite(v)) &&
      r.tstr.every((v) => v !== null && Number.isFinite(v)),
  );
  if (complete.length === 0) return null;
  const meanOff = (table: number[][]) => {
    let sum = 0;
    let count = 0;
    for (let a = 0; a < table.length; a++)
      for (let b = a + 1; b < table.length; b++) {
        sum += table[a]![b]!;
        count += 1;
      }
    return sum / count;
  };
  return {
    trtr: meanOff(
      pairwiseAgreementWithOrder(
        complete.map((r) => r.trtr as number[]),
        risks,
      ),
    ),
    tstr: meanOff(
      pairwiseAgreementWithOrder(
        complete.map((r) => r.tstr as number[]),
        risks,
      ),
    ),
    replicates: complete.length,
  };
}

/**
 * One or two sentences on claim 3 from the numbers: the most separated pair and the closest pair, with how often
 * each is ordered alike. null when the gaps or the consistencies are not known.
 */
export function pairLesson(pairs: readonly Pair[], labels: readonly string[]): string | null {
  const known = pairs.filter(
    (p): p is Pair & { gap: number; consistency: number } => p.gap !== null && p.consistency !== null,
  );
  if (known.length === 0) return null;
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  const name = (p: Pair) => `${labels[p.j]} vs ${labels[p.k]}`;
  const fmt = (v: number) =>
    v === 0 ? '0' : Math.abs(v) >= 0.001 && Math.abs(v) < 10_000 ? v.toPrecision(2) : v.toExponential(1);
  const sorted = [...known].sort((a, b) => b.gap - a.gap);
  const far = sorted[0]!;
  const near = sorted[sorted.length - 1]!;
  if (known.length === 1 || far === near) {
    return `${name(far)}: population gap Δ = ${fmt(far.gap)}, ordered alike by TSTR and TRTR in ${percent(far.consistency)} of replicates.`;
  }
  const trend =
    far.consistency > near.consistency
      ? 'The wider the gap between two models, the more reliably synthetic data orders them.'
      : far.consistency < near.consistency
        ? 'Here the closer pair is ordered more reliably: the gap is not the whole story (response error, estimation noise).'
        : far.consistency === 1
          ? 'Both are ordered alike in every replicate: give the models closer risks, or the synthetic data a response bias, to see near-tied pairs drift toward a coin flip.'
          : 'Both are ordered alike equally often.';
  return `Most separated pair, ${name(far)} (Δ = ${fmt(far.gap)}): ordered alike in ${percent(far.consistency)} of replicates. Closest pair, ${name(near)} (Δ = ${fmt(near.gap)}): ${percent(near.consistency)}. ${trend}`;
}

/** Heatmap fill of a consistency: blue above 1/2 (ordered alike), vermillion below (reversed), clear at 1/2. */
export function consistencyFill(value: number): { color: string; opacity: number } {
  const t = Math.max(-1, Math.min(1, 2 * value - 1));
  return { color: t >= 0 ? '#0072B2' : '#D55E00', opacity: Number((0.06 + 0.5 * Math.abs(t)).toFixed(3)) };
}

/** Heatmap fill of a gap Δ relative to the largest one. */
export function gapFill(value: number, max: number): { color: string; opacity: number } {
  const t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return { color: '#7E57C2', opacity: Number((0.06 + 0.55 * t).toFixed(3)) };
}

/** Short forms for narrow heatmap cells: ".30" / "1" for a share, ".049" / "5e-7" for a gap. */
export function compactShare(value: number): string {
  if (value === 1) return '1';
  if (value === 0) return '0';
  return value.toFixed(2).replace(/^0/, '');
}

export function compactGap(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 0.01 && abs < 1) return String(Number(value.toPrecision(2))).replace(/^0\./, '.');
  if (abs >= 1 && abs < 100) return String(Number(value.toPrecision(2)));
  return value.toExponential(0).replace('e+', 'e');
}
