/**
 * The gate's panel (store/gate.ts): a run estimated over GATE_SECONDS on this device is held, and this says what
 * it would cost (the largest parts, per fit and fits) with three answers: fewer replicates (the largest R within
 * the gate), run anyway, cancel. After Cancel a one-line note says how to run it. The numbers are estimates and
 * say so, with what they rest on.
 */
import { cancelGate, fewerReplicates, runAnyway } from '../store/actions';
import { usePlayground } from '../store/playground';
import {
  describeParts,
  estimateBasis,
  formatDuration,
  GATE_SECONDS,
  MIN_GATE_REPLICATES,
  runEstimate,
} from '../scenario/cost';
import './costGate.css';

export function CostGate() {
  const gate = usePlayground((s) => (s.gate && s.gate.scenario === s.scenario ? s.gate : null));
  if (!gate) return null;
  const { estimate, scenario, fewer } = gate;
  const total = formatDuration(estimate.seconds);
  const context = { threads: estimate.threads, factor: estimate.factor };

  if (gate.status === 'cancelled') {
    return (
      <div className="cost-gate cancelled" role="status" data-testid="cost-gate-note">
        <p>
          Not run: this scenario would take {total} on this device (estimate). Change the settings (fewer
          replicates R, smaller n or m, lighter models) and it runs as usual.
        </p>
        <button type="button" onClick={runAnyway} data-testid="cost-gate-run-cancelled">
          Run it anyway
        </button>
      </div>
    );
  }

  const fewerSeconds =
    fewer === null ? null : runEstimate({ ...scenario, replicates: fewer }, context).seconds;
  const minimum = runEstimate({ ...scenario, replicates: MIN_GATE_REPLICATES }, context).seconds;
  return (
    <section
      id="cost-gate"
      className="cost-gate"
      aria-labelledby="cost-gate-title"
      tabIndex={-1}
      data-testid="cost-gate"
    >
      <h2 id="cost-gate-title">Before this runs: an estimate</h2>
      <p role="alert" data-testid="cost-gate-summary">
        <strong>This run would take {total} on this device.</strong> Nothing has been computed yet: runs
        estimated over {GATE_SECONDS} s wait for your word. R = {scenario.replicates} replicates, each model
        fitted on the real and on the synthetic sample; the largest parts:
      </p>
      <ul data-testid="cost-gate-parts">
        {describeParts(estimate, scenario, 3).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {fewer === null && (
        <p data-testid="cost-gate-no-fewer">
          Fewer replicates would not be enough: even R = {MIN_GATE_REPLICATES} would take{' '}
          {formatDuration(minimum)}. Smaller n or m, or lighter models (fewer epochs, a smaller net), bring it
          under {GATE_SECONDS} s.
        </p>
      )}
      <div className="cost-gate-buttons">
        {fewer !== null && fewerSeconds !== null && (
          <button type="button" className="primary" onClick={fewerReplicates} data-testid="cost-gate-fewer">
            Fewer replicates: R = {fewer} ({formatDuration(fewerSeconds)})
          </button>
        )}
        <button type="button" onClick={runAnyway} data-testid="cost-gate-run">
          Run anyway
        </button>
        <button type="button" onClick={cancelGate} data-testid="cost-gate-cancel">
          Cancel
        </button>
      </div>
      <p className="cost-gate-basis">{estimateBasis(estimate.threads, estimate.factor)}</p>
    </section>
  );
}
