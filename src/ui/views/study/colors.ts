/**
 * The studies' series colours: real (blue) and synthetic (orange) as everywhere on the page, and Okabe-Ito's
 * other colour-blind safe hues for what the studies add (TMTR, one member's TSTR, the tail width, validation).
 */
import { COLORS } from '../../palette';

export const STUDY_COLORS = {
  trtr: COLORS.real,
  tstr: COLORS.synthetic,
  /** Trained on real + synthetic. */
  tmtr: '#009E73',
  /** One ensemble member's TSTR. */
  member: '#CC79A7',
  spread: COLORS.synthetic,
  tail: '#CC79A7',
  valReal: '#56B4E9',
  valSynthetic: '#D55E00',
} as const;
