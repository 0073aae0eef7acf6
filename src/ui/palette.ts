/** Okabe-Ito colours (colour-blind safe), used for the same thing in every chart. */
export const COLORS = {
  real: '#0072B2',
  synthetic: '#E69F00',
  eta: 'var(--fg)',
} as const;

const MODEL_COLORS: Record<string, string> = { ols: '#009E73', poly: '#CC79A7', knn: '#D55E00' };

export function modelColor(id: string): string {
  return MODEL_COLORS[id.split(':')[0] ?? ''] ?? '#56B4E9';
}
