/**
 * A chart with its title and its export actions. Every chart on the page sits in one, so exports find the
 * chart's <svg> (recharts) or <canvas> (dense pictures) under `[data-chart=<id>]`. PNG and SVG save the picture
 * as a standalone file named `<id>-<scenario hash>` (chartImage.ts); nothing leaves the page.
 */
import { useRef, useState, type ReactNode } from 'react';
import { usePlayground } from '../../store/playground';
import { downloadBlob, downloadText } from './download';
import { fileName } from './names';
import './export.css';

interface Props {
  /** Stable name, used in file names of exports, e.g. "risks" -> risks-<hash>.png. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
  /** Extra controls beside the title (a feature-pair picker, a toggle). */
  readonly actions?: ReactNode;
}

type Format = 'png' | 'svg';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ChartFrame({ id, title, children, actions }: Props) {
  const figure = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const exportable = usePlayground((s) => !s.page.embed && !s.page.hide.includes('export'));

  const save = async (format: Format): Promise<void> => {
    const element = figure.current;
    if (!element || busy) return;
    const { results, scenario, addNotices } = usePlayground.getState();
    setBusy(true);
    try {
      // The picture module (and its DOM work) loads on first use.
      const { chartSvg, svgToPng } = await import('./chartImage');
      const svg = chartSvg(element, title);
      if (!svg) {
        addNotices([`"${title}" has no picture to export yet; try again when it is drawn.`]);
        return;
      }
      const name = fileName(id, results?.scenario ?? scenario, format);
      if (format === 'svg') downloadText(svg.text, name, 'image/svg+xml');
      else downloadBlob(await svgToPng(svg), name);
    } catch (error) {
      addNotices([`"${title}" could not be exported as ${format.toUpperCase()}: ${reason(error)}.`]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <figure className="chart-frame" data-chart={id} ref={figure}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-actions">
          {actions}
          {exportable && (
            <span className="chart-exports">
              {(['png', 'svg'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="chart-export"
                  aria-label={`Export ${title} as ${format.toUpperCase()}`}
                  title={`Save this chart as ${format.toUpperCase()}`}
                  data-testid={`export-${format}`}
                  disabled={busy}
                  onClick={() => void save(format)}
                >
                  {format.toUpperCase()}
                </button>
              ))}
            </span>
          )}
        </span>
      </figcaption>
      <div className="chart-body">{children}</div>
    </figure>
  );
}
