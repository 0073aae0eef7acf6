/**
 * The mark of a model's R(f̄) − R(f*): a diamond where it is the learner's large-sample limit (fixed-dimension
 * fits), a square where it is only the learner's output at the reference size N (kNN with fixed k, kernel ridge
 * with fixed α, MLPs), so the chart never calls the latter a limit.
 */
import { Diamond } from '../../charts/marks';
import { formatInterval, formatNumber } from '../../format';
import type { ReferenceParts } from './decomposition';

export function ReferenceMark({
  x,
  y,
  r,
  isLimit,
  fill,
}: {
  x: number;
  y: number;
  r: number;
  isLimit: boolean;
  fill: string;
}) {
  return isLimit ? (
    <Diamond x={x} y={y} r={r} fill={fill} stroke="var(--fg)" />
  ) : (
    <rect
      x={x - r * 0.8}
      y={y - r * 0.8}
      width={r * 1.6}
      height={r * 1.6}
      fill={fill}
      stroke="var(--fg)"
      data-mark="reference-at-n"
    />
  );
}

/** How a reference was obtained, in words: "exact" or "mean of 5 fits at N = 10,000". */
export function referenceSource(parts: ReferenceParts): string {
  if (parts.exact) return 'exact (closed form)';
  const size = parts.size === null ? '' : ` at N = ${parts.size.toLocaleString('en-US')}`;
  return `mean of ${parts.fits} Monte Carlo fits${size}`;
}

/** "0.12 (95% 0.10 to 0.14)", or "0.12, exact". */
export function withInterval(value: number, interval: { lo: number; hi: number } | null, exact: boolean) {
  if (exact) return `${formatNumber(value)}, exact`;
  return interval
    ? `${formatNumber(value)} (95% ${formatInterval(interval.lo, interval.hi)})`
    : formatNumber(value);
}
