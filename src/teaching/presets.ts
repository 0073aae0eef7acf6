/**
 * The presets: one per claim of docs/theory.md §5 and one per counter-example, each a scenario (over the
 * defaults), the view to open, and a theory card (statement, formula in TeX, what to look at) with a verdict
 * read from the live results (claimVerdicts.ts). Kept free of React and KaTeX so the store, the CLI and unit
 * tests can use it.
 *
 * The formulas are the playground's own formalization of the claims (docs/theory.md §1 and §5), not
 * quotations of the paper.
 */
import type { ScenarioResult } from '../scenario/results';
import type { SweepSetting, View } from '../scenario/page';
import type { Scenario } from '../scenario/schema';

import {
  claim1Verdict,
  counter1Verdict,
  claim2Verdict,
  counter2Verdict,
  claim3Verdict,
  counter3Verdict,
} from './claimVerdicts';
import type { PresetId } from '../scenario/presetIds';
import type { Verdict } from './verdicts';

export type { PresetId } from '../scenario/presetIds';
export { PRESET_IDS, isPresetId } from '../scenario/presetIds';
export type { Verdict, VerdictStatus } from './verdicts';
export { COMPARABLE, PAIR_CONSISTENT, RANK_AGREES, olsQuadraticLimit } from './claimVerdicts';

export interface Preset {
  readonly id: PresetId;
  /** Short name on the preset picker and the slide counter, e.g. "Claim 1: features need not match". */
  readonly title: string;
  /** Which claim (1-3) it illustrates, and whether it is the claim or its counter-example. */
  readonly claim: 1 | 2 | 3;
  readonly kind: 'claim' | 'counter';
  /** Scenario values over the defaults. */
  readonly scenario: Partial<Scenario>;
  readonly view: View;
  readonly sweep?: SweepSetting;
  readonly card: {
    /** The statement in words. */
    readonly statement: string;
    /** The formula, as TeX for KaTeX. */
    readonly formula: string;
    /** What to look at on the page. */
    readonly lookAt: string;
  };
  /** What the current results say about the statement; 'pending' until enough replicates are in. */
  verdict(results: ScenarioResult): Verdict;
}

/*
 * Each preset's scenario lists only what it changes from the defaults (regression, p = 1, Gaussian features,
 * oracle synthetic data, ...): applyPreset fills in the rest from the defaults, and lecture mode shows exactly
 * these parameters as the slide's controls.
 */
const CLASSIFICATION_2D: Partial<Scenario> = {
  task: 'classification',
  p: 2,
  eta: 'linear',
  sharpness: 5,
  n: 400,
  m: 400,
  nTest: 2000,
  replicates: 20,
  models: 'logistic:C=1;knn:k=1',
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
    verdict: counter2Verdict,
  },
  {
    id: 'claim3',
    title: 'Claim 3: a generalization gap protects the ranking',
    claim: 3,
    kind: 'claim',
    scenario: {
      eta: 'quadratic',
      models: 'ols;poly:degree=2',
      bias: 0.3,
      biasShape: 'linear',
      n: 500,
      m: 500,
      replicates: 40,
    },
    view: 'ranking',
    card: {
      statement:
        'Model comparison survives poor synthetic responses when the models are separated by a generalization gap: with a biased η̃, OLS and quadratic regression (Δ ≈ 0.5, far above ‖η̃ − η‖² ≈ 0.09) are ordered alike in nearly every replicate, though both risks move.',
      formula:
        '\\begin{gathered}\\Delta_{jk} = \\bigl|R(f^*_j) - R(f^*_k)\\bigr| \\;\\gg\\; \\lVert \\tilde\\eta - \\eta \\rVert^2_{L^2(\\mu)} \\\\ \\Longrightarrow\\; C_{jk} \\approx 1, \\quad\\text{where} \\\\ C_{jk} = P\\bigl(\\operatorname{sign}(\\mathrm{TSTR}_j - \\mathrm{TSTR}_k) = \\operatorname{sign}(\\mathrm{TRTR}_j - \\mathrm{TRTR}_k)\\bigr)\\end{gathered}',
      lookAt:
        'The pairwise consistency of OLS vs Quadratic is 1 (or nearly), though in the table both models’ TSTR exceed their TRTR by U ≈ 0.09. Raise the bias: the risks move further, the order does not. Swap OLS for poly:degree=3 (near-tied with Quadratic) and it breaks.',
    },
    verdict: claim3Verdict,
  },
  {
    id: 'counter3',
    title: 'Counter-example 3: near-tied models',
    claim: 3,
    kind: 'counter',
    scenario: {
      eta: 'quadratic',
      models: 'poly:degree=2;poly:degree=3',
      bias: 0.3,
      biasShape: 'linear',
      n: 500,
      m: 500,
      replicates: 40,
    },
    view: 'ranking',
    card: {
      statement:
        'For near-tied models (Δ ≈ 0) the same poor responses leave the comparison to chance: quadratic and cubic regression fit a quadratic η equally well, and TSTR orders them as TRTR does only about half the time.',
      formula:
        '\\Delta_{jk} = \\bigl|R(f^*_j) - R(f^*_k)\\bigr| \\approx 0 \\;\\Longrightarrow\\; C_{jk} \\to \\tfrac12',
      lookAt:
        'The pairwise consistency of Quadratic vs Cubic hovers near ½ and Kendall τ_b near 0; in the table their TRTR values differ by less than their run-to-run noise.',
    },
    verdict: counter3Verdict,
  },
  {
    id: 'claim3-classification',
    title: 'Claim 3, classification: symmetric label flips',
    claim: 3,
    kind: 'claim',
    scenario: { ...CLASSIFICATION_2D, flip01: 0.2, flip10: 0.2 },
    view: 'ranking',
    card: {
      statement:
        'Symmetric label flips (the same rate ρ < ½ both ways) keep sign(η̃ − ½) = sign(η − ½): the Bayes classifier is unchanged, so gap-separated learners keep their order. Logistic regression stays ahead of 1-nearest-neighbour, and its own risk barely moves.',
      formula:
        '\\begin{gathered}\\tilde\\eta = \\rho + (1 - 2\\rho)\\,\\eta \\quad (\\rho < \\tfrac12) \\\\ \\Longrightarrow\\; \\operatorname{sign}\\bigl(\\tilde\\eta - \\tfrac12\\bigr) = \\operatorname{sign}\\bigl(\\eta - \\tfrac12\\bigr)\\end{gathered}',
      lookAt:
        'The consistency of Logistic vs kNN (k=1) is 1. In the table Logistic’s U is near 0, while 1-NN’s risk jumps (it memorizes the flipped labels), which only widens the gap. Make the flips unequal and watch the order go.',
    },
    verdict: claim3Verdict,
  },
  {
    id: 'counter3-classification',
    title: 'Counter-example 3, classification: asymmetric flips',
    claim: 3,
    kind: 'counter',
    scenario: { ...CLASSIFICATION_2D, flip01: 0, flip10: 0.4 },
    view: 'ranking',
    card: {
      statement:
        'Asymmetric label flips move the synthetic Bayes boundary: every model learns the wrong boundary, the risks rise, and the ranking changes. Logistic regression, best on real data, falls behind 1-nearest-neighbour when both learn from the flipped labels.',
      formula:
        '\\begin{gathered}\\tilde\\eta = \\rho_{01} + (1 - \\rho_{01} - \\rho_{10})\\,\\eta \\\\ \\tilde\\eta = \\tfrac12 \\iff \\eta = \\frac{\\tfrac12 - \\rho_{01}}{1 - \\rho_{01} - \\rho_{10}} = \\tfrac56 \\neq \\tfrac12 \\\\ \\text{for } \\rho_{01} = 0,\\ \\rho_{10} = 0.4\\end{gathered}',
      lookAt:
        'The consistency of Logistic vs kNN (k=1) drops well below 1, and every TSTR in the table is far above its TRTR. Set flip 0 → 1 equal to flip 1 → 0 and the ranking comes back.',
    },
    verdict: counter3Verdict,
  },
];

export const PRESETS: Readonly<Record<PresetId, Preset>> = Object.fromEntries(
  list.map((preset) => [preset.id, preset]),
) as Record<PresetId, Preset>;

/** The presets grouped by claim, each claim followed by its counter-example(s), in PRESET_IDS order. */
export const PRESET_GROUPS: readonly { readonly claim: 1 | 2 | 3; readonly presets: readonly Preset[] }[] = (
  [1, 2, 3] as const
).map((claim) => ({ claim, presets: list.filter((p) => p.claim === claim) }));
