/**
 * The digits lab's presets: claims 2 and 3 and their counter-examples on real MNIST digits, each a digits-lab
 * scenario, a view, a theory card and a verdict decided on the paired error gaps' intervals (digitsVerdicts.ts).
 * Every preset trains the same three models, from the least to the most flexible, so the order to keep is the same.
 */
import type { Preset } from './preset';
import { digitsOrderKept, digitsOrderReversed, lowFidelityPremise } from './digitsVerdicts';
import { percent } from './verdicts';

/** Three models real digits separate clearly at n = 1,000 (error about 0.13, 0.10 and 0.06). */
const DIGITS_BASE = {
  lab: 'mnist',
  n: 1000,
  m: 1000,
  nTest: 2000,
  replicates: 5,
  models: 'logistic:C=0.1;knn:k=5;cnn:filters=8,epochs=5,lr=0.005,batch=64',
} as const;

export const DIGITS_PRESETS: readonly Preset[] = [
  {
    id: 'digits-claim2',
    title: 'Digits, claim 2: blurry digits, the same ranking',
    claim: 2,
    kind: 'claim',
    scenario: { ...DIGITS_BASE, generator: 'pca-gaussian', pcaComponents: 10 },
    view: 'ranking',
    card: {
      statement:
        'A generator of low fidelity can still rank models as real data do. A Gaussian per digit in only 10 principal components draws blurry, average-looking digits that a classifier tells from real ones at once, yet softmax regression, kNN and the CNN trained on them keep the order they have when trained on real digits.',
      formula:
        '\\begin{gathered}\\mathrm{AUC}_{\\mathrm{C2ST}}(\\tilde D, D) \\approx 1 \\\\ \\text{and still } \\operatorname{sign}\\bigl(\\mathbb{E}\\,\\mathrm{TSTR}_j - \\mathbb{E}\\,\\mathrm{TSTR}_k\\bigr) = \\operatorname{sign}\\bigl(\\mathbb{E}\\,\\mathrm{TRTR}_j - \\mathbb{E}\\,\\mathrm{TRTR}_k\\bigr)\\end{gathered}',
      lookAt:
        'The Data tab shows the blurry synthetic digits beside real ones; the Fidelity tab their C2ST AUC near 1. In the Ranking tab and the table every model’s TSTR is above its TRTR, yet the order is the same. Switch to independent pixels (the counter-example) and it is not.',
    },
    needs: [],
    verdict: (results) => digitsOrderKept(results, lowFidelityPremise(results, 0.9)),
  },
  {
    id: 'digits-counter2',
    title: 'Digits, counter-example 2: independent pixels reorder',
    claim: 2,
    kind: 'counter',
    scenario: { ...DIGITS_BASE, generator: 'diag-gaussian' },
    view: 'ranking',
    card: {
      statement:
        'Low fidelity of the wrong kind does reorder. Independent pixels per digit keep each pixel’s mean and variance but no strokes: every pixel is noise around the class’s average image. A linear model still finds the average; a CNN, which learns local stroke patterns, learns noise and falls behind it.',
      formula:
        '\\begin{gathered}\\tilde p(x \\mid y) = \\prod_{j=1}^{784} \\mathcal{N}\\bigl(x_j;\\ \\mu_{yj}, \\sigma^2_{yj}\\bigr) \\\\ \\Longrightarrow\\; \\bar f_{\\mathrm{CNN}} \\text{ far from } f^*_{\\mathrm{CNN}}, \\text{ possibly } \\operatorname{sign} \\text{ reversed}\\end{gathered}',
      lookAt:
        'The Data tab: speckled digits with the right average shape. In the table, the CNN’s TSTR rises far more than softmax regression’s; the verdict names the pair whose order flips.',
    },
    needs: [],
    verdict: (results) => digitsOrderReversed(results, null),
  },
  {
    id: 'digits-claim3',
    title: 'Digits, claim 3: symmetric label noise',
    claim: 3,
    kind: 'claim',
    scenario: { ...DIGITS_BASE, generator: 'deform', deformAmount: 1, flipSymmetric: 0.3 },
    view: 'ranking',
    card: {
      statement:
        'Poorly generated responses keep the ranking of models separated by a generalization gap. The synthetic digits are real digits slightly deformed, but 30% of their labels are replaced by another digit at random. Symmetric noise keeps the most likely label of every image, so the Bayes classifier is unchanged; the models lose accuracy, but the gaps between them are wider than what the noise costs.',
      formula:
        '\\begin{gathered}\\tilde\\eta_c(x) = (1 - \\rho)\\,\\eta_c(x) + \\tfrac{\\rho}{9}\\bigl(1 - \\eta_c(x)\\bigr) \\\\ \\rho < \\tfrac{9}{10} \\Longrightarrow \\arg\\max_c \\tilde\\eta_c(x) = \\arg\\max_c \\eta_c(x)\\end{gathered}',
      lookAt:
        'In the table every TSTR is above its TRTR, yet the verdict finds each pair real digits separate separated the same way. Raise the noise toward 0.9 and watch when the order goes.',
    },
    needs: [],
    verdict: (results) =>
      digitsOrderKept(
        results,
        results.scenario.flipSymmetric > 0
          ? null
          : 'No label noise: the synthetic labels are the real ones, so claim 3 is not put to the test. Set the symmetric label noise above 0.',
      ),
  },
  {
    id: 'digits-counter3',
    title: 'Digits, counter-example 3: asymmetric flips',
    claim: 3,
    kind: 'counter',
    scenario: { ...DIGITS_BASE, generator: 'deform', deformAmount: 1, flipAsymmetric: 0.6 },
    view: 'ranking',
    card: {
      statement:
        'Asymmetric flips move the Bayes classifier itself: with 60% of the 2s labelled 7, 3s labelled 8, 5s and 6s swapped and 7s labelled 1, the most likely synthetic label of those digits is the wrong one. A model that fits its training labels more closely learns the flips more faithfully, and can fall behind a simpler one.',
      formula:
        '\\begin{gathered}\\tilde\\eta_{\\pi(c)}(x) = \\rho\\,\\eta_c(x) + \\dots \\\\ \\rho > \\tfrac12 \\Longrightarrow \\arg\\max \\tilde\\eta(x) = \\pi(c) \\neq c \\text{ for digits of class } c\\end{gathered}',
      lookAt: `The confusion matrices in the Data tab show the flipped pairs; the verdict names the models whose order flips, if any. Lower the flips below ${percent(0.5)}: the most likely label is right again.`,
    },
    needs: [],
    verdict: (results) => digitsOrderReversed(results, null),
  },
];
