/**
 * What the closed forms of docs/theory.md §6.1 and §6.2 say about OLS (with intercept) for one plan, and whether
 * they apply to it at all (docs/theory.md §6.8): the expected test risks E TRTR = E R(f^) and E TSTR = E R(f~)
 * exactly at finite n and m when eta is linear, or their large-sample limits when eta has a quadratic part. A
 * sweep's theory overlay asks this of every point's plan, so the rule lives here, beside the formulas, and the
 * overlay is never drawn where the formulas do not hold.
 */
import { Matrix as MlMatrix } from 'ml-matrix';
import { isPopulationPlan, type ExperimentPlan, type PopulationPlan } from '../plan';
import { INDEX_COEFFICIENTS } from '../populations/response';
import { designOf, misspecifiedLimits, olsExcessReal, olsExcessSynthetic } from './olsGaussian';

/** The model specs that fit OLS with intercept: PolynomialFeatures(1) + OLS is the same estimator. */
export const OLS_SPECS: readonly string[] = ['ols', 'poly:degree=1'];

export function isOlsSpec(spec: string): boolean {
  return OLS_SPECS.includes(spec);
}

/** Risks on the real population (sigma^2 included) and U = |TSTR - TRTR| of the same kind. */
export interface OlsRisks {
  readonly trtr: number;
  readonly tstr: number;
  readonly utility: number;
}

/**
 * The closed forms for one plan. `exact`: expectations over the training samples and the test point at this
 * plan's n and m (§6.1, §6.8). `limit`: the population limits as n, m -> infinity (§6.2), which are not E U at
 * finite n and m. Each is null where it does not hold, and `reason` then says why (for the note under a chart).
 */
export interface OlsTheory {
  readonly exact: OlsRisks | null;
  readonly limit: OlsRisks | null;
  readonly reason: string | null;
}

function none(reason: string): OlsTheory {
  return { exact: null, limit: null, reason };
}

/** From the excess risks: U from their difference, so that sigma^2's rounding does not enter it. */
function risks(sigma2: number, real: number, synthetic: number): OlsRisks {
  return { trtr: sigma2 + real, tstr: sigma2 + synthetic, utility: Math.abs(synthetic - real) };
}

/** The weight of the quadratic part x'Qx in eta (0: eta is affine), or null when eta has any other part. */
function quadraticWeight(plan: PopulationPlan): number | null {
  const shape = plan.source.population.shape;
  switch (shape.kind) {
    case 'linear':
      return 0;
    case 'quadratic':
      return 1;
    case 'mixed':
      // w1 t + w2 x'Qx is affine plus quadratic; a sine or step part has no closed form here.
      return shape.mix.sine === 0 && shape.mix.step === 0 ? shape.mix.quadratic : null;
    default:
      return null;
  }
}

/**
 * E_mu h^2 of the response bias shape h under the real N(0, S), for the shapes that keep eta~ affine (constant:
 * 1; linear: t = b'x, so b'Sb); null for the others.
 */
function affineBiasMoment(shape: string, S: MlMatrix): number | null {
  if (shape === 'constant') return 1;
  if (shape !== 'linear') return null;
  const p = S.rows;
  const b = new MlMatrix(p, 1);
  for (let j = 0; j < p; j++) b.set(j, 0, INDEX_COEFFICIENTS[j]!);
  return b.transpose().mmul(S).mmul(b).get(0, 0);
}

/**
 * The closed form of OLS for `plan`, or why there is none. Exact (linear eta): E R(f^) = s^2 + olsExcessReal,
 * E R(f~) = s^2 + olsExcessSynthetic(k s) + beta^2 E_mu h^2 for a constant or linear bias h (eta~ stays affine,
 * so OLS on synthetic data is unbiased for eta~ given the design, and the bias adds its squared L2(mu) norm).
 * Limit (quadratic part, exact responses): s^2 + misspecifiedLimits, with Q scaled by eta's quadratic weight.
 */
export function olsTheory(plan: ExperimentPlan): OlsTheory {
  if (!isPopulationPlan(plan)) return none('a fixed dataset has no population to compute it on');
  if (plan.task !== 'regression') return none('it is for regression with squared loss');
  const { population, synthetic, fitted } = plan.source;
  if (fitted !== null)
    return none('a fitted generator makes the synthetic population random (oracle mode only)');
  if (plan.tstrOn !== 'real')
    return none('it is for synthetic-trained models scored on real test data (TSTR)');
  if (population.features.family !== 'gaussian') return none('it needs Gaussian features');
  if (synthetic.truncate > 0) return none('truncation makes the synthetic features non-Gaussian');
  const w2 = quadraticWeight(plan);
  if (w2 === null) return none('η is neither linear nor quadratic');
  const sigma2 = population.sigma ** 2;
  const design = designOf(plan);
  if (w2 === 0) {
    const moment = synthetic.bias === 0 ? 0 : affineBiasMoment(synthetic.biasShape, design.S);
    if (moment === null)
      return none(`a ${synthetic.biasShape} response bias makes η̃ nonlinear, and OLS misspecified on it`);
    // OLS converges to the affine eta~ wherever S~ is full rank: only the bias is left in the limit.
    const limit = risks(sigma2, 0, synthetic.bias ** 2 * moment);
    const p = design.p;
    if (plan.n <= p + 2 || plan.m <= p + 2)
      return { exact: null, limit, reason: 'E R is infinite unless n and m exceed p + 2' };
    // The ensemble study averages K independent fits, each unbiased for the affine η~ given its design: the
    // cross terms vanish, so the estimation part is 1/K of one member's; the bias is shared (§9.3).
    const members = plan.study?.kind === 'ensemble' ? plan.study.members : 1;
    const excessSynthetic =
      olsExcessSynthetic(design, synthetic.noiseScale * population.sigma, plan.m) / members +
      synthetic.bias ** 2 * moment;
    const exact = risks(sigma2, olsExcessReal(population.sigma, plan.n, p), excessSynthetic);
    return { exact, limit, reason: null };
  }
  if (synthetic.bias !== 0)
    return none('a response bias on a quadratic η: only the limit with exact responses is computed');
  // designOf puts Q only for the 'quadratic' shape; a mixed eta's quadratic part is w2 x'Qx.
  const Q = new MlMatrix(design.p, design.p);
  for (let i = 0; i < design.p; i++)
    for (let j = 0; j < design.p; j++) Q.set(i, j, w2 * (i === j ? 0.5 : 0.25));
  const limits = misspecifiedLimits({ ...design, Q });
  return {
    exact: null,
    limit: risks(sigma2, limits.real, limits.synthetic),
    reason: 'η has a quadratic part, so OLS is misspecified: only the limit n, m → ∞ is exact',
  };
}

/**
 * E TMTR of OLS in the mixing study when the synthetic data are drawn like the real ones (Gaussian features, the
 * oracle unperturbed, a linear η): the pooled fit is OLS on n + m points, so s^2 + olsExcessReal(s, n + m, p)
 * (§9.2); null where that does not hold.
 */
export function olsPooledRisk(plan: ExperimentPlan): number | null {
  if (!isPopulationPlan(plan) || plan.task !== 'regression' || plan.study?.kind !== 'mix') return null;
  const { population, synthetic, fitted } = plan.source;
  if (fitted !== null || population.features.family !== 'gaussian' || quadraticWeight(plan) !== 0)
    return null;
  const untouched =
    synthetic.shift === 0 &&
    synthetic.scale === 1 &&
    synthetic.rotation === 0 &&
    synthetic.truncate === 0 &&
    synthetic.bias === 0 &&
    synthetic.noiseScale === 1;
  if (!untouched) return null;
  const p = population.features.p;
  const N = plan.n + plan.m;
  return N > p + 2 ? population.sigma ** 2 + olsExcessReal(population.sigma, N, p) : null;
}
