/**
 * How the playground writes a number for people, in notices, verdicts and views alike: 3 significant digits,
 * exponent form outside [0.001, 10000), a dash for a missing or non-finite value.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10_000 || abs < 0.001) return value.toExponential(2);
  return value.toPrecision(3);
}

/** "lo – hi" for a 95% interval. */
export function formatInterval(lo: number, hi: number): string {
  return `${formatNumber(lo)} – ${formatNumber(hi)}`;
}
