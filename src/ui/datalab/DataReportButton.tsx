/** "Report": the one-page printable HTML report of the evaluation, downloaded (made in the page). */
import { useDataLab } from '../../store/dataLab';
import { usePlayground } from '../../store/playground';
import { downloadText } from '../export/download';
import { reportHtml } from './report';

export function DataReportButton() {
  return (
    <button
      type="button"
      onClick={() => {
        const { evaluation, files } = useDataLab.getState();
        if (!evaluation) return;
        const now = new Date();
        const html = reportHtml(evaluation.reports, files, usePlayground.getState().scenario, now);
        downloadText(html, `synthetic-utility-report-${now.toISOString().slice(0, 10)}.html`, 'text/html');
      }}
    >
      Report
    </button>
  );
}
