/**
 * Parameters of the digits lab (issue 11): the generators' own settings (PCA dimensions, deformation, the VAE)
 * and what is done to the generated digits (label flips, dropped classes, imbalance, blur, pixel noise). The
 * generator itself is the shared `gen` parameter (its digit options), as are `gen_k` (pca-gmm) and `gen_nn` (smote).
 */
import { number, type ParamsOf, type Scenario } from '../types';

const digits = (s: Scenario): boolean => s.lab === 'mnist';

export const DIGITS_PARAMS: ParamsOf<
  | 'pcaComponents'
  | 'deformAmount'
  | 'vaeLatent'
  | 'vaeEpochs'
  | 'flipSymmetric'
  | 'flipAsymmetric'
  | 'dropClasses'
  | 'imbalance'
  | 'blur'
  | 'pixelNoise'
> = {
  pcaComponents: number({
    url: 'pca',
    label: 'PCA dimensions k',
    help: 'The generator models each class in the first k principal components of the real digits, and decodes back to pixels: small k = blurry averages, large k = sharper but noisier digits.',
    group: 'synthetic',
    min: 1,
    max: 100,
    step: 1,
    integer: true,
    default: 30,
    relevant: (s) => digits(s) && (s.generator === 'pca-gaussian' || s.generator === 'pca-gmm'),
  }),
  deformAmount: number({
    url: 'deform',
    label: 'Deformation (pixels)',
    help: 'Elastic deformation of real digits (Simard et al. 2003): about how far pixels move; 0 = random shifts only.',
    group: 'synthetic',
    min: 0,
    max: 8,
    step: 0.5,
    default: 2,
    relevant: (s) => digits(s) && s.generator === 'deform',
  }),
  vaeLatent: number({
    url: 'latent',
    label: 'VAE latent dimensions',
    help: 'Size of the conditional VAE’s code: small = smooth, average-looking digits; larger = more varied.',
    group: 'synthetic',
    min: 2,
    max: 64,
    step: 1,
    integer: true,
    default: 16,
    relevant: (s) => digits(s) && s.generator === 'vae',
  }),
  vaeEpochs: number({
    url: 'vae_epochs',
    label: 'VAE training epochs',
    help: 'Passes over the real digits while the VAE trains (its loss curve shows in the Training view).',
    group: 'synthetic',
    min: 1,
    max: 200,
    step: 1,
    integer: true,
    default: 20,
    relevant: (s) => digits(s) && s.generator === 'vae',
  }),
  flipSymmetric: number({
    url: 'flip',
    label: 'Symmetric label noise',
    help: 'Each synthetic label is replaced, with this probability, by one of the nine other digits at random.',
    group: 'synthetic',
    min: 0,
    max: 0.9,
    step: 0.05,
    default: 0,
    relevant: digits,
  }),
  flipAsymmetric: number({
    url: 'aflip',
    label: 'Asymmetric label flips',
    help: 'Look-alike digits mislabelled with this probability: 2 → 7, 3 → 8, 5 ↔ 6, 7 → 1 (Patrini et al. 2017).',
    group: 'synthetic',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0,
    relevant: digits,
  }),
  dropClasses: {
    kind: 'text',
    url: 'drop',
    label: 'Dropped digits (mode collapse)',
    help: 'Digits the generator never draws, comma-separated, e.g. 3,8.',
    group: 'synthetic',
    maxLength: 40,
    default: '',
    relevant: digits,
  },
  imbalance: number({
    url: 'imbalance',
    label: 'Class imbalance',
    help: 'Digit c keeps imbalance^(c/9) of its real share: 1 = as in the real digits, 0.1 = nines ten times rarer than zeros.',
    group: 'synthetic',
    min: 0.05,
    max: 1,
    step: 0.05,
    default: 1,
    relevant: digits,
  }),
  blur: number({
    url: 'blur',
    label: 'Blur (pixels)',
    help: 'Gaussian blur of the synthetic digits, its standard deviation in pixels.',
    group: 'synthetic',
    min: 0,
    max: 3,
    step: 0.25,
    default: 0,
    relevant: digits,
  }),
  pixelNoise: number({
    url: 'pixnoise',
    label: 'Pixel noise',
    help: 'Standard deviation of Gaussian noise added to every synthetic pixel (intensities 0–1, clipped).',
    group: 'synthetic',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0,
    relevant: digits,
  }),
};
