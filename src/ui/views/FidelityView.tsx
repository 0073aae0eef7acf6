/**
 * The fidelity vs utility view: how close the synthetic records are to the real ones (six fidelity measures of
 * the first replicate, each explained in a line) beside how much utility they keep (U per model relative to TRTR, and the
 * ranking's Kendall τ), with a lesson computed from the numbers: fidelity is neither necessary nor sufficient.
 */
import { useMemo } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import '../charts/viewLayout.css';
import { formatInterval, formatNumber, missingText } from '../format';
import { useLiveResults } from '../liveResults';
import { modelColorAt } from '../palette';
import { StaleNote } from '../StaleNote';
import '../tables.css';
import { FidelityChart } from './fidelity/FidelityChart';
import { fidelityLesson, measuresFor, measureValue, percent, relativeUtilities } from './fidelity/measures';
import './fidelity/fidelity.css';

export function FidelityView() {
  const { results, stale } = useLiveResults();
  const models = useMemo(() => results?.summary.models ?? [], [results]);
  const utilities = useMemo(() => relativeUtilities(models), [models]);
  const fidelity = results?.fidelity ?? null;
  if (!results) return <p className="placeholder">Measuring fidelity…</p>;
  const risk = results.scenario.tstrOn === 'synthetic' ? 'TSTS' : 'TSTR';
  const tau = results.summary.ranking?.kendallTauB ?? null;
  const auc = fidelity ? measureValue(fidelity, 'c2stAuc') : null;
  const lesson = fidelity ? fidelityLesson(auc, utilities, tau?.mean ?? null) : null;

  return (
    <div className={`views fidelity-view${stale ? ' stale' : ''}`} data-stale={stale}>
      <StaleNote stale={stale} />
      <p className="view-explain">
        <strong>Fidelity</strong> asks whether the synthetic records look like the real ones.{' '}
        <strong>Utility</strong> asks whether a model trained on them does as well on real data. They are
        different questions: fidelity is neither necessary nor sufficient for utility.
      </p>
      {lesson ? (
        <p
          className={`lesson fidelity-lesson ${lesson.kind}`}
          data-testid="fidelity-lesson"
          data-kind={lesson.kind}
        >
          {lesson.text}
        </p>
      ) : (
        <p className="view-status running">Measuring fidelity of replicate 1…</p>
      )}
      <div className="view-grid view-numbers">
        <section aria-labelledby="fidelity-measures-title">
          <h3 className="view-section-title" id="fidelity-measures-title">
            Fidelity of replicate 1&apos;s synthetic sample
          </h3>
          <div className="table-scroll">
            <table
              className="results compact fidelity-table"
              data-testid="fidelity"
              aria-describedby="fidelity-measures-note"
            >
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Value</th>
                  <th scope="col">Same data</th>
                </tr>
              </thead>
              <tbody>
                {measuresFor(results?.scenario.lab === 'mnist').map((m) => {
                  const value = fidelity ? measureValue(fidelity, m.key) : null;
                  return (
                    <tr key={m.key} data-measure={m.key}>
                      <th scope="row">
                        {m.name}
                        <small className="measure-help">{m.help}</small>
                      </th>
                      <td>
                        <strong data-testid={`fidelity-${m.key}`} data-value={value ?? ''}>
                          {fidelity ? formatNumber(value) : '…'}
                        </strong>
                        {fidelity && value === null && <small>{m.missing}</small>}
                      </td>
                      <td>{m.same}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="table-note" id="fidelity-measures-note">
            On the records (x, y), each column standardized by the real sample; the classifier test and MMD
            use {results.scenario.n} real and {results.scenario.m} synthetic points.
          </p>
        </section>
        <section aria-labelledby="fidelity-utility-title">
          <h3 className="view-section-title" id="fidelity-utility-title">
            Utility kept
          </h3>
          <div className="table-scroll">
            <table
              className="results compact"
              data-testid="fidelity-utility"
              aria-describedby="fidelity-utility-note"
            >
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">U</th>
                  <th scope="col">U / TRTR</th>
                </tr>
              </thead>
              <tbody>
                {models.map((m, index) => {
                  const rel = utilities.find((u) => u.id === m.id);
                  return (
                    <tr key={m.id} data-model={m.id}>
                      <th scope="row">
                        <span className="swatch" style={{ background: modelColorAt(index) }} aria-hidden />
                        {m.label}
                      </th>
                      {m.utility ? (
                        <>
                          <td>
                            <span data-testid="fid-utility" data-value={m.utility.value}>
                              {formatNumber(m.utility.value)}
                            </span>
                            <small>
                              {m.utility.lo !== null && m.utility.hi !== null
                                ? formatInterval(m.utility.lo, m.utility.hi)
                                : 'one replicate'}
                            </small>
                          </td>
                          <td data-testid="fid-relative" data-value={rel?.relative ?? ''}>
                            {rel ? percent(rel.relative) : '—'}
                          </td>
                        </>
                      ) : (
                        <td colSpan={2} className={m.pending ? 'model-pending' : 'model-error'}>
                          {missingText(m)}
                        </td>
                      )}
                    </tr>
                  );
                })}
                <tr className="tau-row">
                  <th scope="row">Ranking: Kendall τ_b</th>
                  <td colSpan={2}>
                    <span data-testid="fid-tau" data-value={tau?.mean ?? ''}>
                      {models.length < 2 ? 'needs 2+ models' : formatNumber(tau?.mean)}
                    </span>
                    {tau && (
                      <small>{tau.hasInterval ? formatInterval(tau.lo, tau.hi) : 'one replicate'}</small>
                    )}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="table-note" id="fidelity-utility-note">
            U = |mean {risk} − mean TRTR| over {results.summary.completed} replicate
            {results.summary.completed === 1 ? '' : 's'}; U / TRTR: the change as a share of the real-trained
            risk.
          </p>
        </section>
      </div>
      <ChartFrame id="fidelity-utility" title="Fidelity vs utility">
        <p className="view-explain">
          Above: how well a classifier tells synthetic records from real ones (0.5 = not at all). Below: how
          far each model&apos;s risk on real data moves when it is trained on the synthetic data, as a share
          of its real-trained risk (dashed: 10% and 25%).
        </p>
        {fidelity ? (
          <FidelityChart auc={auc} utilities={utilities} />
        ) : (
          <p className="placeholder">Measuring fidelity…</p>
        )}
      </ChartFrame>
    </div>
  );
}
