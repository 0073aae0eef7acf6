/**
 * Ranking agreement between two orderings of K models: Kendall tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)),
 * Spearman rho = Pearson correlation of average ranks, top-1 agreement, the pairwise agreement C_jk and its mean
 * over pairs, the Synthetic Ranking Agreement (SRA; Jordon et al. 2018, arXiv:1806.11345).
 *
 * One tie rule for C_jk, SRA and top-1 (docs/theory.md section 4): exact ties are broken by one uniformly random
 * order of the models, the same for both orderings, and the expected agreement is counted. So a pair tied in
 * one ordering only counts 1/2, a pair tied in both counts 1, and top-1 counts |A ∩ B| / |A ∪ B| for the sets A
 * and B of tied-best models. Tau-b and rho keep scipy's tie handling (they are scipy's statistics).
 */

/**
 * Three-way comparison used for every "sign" below: -1, 0 or +1. It equals sign(x - y) for finite values and
 * stays right for infinities (Infinity - Infinity would be NaN). Callers guarantee no NaN.
 */
function compare(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

function checkPair(a: ArrayLike<number>, b: ArrayLike<number>, name: string): void {
  if (a.length !== b.length) throw new RangeError(`${name}: lengths differ (${a.length} vs ${b.length})`);
}

function clampUnit(r: number): number {
  return Math.min(1, Math.max(-1, r));
}

/**
 * 1-based ranks; tied values share the average of the ranks they span (scipy.stats.rankdata 'average').
 * Throws on NaN, which has no place in an order.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (hasNaN(values)) throw new RangeError('averageRanks: NaN has no rank');
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => compare(values[i]!, values[j]!));
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end-1 (0-based) hold ranks start+1..end; their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let t = start; t < end; t++) ranks[order[t]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Kendall tau-b, as scipy.stats.kendalltau (variant 'b'): over the n0 = n(n-1)/2 pairs, C concordant, D
 * discordant, n1 pairs tied in a, n2 pairs tied in b (a pair tied in both counts in n1 and n2, not in C or D):
 * tau_b = (C - D) / sqrt((n0 - n1)(n0 - n2)).
 *
 * Returns NaN when tau-b is undefined: fewer than 2 values, every value of a (or of b) tied (a zero
 * denominator), or any NaN in the input (scipy's nan_policy='propagate'). Throws if the lengths differ.
 * O(n^2) pair count: meant for rankings of K models (K up to a few thousand stays fast).
 */
export function kendallTauB(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'kendallTauB');
  const n = a.length;
  if (n < 2 || hasNaN(a) || hasNaN(b)) return Number.NaN;
  let concordantMinusDiscordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const bi = b[i]!;
    for (let j = i + 1; j < n; j++) {
      const sa = compare(ai, a[j]!);
      const sb = compare(bi, b[j]!);
      if (sa === 0) tiedA++;
      if (sb === 0) tiedB++;
      concordantMinusDiscordant += sa * sb;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt(pairs - tiedA) * Math.sqrt(pairs - tiedB);
  if (denominator === 0) return Number.NaN;
  return clampUnit(concordantMinusDiscordant / denominator);
}

/**
 * Spearman rho, as scipy.stats.spearmanr: the Pearson correlation of the average ranks of a and of b.
 * Returns NaN when undefined: fewer than 2 values, all values of a (or of b) tied (zero rank variance), or any
 * NaN in the input. Throws if the lengths differ.
 */
export function spearmanRho(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'spearmanRho');
  const n = a.length;
  if (n < 2 || hasNaN(a) || hasNaN(b)) return Number.NaN;
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const mean = (n + 1) / 2; // average ranks always sum to n(n+1)/2
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = ra[i]! - mean;
    const db = rb[i]! - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return Number.NaN;
  return clampUnit(sab / Math.sqrt(saa * sbb));
}

/** Indices of the smallest value (all of them when the minimum is tied). */
function minimizers(values: ArrayLike<number>): Set<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) best = Math.min(best, values[i]!);
  const out = new Set<number>();
  for (let i = 0; i < values.length; i++) if (values[i] === best) out.add(i);
  return out;
}

/**
 * Top-1 agreement of two orderings (smallest risk = best), under the tie rule above: 1 when both pick the same
 * single best model, 0 when they pick different ones, and with ties for the minimum |A ∩ B| / |A ∪ B| (A, B the
 * sets of minimizers): a random order of the models, shared by both, picks the same model exactly when the
 * first model of A ∪ B in that order lies in both sets. Throws on empty input, differing lengths or NaN.
 */
export function top1Agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'top1Agreement');
  if (a.length === 0) throw new RangeError('top1Agreement: no models');
  if (hasNaN(a) || hasNaN(b)) throw new RangeError('top1Agreement: NaN risk');
  const bestA = minimizers(a);
  const bestB = minimizers(b);
  let common = 0;
  for (const k of bestA) if (bestB.has(k)) common++;
  return common / (bestA.size + bestB.size - common);
}

/**
 * Agreement of one pair under the tie rule above, from the pair's three-way signs in the two orderings: 1 when
 * the signs are equal (a tie in both included), 0 when they are opposite, 1/2 when only one ordering ties it.
 */
export function pairAgreement(signA: number, signB: number): number {
  if (signA === signB) return 1;
  return signA === 0 || signB === 0 ? 0.5 : 0;
}

/**
 * Synthetic Ranking Agreement of one replicate (Jordon et al. 2018): the mean over the K(K-1)/2 pairs of
 * pairAgreement. Jordon et al. count a pair only when (a_j - a_k)(b_j - b_k) > 0, so a tie there is a
 * disagreement; here it follows the one tie rule. NaN with fewer than 2 models or a NaN risk.
 */
export function syntheticRankingAgreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPair(a, b, 'syntheticRankingAgreement');
  const n = a.length;
  if (n < 2 || hasNaN(a) || hasNaN(b)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sum += pairAgreement(compare(a[i]!, a[j]!), compare(b[i]!, b[j]!));
  }
  return sum / ((n * (n - 1)) / 2);
}

/** Checks a replicate-by-model table and returns K; throws on ragged rows or NaN. */
function modelCount(risks: readonly ArrayLike<number>[], name: string): number {
  const k = risks[0]?.length ?? 0;
  for (const row of risks) {
    if (row.length !== k) throw new RangeError(`${name}: replicates have different numbers of models`);
    if (hasNaN(row)) throw new RangeError(`${name}: NaN risk`);
  }
  return k;
}

/** Fills a K x K table: entry [j][k] = mean over replicates r of agree(r, j, k) (in [0, 1]); diagonal 1. */
function agreementTable(
  replicates: number,
  k: number,
  agree: (r: number, i: number, j: number) => number,
): number[][] {
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let count = 0;
      for (let r = 0; r < replicates; r++) count += agree(r, i, j);
      table[i]![j] = count / replicates;
      table[j]![i] = count / replicates;
    }
  }
  return table;
}

/**
 * Pairwise agreement C_jk (the per-pair Synthetic Ranking Agreement): riskA[r][k] and riskB[r][k] are model k's
 * risks in replicate r under orderings A (e.g. TRTR) and B (e.g. TSTR). Entry [j][k] = mean over replicates of
 * pairAgreement: 1 where sign(A_j - A_k) = sign(B_j - B_k), 0 where the signs are opposite, 1/2 where only one
 * ordering ties the pair. The table is symmetric with diagonal 1. Throws when there are no replicates, the two tables differ in shape, or any risk is NaN.
 */
export function pairwiseConsistency(
  riskA: readonly ArrayLike<number>[],
  riskB: readonly ArrayLike<number>[],
): number[][] {
  if (riskA.length === 0) throw new RangeError('pairwiseConsistency: no replicates');
  if (riskA.length !== riskB.length) throw new RangeError('pairwiseConsistency: replicate counts differ');
  const k = modelCount(riskA, 'pairwiseConsistency');
  if (modelCount(riskB, 'pairwiseConsistency') !== k) {
    throw new RangeError('pairwiseConsistency: model counts differ');
  }
  return agreementTable(riskA.length, k, (r, i, j) => {
    const a = riskA[r]!;
    const b = riskB[r]!;
    return pairAgreement(compare(a[i]!, a[j]!), compare(b[i]!, b[j]!));
  });
}

/**
 * Agreement with a fixed order (e.g. population risks R(f*_k)): entry [j][k] = mean over replicates of
 * pairAgreement(sign(B_j - B_k), sign(ref_j - ref_k)); diagonal 1. Same tie rule and errors as pairwiseConsistency.
 */
export function pairwiseAgreementWithOrder(
  riskB: readonly ArrayLike<number>[],
  reference: ArrayLike<number>,
): number[][] {
  if (riskB.length === 0) throw new RangeError('pairwiseAgreementWithOrder: no replicates');
  const k = modelCount(riskB, 'pairwiseAgreementWithOrder');
  if (reference.length !== k) throw new RangeError('pairwiseAgreementWithOrder: model counts differ');
  if (hasNaN(reference)) throw new RangeError('pairwiseAgreementWithOrder: NaN reference risk');
  return agreementTable(riskB.length, k, (r, i, j) => {
    const b = riskB[r]!;
    return pairAgreement(compare(b[i]!, b[j]!), compare(reference[i]!, reference[j]!));
  });
}
