/**
 * A chart with its title and its export actions. Every chart on the page sits in one, so exports find the
 * chart's <svg> (recharts) or <canvas> (dense pictures) under `[data-chart=<id>]`.
 */
import type { ReactNode } from 'react';

interface Props {
  /** Stable name, used in file names of exports, e.g. "risks" -> risks.png. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
  /** Extra controls beside the title (a feature-pair picker, a toggle). */
  readonly actions?: ReactNode;
}

export function ChartFrame({ id, title, children, actions }: Props) {
  return (
    <figure className="chart-frame" data-chart={id}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-actions">{actions}</span>
      </figcaption>
      <div className="chart-body">{children}</div>
    </figure>
  );
}
