/**
 * Replicate r's samples in the digits lab: n real training digits drawn without replacement from the official
 * training split, nTest real test digits from the official test split (never used to fit anything), and m
 * synthetic digits from a generator fitted on the n real ones only, then corrupted: D~_r = corrupt(G(D_r)^m).
 * Every draw comes from the seed by replicate-labelled streams, so a link gives the same digits everywhere.
 */
import { GeneratorError } from '../generators/oracle';
import { headRows, replicateLabel, type ReplicateDraws } from '../draw';
import { sampleIndices } from '../matrix';
import type { DigitsSource, ExperimentPlan } from '../plan';
import { stream } from '../rng';
import { tensorsReady } from '../tensorBackend';
import { corruptDigits } from './corrupt';
import { classCounts, fitDigitGenerator } from './generators';
import {
  PIXELS,
  type DigitImages,
  type FittedDigitGenerator,
  type GeneratorEpoch,
  type Sample,
} from './types';

/** What a digits replicate may report while its generator trains (replicate 0's VAE curve), and its cancel check. */
export interface DigitsDrawHooks {
  readonly onGeneratorEpoch?: (epoch: GeneratorEpoch) => void;
  readonly isCancelled?: () => boolean;
}

/** The digits at `rows` of a split as an engine sample: pixels / 255 in [0, 1], labels as numbers. */
export function digitsAt(set: DigitImages, rows: ArrayLike<number>): Sample {
  const count = rows.length;
  const x = new Float64Array(count * PIXELS);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const pixels = set.images.subarray(row * PIXELS, (row + 1) * PIXELS);
    for (let j = 0; j < PIXELS; j++) x[i * PIXELS + j] = pixels[j]! / 255;
    y[i] = set.labels[row]!;
  }
  return { x: { rows: count, cols: PIXELS, data: x }, y };
}

/** `size` distinct digits of a split, uniform, in index order. */
function drawDigitsOf(set: DigitImages, size: number, rand: { uniform(): number }): Sample {
  const rows = size >= set.count ? Uint32Array.from({ length: set.count }, (_, i) => i) : null;
  return digitsAt(set, rows ?? sampleIndices(set.count, size, rand));
}

async function fitGenerator(
  source: DigitsSource,
  real: Sample,
  label: string,
  seed: number,
  hooks: DigitsDrawHooks,
): Promise<FittedDigitGenerator & { dispose?(): void }> {
  const rand = stream(seed, label);
  if (source.generator.kind !== 'vae') return fitDigitGenerator(real, source.generator, rand);
  // The VAE trains on tfjs: the page's engine starts its backend on first use (as for the networks).
  await tensorsReady();
  const { fitVae } = await import('./vae');
  const settings = { latent: source.generator.vaeLatent, epochs: source.generator.vaeEpochs };
  return fitVae(real, settings, rand, hooks.onGeneratorEpoch, hooks.isCancelled);
}

export async function drawDigitsReplicate(
  plan: ExperimentPlan,
  source: DigitsSource,
  r: number,
  hooks: DigitsDrawHooks = {},
): Promise<ReplicateDraws> {
  const { data } = source;
  if (!data) throw new Error(`${source.name}: the digits are not loaded (withDigits before the run)`);
  if (plan.n > data.train.count || plan.nTest > data.test.count) {
    throw new Error(
      `${source.name} has ${data.train.count} training and ${data.test.count} test digits: too few for n = ${plan.n}, test = ${plan.nTest}`,
    );
  }
  const { seed } = plan;
  const real = drawDigitsOf(data.train, plan.n, stream(seed, replicateLabel('real', r)));
  const test = drawDigitsOf(data.test, plan.nTest, stream(seed, replicateLabel('test', r)));
  const holdout = plan.tstrOn === 'synthetic' ? plan.nTest : 0;
  const counts = classCounts(real.y, plan.m + holdout, source.corruption);
  const generator = await fitGenerator(source, real, replicateLabel('generator', r), seed, hooks);
  let drawn: Sample;
  try {
    drawn = await generator.draw(counts, stream(seed, replicateLabel('synthetic', r)));
  } finally {
    generator.dispose?.();
  }
  const synthetic = corruptDigits(drawn, source.corruption, stream(seed, replicateLabel('corrupt', r)));
  if (!synthetic.x.data.every(Number.isFinite)) {
    throw new GeneratorError(`${source.generator.kind}: the generator drew non-finite pixels`);
  }
  return {
    real,
    synthetic: holdout ? headRows(synthetic, 0, plan.m) : synthetic,
    test,
    syntheticTest: holdout ? headRows(synthetic, plan.m, plan.m + holdout) : test,
  };
}
