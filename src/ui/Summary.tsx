/** The live summary line (aria-live: U per model and Kendall tau after each run) and the run status. */
import { usePlayground } from '../store/playground';
import { formatNumber } from './format';
import { ResultsTable } from './ResultsTable';

export function Summary() {
  const results = usePlayground((s) => s.results);
  if (!results?.done) return <p className="summary" aria-live="polite" />;
  const parts = results.summary.models.map((m) =>
    m.utility ? `${m.label} U = ${formatNumber(m.utility.value)}` : `${m.label}: could not fit`,
  );
  const tau = results.summary.ranking?.kendallTauB;
  if (tau) parts.push(`Kendall τ = ${formatNumber(tau.mean)}`);
  return (
    <p className="summary" aria-live="polite" data-testid="summary">
      {parts.join(' · ')}
    </p>
  );
}

export function Status() {
  const status = usePlayground((s) => s.status);
  const error = usePlayground((s) => s.error);
  const paused = usePlayground((s) => s.paused);
  const gate = usePlayground((s) => (s.gate?.scenario === s.scenario ? s.gate.status : null));
  if (status === 'error') {
    return (
      <p className="run-error" role="alert">
        The engine stopped: {error}
      </p>
    );
  }
  const text =
    status === 'held'
      ? gate === 'cancelled'
        ? 'not run'
        : 'waiting: see the estimate'
      : status === 'done'
        ? 'up to date'
        : paused && status !== 'starting'
          ? 'paused'
          : 'computing…';
  return (
    <span className={`status ${status}`} data-testid="status" data-status={status}>
      {text}
    </span>
  );
}

/** The results table under every view but the generalization view (which has it) and sweeps. */
export function Numbers() {
  const results = usePlayground((s) => s.results);
  if (!results) return null;
  const tsts = results.scenario.tstrOn === 'synthetic';
  const loss = results.scenario.task === 'classification' ? '0-1 error' : 'Mean squared error';
  return (
    <section className="card numbers" aria-labelledby="numbers-title">
      <h2 id="numbers-title">Generalization utility per model</h2>
      <ResultsTable summary={results.summary} loss={loss} tsts={tsts} />
    </section>
  );
}
