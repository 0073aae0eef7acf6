/** Number formatting for the UI: numbers as the whole playground writes them, plus ticks and slider values. */
import { formatNumber } from '../scenario/formatNumber';

export { formatInterval, formatNumber } from '../scenario/formatNumber';

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

/** What a model without numbers shows: still fitting (replicate 1 streams fast models first) or a failed fit. */
export function missingText(model: { readonly pending?: boolean }): string {
  return model.pending ? 'fitting…' : 'could not fit';
}
