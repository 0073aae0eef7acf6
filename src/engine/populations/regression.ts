/**
 * Regression functions eta(x) = E[Y | X = x] of the real population (one feature for now):
 * linear 0.5 + x, quadratic 0.5 + x + 0.5 x^2, sine sin(2x).
 */
export const ETA_KINDS = ['linear', 'quadratic', 'sine'] as const;
export type EtaKind = (typeof ETA_KINDS)[number];

export const ETA_FORMULAS: Record<EtaKind, string> = {
  linear: 'η(x) = 0.5 + x',
  quadratic: 'η(x) = 0.5 + x + 0.5x²',
  sine: 'η(x) = sin(2x)',
};

export function etaAt(kind: EtaKind, x: number): number {
  switch (kind) {
    case 'linear':
      return 0.5 + x;
    case 'quadratic':
      return 0.5 + x + 0.5 * x * x;
    case 'sine':
      return Math.sin(2 * x);
  }
}

/** eta at every point of a one-feature sample. */
export function etaOf(kind: EtaKind, x: Float64Array): Float64Array {
  return x.map((v) => etaAt(kind, v));
}
