/**
 * Parameters of the studies beyond the paper (issue 14, docs/theory.md §9): which study, and each one's knob. The
 * mixing study's λ is m/n (the synthetic size m against the real size n), so it has no knob of its own.
 */
import { STUDY_KINDS } from '../../engine/studies/types';
import { type ParamsOf, number } from '../types';

export const STUDY_PARAMS: ParamsOf<'study' | 'generations' | 'fresh' | 'members' | 'holdout'> = {
  study: {
    kind: 'enum',
    url: 'study',
    label: 'Study',
    help: 'Beyond TRTR vs TSTR: a self-consuming generator loop, real data pooled with synthetic (λ = m/n), an ensemble of K synthetic datasets, or choosing a hyperparameter (the models are the candidates) on synthetic validation.',
    group: 'study',
    options: STUDY_KINDS,
    optionLabels: {
      none: 'none (TRTR vs TSTR)',
      collapse: 'self-consuming loop (model collapse)',
      mix: 'real + synthetic training data',
      ensemble: 'ensemble of synthetic datasets',
      select: 'hyperparameter choice on synthetic data',
    },
    default: 'none',
  },
  generations: number({
    url: 'gens',
    label: 'Generations g',
    help: 'How many times the generator is refitted on its own draws before the synthetic sample is drawn (0 = fitted on real data only).',
    group: 'study',
    min: 0,
    max: 30,
    step: 1,
    integer: true,
    default: 5,
    relevant: (s) => s.study === 'collapse',
  }),
  fresh: number({
    url: 'fresh',
    label: 'Fresh real share',
    help: 'Share of each generation’s m training points that are fresh real points (0 = a fully synthetic loop).',
    group: 'study',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0,
    relevant: (s) => s.study === 'collapse',
  }),
  members: number({
    url: 'members',
    label: 'Ensemble size K',
    help: 'Synthetic datasets, each from its own generator seed; the K synthetic-trained models’ predictions are averaged.',
    group: 'study',
    min: 1,
    max: 10,
    step: 1,
    integer: true,
    default: 5,
    relevant: (s) => s.study === 'ensemble',
  }),
  holdout: number({
    url: 'holdout',
    label: 'Validation share',
    help: 'Share of the real (and of the synthetic) sample held out to validate each candidate model; the rest trains it.',
    group: 'study',
    min: 0.1,
    max: 0.5,
    step: 0.05,
    default: 0.3,
    relevant: (s) => s.study === 'select',
  }),
};
