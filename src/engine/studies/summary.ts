/** The studies' summaries over replicates (studies/types.ts StudySummary), from the records' study parts. */
import { meanInterval, scoreShareInterval, type MeanInterval } from '../metrics/intervals';
import { definedMean, utilityOf } from '../metrics/overReplicates';
import { kendallTauB, top1Agreement } from '../metrics/ranking';
import type { OrderAgreement, StudyRecord, StudySummary } from './types';

/** What a study's summary reads of a replicate's record (summary.ts ReplicateRecord). */
interface ReplicateRecord {
  readonly trtr: readonly (number | null)[];
  readonly tstr: readonly (number | null)[];
  readonly study?: StudyRecord;
}

type Of<K extends StudyRecord['kind']> = Extract<StudyRecord, { kind: K }>;

function meanOrNull(values: number[]): MeanInterval | null {
  return values.length > 0 ? meanInterval(values) : null;
}

/** Per replicate, the values of models 0..K-1 where every one is there. */
function complete(rows: readonly (readonly (number | null)[])[]): number[][] {
  return rows.filter((row) => row.every((v) => v != null)) as number[][];
}

/** An order's agreement with TRTR's over the replicates where both are complete. */
export function orderAgreement(
  records: readonly ReplicateRecord[],
  other: (record: ReplicateRecord) => readonly (number | null)[],
): OrderAgreement | null {
  const pairs = records
    .map((r) => [r.trtr, other(r)] as const)
    .filter(([a, b]) => a.every((v) => v != null) && b.every((v) => v != null)) as unknown as [
    number[],
    number[],
  ][];
  if (records.length === 0 || records[0]!.trtr.length < 2) return null;
  const agreed = pairs.reduce((sum, [a, b]) => sum + top1Agreement(a, b), 0);
  return {
    replicates: pairs.length,
    kendallTauB: definedMean(pairs.map(([a, b]) => kendallTauB(a, b))),
    top1: pairs.length > 0 ? scoreShareInterval(agreed, pairs.length) : null,
  };
}

/** Index of the smallest value (the first on ties; missing values skipped), or null when none is there. */
export function bestIndex(values: readonly (number | null | undefined)[]): number | null {
  let best: number | null = null;
  values.forEach((v, k) => {
    if (v == null || !Number.isFinite(v)) return;
    if (best === null || v < values[best]!) best = k;
  });
  return best;
}

function collapse(records: readonly ReplicateRecord[]): StudySummary {
  const chains = records.map((r) => r.study as Of<'collapse'>);
  const generations = Math.min(...chains.map((c) => c.spread.length));
  // A spread is a product of random shrink factors: positive and skewed, so its t interval can reach below 0.
  // The percentile bootstrap (as for τ) stays within the values; like every bootstrap it is narrow for few replicates.
  const per = (pick: (c: Of<'collapse'>) => readonly number[]) =>
    Array.from({ length: generations }, (_, g) => definedMean(chains.map((c) => pick(c)[g]!))!);
  return { kind: 'collapse', spread: per((c) => c.spread), tail: per((c) => c.tail) };
}

/** Mean and t interval of a(r) − b(r) over the replicates where both are there. */
function paired(
  records: readonly ReplicateRecord[],
  a: (r: ReplicateRecord) => number | null | undefined,
  b: (r: ReplicateRecord) => number | null | undefined,
): MeanInterval | null {
  const diffs: number[] = [];
  for (const r of records) {
    const x = a(r);
    const y = b(r);
    if (x != null && y != null) diffs.push(x - y);
  }
  return meanOrNull(diffs);
}

function mix(records: readonly ReplicateRecord[], K: number): StudySummary {
  const tmtr = (r: ReplicateRecord) => (r.study as Of<'mix'>).tmtr;
  const models = Array.from({ length: K }, (_, k) => ({
    tmtr: meanOrNull(records.map((r) => tmtr(r)[k]).filter((v): v is number => v != null)),
    gain: paired(
      records,
      (r) => r.trtr[k],
      (r) => tmtr(r)[k],
    ),
  }));
  return { kind: 'mix', models, ranking: orderAgreement(records, tmtr) };
}

function ensemble(records: readonly ReplicateRecord[], K: number): StudySummary {
  const member = (r: ReplicateRecord) => (r.study as Of<'ensemble'>).member;
  const models = Array.from({ length: K }, (_, k) => {
    const gap = paired(
      records,
      (r) => member(r)[k],
      (r) => r.trtr[k],
    );
    return {
      member: meanOrNull(records.map((r) => member(r)[k]).filter((v): v is number => v != null)),
      memberUtility: gap ? utilityOf(gap) : null,
      benefit: paired(
        records,
        (r) => member(r)[k],
        (r) => r.tstr[k],
      ),
    };
  });
  return { kind: 'ensemble', models, memberRanking: orderAgreement(records, member) };
}

/**
 * One replicate's hyperparameter choice: the candidate real validation picks, the one synthetic validation picks,
 * and the regret (TRTR of the synthetic choice − TRTR of the real one); null unless every candidate is scored.
 */
export function selectionChoice(
  record: ReplicateRecord,
): { real: number; synthetic: number; regret: number; realRisk: number } | null {
  const s = record.study;
  if (s?.kind !== 'select' || complete([s.valReal, s.valSynthetic, record.trtr]).length < 3) return null;
  const real = bestIndex(s.valReal)!;
  const synthetic = bestIndex(s.valSynthetic)!;
  const test = record.trtr as number[];
  return { real, synthetic, regret: test[synthetic]! - test[real]!, realRisk: test[real]! };
}

function select(records: readonly ReplicateRecord[], K: number): StudySummary {
  const regret: number[] = [];
  const relative: number[] = [];
  const chosenReal = new Array<number>(K).fill(0);
  const chosenSynthetic = new Array<number>(K).fill(0);
  let same = 0;
  let trials = 0;
  for (const r of records) {
    const choice = selectionChoice(r);
    if (!choice) continue;
    chosenReal[choice.real]!++;
    chosenSynthetic[choice.synthetic]!++;
    trials++;
    if (choice.real === choice.synthetic) same++;
    regret.push(choice.regret);
    if (choice.realRisk > 0) relative.push(choice.regret / choice.realRisk);
  }
  const column = (pick: (s: Of<'select'>) => readonly (number | null)[], k: number) =>
    meanOrNull(records.map((r) => pick(r.study as Of<'select'>)[k]).filter((v): v is number => v != null));
  return {
    kind: 'select',
    regret: meanOrNull(regret),
    relativeRegret: meanOrNull(relative),
    sameChoice: trials > 0 ? scoreShareInterval(same, trials) : null,
    chosenReal,
    chosenSynthetic,
    valReal: Array.from({ length: K }, (_, k) => column((s) => s.valReal, k)),
    valSynthetic: Array.from({ length: K }, (_, k) => column((s) => s.valSynthetic, k)),
  };
}

/** The study's summary of the records, or undefined when they carry no study (or none yet). */
export function summarizeStudy(records: readonly ReplicateRecord[], K: number): StudySummary | undefined {
  const kind = records[0]?.study?.kind;
  if (!kind || records.some((r) => r.study?.kind !== kind)) return undefined;
  switch (kind) {
    case 'collapse':
      return collapse(records);
    case 'mix':
      return mix(records, K);
    case 'ensemble':
      return ensemble(records, K);
    case 'select':
      return select(records, K);
  }
}
