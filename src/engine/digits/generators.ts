/**
 * The digits lab's generators G fitted on real digits D (diag-gaussian, pca-gaussian, pca-gmm, smote, deform) and
 * the class counts m_c = m pi_c w_c / sum(pi w), w_c = imbalance^(c/9) (0 if dropped), by largest remainders.
 */
import { GeneratorError } from '../generators/oracle';
import { matrix } from '../matrix';
import * as portable from '../portable';
import type { RandomStream } from '../rng';
import { fitDeform } from './deform';
import { fitDiagGaussian, fitPcaGenerator } from './digitGaussians';
import { digitClassRows, type ClassDrawer } from './digitRows';
import {
  CLASSES,
  PIXELS,
  type DigitCorruption,
  type DigitGeneratorSettings,
  type FittedDigitGenerator,
  type Sample,
} from './types';

/** A fitted digit generator whose draws are immediate (every kind here; only the VAE's are asynchronous). */
export interface SyncDigitGenerator extends FittedDigitGenerator {
  draw(counts: readonly number[], rand: RandomStream): Sample;
  /** What the fit had to change from the settings (k capped, mixture components dropped), in a sentence. */
  readonly notice?: string;
}

/**
 * The k nearest rows to row i among `pool` (i excluded), nearest first, by |x_i - x_r|^2 = |x_i|^2 + |x_r|^2 -
 * 2 x_i.x_r with the dot product over x_i's nonzero pixels only (~150 of 784): 5x faster than a full scan
 * (generators/smote's neighborsInPool), equal up to rounding in the distances (ties may then break differently).
 */
function nearestInClass(
  data: Float64Array,
  norms: Float64Array,
  pool: Int32Array,
  i: number,
  k: number,
): Int32Array {
  const P = PIXELS;
  const nonzero: number[] = [];
  for (let j = 0; j < P; j++) if (data[i * P + j] !== 0) nonzero.push(j);
  const out = new Int32Array(k);
  const best = new Float64Array(k).fill(Infinity);
  for (const r of pool) {
    if (r === i) continue;
    let dot = 0;
    for (const j of nonzero) dot += data[i * P + j]! * data[r * P + j]!;
    const dist = norms[i]! + norms[r]! - 2 * dot;
    if (!(dist < best[k - 1]!)) continue;
    let at = k - 1;
    while (at > 0 && best[at - 1]! > dist) {
      best[at] = best[at - 1]!;
      out[at] = out[at - 1]!;
      at--;
    }
    best[at] = dist;
    out[at] = r;
  }
  return out;
}

/**
 * smote: a real digit x_i of the class uniform, x_j uniform among its min(neighbors, n_c - 1) nearest real digits
 * of the same class (Euclidean on pixels, cached per i), x~ = x_i + lambda (x_j - x_i), lambda ~ U(0, 1). A class
 * with a single real digit gives copies of it.
 */
function fitSmote(real: Sample, classRows: readonly Int32Array[], neighbors: number): ClassDrawer {
  const P = PIXELS;
  const cache = new Map<number, Int32Array>();
  const { data } = real.x;
  const norms = new Float64Array(real.x.rows);
  for (let r = 0; r < real.x.rows; r++) for (let j = 0; j < P; j++) norms[r]! += data[r * P + j]! ** 2;
  return (label, count, rand, out, row) => {
    const pool = classRows[label]!;
    for (let s = 0; s < count; s++) {
      const i = pool[Math.floor(rand.uniform() * pool.length)]!;
      let near = cache.get(i);
      if (!near) {
        near = nearestInClass(data, norms, pool, i, Math.min(neighbors, pool.length - 1));
        cache.set(i, near);
      }
      const at = (row + s) * P;
      if (near.length === 0) {
        out.set(data.subarray(i * P, (i + 1) * P), at);
        continue;
      }
      const j = near[Math.floor(rand.uniform() * near.length)]!;
      const lambda = rand.uniform();
      for (let c = 0; c < P; c++) {
        const a = data[i * P + c]!;
        out[at + c] = a + lambda * (data[j * P + c]! - a);
      }
    }
  };
}

function requireWhole(value: number, lo: number, hi: number, name: string): number {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new GeneratorError(`digit generator: ${name} = ${value} must be a whole number in ${lo}..${hi}`);
  }
  return value;
}

/**
 * Fits the generator `settings.kind` on the real digits (randomness from `rand`). GeneratorError for 'vae'
 * (fitted by vae.ts), settings out of range, or a sample that is not digits (see digitClassRows).
 * pca-gaussian and pca-gmm use k = min(pcaComponents, n - 1) (beyond n - 1 the centred sample has no variance).
 */
export function fitDigitGenerator(
  real: Sample,
  settings: DigitGeneratorSettings,
  rand: RandomStream,
): SyncDigitGenerator {
  const { kind } = settings;
  if (kind === 'vae') throw new GeneratorError('vae is fitted by vae.ts');
  const classRows = digitClassRows(real, kind);
  if (real.x.rows === 0) throw new GeneratorError(`${kind}: the real sample is empty`);
  let drawer: ClassDrawer;
  let notice: string | undefined;
  switch (kind) {
    case 'diag-gaussian':
      drawer = fitDiagGaussian(real, classRows);
      break;
    case 'pca-gaussian':
    case 'pca-gmm': {
      const k = requireWhole(settings.pcaComponents, 1, 100, 'pcaComponents');
      const mixture =
        kind === 'pca-gmm' ? requireWhole(settings.mixtureComponents, 1, 20, 'mixtureComponents') : undefined;
      const fit = fitPcaGenerator(real, classRows, k, rand, mixture);
      drawer = fit.draw;
      const notes: string[] = [];
      if (fit.k < k) notes.push(`PCA dimensions capped at n - 1 = ${fit.k}`);
      const short = fit.componentsKept.flatMap((kept, c) =>
        mixture !== undefined && kept > 0 && kept < mixture ? [`${c}: ${kept}`] : [],
      );
      if (short.length > 0) {
        notes.push(
          `mixture components kept per class (fewer than ${mixture}; a component needs ${fit.k + 1} digits) ${short.join(', ')}`,
        );
      }
      notice = notes.length > 0 ? `${kind}: ${notes.join('; ')}` : undefined;
      break;
    }
    case 'smote':
      drawer = fitSmote(real, classRows, requireWhole(settings.neighbors, 1, 50, 'neighbors'));
      break;
    case 'deform': {
      const amount = settings.deformAmount;
      if (!(Number.isFinite(amount) && amount >= 0 && amount <= 8)) {
        throw new GeneratorError(`deform: deformAmount = ${amount} must be in 0..8 pixels`);
      }
      drawer = fitDeform(real, classRows, amount);
      break;
    }
  }
  return {
    ...(notice === undefined ? {} : { notice }),
    draw(counts, drawRand) {
      if (counts.length !== CLASSES || !counts.every((c) => Number.isInteger(c) && c >= 0)) {
        throw new GeneratorError(
          `${kind}: counts must be ${CLASSES} whole numbers ≥ 0, got [${counts.join(', ')}]`,
        );
      }
      counts.forEach((count, c) => {
        if (count > 0 && classRows[c]!.length === 0) {
          throw new GeneratorError(
            `${kind}: ${count} synthetic digit${count === 1 ? '' : 's'} of class ${c} asked for, but the real sample has no ${c}s to learn it from`,
          );
        }
      });
      const m = counts.reduce((a, b) => a + b, 0);
      const ordered = new Float64Array(m * PIXELS);
      let row = 0;
      counts.forEach((count, c) => {
        if (count > 0) drawer(c, count, drawRand, ordered, row);
        row += count;
      });
      // Fisher-Yates on the row order, so the classes come mixed (a prefix of the sample is not all 0s).
      const order = Int32Array.from({ length: m }, (_, i) => i);
      for (let i = m - 1; i > 0; i--) {
        const j = Math.floor(drawRand.uniform() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const labels = counts.flatMap((count, c) => Array<number>(count).fill(c));
      const x = matrix(m, PIXELS);
      const y = new Float64Array(m);
      order.forEach((from, i) => {
        x.data.set(ordered.subarray(from * PIXELS, (from + 1) * PIXELS), i * PIXELS);
        y[i] = labels[from]!;
      });
      return { x, y };
    },
  };
}

/**
 * m synthetic digits split over the classes: class c gets weight (n_c / n) imbalance^(c / 9), 0 when dropped
 * or absent from the real sample; floors of m w_c / sum(w), then the remaining digits one each to the largest
 * remainders (ties to the lower class), so the counts sum to m exactly. GeneratorError when every weight is 0.
 */
export function classCounts(realLabels: Float64Array, m: number, corruption: DigitCorruption): number[] {
  if (!Number.isInteger(m) || m < 0)
    throw new GeneratorError(`class counts: m = ${m} must be a whole number ≥ 0`);
  const { imbalance, dropped } = corruption;
  if (!(Number.isFinite(imbalance) && imbalance > 0)) {
    throw new GeneratorError(`class counts: imbalance = ${imbalance} must be positive`);
  }
  const frequency = new Float64Array(CLASSES);
  for (const label of realLabels) {
    if (!Number.isInteger(label) || label < 0 || label >= CLASSES) {
      throw new GeneratorError(`class counts: real label ${label} is not a digit 0..9`);
    }
    frequency[label]!++;
  }
  const weights = Array.from(frequency, (f, c) =>
    dropped.includes(c) ? 0 : f * portable.pow(imbalance, c / (CLASSES - 1)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    throw new GeneratorError(
      realLabels.length === 0
        ? 'class counts: the real sample is empty'
        : 'class counts: every class present in the real sample is dropped; keep at least one',
    );
  }
  const quotas = weights.map((w) => (m * w) / total);
  const counts = quotas.map(Math.floor);
  let left = m - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, c) => ({ c, rest: q - counts[c]! }))
    .filter(({ c }) => weights[c]! > 0)
    .sort((a, b) => b.rest - a.rest || a.c - b.c);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) counts[byRemainder[i]!.c]!++;
  return counts;
}
