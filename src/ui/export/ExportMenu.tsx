/**
 * "Export ▾" in the header: results (per replicate) and summary as CSV or JSON, the sweep's points, the scenario
 * file (save, load, or drop a .json anywhere on the page) and the share link as a QR code. Files are built on
 * demand (files.ts, with papaparse, loads on first use) and saved through blob URLs: nothing leaves the page.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { addNotices, loadScenario, setPage } from '../../store/actions';
import { usePlayground } from '../../store/playground';
import { APP_VERSION } from '../../store/exposeGlobal';
import { downloadText } from './download';
import { fileName, shareUrl } from './names';
import { printable } from '../../scenario/printable';
import { MAX_SCENARIO_FILE_BYTES, parseScenarioFile } from './scenarioFile';
import './export.css';

const QrDialog = lazy(() => import('./QrDialog'));

/** The panel's width in px (export.css): it opens to the left of the button unless there is no room. */
const PANEL_WIDTH = 248;

type Action =
  | 'results-csv'
  | 'results-json'
  | 'summary-csv'
  | 'summary-json'
  | 'sweep-csv'
  | 'sweep-json'
  | 'save-scenario';

function here() {
  return { origin: location.origin, pathname: location.pathname };
}

/** Builds and saves one export from the page's current state. */
async function runExport(action: Action): Promise<void> {
  const state = usePlayground.getState();
  const files = await import('./files');
  const { results, sweep, page } = state;
  const meta = (scenario = state.scenario, withPage = page) => ({
    appVersion: APP_VERSION,
    link: shareUrl(here(), scenario, withPage),
  });
  const csv = 'text/csv';
  const json = 'application/json';
  switch (action) {
    case 'results-csv':
    case 'results-json':
    case 'summary-csv':
    case 'summary-json': {
      if (!results) {
        addNotices(['There are no results to export yet.']);
        return;
      }
      const [what, ext] = action.split('-') as ['results' | 'summary', 'csv' | 'json'];
      const name = fileName(what, results.scenario, ext);
      if (ext === 'csv')
        downloadText(what === 'results' ? files.resultsCsv(results) : files.summaryCsv(results), name, csv);
      else downloadText(files.resultsJson(results, meta(results.scenario), what === 'results'), name, json);
      return;
    }
    case 'sweep-csv':
    case 'sweep-json': {
      if (!sweep.base || sweep.points.length === 0) {
        addNotices(['There is no sweep to export yet: run one in the Sweep view.']);
        return;
      }
      const data = { ...sweep, base: sweep.base };
      const ext = action === 'sweep-csv' ? 'csv' : 'json';
      const name = fileName('sweep', sweep.base, ext);
      if (ext === 'csv') downloadText(files.sweepCsv(data), name, csv);
      else
        downloadText(
          files.sweepJson(data, meta(sweep.base, { ...page, view: 'sweep', sweep: sweep.setting })),
          name,
          json,
        );
      return;
    }
    case 'save-scenario':
      downloadText(files.scenarioFileJson(state.scenario, page, meta()), 'scenario.json', json);
      return;
  }
}

/** Reads a scenario file and, when it is valid, loads it; every problem becomes a notice. */
async function loadScenarioFile(file: File): Promise<boolean> {
  const name = printable(file.name || 'The file');
  if (file.size > MAX_SCENARIO_FILE_BYTES) {
    addNotices([
      `${name} is too big for a scenario file (${Math.ceil(file.size / 1024)} kB, at most 256 kB); nothing was changed.`,
    ]);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    addNotices([`${name} could not be read; nothing was changed.`]);
    return false;
  }
  const parsed = parseScenarioFile(text, name);
  if (!parsed.ok) {
    addNotices([parsed.notice]);
    return false;
  }
  if (parsed.page) setPage(parsed.page);
  loadScenario(parsed.scenario, parsed.notices);
  return true;
}

/** Files dragged over the window: shows the overlay; a drop loads the first file. */
function useFileDrop(onFile: (file: File, count: number) => void): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0;
    const withFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    const enter = (event: DragEvent) => {
      if (!withFiles(event)) return;
      event.preventDefault();
      depth++;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!withFiles(event)) return;
      event.preventDefault(); // allows the drop (and keeps the browser from opening the file)
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!withFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      if (!withFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setActive(false);
      const files = event.dataTransfer?.files;
      const file = files?.[0];
      if (file) onFile(file, files.length);
    };
    const reset = () => {
      depth = 0;
      setActive(false);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragend', reset);
    };
  }, [onFile]);
  return active;
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [align, setAlign] = useState<'left' | 'right'>('right');
  const [qr, setQr] = useState<{ link: string; name: string } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const hasResults = usePlayground((s) => s.results !== null);
  const hasSweep = usePlayground((s) => s.sweep.base !== null && s.sweep.points.length > 0);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback((file: File, count = 1) => {
    if (count > 1) addNotices(['Only the first of the dropped files was loaded.']);
    void loadScenarioFile(file).then((ok) => {
      if (!ok) return;
      setLoaded(true);
      setTimeout(() => setLoaded(false), 2500);
    });
  }, []);
  const dragging = useFileDrop(load);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const openPanel = () => {
    const rect = toggle.current?.getBoundingClientRect();
    setAlign(rect && rect.right < PANEL_WIDTH + 8 ? 'left' : 'right');
    setOpen((now) => !now);
  };

  const act = (action: Action) => {
    setOpen(false);
    void runExport(action).catch((error: unknown) =>
      addNotices([`The export failed: ${error instanceof Error ? error.message : String(error)}.`]),
    );
  };

  const showQr = () => {
    setOpen(false);
    const { scenario, page } = usePlayground.getState();
    setQr({ link: shareUrl(here(), scenario, page), name: fileName('qr', scenario, 'svg') });
  };

  const item = (action: Action, label: string, enabled: boolean, hint?: string) => (
    <button
      type="button"
      data-testid={action === 'save-scenario' ? action : `export-${action}`}
      disabled={!enabled}
      title={enabled ? undefined : hint}
      onClick={() => act(action)}
    >
      {label}
    </button>
  );

  return (
    <div
      className="export-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={toggle}
        className="export-toggle"
        aria-expanded={open}
        aria-controls="export-panel"
        data-testid="export-menu"
        onClick={openPanel}
      >
        {loaded ? 'Loaded ✓' : 'Export ▾'}
      </button>
      <span className="visually-hidden" role="status">
        {loaded ? 'Scenario loaded' : ''}
      </span>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="load-scenario"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // the same file again must load again
          if (file) load(file);
        }}
      />
      {open && (
        <div id="export-panel" className={`export-panel align-${align}`} role="group" aria-label="Export">
          <div className="export-row">
            <span>Results</span>
            {item('results-csv', 'CSV', hasResults, 'No results yet')}
            {item('results-json', 'JSON', hasResults, 'No results yet')}
          </div>
          <div className="export-row">
            <span>Summary</span>
            {item('summary-csv', 'CSV', hasResults, 'No results yet')}
            {item('summary-json', 'JSON', hasResults, 'No results yet')}
          </div>
          <div className="export-row">
            <span>Sweep</span>
            {item('sweep-csv', 'CSV', hasSweep, 'Run a sweep first')}
            {item('sweep-json', 'JSON', hasSweep, 'Run a sweep first')}
          </div>
          <hr />
          {item('save-scenario', 'Save scenario', true)}
          <button
            type="button"
            data-testid="load-scenario-button"
            onClick={() => {
              setOpen(false);
              input.current?.click();
            }}
          >
            Load scenario…
          </button>
          <button type="button" data-testid="show-qr" onClick={showQr}>
            QR code
          </button>
          <p className="export-hint">Or drop a scenario file (.json) anywhere on the page.</p>
        </div>
      )}
      {qr && (
        <Suspense fallback={null}>
          <QrDialog
            link={qr.link}
            fileName={qr.name}
            onClose={() => {
              setQr(null);
              toggle.current?.focus();
            }}
          />
        </Suspense>
      )}
      {dragging &&
        createPortal(
          <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
            <div>Drop a scenario file (.json) to load it</div>
          </div>,
          document.body,
        )}
    </div>
  );
}
