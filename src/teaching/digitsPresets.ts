/**
 * The digits lab's presets: claims 2 and 3 and their counter-examples on real MNIST digits, each a digits-lab
 * scenario, a view, a theory card and a verdict decided on the paired error gaps' intervals (digitsVerdicts.ts).
 * Every preset trains the same three models, from the least to the most flexible, so the order to keep is the same.
 */
import type { Preset } from './preset';
import { digitsOrderKept, digitsOrderReversed, lowFidelityPremise } from './digitsVerdicts';
import { percent } from './verdicts';

/** Softmax regression, kNN and the CNN: real digits separate the CNN from both at n = 1,000 (errors 0.13, 0.13, 0.07). */
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
    scenario: { ...DIGITS_BASE, generator: 'pca-gaussian', pcaComponents: 30 },
    view: 'ranking',
    card: {
      statement:
        'A generator of low fidelity can still rank models as real data do. A Gaussian per digit in 30 principal components draws blurry, smudged digits that a classifier tells from real ones about nine times in ten (C2ST AUC ≈ 0.9), and every model trained on them loses accuracy, yet the CNN stays ahead of softmax regression and kNN as it is on real digits.',
      formula:
        '\\begin{gathered}\\mathrm{AUC}_{\\mathrm{C2ST}}(\\tilde D, D) \\approx 1 \\\\ \\text{and still } \\operatorname{sign}\\bigl(\\mathbb{E}\\,\\mathrm{TSTR}_j - \\mathbb{E}\\,\\mathrm{TSTR}_k\\bigr) = \\operatorname{sign}\\bigl(\\mathbb{E}\\,\\mathrm{TRTR}_j - \\mathbb{E}\\,\\mathrm{TRTR}_k\\bigr)\\end{gathered}',
      lookAt:
        'The Data tab shows the smudged synthetic digits beside real ones; the Fidelity tab their C2ST AUC. In the table every model’s TSTR is above its TRTR, yet the verdict finds each pair real digits separate separated the same way. Switch to independent pixels (the counter-example) and it is not.',
    },
    needs: [],
    verdict: (results) => digitsOrderKept(results, lowFidelityPremise(results, 0.8)),
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
    scenario: { ...DIGITS_BASE, generator: 'smote', flipSymmetric: 0.3 },
    view: 'ranking',
    card: {
      statement:
        'Poorly generated responses keep the ranking of models separated by a generalization gap. The synthetic digits are same-class interpolations of real ones, as hard to tell from real digits as real digits are (C2ST AUC ≈ 0.5), but 30% of their labels are replaced by another digit at random. Symmetric noise keeps the most likely label of every image, so the Bayes classifier is unchanged; the models lose accuracy, but the CNN’s lead is wider than what the noise costs any of them.',
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
    title: 'Digits, counter-example 3: flips reorder near models',
    claim: 3,
    kind: 'counter',
    scenario: {
      ...DIGITS_BASE,
      models: 'knn:k=1;knn:k=15',
      replicates: 5,
      generator: 'smote',
      flipAsymmetric: 0.4,
    },
    view: 'ranking',
    card: {
      statement:
        'A gap protects a ranking only when it is wider than what the poor responses cost each model. With 40% of the 2s labelled 7, 3s labelled 8, 5s and 6s swapped and 7s labelled 1, 1-NN copies the label of its one nearest digit, flipped or not, while 15-NN outvotes the flips (they stay below ½). On real digits 1-NN is the better of the two by about 0.03; on flipped ones it is the worse by more.',
      formula:
        '\\begin{gathered}\\Delta_{jk} = \\bigl|R(f^*_j) - R(f^*_k)\\bigr| \\;<\\; \\bigl|e_j - e_k\\bigr|, \\quad e_i = R(\\bar f_i) - R(f^*_i) \\\\ \\Longrightarrow\\; \\text{TSTR may order } j, k \\text{ against TRTR}\\end{gathered}',
      lookAt: `In the table both TSTRs are above their TRTRs, 1-NN’s far more; the verdict names the reversed pair. Symmetric label noise of ${percent(0.3)} reverses this pair too: what protects a ranking is a gap wider than the response error, not the kind of noise. Set the flips to 0 and the order comes back.`,
    },
    needs: [],
    verdict: (results) => digitsOrderReversed(results, null),
  },
];
