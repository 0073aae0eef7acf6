/**
 * The self-consuming loop (docs/theory.md §9.1; Shumailov et al., Nature 2024; Alemohammad et al., ICLR 2024).
 * Replicate r: D_0 is the real sample; for g = 1..G, generation g's training data D_g are m points, a share
 * (1 - fresh) drawn from the generator fitted on D_{g-1} and the rest fresh real points; the synthetic sample the
 * models train on is m draws from the generator fitted on D_G (G = 0: the ordinary two-stage draw). Every fit is
 * the maximum-likelihood one, so a Gaussian fitted to its own draws shrinks in expectation by (m - 1)/m a
 * generation. Streams: `generator/g#r` for generation g's fit and draws, `fresh/g#r` for its fresh real points,
 * `generator#r` for the last generation's (so G = 0 uses the two-stage mode's streams; its Gaussian fit is the
 * maximum-likelihood one, divisor n, where the two-stage mode's divides by n - 1).
 */
import { drawFitted, type FittedGeneratorSettings } from '../generators/fitted';
import { sortedQuantile } from '../metrics/intervals';
import type { ExperimentPlan, PopulationSource } from '../plan';
import { drawReal, type Sample } from '../populations/population';
import { stream } from '../rng';
import { headRows, replicateLabel, stackSamples } from '../sampleRows';
import type { ChainRecord } from './types';

/** Per feature: the maximum-likelihood variance and the 1%–99% quantile range of the sample's features. */
export function featureSpread(sample: Sample): { variance: number; range: number } {
  const { rows, cols, data } = sample.x;
  let variance = 0;
  let range = 0;
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += column[i] = data[i * cols + j]!;
    mean /= rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) ss += (column[i]! - mean) ** 2;
    variance += ss / rows;
    column.sort();
    range += sortedQuantile(column, 0.99) - sortedQuantile(column, 0.01);
  }
  return { variance, range: range / cols };
}

/** How many of generation g's m training points are fresh real points: round(fresh · m). */
export function freshCount(m: number, fresh: number): number {
  return Math.round(fresh * m);
}

/**
 * The rows a refit can use: for classification, a class left with fewer than 2 points (the loop's class shares
 * drift like everything else it refits) has died out, and the generator fitted on the rest no longer draws it.
 */
export function surviving(sample: Sample, task: ExperimentPlan['task']): Sample {
  if (task !== 'classification') return sample;
  const counts = new Map<number, number>();
  for (const label of sample.y) counts.set(label, (counts.get(label) ?? 0) + 1);
  if ([...counts.values()].every((c) => c >= 2)) return sample;
  const keep: number[] = [];
  sample.y.forEach((label, i) => {
    if (counts.get(label)! >= 2) keep.push(i);
  });
  const p = sample.x.cols;
  const x = new Float64Array(keep.length * p);
  keep.forEach((row, i) => x.set(sample.x.data.subarray(row * p, (row + 1) * p), i * p));
  return { x: { rows: keep.length, cols: p, data: x }, y: Float64Array.from(keep, (row) => sample.y[row]!) };
}

/**
 * Replicate r's loop: the synthetic sample (and hold-out) after `generations` refits, and the chain's spread and
 * tail width per generation (relative to the real sample, and to m fresh real points for the tail width).
 */
export function selfConsumingDraws(
  plan: ExperimentPlan,
  source: PopulationSource,
  study: { readonly generations: number; readonly fresh: number },
  real: Sample,
  r: number,
): { synthetic: Sample; holdout: Sample | null; chain: ChainRecord } {
  if (!source.fitted) throw new Error('the self-consuming loop needs a fitted generator');
  const settings: FittedGeneratorSettings = { ...source.fitted, maximumLikelihood: true };
  const base = featureSpread(real);
  // The tail width compares m points with m points: a 1%–99% range shrinks with the sample's size alone.
  const reference =
    study.generations > 0
      ? featureSpread(drawReal(source.population, plan.m, plan.seed, replicateLabel('tail-reference', r)))
          .range
      : 0;
  const spread = [1];
  const tail = [1];
  let current = real;
  const freshRows = freshCount(plan.m, study.fresh);
  for (let g = 1; g <= study.generations; g++) {
    const rand = stream(plan.seed, replicateLabel(`generator/g${g}`, r));
    const drawn = drawFitted(surviving(current, plan.task), plan.task, settings, plan.m - freshRows, rand);
    const freshReal = drawReal(source.population, freshRows, plan.seed, replicateLabel(`fresh/g${g}`, r));
    current = stackSamples(drawn, freshReal);
    const { variance, range } = featureSpread(current);
    spread.push(base.variance > 0 ? variance / base.variance : 0);
    tail.push(reference > 0 ? range / reference : 0);
  }
  const holdout = plan.tstrOn === 'synthetic' ? plan.nTest : 0;
  const rand = stream(plan.seed, replicateLabel('generator', r));
  const draws = drawFitted(surviving(current, plan.task), plan.task, settings, plan.m + holdout, rand);
  return {
    synthetic: headRows(draws, 0, plan.m),
    holdout: holdout ? headRows(draws, plan.m, plan.m + holdout) : null,
    chain: { spread, tail },
  };
}

/**
 * E[tr Σ^_g] / tr Σ^_0 for a Gaussian refitted by maximum likelihood to m of its own draws, no fresh data:
 * ((m - 1)/m)^g (each refit's E S_ML = (m - 1)/m Σ given the previous fit; by the tower rule, exactly).
 */
export function expectedSpread(m: number, generations: number): number {
  return ((m - 1) / m) ** generations;
}
