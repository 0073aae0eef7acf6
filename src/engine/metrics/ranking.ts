/**
 * Ranking agreement between two orderings of K models: Kendall tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)),
 * Spearman rho = Pearson correlation of average ranks, top-1 agreement, and pairwise C_jk = P(sign agreement).
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
 * Whether the two orderings pick the same best model (smallest risk). With ties for the minimum, they agree
 * when the sets of minimizers intersect: some model is best under both (a tie never counts against a
 * ranking that picks one of the tied models). Throws on empty input, differing lengths or NaN.
 */
export function top1Agreement(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  checkPair(a, b, 'top1Agreement');
  if (a.length === 0) throw new RangeError('top1Agreement: no models');
  if (hasNaN(a) || hasNaN(b)) throw new RangeError('top1Agreement: NaN risk');
  const bestB = minimizers(b);
  for (const k of minimizers(a)) if (bestB.has(k)) return true;
  return false;
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

/** Fills a K x K table: entry [j][k] = fraction of replicates r where agree(r, j, k); diagonal 1. */
function agreementTable(
  replicates: number,
  k: number,
  agree: (r: number, i: number, j: number) => boolean,
): number[][] {
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let count = 0;
      for (let r = 0; r < replicates; r++) if (agree(r, i, j)) count++;
      table[i]![j] = count / replicates;
      table[j]![i] = count / replicates;
    }
  }
  return table;
}

/**
 * Pairwise consistency C_jk: riskA[r][k] and riskB[r][k] are model k's risks in replicate r under orderings
 * A (e.g. TRTR) and B (e.g. TSTR). Entry [j][k] = fraction of replicates with sign(A_j - A_k) = sign(B_j - B_k);
 * the table is symmetric with diagonal 1. An exact tie counts as sign 0: it agrees only with an exact tie.
 * Throws when there are no replicates, the two tables differ in shape, or any risk is NaN.
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
    return compare(a[i]!, a[j]!) === compare(b[i]!, b[j]!);
  });
}

/**
 * Agreement with a fixed order (e.g. population risks R(f*_k)): entry [j][k] = fraction of replicates with
 * sign(B_j - B_k) = sign(ref_j - ref_k); diagonal 1. Same tie rule and errors as pairwiseConsistency.
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
    return compare(b[i]!, b[j]!) === compare(reference[i]!, reference[j]!);
  });
}
