/**
 * The presets: one per claim of docs/theory.md §5 and one per counter-example (the digits lab's are in
 * digitsPresets.ts, the studies beyond the paper in studyPresets.ts), each a scenario (over the
 * defaults), the view to open, and a theory card (statement, formula in TeX, what to look at) with a verdict
 * read from the live results (claimVerdicts.ts). Kept free of React and KaTeX so the store and unit
 * tests can use it.
 *
 * The formulas are the playground's own formalization of the claims (docs/theory.md §1 and §5), not
 * quotations of the paper.
 */
import type { Scenario } from '../scenario/schema';

import { claim1Verdict, counter1Verdict, claim2Verdict, counter2Verdict } from './claimVerdicts';
import { claim3Verdict, counter3Verdict } from './claim3Verdicts';
import type { PresetId } from '../scenario/presetIds';
import { DIGITS_PRESETS } from './digitsPresets';
import type { Preset } from './preset';
import { STUDY_PRESETS } from './studyPresets';

export type { Preset } from './preset';

export type { PresetId } from '../scenario/presetIds';
export { PRESET_IDS, isPresetId } from '../scenario/presetIds';
export type { Verdict, VerdictContext, VerdictNeed, VerdictStatus } from './verdicts';
export { NO_CONTEXT, exactResponses } from './verdicts';
export { COMPARABLE, RANK_AGREES, olsQuadraticLimit } from './claimVerdicts';
export { GAP_MARGIN, PAIR_CONSISTENT } from './claim3Verdicts';

/*
 * Each preset's scenario lists only what it changes from the defaults (regression, p = 1, Gaussian features,
 * oracle synthetic data, ...): applyPreset fills in the rest from the defaults, and lecture mode shows exactly
 * these parameters as the slide's controls.
 */
/*
 * Claim 3's classification presets use consistent learners, so a preset's verdict rests on the population order
 * and not on one learner failing at this n: logistic regression (consistent for its class) and kNN with
 * k = √n = 20 (k → ∞, k/n → 0: consistent for the Bayes classifier). 1-NN is not consistent; with flipped labels
 * it gets much worse, which kept the order for a reason the card did not state.
 */
const CLASSIFICATION_2D: Partial<Scenario> = {
  task: 'classification',
  p: 2,
  sharpness: 5,
  n: 400,
  m: 400,
  nTest: 2000,
  replicates: 40,
  models: 'logistic:C=1;knn:k=20',
};

/* Claim 3 and counter-example 3 share the models, sizes and the bias; they differ in the gap Δ alone. */
const REGRESSION_3: Partial<Scenario> = {
  models: 'ols;poly:degree=2',
  bias: 0.3,
  biasShape: 'quadratic',
  n: 500,
  m: 500,
  replicates: 40,
};

const list: Preset[] = [
  {
    id: 'claim1',
    title: 'Claim 1: features need not match',
    claim: 1,
    kind: 'claim',
    scenario: { eta: 'linear', models: 'ols', shift: 2, n: 500, m: 500, replicates: 20 },
    view: 'data',
    card: {
      statement:
        'When the downstream model is correctly specified and the synthetic responses are exact, the synthetic features need not match the real ones: OLS trained on shifted synthetic features generalizes like OLS trained on real data, and U → 0 as m grows.',
      formula:
        '\\begin{gathered}\\eta \\in \\mathcal{F},\\ \\ \\tilde\\eta = \\eta,\\ \\ \\operatorname{supp}\\tilde\\mu \\supseteq \\operatorname{supp}\\mu \\\\ \\Longrightarrow\\; \\bar f = f^* = \\eta \\ \\text{ for every } \\tilde\\mu \\\\ U = \\bigl|\\,\\mathbb{E}R(\\tilde f) - \\mathbb{E}R(\\hat f)\\,\\bigr| \\;\\longrightarrow\\; 0 \\quad (n, m \\to \\infty)\\end{gathered}',
      lookAt:
        'The synthetic points (orange) sit two units to the right of the real ones (blue), yet the dashed OLS line fitted on them lies on the solid line fitted on real data. In the table, U is a tiny fraction of TRTR. Move the shift: U stays small. Switch η to quadratic and it does not.',
    },
    needs: [],
    verdict: claim1Verdict,
  },
  {
    id: 'counter1',
    title: 'Counter-example 1: misspecified model',
    claim: 1,
    kind: 'counter',
    scenario: { eta: 'quadratic', models: 'ols', shift: 2, n: 500, m: 500, replicates: 20 },
    view: 'generalization',
    sweep: { x: { param: 'shift', from: 0, to: 3, steps: 7 }, y: null },
    card: {
      statement:
        'When the model is misspecified, feature mismatch costs utility: OLS fitted to a quadratic η converges to a different line on shifted features than on real ones, and U grows with the shift s (like s⁴/4 + s² here).',
      formula:
        '\\begin{gathered}U_\\infty = \\bigl(\\operatorname{tr}(Q(\\tilde S - S)) - s^\\top Q s\\bigr)^2 + 4\\, s^\\top Q S Q s \\\\ = \\tfrac{s^4}{4} + s^2 \\quad \\text{for } p = 1,\\ \\tilde S = S = 1,\\ Q = \\tfrac12\\end{gathered}',
      lookAt:
        'OLS’s TSTR bar towers over its TRTR bar, and U is close to the large-sample limit in the verdict. Move the shift toward 0 and U shrinks; the Sweep tab (shift 0 → 3) draws U against s.',
    },
    needs: [],
    verdict: counter1Verdict,
  },
  {
    id: 'claim2',
    title: 'Claim 2: rankings survive a feature shift',
    claim: 2,
    kind: 'claim',
    scenario: {
      eta: 'quadratic',
      models: 'ols;poly:degree=2;knn:k=10',
      shift: 1,
      n: 400,
      m: 400,
      nTest: 2000,
      replicates: 20,
    },
    view: 'ranking',
    card: {
      statement:
        'Comparing models does not need μ̃ = μ: with shifted synthetic features, TSTR ranks OLS, quadratic regression and kNN as TRTR does, although some of the risks themselves move a lot.',
      formula:
        '\\begin{gathered}\\tau_b\\bigl(\\mathrm{TSTR}_{1..K},\\ \\mathrm{TRTR}_{1..K}\\bigr) \\approx 1 \\\\ \\text{although } \\tilde\\mu \\neq \\mu \\text{ and } U_k \\gg 0 \\text{ for some } k\\end{gathered}',
      lookAt:
        'Kendall τ_b and the top-1 agreement sit at or near 1. In the table, OLS’s TSTR is far above its TRTR (it is misspecified and the shift costs it), while Quadratic and kNN barely move: the order Quadratic < kNN < OLS is the same on both.',
    },
    needs: [],
    verdict: claim2Verdict,
  },
  {
    id: 'counter2',
    title: 'Counter-example 2: misspecified models reorder',
    claim: 2,
    kind: 'counter',
    scenario: {
      eta: 'sine',
      models: 'ols;poly:degree=3',
      shift: 2,
      n: 500,
      m: 500,
      replicates: 20,
    },
    view: 'data',
    card: {
      statement:
        'When every model is misspecified, each synthetic fit f̄ₖ is the best fit under μ̃, not under μ. If the shift leaves part of the real support nearly empty, the models’ order can flip: the cubic beats OLS on real data, but fitted on shifted synthetic data it extrapolates wildly where the real points are.',
      formula:
        '\\begin{gathered}\\bar f_k = \\arg\\min_{f \\in \\mathcal{F}_k} \\lVert f - \\eta \\rVert^2_{L^2(\\tilde\\mu)} \\\\ \\neq\\; f^*_k = \\arg\\min_{f \\in \\mathcal{F}_k} \\lVert f - \\eta \\rVert^2_{L^2(\\mu)} \\\\ \\text{when } \\eta \\notin \\mathcal{F}_k, \\text{ so possibly} \\\\ \\operatorname{sign}\\bigl(R(\\bar f_j) - R(\\bar f_k)\\bigr) \\neq \\operatorname{sign}\\bigl(R(f^*_j) - R(f^*_k)\\bigr)\\end{gathered}',
      lookAt:
        'The dashed cubic, fitted on the shifted synthetic points, bends away where the synthetic data are sparse (left), right where many real points are. In the table, Cubic has the lower TRTR but the higher TSTR. Set η to linear and OLS keeps its place.',
    },
    needs: [],
    verdict: counter2Verdict,
  },
  {
    id: 'claim3',
    title: 'Claim 3: a generalization gap protects the ranking',
    claim: 3,
    kind: 'claim',
    scenario: { eta: 'quadratic', ...REGRESSION_3 },
    view: 'ranking',
    card: {
      statement:
        'Model comparison survives poor synthetic responses when the models are separated by a generalization gap: with the biased η̃ = η + 0.3(t + x′Qx), OLS and quadratic regression (population gap Δ = 0.5) are ordered alike in nearly every replicate, because the bias moves either population risk by less than half of Δ, though both risks move.',
      formula:
        '\\begin{gathered}\\Delta_{jk} = \\bigl|R(f^*_j) - R(f^*_k)\\bigr| \\;\\ge\\; 2 \\max_{i \\in \\{j,k\\}} \\bigl|R(f^{\\mathrm{resp}}_i) - R(f^*_i)\\bigr| \\\\ \\Longrightarrow\\; C_{jk} \\approx 1, \\quad\\text{where} \\\\ C_{jk} = P\\bigl(\\operatorname{sign}(\\mathrm{TSTR}_j - \\mathrm{TSTR}_k) = \\operatorname{sign}(\\mathrm{TRTR}_j - \\mathrm{TRTR}_k)\\bigr)\\end{gathered}',
      lookAt:
        'The pairwise consistency of OLS vs Quadratic is 1 (or nearly), though in the table both models’ TSTR exceed their TRTR. The verdict checks the premise on the population references: Δ against how far the responses alone move each risk. Lower η’s quadratic weight (η = mixed, w_quad 0.2) and the same bias reorders them: counter-example 3.',
    },
    needs: ['references'],
    verdict: claim3Verdict,
  },
  {
    id: 'counter3',
    title: 'Counter-example 3: a gap smaller than the response error',
    claim: 3,
    kind: 'counter',
    scenario: { eta: 'mixed', wLinear: 1, wQuadratic: 0.2, wSine: 0, wStep: 0, ...REGRESSION_3 },
    view: 'ranking',
    card: {
      statement:
        'When the gap is small against what the responses do to the risks, the responses decide the order. With η = 0.5 + t + 0.2x′Qx, quadratic regression beats OLS on real data by only Δ = 0.02; the same bias as in claim 3 costs the quadratic model more (it fits the bias’s curvature too), and TSTR prefers OLS in most replicates, where with exact responses it orders them as TRTR does.',
      formula:
        '\\begin{gathered}\\Delta_{jk} \\;<\\; \\bigl|e_j - e_k\\bigr|, \\quad e_i = R(f^{\\mathrm{resp}}_i) - R(f^*_i) \\\\ \\Longrightarrow\\; C_{jk} \\;<\\; C_{jk}\\big|_{\\tilde\\eta = \\eta}\\end{gathered}',
      lookAt:
        'The pairwise consistency of OLS vs Quadratic falls far below 1, and in the table OLS has the higher TRTR but the lower TSTR. The verdict compares with the same scenario run with exact responses (same seed): the lost agreement is the responses’ doing, not estimation noise. Set the bias to 0 and the order comes back.',
    },
    needs: ['references', 'exact-responses'],
    verdict: counter3Verdict,
  },
  {
    id: 'claim3-classification',
    title: 'Claim 3, classification: symmetric label flips',
    claim: 3,
    kind: 'claim',
    scenario: { ...CLASSIFICATION_2D, eta: 'quadratic', flip01: 0.2, flip10: 0.2 },
    view: 'ranking',
    card: {
      statement:
        'Symmetric label flips (the same rate ρ < ½ both ways) keep sign(η̃ − ½) = sign(η − ½): the Bayes classifier is unchanged, so consistent learners keep their limits and gap-separated ones their order. With a curved Bayes boundary (η quadratic), logistic regression (a straight boundary) trails kNN with k = √n = 20 by a population gap Δ ≈ 0.1, far more than the flips move either risk.',
      formula:
        '\\begin{gathered}\\tilde\\eta = \\rho + (1 - 2\\rho)\\,\\eta \\quad (\\rho < \\tfrac12) \\\\ \\Longrightarrow\\; \\operatorname{sign}\\bigl(\\tilde\\eta - \\tfrac12\\bigr) = \\operatorname{sign}\\bigl(\\eta - \\tfrac12\\bigr)\\end{gathered}',
      lookAt:
        'The consistency of Logistic vs kNN (k=20) is 1, and in the table both TSTRs stay near their TRTRs: learners that converge to the Bayes boundary barely notice symmetric flips. Set η to linear (the two near-tied) and the flips unequal: that is the counter-example.',
    },
    needs: ['references'],
    verdict: claim3Verdict,
  },
  {
    id: 'counter3-classification',
    title: 'Counter-example 3, classification: asymmetric flips',
    claim: 3,
    kind: 'counter',
    scenario: { ...CLASSIFICATION_2D, eta: 'linear', flip01: 0, flip10: 0.4 },
    view: 'ranking',
    card: {
      statement:
        'Asymmetric label flips move the synthetic Bayes boundary. With η linear, logistic regression and kNN (k = 20) are near-tied on real data (Δ well under 0.01), and the moved boundary costs logistic regression more than kNN: TSTR reverses their order in most replicates, where with exact labels it keeps it in most.',
      formula:
        '\\begin{gathered}\\tilde\\eta = \\rho_{01} + (1 - \\rho_{01} - \\rho_{10})\\,\\eta \\\\ \\tilde\\eta = \\tfrac12 \\iff \\eta = \\frac{\\tfrac12 - \\rho_{01}}{1 - \\rho_{01} - \\rho_{10}} = \\tfrac56 \\neq \\tfrac12 \\\\ \\text{for } \\rho_{01} = 0,\\ \\rho_{10} = 0.4\\end{gathered}',
      lookAt:
        'The consistency of Logistic vs kNN (k=20) drops well below ½, and every TSTR in the table is far above its TRTR. The verdict compares with the same scenario with exact labels (same seed). Set η to quadratic (a gap of about 0.1 between the learners) and the same flips no longer reorder them.',
    },
    needs: ['references', 'exact-responses'],
    verdict: counter3Verdict,
  },
];

export const PRESETS: Readonly<Record<PresetId, Preset>> = Object.fromEntries(
  [...list, ...DIGITS_PRESETS, ...STUDY_PRESETS].map((preset) => [preset.id, preset]),
) as Record<PresetId, Preset>;

/** The simulated lab's presets grouped by claim, each claim followed by its counter-example(s), in PRESET_IDS order. */
export const PRESET_GROUPS: readonly { readonly claim: 1 | 2 | 3; readonly presets: readonly Preset[] }[] = (
  [1, 2, 3] as const
).map((claim) => ({ claim, presets: list.filter((p) => p.claim === claim) }));

/** The digits lab's presets (claims 2 and 3 on MNIST), in PRESET_IDS order. */
export { DIGITS_PRESETS };

/** The studies beyond the paper (simulated lab), in PRESET_IDS order. */
export { STUDY_PRESETS };
