/**
 * Population references (docs/theory.md §3.3): R(f*_k) (trained on the real population), R(f_resp_k) (real
 * features, synthetic responses) and R(fbar_k) (synthetic population), all scored on the real population;
 * Delta_jk = |R(f*_j) - R(f*_k)|; and the path decomposition of the limit gap R(fbar) - R(f*) = response part +
 * feature x misspecification part.
 *
 * Exact where a closed form exists (OLS and polynomial regression under Gaussian features with quadratic eta
 * and eta~, theory/olsLimits.ts, §6.3). Otherwise REFERENCE_FITS independent Monte Carlo fits, each on fresh
 * N-point samples from their own streams, give a mean and a 95% t interval: one fit alone cannot say how far
 * its number is from the next one.
 */
import { drawOracle } from './generators/oracle';
import { FitError } from './learners/types';
import { meanInterval } from './metrics/intervals';
import { meanLoss } from './metrics/risk';
import { isPopulationPlan, type ExperimentPlan, type PopulationPlan } from './plan';
import { drawFeatures } from './populations/features';
import { drawReal, drawResponses, type Sample } from './populations/population';
import { learnersFor } from './replicates';
import { stream } from './rng';
import { exactClassOf, exactRisks, exactSetting, type ExactRisks } from './theory/olsLimits';

/** Kernel ridge solves an N x N system: its reference samples are capped (reported as the model's size). */
export const KRR_CAP = 2000;
/** Independent Monte Carlo fits per reference: enough for a t interval (t_4 = 2.78), at 5x one fit's cost. */
export const REFERENCE_FITS = 5;

export const REFERENCE_QUANTITIES = [
  'real',
  'responseOnly',
  'synthetic',
  'responsePart',
  'featurePart',
  'limit',
] as const;
export type ReferenceQuantity = (typeof REFERENCE_QUANTITIES)[number];

/** A reference value with its 95% interval; exact values have lo = hi = value and se = 0. */
export interface ReferenceValue {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  readonly se: number;
}

export interface ModelReference {
  readonly id: string;
  /** 'exact': closed form (no sample); 'monte-carlo': mean of `fits` independent fits. */
  readonly method: 'exact' | 'monte-carlo';
  /**
   * Whether R(fbar) - R(f*) is where this learner's gap goes as n and m grow: true for fixed-dimension fits
   * (OLS, ridge and logistic with a fixed penalty, polynomial regression), false for kNN with fixed k, kernel
   * ridge with fixed alpha and MLPs, whose references are their output at the size N, not a limit.
   */
  readonly isLimit: boolean;
  /** Training points per Monte Carlo fit actually used (kernel ridge: capped); null when exact. */
  readonly size: number | null;
  /** Independent Monte Carlo fits averaged (0 when exact). */
  readonly fits: number;
  /** R(f*_k): real-trained population risk (point value; NaN when the model could not be fitted). */
  readonly real: number;
  /** R(f_resp): trained on real features with synthetic responses (only the response fidelity differs). */
  readonly responseOnly: number;
  /** R(fbar_k): trained on the synthetic population. */
  readonly synthetic: number;
  /** Signed parts of the limit gap: response = R(f_resp) - R(f*), features = R(fbar) - R(f_resp). */
  readonly responsePart: number;
  readonly featurePart: number;
  /** Every quantity with its 95% interval (null when the model could not be fitted). */
  readonly values: Readonly<Record<ReferenceQuantity, ReferenceValue>> | null;
  readonly error: string | null;
}

export interface PopulationReferences {
  /** Sample size N of each Monte Carlo fit's training and real test samples. */
  readonly size: number;
  /** Monte Carlo fits per model that is not exact. */
  readonly fits: number;
  /** Why the plan has no closed forms (null when OLS and polynomial regression are exact). */
  readonly exactUnavailable: string | null;
  readonly models: readonly ModelReference[];
  /** Delta_jk = |R(f*_j) - R(f*_k)| (NaN where a model could not be fitted). */
  readonly gaps: number[][];
}

/** Whether a learner's risk converges to that of its class's L2 projection (see ModelReference.isLimit). */
export function convergesToProjection(id: string): boolean {
  const name = id.split(':')[0]!.trim().toLowerCase();
  return name === 'ols' || name === 'ridge' || name === 'poly' || name === 'logistic';
}

function head(sample: Sample, rows: number): Sample {
  if (rows >= sample.x.rows) return sample;
  const p = sample.x.cols;
  return { x: { rows, cols: p, data: sample.x.data.slice(0, rows * p) }, y: sample.y.slice(0, rows) };
}

function exactValues(risks: ExactRisks): Record<ReferenceQuantity, ReferenceValue> {
  const at = (value: number): ReferenceValue => ({ value, lo: value, hi: value, se: 0 });
  return {
    real: at(risks.real),
    responseOnly: at(risks.responseOnly),
    synthetic: at(risks.synthetic),
    responsePart: at(risks.responseOnly - risks.real),
    featurePart: at(risks.synthetic - risks.responseOnly),
    limit: at(risks.synthetic - risks.real),
  };
}

/** Mean and 95% t interval over the fits; the parts are per-fit differences (paired on one test sample). */
function monteCarloValues(fits: readonly ExactRisks[]): Record<ReferenceQuantity, ReferenceValue> {
  const of = (pick: (r: ExactRisks) => number): ReferenceValue => {
    const m = meanInterval(fits.map(pick));
    return m.hasInterval
      ? { value: m.mean, lo: m.lo, hi: m.hi, se: m.se }
      : { value: m.mean, lo: Number.NaN, hi: Number.NaN, se: Number.NaN };
  };
  return {
    real: of((r) => r.real),
    responseOnly: of((r) => r.responseOnly),
    synthetic: of((r) => r.synthetic),
    responsePart: of((r) => r.responseOnly - r.real),
    featurePart: of((r) => r.synthetic - r.responseOnly),
    limit: of((r) => r.synthetic - r.real),
  };
}

interface FitSamples {
  readonly real: Sample;
  readonly test: Sample;
  readonly responseOnly: Sample;
  readonly synthetic: Sample;
}

/** Fit `fit`'s four samples, each from its own stream, so the fits are independent. */
function drawFit(plan: PopulationPlan, size: number, fit: number): FitSamples {
  const { population, synthetic } = plan.source;
  const label = `reference/${fit}`;
  const x = drawFeatures(population.features, size, stream(plan.seed, `${label}/response/x`));
  return {
    real: drawReal(population, size, plan.seed, `${label}/real`),
    test: drawReal(population, size, plan.seed, `${label}/test`),
    responseOnly: {
      x,
      y: drawResponses(population, x, stream(plan.seed, `${label}/response/noise`), synthetic),
    },
    synthetic: drawOracle(population, synthetic, size, plan.seed, `${label}/synthetic`),
  };
}

/** A model whose fit failed on the reference samples (every value NaN, `error` says why). */
export function failedReference(id: string, size: number, error: string): ModelReference {
  const nan = Number.NaN;
  return {
    id,
    method: 'monte-carlo',
    isLimit: convergesToProjection(id),
    size,
    fits: REFERENCE_FITS,
    real: nan,
    responseOnly: nan,
    synthetic: nan,
    responsePart: nan,
    featurePart: nan,
    values: null,
    error,
  };
}

function fromValues(
  id: string,
  values: Record<ReferenceQuantity, ReferenceValue>,
  method: ModelReference['method'],
  size: number | null,
): ModelReference {
  return {
    id,
    method,
    isLimit: convergesToProjection(id),
    size,
    fits: method === 'exact' ? 0 : REFERENCE_FITS,
    real: values.real.value,
    responseOnly: values.responseOnly.value,
    synthetic: values.synthetic.value,
    responsePart: values.responsePart.value,
    featurePart: values.featurePart.value,
    values,
    error: null,
  };
}

/**
 * The estimation part gap - limit with its 95% interval: the gap (over replicates) and the limit (exact, or over
 * independent fits) come from disjoint draws, so their half-widths add in quadrature. Null without both intervals.
 */
export function estimationPart(
  gap: { readonly mean: number; readonly lo: number | null; readonly hi: number | null },
  limit: ReferenceValue,
): { value: number; lo: number | null; hi: number | null } {
  const value = gap.mean - limit.value;
  if (gap.lo === null || gap.hi === null || !Number.isFinite(limit.lo) || !Number.isFinite(limit.hi))
    return { value, lo: null, hi: null };
  const half = Math.hypot((gap.hi - gap.lo) / 2, (limit.hi - limit.lo) / 2);
  return { value, lo: value - half, hi: value + half };
}

/** A model's exact reference (closed-form risks). */
export function exactReference(id: string, risks: ExactRisks): ModelReference {
  return fromValues(id, exactValues(risks), 'exact', null);
}

/** A model's Monte Carlo reference from independent fits, each on `size` training points. */
export function monteCarloReference(id: string, fits: readonly ExactRisks[], size: number): ModelReference {
  return { ...fromValues(id, monteCarloValues(fits), 'monte-carlo', size), fits: fits.length };
}

/** The references of these models, with the gaps between them. */
export function referencesOf(
  models: readonly ModelReference[],
  size: number,
  exactUnavailable: string | null = null,
): PopulationReferences {
  const gaps = models.map((a) => models.map((b) => Math.abs(a.real - b.real)));
  return { size, fits: REFERENCE_FITS, exactUnavailable, models, gaps };
}

export async function populationReferences(
  plan: ExperimentPlan,
  size = 10_000,
): Promise<PopulationReferences> {
  if (!isPopulationPlan(plan)) throw new Error('population references need a simulated population');
  const setting = exactSetting(plan);
  const learners = learnersFor(plan);
  const exact = learners.map(({ id }) => {
    const cls = typeof setting === 'string' ? null : exactClassOf(id);
    return cls === null || typeof setting === 'string' ? null : exactRisks(setting, cls);
  });
  const risks: (ExactRisks[] | string)[] = learners.map(() => []);
  if (exact.some((e) => e === null)) {
    for (let fit = 0; fit < REFERENCE_FITS; fit++) {
      const samples = drawFit(plan, size, fit);
      for (const [k, { learner, id }] of learners.entries()) {
        const done = risks[k]!;
        if (exact[k] !== null || typeof done === 'string') continue;
        const n = id.startsWith('krr') ? Math.min(size, KRR_CAP) : size;
        const score = async (train: Sample) => {
          const trainRows = head(train, n);
          const predictions = await learner.fit(trainRows.x, trainRows.y).predict(samples.test.x);
          return meanLoss(plan.source.population.task, predictions, samples.test.y);
        };
        try {
          done.push({
            real: await score(samples.real),
            responseOnly: await score(samples.responseOnly),
            synthetic: await score(samples.synthetic),
          });
        } catch (error) {
          if (!(error instanceof FitError)) throw error;
          risks[k] = error.message;
        }
      }
    }
  }
  const models = learners.map(({ id }, k): ModelReference => {
    const closed = exact[k];
    if (closed) return exactReference(id, closed);
    const n = id.startsWith('krr') ? Math.min(size, KRR_CAP) : size;
    const fits = risks[k]!;
    return typeof fits === 'string' ? failedReference(id, n, fits) : monteCarloReference(id, fits, n);
  });
  return referencesOf(models, size, typeof setting === 'string' ? setting : null);
}
