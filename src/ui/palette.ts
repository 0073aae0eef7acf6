/**
 * Colours, colour-blind safe and used for the same thing in every chart: Okabe-Ito blue / orange for real /
 * synthetic, Paul Tol's "muted" scheme for the models (by position in the model list, up to 8 models).
 */
export const COLORS = {
  real: '#0072B2',
  synthetic: '#E69F00',
  eta: 'var(--fg)',
} as const;

export const MODEL_PALETTE = [
  '#117733',
  '#CC6677',
  '#332288',
  '#999933',
  '#882255',
  '#44AA99',
  '#AA4499',
  '#DDCC77',
] as const;

/** The colour of the model at `index` in the scenario's model list. */
export function modelColorAt(index: number): string {
  return MODEL_PALETTE[((index % MODEL_PALETTE.length) + MODEL_PALETTE.length) % MODEL_PALETTE.length]!;
}
