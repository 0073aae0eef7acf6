/** The page: header (badge, share link), notices, controls, and the views of the latest results. */
import { useEffect } from 'react';
import { ETA_FORMULAS } from '../engine/populations/regression';
import { isFailure } from '../engine/results';
import { usePlayground } from '../store/playground';
import { BackendBadge } from './BackendBadge';
import { RiskChart } from './charts/RiskChart';
import { SceneChart } from './charts/SceneChart';
import { Controls } from './Controls';
import { CopyLink } from './CopyLink';
import { formatNumber } from './format';
import { Notices } from './Notices';
import { ResultsTable } from './ResultsTable';

function Summary() {
  const results = usePlayground((s) => s.results);
  if (!results) return null;
  const parts = results.models.map((m) =>
    isFailure(m) ? `${m.label}: could not fit` : `${m.label} U = ${formatNumber(m.utility.mean)}`,
  );
  return (
    <p className="summary" aria-live="polite">
      {parts.join(' · ')}
    </p>
  );
}

function Status() {
  const status = usePlayground((s) => s.status);
  const error = usePlayground((s) => s.error);
  if (status === 'error') {
    return (
      <p className="run-error" role="alert">
        The engine stopped: {error}
      </p>
    );
  }
  return (
    <span className={`status ${status}`} data-testid="status" data-status={status}>
      {status === 'running' || status === 'starting' ? 'computing…' : 'up to date'}
    </span>
  );
}

export function App() {
  const results = usePlayground((s) => s.results);
  const firstResultsMs = usePlayground((s) => s.firstResultsMs);

  useEffect(() => {
    if (results && firstResultsMs === null) usePlayground.setState({ firstResultsMs: performance.now() });
  }, [results, firstResultsMs]);

  return (
    <div className="app">
      <header>
        <div className="title">
          <h1>Synthetic Utility Playground</h1>
          <p>
            Train on real or on synthetic data, test on real data: how much utility does synthetic data keep?
          </p>
        </div>
        <div className="header-actions">
          <BackendBadge />
          <CopyLink />
        </div>
      </header>
      <Notices />
      <div className="layout">
        <main>
          <section className="card scene" aria-labelledby="scene-title">
            <div className="card-head">
              <h2 id="scene-title">Real and synthetic data</h2>
              <Status />
            </div>
            <div className="chart">
              {results ? <SceneChart result={results} /> : <p className="placeholder">Drawing samples…</p>}
            </div>
            {results && (
              <p className="legend-note">
                <span className="dot real" /> real ({results.real.total}, {results.real.x.length} shown)
                <span className="dot synthetic" /> synthetic ({results.synthetic.total},{' '}
                {results.synthetic.x.length} shown) · {ETA_FORMULAS[results.scenario.eta]} · solid: trained on
                real · dashed: trained on synthetic
              </p>
            )}
          </section>
          <section className="card risks" aria-labelledby="risk-title">
            <div className="card-head">
              <h2 id="risk-title">Test risk on real data: TRTR vs TSTR</h2>
            </div>
            <div className="chart">
              {results ? <RiskChart models={results.models} /> : <p className="placeholder">Training…</p>}
            </div>
          </section>
          <section className="card numbers" aria-labelledby="numbers-title">
            <h2 id="numbers-title">Generalization utility per model</h2>
            <Summary />
            {results && <ResultsTable models={results.models} />}
          </section>
          <section className="card about">
            <h2>About the theory</h2>
            <p>
              This playground illustrates Xu, Sun and Cheng,{' '}
              <cite>Utility Theory of Synthetic Data Generation</cite> (arXiv:2305.10015). TRTR is the risk on
              real test data of a model trained on real data; TSTR of the same model class trained on
              synthetic data. The generalization utility is U = |TSTR − TRTR|. The formalization and the
              formulas shown here are this playground&rsquo;s own, not quotations of the paper.
            </p>
          </section>
        </main>
        <aside className="card controls-panel" aria-label="Controls">
          <h2>Scenario</h2>
          <Controls />
        </aside>
      </div>
    </div>
  );
}
