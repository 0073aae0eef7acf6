/**
 * A chart's PNG and SVG buttons (hidden in embeds and where the link hides exports). They save the picture under
 * `chart` (its <svg> from recharts or a hand-drawn chart, or its <canvas>) as a standalone file named
 * `<id>-<scenario hash>` (chartImage.ts); nothing leaves the page. The chart kit's ChartFrame places them.
 */
import { useState, type RefObject } from 'react';
import { addNotices } from '../../store/actions';
import { usePlayground } from '../../store/playground';
import { downloadBlob, downloadText } from './download';
import { fileName } from './names';
import './export.css';

interface Props {
  /** The element that holds the chart (its title and picture). */
  readonly chart: RefObject<HTMLElement | null>;
  /** Stable name, used in file names of exports, e.g. "risks" -> risks-<hash>.png. */
  readonly id: string;
  readonly title: string;
}

type Format = 'png' | 'svg';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ExportButtons({ chart, id, title }: Props) {
  const [busy, setBusy] = useState(false);
  const exportable = usePlayground((s) => !s.page.embed && !s.page.hide.includes('export'));

  const save = async (format: Format): Promise<void> => {
    const element = chart.current;
    if (!element || busy) return;
    const { results, scenario } = usePlayground.getState();
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

  if (!exportable) return null;
  return (
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
  );
}
