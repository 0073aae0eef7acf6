/**
 * Population references from large samples (docs/theory.md §3.3): R(f*_k) fitting A_k on N real points,
 * R(fbar_k) on N synthetic points, both scored on a large real test sample; Delta_jk = |R(f*_j) - R(f*_k)|;
 * and the path decomposition of the gap R(fbar_k) - R(f*_k) = response part + feature x misspecification
 * part.
 */
import { drawOracle } from './generators/oracle';
import { drawFeatures } from './populations/features';
import { drawReal, drawResponses, type Sample } from './populations/population';
import { meanLoss } from './metrics/risk';
import { stream } from './rng';
import { isPopulationPlan, type ExperimentPlan } from './plan';
import { learnersFor } from './run';
import { FitError } from './learners/types';

/** Kernel ridge solves an N x N system: its reference sample is capped (documented in the result). */
const KRR_CAP = 2000;

export interface ModelReference {
  readonly id: string;
  /** Training size actually used for this model's references. */
  readonly size: number;
  /** R(f*_k): real-trained population risk. */
  readonly real: number;
  /** R(f_resp): trained on real features with synthetic responses (only the response fidelity differs). */
  readonly responseOnly: number;
  /** R(fbar_k): trained on the synthetic population. */
  readonly synthetic: number;
  /** Signed parts of the limit gap R(fbar) - R(f*): response = R(f_resp) - R(f*), features = R(fbar) - R(f_resp). */
  readonly responsePart: number;
  readonly featurePart: number;
  readonly error: string | null;
}

export interface PopulationReferences {
  readonly size: number;
  readonly models: readonly ModelReference[];
  /** Delta_jk = |R(f*_j) - R(f*_k)| (NaN where a model could not be fitted). */
  readonly gaps: number[][];
}

function head(sample: Sample, rows: number): Sample {
  if (rows >= sample.x.rows) return sample;
  const p = sample.x.cols;
  return { x: { rows, cols: p, data: sample.x.data.slice(0, rows * p) }, y: sample.y.slice(0, rows) };
}

export async function populationReferences(
  plan: ExperimentPlan,
  size = 10_000,
): Promise<PopulationReferences> {
  if (!isPopulationPlan(plan)) throw new Error('population references need a simulated population');
  const { population, synthetic } = plan.source;
  const { seed } = plan;
  const real = drawReal(population, size, seed, 'reference/real');
  const test = drawReal(population, size, seed, 'reference/test');
  const responseOnlyX = drawFeatures(population.features, size, stream(seed, 'reference/response/x'));
  const responseOnly: Sample = {
    x: responseOnlyX,
    y: drawResponses(population, responseOnlyX, stream(seed, 'reference/response/noise'), synthetic),
  };
  const syntheticSample = drawOracle(population, synthetic, size, seed, 'reference/synthetic');
  const models: ModelReference[] = [];
  for (const { learner, id } of learnersFor(plan)) {
    const n = id.startsWith('krr') ? Math.min(size, KRR_CAP) : size;
    try {
      const score = async (train: Sample) =>
        meanLoss(
          population.task,
          await learner.fit(head(train, n).x, head(train, n).y).predict(test.x),
          test.y,
        );
      const [r, resp, syn] = [await score(real), await score(responseOnly), await score(syntheticSample)];
      models.push({
        id,
        size: n,
        real: r,
        responseOnly: resp,
        synthetic: syn,
        responsePart: resp - r,
        featurePart: syn - resp,
        error: null,
      });
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      const nan = Number.NaN;
      models.push({
        id,
        size: n,
        real: nan,
        responseOnly: nan,
        synthetic: nan,
        responsePart: nan,
        featurePart: nan,
        error: error.message,
      });
    }
  }
  const gaps = models.map((a) => models.map((b) => Math.abs(a.real - b.real)));
  return { size, models, gaps };
}
