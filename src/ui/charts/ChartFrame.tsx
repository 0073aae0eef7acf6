/**
 * A chart with its title, its controls and its export buttons. Every chart on the page sits in one, so exports
 * find the chart's <svg> (recharts or hand-drawn) or <canvas> (dense pictures) under `[data-chart=<id>]`, and
 * e2e tests find a chart by the same attribute. What an export does lives in export/ExportButtons.
 */
import { useRef, type ReactNode } from 'react';
import { ExportButtons } from '../export/ExportButtons';

interface Props {
  /** Stable name, used in file names of exports, e.g. "risks" -> risks-<hash>.png. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
  /** Extra controls beside the title (a feature-pair picker, a toggle). */
  readonly actions?: ReactNode;
}

export function ChartFrame({ id, title, children, actions }: Props) {
  const figure = useRef<HTMLElement>(null);
  return (
    <figure className="chart-frame" data-chart={id} ref={figure}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-actions">
          {actions}
          <ExportButtons chart={figure} id={id} title={title} />
        </span>
      </figcaption>
      <div className="chart-body">{children}</div>
    </figure>
  );
}
