/**
 * The presets of the studies beyond the paper (issue 14, docs/theory.md §9): a self-consuming generator
 * loop with and without fresh real data, real data pooled with synthetic, an ensemble of synthetic datasets, and a
 * hyperparameter chosen on synthetic validation. Each is a simulated-lab scenario, opens the Study view, and has a
 * theory card with a verdict decided on the study's 95% intervals (studyVerdicts.ts). Calibrated with seed 1 (and
 * 2) so each verdict is reached with a margin, at a cost of a second or two each.
 */
import type { Scenario } from '../scenario/schema';
import type { Preset } from './preset';
import {
  collapseVerdict,
  ensembleVerdict,
  freshVerdict,
  mixVerdict,
  selectMisledVerdict,
  selectVerdict,
} from './studyVerdicts';

/**
 * The loop: a Gaussian refitted to m = 20 of its own draws, 10 times. Its spread is a product of chi-square
 * ratios, skewed to the right, so its mean needs more replicates than a risk does; a loop is cheap.
 */
const LOOP: Partial<Scenario> = {
  study: 'collapse',
  generator: 'gaussian',
  eta: 'linear',
  p: 2,
  n: 100,
  m: 20,
  generations: 10,
  nTest: 1000,
  replicates: 100,
  models: 'ols;knn:k=5',
};

/* Pooling: few real points (n = 25) and many synthetic ones (m = 200, λ = 8), a correctly specified OLS. */
const POOL: Partial<Scenario> = {
  study: 'mix',
  eta: 'linear',
  p: 2,
  n: 25,
  m: 200,
  nTest: 2000,
  replicates: 30,
  models: 'ols;knn:k=5',
};

/* Choosing k of kNN for a sine η (real validation picks k = 10 in most replicates). */
const SELECT: Partial<Scenario> = {
  study: 'select',
  eta: 'sine',
  nTest: 2000,
  replicates: 40,
  models: 'knn:k=3;knn:k=10;knn:k=30;knn:k=90',
};

const BEYOND = 'A study beyond Xu, Sun and Cheng’s paper, in this playground’s own formalization';

export const STUDY_PRESETS: readonly Preset[] = [
  {
    id: 'collapse',
    title: 'Model collapse: a generator fed its own draws',
    claim: null,
    kind: 'claim',
    scenario: LOOP,
    view: 'study',
    sweep: { x: { param: 'generations', from: 0, to: 10, steps: 6 }, y: null },
    card: {
      statement:
        'A generator refitted, generation after generation, on nothing but its own draws loses the spread of the real data. A Gaussian fitted by maximum likelihood to m of its own draws keeps, on average, (m − 1)/m of its variance: after g generations ((m − 1)/m)^g, and the tails go first.',
      formula:
        '\\begin{gathered}\\hat\\mu_g, \\hat\\Sigma_g = \\text{ML fit to } m \\text{ draws from } \\mathcal{N}\\bigl(\\hat\\mu_{g-1}, \\hat\\Sigma_{g-1}\\bigr) \\\\ \\mathbb{E}\\,\\operatorname{tr}\\hat\\Sigma_g = \\Bigl(\\frac{m-1}{m}\\Bigr)^{g} \\operatorname{tr}\\hat\\Sigma_0 \\;\\longrightarrow\\; 0 \\quad (g \\to \\infty)\\end{gathered}',
      lookAt:
        'The Study view draws the spread and the tail width per generation, with the closed form; the verdict checks the last generation against it. The mean spread follows the closed form, the typical loop loses more (a product of chi-square ratios is skewed). In the table both models’ TSTR exceed their TRTR. The Sweep tab runs g = 0 → 10: U grows with the generations.',
      source:
        'After Shumailov et al., AI models collapse when trained on recursively generated data (Nature, 2024)',
    },
    needs: [],
    verdict: collapseVerdict,
  },
  {
    id: 'collapse-fresh',
    title: 'Model collapse: fresh real data stop it',
    claim: null,
    kind: 'counter',
    scenario: { ...LOOP, fresh: 0.5 },
    view: 'study',
    sweep: { x: { param: 'generations', from: 0, to: 10, steps: 6 }, y: null },
    card: {
      statement:
        'The same loop, but half of every generation’s m points are fresh real data: the loop no longer collapses. Each generation pulls the spread back toward the real one, and it settles near a fixed point close to 1 (about 0.95 for m = 20) instead of shrinking like ((m − 1)/m)^g.',
      formula:
        '\\begin{gathered}D_g = \\bigl\\{(1 - \\varphi)\\,m \\text{ draws of fit } g-1\\bigr\\} \\cup \\bigl\\{\\varphi\\, m \\text{ fresh real points}\\bigr\\} \\\\ v_g \\approx (1 - \\varphi)\\,\\tfrac{m-1}{m}\\, v_{g-1} + \\varphi \\;\\Longrightarrow\\; v_\\infty \\approx \\frac{\\varphi}{\\varphi + (1 - \\varphi)/m}\\end{gathered}',
      lookAt:
        'In the Study view the spread stays near 1 across the generations; the verdict sets it against what a fully synthetic loop would keep. Set the fresh real share to 0 and the spread falls away: that is the previous preset.',
      source:
        'After Alemohammad et al., Self-consuming generative models go MAD (ICLR, 2024): the fresh-data loop',
    },
    needs: [],
    verdict: freshVerdict,
  },
  {
    id: 'mix-helps',
    title: 'Real + synthetic: pooling helps a small sample',
    claim: null,
    kind: 'claim',
    scenario: { ...POOL, shift: 1 },
    view: 'study',
    card: {
      statement:
        'With few real points, a correctly specified model and exact synthetic responses, adding synthetic points to the real ones lowers the real test risk, even with shifted synthetic features: OLS pooled on 25 real and 200 synthetic points stays unbiased and its variance drops; kNN gains too.',
      formula:
        '\\begin{gathered}\\mathrm{TMTR}_k = \\mathbb{E}\\,R\\bigl(\\hat f_k[D \\cup \\tilde D]\\bigr), \\quad \\mathrm{gain}_k = \\mathrm{TRTR}_k - \\mathrm{TMTR}_k \\\\ \\eta \\in \\mathcal{F},\\ \\tilde\\eta = \\eta \\;\\Longrightarrow\\; \\operatorname{Var}\\hat\\beta[D \\cup \\tilde D] = \\sigma^2 \\bigl(X^\\top X + \\tilde X^\\top \\tilde X\\bigr)^{-1} \\preceq \\sigma^2 \\bigl(X^\\top X\\bigr)^{-1}\\end{gathered}',
      lookAt:
        'The Study view sets TMTR (trained on real + synthetic) beside TRTR for each model, with the gain’s interval. Both gains lie above 0. Set a response bias and watch the gain turn negative: the next preset.',
      source: `${BEYOND}: pooling real and synthetic training data`,
    },
    needs: [],
    verdict: (results) => mixVerdict(results, 'helps'),
  },
  {
    id: 'mix-hurts',
    title: 'Real + synthetic: biased responses make pooling hurt',
    claim: null,
    kind: 'counter',
    scenario: { ...POOL, bias: 1 },
    view: 'study',
    card: {
      statement:
        'When the synthetic responses are biased, many synthetic points drag the pooled fit toward the bias: with λ = m/n = 8, OLS’s pooled fit carries λ/(1 + λ) ≈ 0.89 of a constant bias b = 1, far more than the extra points save in variance, and every model’s real test risk rises.',
      formula:
        '\\begin{gathered}\\tilde\\eta = \\eta + b,\\ \\tilde\\mu = \\mu \\;\\Longrightarrow\\; \\hat f[D \\cup \\tilde D] \\;\\longrightarrow\\; \\eta + \\tfrac{\\lambda}{1+\\lambda}\\, b \\\\ \\mathrm{TMTR} - \\sigma^2 \\;\\longrightarrow\\; \\Bigl(\\frac{\\lambda}{1+\\lambda}\\Bigr)^2 b^2 \\quad (n, m \\to \\infty,\\ \\lambda = m/n)\\end{gathered}',
      lookAt:
        'In the Study view every TMTR is far above its TRTR and the gains’ intervals lie below 0. Lower the bias, or the synthetic size m (λ), and see where pooling stops hurting.',
      source: `${BEYOND}: pooling real and synthetic training data`,
    },
    needs: [],
    verdict: (results) => mixVerdict(results, 'hurts'),
  },
  {
    id: 'ensemble',
    title: 'Ensemble: averaging synthetic datasets cuts U',
    claim: null,
    kind: 'claim',
    scenario: {
      study: 'ensemble',
      members: 5,
      p: 2,
      noiseScale: 3,
      nTest: 2000,
      replicates: 30,
      models: 'knn:k=1;knn:k=10',
    },
    view: 'study',
    card: {
      statement:
        'Part of U is the randomness of one synthetic draw: here the synthetic responses are unbiased but three times as noisy as the real ones, and kNN fits the noise. Averaging the models trained on K = 5 synthetic samples keeps their common fit and divides that variance by K, so the ensemble removes most of a member’s U. A bias every member shares stays.',
      formula:
        '\\begin{gathered}\\mathbb{E}\\,R\\Bigl(\\tfrac1K \\textstyle\\sum_{i=1}^{K} \\tilde f_i\\Bigr) = R(\\bar f) + \\tfrac1K V, \\quad V = \\mathbb{E}\\,\\lVert \\tilde f - \\bar f \\rVert^2_{L^2(\\mu)},\\ \\bar f = \\mathbb{E}\\,\\tilde f \\\\ \\text{benefit} = (1 - \\tfrac1K)\\, V, \\quad R(\\bar f) - R(\\hat f) \\text{ is not averaged away}\\end{gathered}',
      lookAt:
        'The Study view sets one member’s U beside the ensemble’s for each model, with the benefit’s interval. Set the response noise × back to 1 and a response bias of 1.5: the benefit shrinks to a small share of U, and the verdict says so.',
      source: `${BEYOND}: ensembles of synthetic datasets`,
    },
    needs: [],
    verdict: ensembleVerdict,
  },
  {
    id: 'select',
    title: 'Choosing k on synthetic validation',
    claim: null,
    kind: 'claim',
    scenario: SELECT,
    view: 'study',
    card: {
      statement:
        'Choosing a hyperparameter needs the order of the candidates, not their risks. Synthetic data drawn like the real ones (the oracle, unperturbed) validate kNN’s k as well as a real validation split does: the candidate chosen on synthetic validation has, on average, the real test risk of the real choice.',
      formula:
        '\\begin{gathered}\\hat k_{\\mathrm{real}} = \\arg\\min_k \\hat R_{\\mathrm{val}}(f_k; D), \\quad \\hat k_{\\mathrm{syn}} = \\arg\\min_k \\hat R_{\\mathrm{val}}(f_k; \\tilde D) \\\\ \\text{regret} = \\mathbb{E}\\bigl[R(\\hat f_{\\hat k_{\\mathrm{syn}}}) - R(\\hat f_{\\hat k_{\\mathrm{real}}})\\bigr] \\approx 0\\end{gathered}',
      lookAt:
        'The Study view counts which candidate each validation chose and shows the regret’s interval: a few percent of the real choice’s risk at most. Raise the response noise × and synthetic validation drifts toward larger k: the next preset.',
      source: `${BEYOND}: hyperparameter choice on synthetic validation`,
    },
    needs: [],
    verdict: selectVerdict,
  },
  {
    id: 'select-noisy',
    title: 'Choosing k on noisy synthetic responses',
    claim: null,
    kind: 'counter',
    scenario: { ...SELECT, noiseScale: 3 },
    view: 'study',
    card: {
      statement:
        'Validation on synthetic data whose responses are three times as noisy as the real ones prefers smoother candidates: noise makes small k look worse than it is on real data. The synthetic choice, a larger k, costs real test risk: the regret is positive, and synthetic validation does not pick as well as real here.',
      formula:
        '\\begin{gathered}\\hat R_{\\tilde D}(k) \\approx c^2\\sigma^2\\bigl(1 + \\tfrac1k\\bigr) + B_k^2 \\quad\\text{vs}\\quad R(k) \\approx \\sigma^2\\bigl(1 + \\tfrac1k\\bigr) + B_k^2 \\\\ B_k \\text{ grows with } k \\;\\Longrightarrow\\; \\arg\\min_k \\hat R_{\\tilde D}(k) \\text{ moves to larger } k \\text{ as } c \\text{ grows}\\end{gathered}',
      lookAt:
        'In the Study view synthetic validation chooses k = 30 or 90 where real validation chooses k = 10, and the regret’s interval lies above 0. Set the response noise × back to 1 and the choices agree again.',
      source: `${BEYOND}: hyperparameter choice on synthetic validation`,
    },
    needs: [],
    verdict: selectMisledVerdict,
  },
];
