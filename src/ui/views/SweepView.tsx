/**
 * The sweep view: move one scenario parameter over a grid (curves of U per model and of the ranking agreement)
 * or two (a phase diagram of P(consistent ranking), claim 3), every grid point running the whole experiment with
 * the same seed. The axes live in the page state (and so in the share link); the run lives in the store, so its
 * results survive switching tabs. Results are labelled with the scenario and axes they were computed for.
 */
import { useMemo, useState } from 'react';
import { sweepableIn, sweepForLab, type SweepSetting } from '../../scenario/page';
import type { SweepAxis } from '../../scenario/sweep';
import { sweepOverlay, type SweepOverlay } from '../../scenario/sweepTheory';
import type { Scenario } from '../../scenario/schema';
import { encodeScenario } from '../../scenario/url';
import { cancelSweep, setPage, startSweep } from '../../store/actions';
import { pageThreads } from '../../store/gate';
import { usePlayground, type SweepState } from '../../store/playground';
import { AxisEditor } from './sweep/AxisEditor';
import { PhaseDiagram } from './sweep/PhaseDiagram';
import { axisFor, numberSpec, sameSetting, totalPoints } from './sweep/axes';
import { describeBase, estimateSweep, formatDuration, type SweepEstimate } from './sweep/estimate';
import { SweepCurves } from './sweep/SweepCurves';
import { SweepTable } from './sweep/SweepTable';
import './sweep/sweep.css';

/** Second-axis candidates, best first: response error, then feature error, then the rest. */
const Y_PREFERENCE: readonly (keyof Scenario)[] = ['bias', 'noiseScale', 'wQuadratic', 'shift'];

/** The second axis a 2-D sweep starts with: the best candidate the scenario's lab can move. */
function secondAxisFor(x: SweepAxis, scenario: Scenario): SweepAxis {
  const movable = sweepableIn(scenario);
  const param = [...Y_PREFERENCE, ...movable].find((key) => key !== x.param && movable.includes(key))!;
  return axisFor(param, 5);
}

function axisText(axis: SweepAxis): string {
  const spec = numberSpec(axis.param);
  return `${spec.label} from ${axis.from} to ${axis.to} (${axis.steps} steps)`;
}

function settingText(setting: SweepSetting): string {
  return setting.y ? `${axisText(setting.x)} × ${axisText(setting.y)}` : axisText(setting.x);
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function EstimateLine({ estimate, models }: { estimate: SweepEstimate; models: number }) {
  const perPoint = estimate.points > 0 ? Math.round(estimate.replicates / estimate.points) : 0;
  return (
    <p className="sweep-estimate" data-testid="sweep-estimate">
      {plural(estimate.points, 'point')} × {plural(perPoint, 'replicate')} × {plural(models, 'model')} ={' '}
      {plural(estimate.fits, 'fit')} (real and synthetic), {formatDuration(estimate.seconds)} (estimate).
    </p>
  );
}

function RunBar({
  setting,
  scenario,
  sweep,
}: {
  setting: SweepSetting;
  scenario: Scenario;
  sweep: SweepState;
}) {
  const pace = usePlayground((s) => s.pace);
  const backend = usePlayground((s) => s.backend);
  const [confirming, setConfirming] = useState<SweepSetting | null>(null);
  const estimate = useMemo(
    () => estimateSweep(scenario, setting, { threads: pageThreads(scenario, backend), factor: pace }),
    [scenario, setting, pace, backend],
  );
  const models = scenario.models.split(';').filter((m) => m.trim() !== '').length;
  const running = sweep.status === 'running';
  const total = sweep.total > 0 ? sweep.total : totalPoints(sweep.setting);
  const done = sweep.points.length;
  const asking = confirming !== null && sameSetting(confirming, setting);

  const run = () => {
    if (estimate.huge && !asking) {
      setConfirming(setting);
      return;
    }
    setConfirming(null);
    startSweep();
  };

  return (
    <div className="sweep-run">
      <EstimateLine estimate={estimate} models={models} />
      {asking && (
        <div className="sweep-warning" role="alert" data-testid="sweep-warning">
          <p>
            This is a large sweep: {plural(estimate.fits, 'model fit')}, {formatDuration(estimate.seconds)} on
            this device. Fewer steps or replicates (R) make it quicker.
          </p>
          <div className="sweep-buttons">
            <button type="button" className="primary" onClick={run} data-testid="sweep-confirm">
              Run anyway
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Not now
            </button>
          </div>
        </div>
      )}
      <div className="sweep-buttons">
        <button
          type="button"
          className="primary"
          onClick={run}
          disabled={running || asking}
          data-testid="sweep-run"
        >
          {running ? 'Running…' : 'Run sweep'}
        </button>
        <button type="button" onClick={() => cancelSweep()} disabled={!running} data-testid="sweep-cancel">
          Cancel
        </button>
        {(running || done > 0) && (
          <span className="sweep-progress">
            <progress
              max={Math.max(1, total)}
              value={done}
              aria-label="Sweep progress"
              aria-valuetext={`${done} of ${total} points`}
              data-testid="sweep-progress"
            >
              {done} / {total} points
            </progress>
            <span data-testid="sweep-progress-text" aria-hidden="true">
              {done} / {total} points
            </span>
          </span>
        )}
      </div>
    </div>
  );
}

function ResultsHead({
  sweep,
  scenario,
  setting,
}: {
  sweep: SweepState;
  scenario: Scenario;
  setting: SweepSetting;
}) {
  if (!sweep.base) return null;
  const staleScenario = encodeScenario(sweep.base) !== encodeScenario(scenario);
  const staleAxes = !sameSetting(sweep.setting, setting);
  const total = sweep.total > 0 ? sweep.total : totalPoints(sweep.setting);
  const rerun = () => startSweep();
  return (
    <div className="sweep-head">
      <p className="sweep-label" data-testid="sweep-label">
        <strong>{settingText(sweep.setting)}</strong>
        <span className="sweep-base">Base scenario: {describeBase(sweep.base, sweep.setting)}</span>
      </p>
      {sweep.status === 'cancelled' && (
        <p className="sweep-note" data-testid="sweep-cancelled">
          Cancelled after {sweep.points.length} of {total} points; the points computed so far are kept.
        </p>
      )}
      {sweep.status === 'error' && (
        <p className="sweep-error" role="alert">
          The sweep stopped: {sweep.error}
        </p>
      )}
      {(staleScenario || staleAxes) && sweep.status !== 'running' && (
        <div className="sweep-stale" data-testid="sweep-stale">
          <p>
            {staleScenario
              ? 'These are results for an earlier scenario: the scenario has changed since the sweep ran.'
              : 'These are results for earlier axes: the sweep setting has changed since.'}
          </p>
          <button type="button" onClick={rerun} data-testid="sweep-rerun">
            Rerun with the current {staleScenario ? 'scenario' : 'axes'}
          </button>
        </div>
      )}
    </div>
  );
}

/** OLS's closed form along the axis the sweep ran (its base and axis, so stale results keep their own curve). */
function useOverlay(sweep: SweepState): SweepOverlay | null {
  const { base, setting } = sweep;
  return useMemo(() => {
    if (!base || setting.y) return null;
    try {
      return sweepOverlay(base, setting.x);
    } catch {
      return null; // An axis the lab cannot sweep: the sweep itself reports it.
    }
  }, [base, setting]);
}

export function SweepView() {
  const scenario = usePlayground((s) => s.scenario);
  const setting = sweepForLab(
    usePlayground((s) => s.page.sweep),
    scenario,
  );
  const sweep = usePlayground((s) => s.sweep);
  const setSweep = (next: SweepSetting) => setPage({ sweep: next });
  const setX = (x: SweepAxis) =>
    setSweep({ x, y: setting.y && setting.y.param === x.param ? null : setting.y });
  const setY = (y: SweepAxis) => setSweep({ x: setting.x, y });
  const toggleY = () => setSweep({ x: setting.x, y: setting.y ? null : secondAxisFor(setting.x, scenario) });
  const overlay = useOverlay(sweep);
  const hasResults = sweep.base !== null && (sweep.points.length > 0 || sweep.status !== 'idle');

  return (
    <div className="sweep-view" data-testid="sweep-view" data-status={sweep.status}>
      <section className="sweep-setup" aria-label="Sweep setup">
        <div className="sweep-axes">
          <AxisEditor
            id="sx"
            title={setting.y ? 'Horizontal axis' : 'Parameter to sweep'}
            axis={setting.x}
            exclude={setting.y?.param ?? null}
            scenario={scenario}
            onChange={setX}
          />
          {setting.y && (
            <AxisEditor
              id="sy"
              title="Vertical axis"
              axis={setting.y}
              exclude={setting.x.param}
              scenario={scenario}
              onChange={setY}
            />
          )}
        </div>
        <label className="sweep-toggle">
          <input type="checkbox" checked={setting.y !== null} onChange={toggleY} data-testid="sweep-2d" />
          Second axis: a 2-D phase diagram
        </label>
        <RunBar setting={setting} scenario={scenario} sweep={sweep} />
      </section>
      {hasResults ? (
        <section className="sweep-results" aria-label="Sweep results" data-testid="sweep-results">
          <ResultsHead sweep={sweep} scenario={scenario} setting={setting} />
          {sweep.setting.y ? (
            <PhaseDiagram points={sweep.points} setting={sweep.setting} base={sweep.base} />
          ) : (
            <SweepCurves points={sweep.points} axis={sweep.setting.x} base={sweep.base} overlay={overlay} />
          )}
          <SweepTable points={sweep.points} setting={sweep.setting} base={sweep.base} overlay={overlay} />
        </section>
      ) : (
        <p className="sweep-intro">
          A sweep runs the whole experiment (R replicates of every model, on real and on synthetic data) at
          each value of the parameter, with the same seed everywhere, and draws U and the ranking agreement
          along it. With a second axis it draws a phase diagram: for claim 3, put a response error (bias b or
          noise) on one axis and something that separates the models on the other.
        </p>
      )}
    </div>
  );
}
