/**
 * The your-data lab's gate (store/dataActions.ts): Evaluate on files whose evaluation is estimated over
 * GATE_SECONDS on this device asks first, with what it would cost (the largest parts) and three answers: at most
 * N rows of each file per replicate (the largest step within the gate), evaluate anyway, cancel. The numbers are
 * estimates and say what they rest on.
 */
import type { CostPart } from '../../engine/cost';
import { closeDataGate, evaluateData, evaluateWithRows } from '../../store/dataActions';
import { useDataLab, type DataLabEstimate } from '../../store/dataLab';
import { estimateBasis, formatDuration, formatShort, GATE_SECONDS } from '../../scenario/cost';
import '../costGate.css';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function partLine(part: CostPart, factor: number): string {
  const time = formatShort(part.seconds * factor);
  if (part.kind === 'model') return `${part.detail || part.label}: ${time} over ${count(part.count)} fits`;
  return `${part.label}: ${time}`;
}

/** The largest parts of an estimate, in words. */
export function estimateLines(estimate: DataLabEstimate, top = 3): string[] {
  const factor = estimate.factor ?? 1;
  return estimate.cost.parts
    .filter((p) => p.seconds > 0)
    .slice(0, top)
    .map((p) => partLine(p, factor));
}

export function DataGate() {
  const gate = useDataLab((s) => s.gate);
  const estimate = useDataLab((s) => s.estimate);
  if (!gate || !estimate) return null;
  const sizes = estimate.cost.sizes[0];
  return (
    <section className="cost-gate" aria-labelledby="data-gate-title" data-testid="data-gate">
      <h2 id="data-gate-title">Before this runs: an estimate</h2>
      <p role="alert" data-testid="data-gate-summary">
        <strong>This evaluation would take {formatDuration(estimate.seconds)} on this device.</strong> Nothing
        has been computed yet: evaluations estimated over {GATE_SECONDS} s wait for your word.
        {sizes
          ? ` Each replicate fits every model on ${count(sizes.n)} real and ${count(sizes.m)} synthetic rows and tests on ${count(sizes.nTest)}.`
          : ''}{' '}
        The largest parts:
      </p>
      <ul>
        {estimateLines(estimate).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {estimate.rowsWithin === null && (
        <p data-testid="data-gate-no-rows">
          Fewer rows would not be enough: fewer replicates or lighter models (fewer neighbours to search, no
          polynomial of high degree on many columns) bring it under {GATE_SECONDS} s.
        </p>
      )}
      <div className="cost-gate-buttons">
        {estimate.rowsWithin !== null && (
          <button
            type="button"
            className="primary"
            onClick={() => void evaluateWithRows(estimate.rowsWithin!)}
            data-testid="data-gate-rows"
          >
            At most {count(estimate.rowsWithin)} rows per file (a seeded sample)
          </button>
        )}
        <button type="button" onClick={() => void evaluateData(true)} data-testid="data-gate-run">
          Evaluate anyway
        </button>
        <button type="button" onClick={closeDataGate}>
          Cancel
        </button>
      </div>
      <p className="cost-gate-basis">{estimateBasis(estimate.threads, estimate.factor)}</p>
    </section>
  );
}
