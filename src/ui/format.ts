/** Number formatting for the UI: 3 significant digits, exponent form outside [0.001, 10000). */
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

/** Evenly spaced "round" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw * 0.999)!;
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** A slider's value with as many decimals as its step, or in full when it has more (e.g. from a link). */
export function formatParam(value: number, step: number, integer: boolean): string {
  if (integer) return value.toLocaleString('en-US');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const fixed = value.toFixed(decimals);
  return Number(fixed) === value ? fixed : String(value);
}

/** Axis tick labels: like formatNumber, without trailing zeros (4, 2.5, 0.25). */
export function formatTick(value: number): string {
  const text = formatNumber(value);
  return text.includes('e') || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}
