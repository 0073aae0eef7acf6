/**
 * Closed forms for OLS (with intercept) under Gaussian designs, docs/theory.md §6.1 and §6.2 (closed forms):
 * E R(f^) - s^2 = s^2 (1/n + p(n+1)/(n(n-p-2))); E R(f~) - s^2 = s~^2 (1/m + (tr(S S~^-1) + p/m + s'S~^-1 s)/(m-p-2));
 * misspecified eta = a + b'x + x'Qx: U_inf = (tr(Q(S~ - S)) - s'Qs)^2 + 4 s'QSQs, real excess 2 tr((QS)^2).
 */
import * as portable from '../portable';
import { inverse, Matrix as MlMatrix } from 'ml-matrix';
import { correlationFactor } from '../populations/features';
import type { PopulationPlan } from '../plan';

/** Real design N(0, S), synthetic N(s, S~), and the quadratic part Q of eta (zero when eta is linear). */
export interface GaussianDesign {
  readonly p: number;
  readonly S: MlMatrix;
  readonly St: MlMatrix;
  readonly s: MlMatrix;
  readonly Q: MlMatrix;
}

/** Expected excess test risk of OLS trained on n real points (needs n > p + 2). */
export function olsExcessReal(sigma: number, n: number, p: number): number {
  if (n <= p + 2) return Infinity;
  return sigma ** 2 * (1 / n + (p * (n + 1)) / (n * (n - p - 2)));
}

/** Expected excess real-population risk of OLS trained on m synthetic points (same linear eta, noise sigmaTilde). */
export function olsExcessSynthetic(design: GaussianDesign, sigmaTilde: number, m: number): number {
  const { p, S, St, s } = design;
  if (m <= p + 2) return Infinity;
  const stInv = inverse(St);
  const trace = S.mmul(stInv).trace();
  const mahalanobis = s.transpose().mmul(stInv).mmul(s).get(0, 0);
  return sigmaTilde ** 2 * (1 / m + (trace + p / m + mahalanobis) / (m - p - 2));
}

/** Population excess risks of the OLS limits when eta has a quadratic part Q (exact responses). */
export function misspecifiedLimits(design: GaussianDesign): {
  real: number;
  synthetic: number;
  utility: number;
} {
  const { S, St, s, Q } = design;
  const qs = Q.mmul(S);
  const real = 2 * qs.mmul(qs).trace();
  const sQs = s.transpose().mmul(Q).mmul(s).get(0, 0);
  const shiftTerm = Q.mmul(St.clone().sub(S)).trace() - sQs;
  const cross = 4 * s.transpose().mmul(Q).mmul(S).mmul(Q).mmul(s).get(0, 0);
  const utility = shiftTerm ** 2 + cross;
  return { real, synthetic: real + utility, utility };
}

/**
 * The Gaussian design of a plan: S the equicorrelation matrix, S~ = scale^2 R S R' (R the rotation in the
 * (x1, x2) plane), s = shift e1, Q of the 'quadratic' eta (Q_jj = 1/2, Q_jk = 1/4), else 0.
 */
export function designOf(plan: PopulationPlan): GaussianDesign {
  const { population, synthetic } = plan.source;
  const { p, correlation, family } = population.features;
  if (family !== 'gaussian') throw new Error('designOf: only Gaussian features have these closed forms');
  const l = correlationFactor(p, correlation);
  const L = new MlMatrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) L.set(i, j, l[i * p + j]!);
  const S = L.mmul(L.transpose());
  const R = MlMatrix.eye(p, p);
  if (p >= 2) {
    const theta = (synthetic.rotation * Math.PI) / 180;
    R.set(0, 0, portable.cos(theta))
      .set(0, 1, -portable.sin(theta))
      .set(1, 0, portable.sin(theta))
      .set(1, 1, portable.cos(theta));
  }
  const St = R.mmul(S)
    .mmul(R.transpose())
    .mul(synthetic.scale ** 2);
  const s = new MlMatrix(p, 1);
  s.set(0, 0, synthetic.shift);
  const Q = new MlMatrix(p, p);
  if (population.shape.kind === 'quadratic') {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) Q.set(i, j, i === j ? 0.5 : 0.25);
  }
  return { p, S, St, s, Q };
}
