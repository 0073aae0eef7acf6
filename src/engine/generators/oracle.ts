/**
 * Oracle synthetic population P~ set directly (docs/theory.md §2.2, oracle mode): X~ = shift e1 + scale R(theta) Z
 * with Z from mu with `keepComponents` mixture modes and draws outside [-T, T]^p rejected; responses perturbed by
 * ResponsePerturbation (bias b g(x), noise scale, label flips).
 */
import * as portable from '../portable';
import { matrix, type Matrix } from '../matrix';
import { stream, type RandomStream } from '../rng';
import { drawFeatures } from '../populations/features';
import {
  drawResponses,
  type Population,
  type ResponsePerturbation,
  type Sample,
} from '../populations/population';

export interface FeaturePerturbation {
  readonly shift: number;
  readonly scale: number;
  /** Rotation in the (x1, x2) plane, degrees (p >= 2). */
  readonly rotation: number;
  /** Mixture modes kept by the generator (mode collapse); >= the number of components keeps all. */
  readonly keepComponents: number;
  /** Support truncation: draws with any |x_j| > truncate are rejected; 0 = no truncation. */
  readonly truncate: number;
}

export type OracleSettings = FeaturePerturbation & ResponsePerturbation;

/** Raised when the settings leave the synthetic population (almost) empty. */
export class GeneratorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneratorError';
  }
}

/** Applies shift, scale and rotation to feature draws, in place. */
function transform(z: Matrix, settings: FeaturePerturbation): void {
  const { rows, cols: p, data } = z;
  const theta = (settings.rotation * Math.PI) / 180;
  const [c, s] = [portable.cos(theta), portable.sin(theta)];
  for (let i = 0; i < rows; i++) {
    const o = i * p;
    if (p >= 2 && settings.rotation !== 0) {
      const [a, b] = [data[o]!, data[o + 1]!];
      data[o] = c * a - s * b;
      data[o + 1] = s * a + c * b;
    }
    for (let j = 0; j < p; j++) data[o + j] = (j === 0 ? settings.shift : 0) + settings.scale * data[o + j]!;
  }
}

function inBox(row: ArrayLike<number>, limit: number): boolean {
  for (let j = 0; j < row.length; j++) if (Math.abs(row[j]!) > limit) return false;
  return true;
}

/** m synthetic feature rows; with truncation, draws in batches until m fall inside the box. */
export function drawSyntheticFeatures(
  population: Population,
  settings: FeaturePerturbation,
  m: number,
  rand: RandomStream,
): Matrix {
  const draw = (count: number): Matrix => {
    const z = drawFeatures(population.features, count, rand, settings.keepComponents);
    transform(z, settings);
    return z;
  };
  if (!(settings.truncate > 0)) return draw(m);
  const p = population.features.p;
  const out = matrix(m, p);
  let kept = 0;
  let tried = 0;
  while (kept < m) {
    if (tried > 200 * m + 10_000) {
      throw new GeneratorError(
        `support truncation at ±${settings.truncate} keeps only ${((100 * kept) / tried).toFixed(2)}% of the synthetic draws; widen it`,
      );
    }
    const batch = draw(Math.max(64, m - kept));
    tried += batch.rows;
    for (let i = 0; i < batch.rows && kept < m; i++) {
      const row = batch.data.subarray(i * p, (i + 1) * p);
      if (inBox(row, settings.truncate)) out.data.set(row, p * kept++);
    }
  }
  return out;
}

/** m draws of the oracle synthetic population, streams `${label}/x` and `${label}/noise`. */
export function drawOracle(
  population: Population,
  settings: OracleSettings,
  m: number,
  seed: number,
  label: string,
): Sample {
  const x = drawSyntheticFeatures(population, settings, m, stream(seed, `${label}/x`));
  return { x, y: drawResponses(population, x, stream(seed, `${label}/noise`), settings) };
}
