/**
 * The fidelity view's words and numbers (pure, tested): what each fidelity measure says, in one line, and a short
 * lesson computed from the numbers that sets fidelity (can the synthetic records be told apart from real ones?)
 * beside utility (does the model's risk on real data move?). Fidelity is neither necessary nor sufficient for
 * utility: a lesson names which of the two shows in the scenario on screen.
 */
import type { FidelityReport, ModelSummary } from '../../../engine/results';
import { formatNumber } from '../../format';

export type MeasureKey = keyof FidelityReport;

export interface Measure {
  readonly key: MeasureKey;
  readonly name: string;
  /** The value that means "the same": the ideal. */
  readonly same: string;
  readonly help: string;
  /** Why the value can be missing. */
  readonly missing: string;
}

export const MEASURES: readonly Measure[] = [
  {
    key: 'c2stAuc',
    name: 'C2ST AUC',
    same: '0.5',
    help: 'A classifier tries to tell real records from synthetic ones on held-out points: 0.5 = indistinguishable, 1 = always told apart.',
    missing: 'the classifier could not be fitted',
  },
  {
    key: 'frechetPca',
    name: 'Fréchet distance (PCA space)',
    same: '0',
    help: 'Digits: the Fréchet distance between Gaussians fitted to the real and synthetic digits’ scores on the real digits’ first principal components, an FID computed without an Inception network; the C2ST above is on the same scores.',
    missing: 'digits only',
  },
  {
    key: 'mmd2',
    name: 'MMD² (RBF kernel)',
    same: '0',
    help: 'Maximum mean discrepancy: how far apart the two samples are on average under a Gaussian kernel; sees any kind of difference.',
    missing: 'not computed for digits (see the Fréchet distance)',
  },
  {
    key: 'slicedW1',
    name: 'Sliced Wasserstein W₁',
    same: '0',
    help: 'How far points must move to turn one sample into the other, averaged over random 1-D projections (in real standard deviations).',
    missing: 'not computed for digits (see the Fréchet distance)',
  },
  {
    key: 'gaussianW2',
    name: 'Gaussian W₂',
    same: '0',
    help: 'The same idea between Gaussians fitted to each sample: sees only the means and covariances.',
    missing: 'a Gaussian fit failed',
  },
  {
    key: 'gaussianKL',
    name: 'Gaussian KL',
    same: '0',
    help: 'Kullback–Leibler divergence KL(real ‖ synthetic) between the Gaussian fits: the information lost using one for the other.',
    missing: 'a Gaussian fit is singular (e.g. noise-free responses)',
  },
  {
    key: 'responseError',
    name: 'Response error ‖η̃ − η‖',
    same: '0',
    help: 'How wrong the synthetic responses are: root mean square of E~[Y | x] − E[Y | x] over real features. With a correctly specified model it is this, not the feature fit, that keeps U from vanishing.',
    missing: 'oracle mode only (a fitted generator has no closed-form η̃)',
  },
];

/** The measures a lab computes: digits get the C2ST and the Fréchet distance on PCA scores, other labs the rest. */
export function measuresFor(digits: boolean): readonly Measure[] {
  const imageMeasures: readonly MeasureKey[] = ['c2stAuc', 'frechetPca'];
  return MEASURES.filter((m) => (digits ? imageMeasures.includes(m.key) : m.key !== 'frechetPca'));
}

/** A finite value of the report, or null. */
export function measureValue(fidelity: FidelityReport, key: MeasureKey): number | null {
  const v = fidelity[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export interface RelativeUtility {
  readonly id: string;
  readonly label: string;
  readonly index: number;
  /** U / mean TRTR: how much the risk on real data moves, as a share of the real-trained risk. */
  readonly relative: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

/** U relative to mean TRTR per fitted model with a positive TRTR (null-safe, no NaN). */
export function relativeUtilities(models: readonly ModelSummary[]): RelativeUtility[] {
  return models.flatMap((m, index) => {
    const trtr = m.trtr?.mean;
    const u = m.utility;
    if (!u || trtr === undefined || !(trtr > 0) || !Number.isFinite(u.value)) return [];
    const scale = (v: number | null) => (v !== null && Number.isFinite(v) ? v / trtr : null);
    return [{ id: m.id, label: m.label, index, relative: u.value / trtr, lo: scale(u.lo), hi: scale(u.hi) }];
  });
}

export type Distinguishability = 'hard' | 'moderate' | 'easy';

/** AUC below 0.6: hard to tell apart; 0.75 and above: easily told apart. */
export function distinguishability(auc: number): Distinguishability {
  return auc >= 0.75 ? 'easy' : auc >= 0.6 ? 'moderate' : 'hard';
}

/** Utility is "kept" below a 10% change in risk and "lost" from 25%. */
export const KEPT = 0.1;
export const LOST = 0.25;

export const percent = (v: number): string =>
  v < 0.01 && v > 0 ? '<1%' : `${Math.round(v * 100).toLocaleString('en-US')}%`;

export interface Lesson {
  /** Which way fidelity and utility relate here. */
  readonly kind:
    | 'not-necessary'
    | 'not-sufficient'
    | 'depends-on-model'
    | 'both-low'
    | 'both-high'
    | 'in-between'
    | 'unknown';
  readonly text: string;
}

/**
 * The lesson of the numbers on screen. `auc`: the C2ST AUC (null if unknown); `tau`: mean Kendall τ_b over
 * replicates (null with fewer than 2 models or undefined).
 */
export function fidelityLesson(
  auc: number | null,
  utilities: readonly RelativeUtility[],
  tau: number | null,
): Lesson {
  if (auc === null || utilities.length === 0) {
    return {
      kind: 'unknown',
      text:
        auc === null
          ? 'The classifier test could not be run, so there is no fidelity verdict for this sample.'
          : 'No model was fitted, so there is no utility to compare with.',
    };
  }
  const sorted = [...utilities].sort((a, b) => a.relative - b.relative);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const level = distinguishability(auc);
  const aucText = `C2ST AUC ${formatNumber(auc)}`;
  const records =
    level === 'easy'
      ? `The synthetic records are easily told apart from real ones (${aucText})`
      : level === 'hard'
        ? `The synthetic records are hard to tell apart from real ones (${aucText})`
        : `The synthetic records can be told apart from real ones to a degree (${aucText})`;
  const ranking =
    tau === null
      ? ''
      : tau >= 0.8
        ? ` The models are still ranked as on real data (Kendall τ ${formatNumber(tau)}).`
        : tau <= 0.3
          ? ` The ranking of the models is not kept (Kendall τ ${formatNumber(tau)}).`
          : ` The ranking of the models is partly kept (Kendall τ ${formatNumber(tau)}).`;
  const one = utilities.length === 1;
  const change = (u: RelativeUtility) => `${u.label}'s risk on real data moves by ${percent(u.relative)}`;
  let kind: Lesson['kind'];
  let body: string;
  if (level === 'easy' && worst.relative < KEPT) {
    kind = 'not-necessary';
    body = `, yet training on them moves the risk on real data by at most ${percent(worst.relative)}${one ? '' : ` (${worst.label})`}: low fidelity, high utility. Fidelity is not necessary for utility.`;
  } else if (level === 'hard' && worst.relative >= LOST) {
    kind = 'not-sufficient';
    body = `, yet ${change(worst)} when it is trained on them: high fidelity, low utility. Fidelity is not sufficient for utility.`;
  } else if (level !== 'hard' && best.relative < KEPT && worst.relative >= LOST) {
    kind = 'depends-on-model';
    body = `; what that costs depends on the model: ${best.label} moves by ${percent(best.relative)}, ${worst.label} by ${percent(worst.relative)}. Fidelity describes the data; utility the data and the model.`;
  } else if (level === 'easy' && best.relative >= LOST) {
    kind = 'both-low';
    body = `, and ${one ? `${best.label}'s` : "every model's"} risk on real data moves by ${percent(best.relative)}${one ? '' : ' or more'}: here low fidelity and low utility go together, but the claim presets show they need not.`;
  } else if (level === 'hard' && worst.relative < KEPT) {
    kind = 'both-high';
    body = `, and ${one ? `${worst.label}'s` : "every model's"} risk on real data stays within ${percent(worst.relative)}: fidelity and utility agree here.`;
  } else {
    kind = 'in-between';
    body = one
      ? `; ${change(worst)}.`
      : `; the risk on real data moves by ${percent(best.relative)} (${best.label}) to ${percent(worst.relative)} (${worst.label}).`;
  }
  return { kind, text: `${records}${body}${ranking}` };
}
