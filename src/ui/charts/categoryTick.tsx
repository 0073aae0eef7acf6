/**
 * Bar charts' shared parts: a category's name under its bars (level, or slanted and shortened when it does not
 * fit), and a mean's 95% whisker lengths for recharts' ErrorBar.
 */
import type { MeanInterval } from '../../engine/metrics/intervals';
import { fitText } from './text';

/** Recharts' tick props, and whether the name is drawn slanted. */
export interface CategoryTickProps {
  readonly slanted: boolean;
  readonly x?: number;
  readonly y?: number;
  readonly payload?: { value?: unknown };
}

/** A category's name: level, or slanted by 35° and shortened to 92 px with the whole name as its title. */
export function CategoryTick({ slanted, x = 0, y = 0, payload }: CategoryTickProps) {
  const label = String(payload?.value ?? '');
  if (!slanted) {
    return (
      <text x={x} y={y + 12} textAnchor="middle" fontSize={12} fill="var(--muted)">
        {label}
      </text>
    );
  }
  return (
    <g>
      <title>{label}</title>
      <text
        x={x}
        y={y + 8}
        textAnchor="end"
        fontSize={11}
        fill="var(--muted)"
        transform={`rotate(-35 ${x} ${y + 8})`}
      >
        {fitText(label, 92, 11)}
      </text>
    </g>
  );
}

/** [below, above] the mean to the interval's ends; [0, 0] without an interval. */
export function whiskers(e: MeanInterval | null): [number, number] {
  return e?.hasInterval ? [e.mean - e.lo, e.hi - e.mean] : [0, 0];
}
