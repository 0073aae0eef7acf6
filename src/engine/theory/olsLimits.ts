/**
 * Exact population references for least squares with intercept under Gaussian features (docs/theory.md §6.3):
 * when eta and the synthetic eta~ are quadratics a + b'x + x'Qx, the best affine fit under N(m, C) is
 * (b + 2Qm)'x + a + tr(QC) - m'Qm, and E h^2 under N(0, S) for h = c + d'x + x'Ax is
 * (c + tr(AS))^2 + d'Sd + 2 tr((AS)^2). So R(f*), R(f_resp) and R(fbar) are closed forms for OLS (affine
 * class) and for polynomial regression of degree >= 2 (the class holds every quadratic, so the fit is eta~).
 */
import { Matrix as MlMatrix } from 'ml-matrix';
import { parseSpecText } from '../learners/catalog';
import type { PopulationPlan } from '../plan';
import { INDEX_COEFFICIENTS } from '../populations/response';
import { designOf } from './olsGaussian';

/** q(x) = a + b'x + x'Qx with Q symmetric (p x p) and b a p x 1 column. */
export interface Quadratic {
  readonly a: number;
  readonly b: MlMatrix;
  readonly Q: MlMatrix;
}

/** Population risks (noise sigma^2 included) of the three references of §3.3. */
export interface ExactRisks {
  readonly real: number;
  readonly responseOnly: number;
  readonly synthetic: number;
}

const quadForm = (v: MlMatrix, A: MlMatrix): number => v.transpose().mmul(A).mmul(v).get(0, 0);

/** g - h, coefficient by coefficient. */
export function minus(g: Quadratic, h: Quadratic): Quadratic {
  return { a: g.a - h.a, b: g.b.clone().sub(h.b), Q: g.Q.clone().sub(h.Q) };
}

/**
 * The L2(N(mean, cov)) projection of g onto affine functions. Under N(m, C), Cov(x, x'Qx) = 2CQm, so the slope
 * is b + C^-1 (2CQm) = b + 2Qm; the intercept makes the means agree: E g = a + b'm + tr(QC) + m'Qm.
 */
export function affineProjection(g: Quadratic, mean: MlMatrix, cov: MlMatrix): Quadratic {
  const p = g.b.rows;
  return {
    a: g.a + g.Q.mmul(cov).trace() - quadForm(mean, g.Q),
    b: g.b.clone().add(g.Q.mmul(mean).mul(2)),
    Q: new MlMatrix(p, p),
  };
}

/**
 * E h(X)^2 for X ~ N(0, S): h = (c + tr(AS)) + d'x + (x'Ax - tr(AS)), three uncorrelated terms (odd moments
 * vanish), with Var(x'Ax) = 2 tr((AS)^2) for Gaussian x.
 */
export function meanSquare(h: Quadratic, S: MlMatrix): number {
  const AS = h.Q.mmul(S);
  return (h.a + AS.trace()) ** 2 + quadForm(h.b, S) + 2 * AS.mmul(AS).trace();
}

export type ExactClass = 'affine' | 'quadratic';

/** OLS (and poly of degree 1) fit affine functions; poly of degree >= 2 holds every quadratic. Others: null. */
export function exactClassOf(id: string): ExactClass | null {
  const parsed = parseSpecText(id, 'regression');
  if (parsed.name === 'ols') return 'affine';
  if (parsed.name === 'poly') return parsed.params.degree === 1 ? 'affine' : 'quadratic';
  return null;
}

export interface ExactSetting {
  readonly S: MlMatrix;
  readonly St: MlMatrix;
  readonly shift: MlMatrix;
  readonly sigma: number;
  readonly eta: Quadratic;
  readonly etaTilde: Quadratic;
}

/**
 * The plan as quadratics under Gaussian designs, or why it is not one: regression, Gaussian features, no truncation, eta linear / quadratic / mixed without sine and step, bias shape of degree <= 2.
 * eta = 0.5 + w1 b'x + w2 x'Q0x; eta~ = eta + bias h with h = 1, b'x or b'x + x'Q0x (population/response.ts).
 */
export function exactSetting(plan: PopulationPlan): ExactSetting | string {
  // A fitted generator's plan still has exact R(f*) (the gaps between models); its oracle-side values are
  // never shown (docs/theory.md §3.3), as with the Monte Carlo references.
  const { population, synthetic } = plan.source;
  if (population.task !== 'regression') return 'closed forms exist only for squared loss';
  if (population.features.family !== 'gaussian') return 'closed forms need Gaussian features';
  if (synthetic.truncate > 0) return 'truncated synthetic features are not Gaussian';
  const { shape } = population;
  let weights: [number, number];
  if (shape.kind === 'linear') weights = [1, 0];
  else if (shape.kind === 'quadratic') weights = [1, 1];
  else if (shape.kind === 'mixed' && shape.mix.sine === 0 && shape.mix.step === 0)
    weights = [shape.mix.linear, shape.mix.quadratic];
  else return `η = ${shape.kind} is not a quadratic`;
  const { bias, biasShape } = synthetic;
  if (bias !== 0 && biasShape !== 'constant' && biasShape !== 'linear' && biasShape !== 'quadratic')
    return `a ${biasShape} response bias is not a quadratic`;
  const { p, S, St, s } = designOf(plan);
  const b0 = new MlMatrix(p, 1);
  for (let j = 0; j < p; j++) b0.set(j, 0, INDEX_COEFFICIENTS[j]!);
  const Q0 = new MlMatrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) Q0.set(i, j, i === j ? 0.5 : 0.25);
  const eta: Quadratic = { a: 0.5, b: b0.clone().mul(weights[0]), Q: Q0.clone().mul(weights[1]) };
  const h: Quadratic =
    bias === 0 || biasShape === 'constant'
      ? { a: 1, b: new MlMatrix(p, 1), Q: new MlMatrix(p, p) }
      : { a: 0, b: b0, Q: biasShape === 'quadratic' ? Q0 : new MlMatrix(p, p) };
  const etaTilde: Quadratic = {
    a: eta.a + bias * h.a,
    b: eta.b.clone().add(h.b.clone().mul(bias)),
    Q: eta.Q.clone().add(h.Q.clone().mul(bias)),
  };
  return { S, St, shift: s, sigma: population.sigma, eta, etaTilde };
}

/**
 * R(f*), R(f_resp), R(fbar) for a class on a setting: sigma^2 + E(f - eta)^2 on the real N(0, S), where f is the
 * class's projection of eta (f*), of eta~ under N(0, S) (f_resp) and of eta~ under N(shift, S~) (fbar). The
 * noise scale does not enter: a population fit sees E[Y | x] only.
 */
export function exactRisks(setting: ExactSetting, cls: ExactClass): ExactRisks {
  const { S, St, shift, sigma, eta, etaTilde } = setting;
  const zero = new MlMatrix(shift.rows, 1);
  const risk = (f: Quadratic) => sigma ** 2 + meanSquare(minus(f, eta), S);
  if (cls === 'quadratic')
    return { real: sigma ** 2, responseOnly: risk(etaTilde), synthetic: risk(etaTilde) };
  return {
    real: risk(affineProjection(eta, zero, S)),
    responseOnly: risk(affineProjection(etaTilde, zero, S)),
    synthetic: risk(affineProjection(etaTilde, shift, St)),
  };
}
