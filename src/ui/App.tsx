/**
 * The page: a header (preset picker, playback, share and export, backend, theme), notices, the preset's theory
 * card, the view tabs with the open view, a live summary line, and the controls (a side panel on wide screens,
 * a drawer on phones). Lecture mode (present=1) enlarges everything and hides advanced controls; embed=1 drops
 * the chrome for iframes. On a first visit to the empty link, a three-step guide sits above the view.
 */
import { hasNumbers } from '../engine/results';
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { shownView, type View } from '../scenario/page';
import { usePlayground } from '../store/playground';
import { About } from './About';
import { BackendBadge } from './BackendBadge';
import { CostGate } from './CostGate';
import { Controls } from './Controls';
import { CopyLink } from './CopyLink';
import { DataLab } from './datalab/DataLab';
import { DigitsLoading } from './DigitsLoading';
import { LabSwitch } from './shell/LabSwitch';
import { ExportMenu } from './export/ExportMenu';
import { Notices } from './Notices';
import { FirstVisitGuide } from './shell/FirstVisitGuide';
import { guideDismissed, pageStorage, rememberGuideDismissed, showsGuideAtStart } from './shell/firstVisit';
import { Playback } from './shell/Playback';
import { ShortcutHelp } from './shell/ShortcutHelp';
import { SlideCounter } from './shell/SlideCounter';
import { Tabs, VIEW_TITLES } from './shell/Tabs';
import { ThemeToggle, useTheme } from './shell/ThemeToggle';
import { useShortcuts } from './shell/useShortcuts';
import { Numbers, Summary, Status } from './Summary';
import { PresetPicker } from './teaching/PresetPicker';
import { TheoryCard } from './teaching/TheoryCard';
import { DataView } from './views/DataView';
import { FidelityView } from './views/FidelityView';
import { GeneralizationView } from './views/GeneralizationView';
import { RankingView } from './views/RankingView';
import { StudyView } from './views/StudyView';
import { SweepView } from './views/SweepView';
import { TrainingView } from './views/TrainingView';

const VIEW_COMPONENTS: Readonly<Record<View, ComponentType>> = {
  data: DataView,
  generalization: GeneralizationView,
  ranking: RankingView,
  training: TrainingView,
  fidelity: FidelityView,
  study: StudyView,
  sweep: SweepView,
};

/** The views that read only an experiment summary: what the your-data lab's evaluation gives them. */

/** Closed, open by itself on a first visit (focus left alone), or opened from the help (focus moved to it). */
type GuideState = 'closed' | 'start' | 'asked';

function guideAtStart(): GuideState {
  const { firstLook, page } = usePlayground.getState();
  return showsGuideAtStart(firstLook, page, guideDismissed(pageStorage())) ? 'start' : 'closed';
}

export function App() {
  // A view the lab does not have (view=data in the your-data lab) shows the lab's first view.
  const view = usePlayground((s) => shownView(s.page.view, s.scenario.lab));
  const present = usePlayground((s) => s.page.present);
  const embed = usePlayground((s) => s.page.embed);
  const hide = usePlayground((s) => s.page.hide);
  // Booleans, not the results: the page's shell must not re-render with every streamed replicate (each view
  // reads the results it draws), or the whole page renders in one long task per replicate.
  const hasResults = usePlayground((s) => s.results !== null);
  const numbersIn = usePlayground((s) => s.results !== null && hasNumbers(s.results.summary));
  const firstResultsMs = usePlayground((s) => s.firstResultsMs);
  const held = usePlayground((s) => s.status === 'held');
  const dataLab = usePlayground((s) => s.scenario.lab === 'data');
  const [help, setHelp] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [guide, setGuide] = useState<GuideState>(guideAtStart);
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeGuide = useCallback(() => {
    rememberGuideDismissed(pageStorage());
    setGuide('closed');
    // The button that closed it is gone: focus goes where the guide can be opened again.
    helpButton.current?.focus();
  }, []);
  const showGuide = useCallback(() => {
    setHelp(false);
    setGuide('asked');
  }, []);
  const toggleHelp = useCallback((open?: boolean) => setHelp((now) => open ?? !now), []);
  useShortcuts(toggleHelp);
  useTheme();

  useEffect(() => {
    if (numbersIn && firstResultsMs === null) usePlayground.setState({ firstResultsMs: performance.now() });
  }, [numbersIn, firstResultsMs]);

  // The gate asks about a run the user may have set from the phone's drawer: the drawer closes so the question
  // shows, and focus, left in the hidden drawer, moves to it.
  const drawerOpen = useRef(drawer);
  useEffect(() => {
    drawerOpen.current = drawer;
  }, [drawer]);
  useEffect(
    () =>
      usePlayground.subscribe((state, previous) => {
        const asking = state.gate?.status === 'asking' && state.gate !== previous.gate;
        if (!asking || !drawerOpen.current) return;
        setDrawer(false);
        requestAnimationFrame(() => document.getElementById('cost-gate')?.focus());
      }),
    [],
  );

  const ActiveView = VIEW_COMPONENTS[view];
  const shown = (name: string) => !hide.includes(name);
  return (
    <div className={`app${present ? ' present' : ''}${embed ? ' embed' : ''}`}>
      {!embed && (
        <header>
          <div className="title">
            <h1>Synthetic Utility Playground</h1>
            {!present && (
              <p>
                Train on real or on synthetic data, test on real data: how much utility does synthetic data
                keep?
              </p>
            )}
          </div>
          <div className="header-actions">
            {present && <SlideCounter />}
            {shown('presets') && <PresetPicker />}
            {!present && <LabSwitch />}
            <BackendBadge />
            {shown('share') && <CopyLink />}
            {shown('export') && <ExportMenu />}
            <ThemeToggle />
            <button
              type="button"
              className="icon"
              ref={helpButton}
              onClick={() => toggleHelp(true)}
              aria-label="Keyboard shortcuts"
            >
              ?
            </button>
          </div>
        </header>
      )}
      <Notices />
      <CostGate />
      <div className="layout">
        <main>
          {guide !== 'closed' && <FirstVisitGuide onClose={closeGuide} focusOnOpen={guide === 'asked'} />}
          <TheoryCard />
          {dataLab && <DataLab />}
          <DigitsLoading />
          <section className="card view-card" aria-label="Results">
            <div className="view-head">
              <Tabs />
              <div className="run-line">
                {shown('play') && !dataLab && <Playback />}
                <Status />
              </div>
            </div>
            <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`} data-active-view={view}>
              <h2 className="visually-hidden">{VIEW_TITLES[view]}</h2>
              {held && hasResults && view !== 'sweep' && (
                <p className="stale-note" role="status" data-testid="held-note">
                  Not updated: the numbers below are from the previous settings; the new ones have not run
                  (see the estimate above).
                </p>
              )}
              {held && !hasResults && view !== 'sweep' ? (
                <p className="placeholder" data-testid="held-placeholder">
                  Nothing computed yet: this scenario waits for your choice above.
                </p>
              ) : dataLab && !hasResults ? (
                <p className="placeholder" data-testid="data-lab-waiting">
                  Nothing evaluated yet: load your files above and press Evaluate; TRTR, TSTR and U per model,
                  and the models&apos; ranking, appear here for the synthetic dataset you choose.
                </p>
              ) : (
                <ActiveView />
              )}
            </div>
            <Summary />
          </section>
          {view !== 'generalization' && view !== 'sweep' && <Numbers />}
          {!embed && !present && <About />}
        </main>
        {!embed && (
          <>
            <button
              type="button"
              className="drawer-toggle"
              aria-expanded={drawer}
              aria-controls="controls-panel"
              onClick={() => setDrawer((open) => !open)}
            >
              {drawer ? 'Close controls' : 'Controls'}
            </button>
            <aside
              id="controls-panel"
              className={`card controls-panel${drawer ? ' open' : ''}`}
              aria-label="Controls"
            >
              <div className="drawer-head">
                <h2>Scenario</h2>
                <button type="button" className="drawer-close" onClick={() => setDrawer(false)}>
                  Close
                </button>
              </div>
              <Controls />
            </aside>
          </>
        )}
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} onShowGuide={showGuide} />}
    </div>
  );
}
