/** The page: header (badge, share link), notices, controls, and the views of the latest results. */
import { useEffect, useMemo } from 'react';
import { ETA_FORMULAS } from '../engine/populations/response';
import { usePlayground } from '../store/playground';
import { BackendBadge } from './BackendBadge';
import { RiskChart } from './charts/RiskChart';
import { SceneChart } from './charts/SceneChart';
import { Controls } from './Controls';
import { CopyLink } from './CopyLink';
import { FidelityLine } from './FidelityLine';
import { formatNumber } from './format';
import { Notices } from './Notices';
import { ResultsTable } from './ResultsTable';

function Summary() {
  const results = usePlayground((s) => s.results);
  if (!results?.done) return null;
  const parts = results.summary.models.map((m) =>
    m.utility ? `${m.label} U = ${formatNumber(m.utility.value)}` : `${m.label}: could not fit`,
  );
  const tau = results.summary.ranking?.kendallTauB;
  if (tau) parts.push(`Kendall τ = ${formatNumber(tau.mean)}`);
  return (
    <p className="summary" aria-live="polite">
      {parts.join(' · ')}
    </p>
  );
}

function Status() {
  const status = usePlayground((s) => s.status);
  const error = usePlayground((s) => s.error);
  const progress = usePlayground(
    (s) => s.results && `${s.results.summary.completed}/${s.results.summary.planned}`,
  );
  if (status === 'error') {
    return (
      <p className="run-error" role="alert">
        The engine stopped: {error}
      </p>
    );
  }
  return (
    <span className={`status ${status}`} data-testid="status" data-status={status}>
      {status === 'running' || status === 'starting' ? `computing… ${progress ?? ''}` : 'up to date'}
    </span>
  );
}

export function App() {
  const results = usePlayground((s) => s.results);
  const firstResultsMs = usePlayground((s) => s.firstResultsMs);
  const labels = useMemo(
    () => Object.fromEntries((results?.summary.models ?? []).map((m) => [m.id, m.label])),
    [results?.summary.models],
  );
  const visual = results?.visual ?? null;
  const tsts = results?.scenario.tstrOn === 'synthetic';
  const loss = results?.scenario.task === 'classification' ? '0-1 error' : 'Mean squared error';

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
              {visual ? (
                <SceneChart visual={visual} labels={labels} />
              ) : (
                <p className="placeholder">Drawing samples…</p>
              )}
            </div>
            {results && visual && (
              <p className="legend-note">
                <span className="dot real" /> real ({visual.real.total}, {visual.real.x.length} shown)
                <span className="dot synthetic" /> synthetic ({visual.synthetic.total},{' '}
                {visual.synthetic.x.length} shown) · replicate 1 · {ETA_FORMULAS[results.scenario.eta]}
                {results.scenario.p > 1
                  ? ` · x₁ of ${results.scenario.p} features`
                  : ' · solid: trained on real · dashed: trained on synthetic'}
              </p>
            )}
          </section>
          <section className="card risks" aria-labelledby="risk-title">
            <div className="card-head">
              <h2 id="risk-title">Test risk on real data: TRTR vs {tsts ? 'TSTS' : 'TSTR'}</h2>
            </div>
            <div className="chart">
              {results ? (
                <RiskChart models={results.summary.models} tsts={tsts} />
              ) : (
                <p className="placeholder">Training…</p>
              )}
            </div>
          </section>
          <section className="card numbers" aria-labelledby="numbers-title">
            <h2 id="numbers-title">Generalization and ranking utility</h2>
            <Summary />
            {results && <ResultsTable summary={results.summary} loss={loss} tsts={tsts} />}
            {results?.fidelity && <FidelityLine fidelity={results.fidelity} />}
          </section>
          <section className="card about">
            <h2>About the theory</h2>
            <p>
              This playground illustrates Xu, Sun and Cheng,{' '}
              <cite>Utility Theory of Synthetic Data Generation</cite> (arXiv:2305.10015). TRTR is the risk on
              real test data of a model trained on real data; TSTR of the same model class trained on
              synthetic data. The generalization utility is U = |E TSTR − E TRTR|, estimated over replicates
              (fresh real, synthetic and test samples each time); the ranking utility asks whether TSTR orders
              the models as TRTR does. The formalization and the formulas shown here are the formalization
              used by this playground, not quotations of the paper.
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
