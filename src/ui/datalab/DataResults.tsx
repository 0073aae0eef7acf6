/**
 * The your-data lab's answer: Evaluate (cancellable, with progress per dataset), the leaderboard of the synthetic
 * datasets by mean U and by SRA (with τ_b), the dataset the views below show, and its fidelity and privacy.
 */
import { leaderboard } from '../../data/evaluate';
import { formatNumber } from '../../scenario/formatNumber';
import { cancelEvaluation, evaluateData } from '../../store/dataActions';
import { showDataset } from '../../store/dataResults';
import { chooseDataset, reportsOf, syntheticFiles, useDataLab } from '../../store/dataLab';
import { usePlayground } from '../../store/playground';
import { formatDuration } from '../../scenario/cost';
import { DataGate } from './DataGate';
import { DataReportButton } from './DataReportButton';
import { FidelityPrivacy } from './FidelityPrivacy';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));

export function DataResults() {
  const state = useDataLab();
  const replicates = usePlayground((s) => s.scenario.replicates);
  const task = usePlayground((s) => s.scenario.task);
  const synthetic = syntheticFiles(state.files);
  const reports = reportsOf(state);
  const running = state.status === 'running';
  const ready = state.schema !== null && synthetic.length > 0 && state.loading.length === 0;
  const completed = state.partial.reduce((sum, p) => sum + (p?.completed ?? 0), 0);
  const planned = Math.max(1, state.partial.length * replicates);
  const board = leaderboard(reports);
  const choose = (index: number) => {
    chooseDataset(index);
    showDataset(useDataLab.getState().chosen);
  };
  return (
    <section className="data-results" aria-label="Evaluation">
      <div className="data-run">
        <button
          type="button"
          className="primary"
          disabled={!ready || running}
          onClick={() => void evaluateData()}
        >
          Evaluate
        </button>
        {ready && !running && state.estimate && (
          <span className="hint" data-testid="data-estimate">
            {formatDuration(state.estimate.seconds)} (estimate)
          </span>
        )}
        {running && (
          <>
            <progress max={planned} value={completed} aria-label="Evaluation progress" />
            <span role="status">
              {completed} of {planned} replicates
            </span>
            <button type="button" onClick={cancelEvaluation}>
              Cancel
            </button>
          </>
        )}
        {state.status === 'cancelled' && <span role="status">Cancelled.</span>}
        {!ready && !running && (
          <span className="hint" data-testid="evaluate-hint">
            {state.schemaError
              ? 'Evaluate waits until the files fit together: see the message above.'
              : synthetic.length === 0 && state.files.some((f) => f.role === 'real')
                ? 'Add at least one synthetic file (or make one with Gaussian, GMM or SMOTE).'
                : 'Load a real training file and at least one synthetic file.'}
          </span>
        )}
        {reports.length > 0 && <DataReportButton />}
      </div>
      <DataGate />
      {state.runError && (
        <p className="data-error" role="alert">
          {state.runError}
        </p>
      )}
      {board.length > 0 && (
        <>
          <h3>Leaderboard</h3>
          <p className="hint" data-testid="leaderboard-key">
            Mean U: the mean over models of |TSTR − TRTR|, in the task&apos;s risk (
            {task === 'regression' ? 'mean squared error' : '0-1 error'}), lower is better. TSTR/TRTR: 1 = as
            good as the real data. SRA: the share of model pairs the synthetic data order as the real data do
            (Synthetic Ranking Agreement), higher is better; τ_b: Kendall&apos;s rank correlation of the two
            orders. Privacy: the check below.
          </p>
          <div className="table-scroll">
            <table className="leaderboard" data-testid="leaderboard">
              <thead>
                <tr>
                  <th scope="col">Synthetic dataset</th>
                  <th scope="col" title="Mean over models of U = |TRTR − TSTR|: lower is better">
                    Mean U
                  </th>
                  <th scope="col">Place by U</th>
                  <th scope="col">TSTR/TRTR</th>
                  <th scope="col" title="Synthetic Ranking Agreement: higher is better">
                    SRA
                  </th>
                  <th scope="col">Kendall τ_b</th>
                  <th scope="col">Place by SRA</th>
                  <th scope="col">Privacy</th>
                </tr>
              </thead>
              <tbody>
                {[...board]
                  .map((row, index) => ({ row, index }))
                  .sort((a, b) => (a.row.utilityPlace ?? 99) - (b.row.utilityPlace ?? 99))
                  .map(({ row, index }) => (
                    <tr key={row.name + index} className={index === state.chosen ? 'chosen' : undefined}>
                      <th scope="row">{row.name}</th>
                      <td data-testid="mean-u">{num(row.meanUtility)}</td>
                      <td>{row.utilityPlace ?? '–'}</td>
                      <td data-testid="ratio">{num(row.meanRatio)}</td>
                      <td data-testid="sra">{num(row.sra)}</td>
                      <td data-testid="tau">{num(row.kendallTauB)}</td>
                      <td>{row.rankingPlace ?? '–'}</td>
                      <td data-testid="privacy-flag">
                        {reports[index]?.privacy.suspicious ? 'flagged' : 'no finding'}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <label className="dataset-picker">
            The views below show
            <select
              aria-label="Dataset shown"
              value={state.chosen}
              onChange={(e) => choose(Number(e.currentTarget.value))}
            >
              {reports.map((r, i) => (
                <option key={r.name + i} value={i}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          {reports[state.chosen] && <FidelityPrivacy report={reports[state.chosen]!} />}
          {state.evaluation && state.evaluation.notices.length > 0 && (
            <details className="hint">
              <summary>{state.evaluation.summary}</summary>
              <ul>
                {state.evaluation.notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
