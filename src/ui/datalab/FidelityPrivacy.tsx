/** Fidelity (C2ST AUC, correlation difference, per-column KS / TV) and the privacy check of one dataset. */
import type { DatasetReport } from '../../data/evaluate';
import { fidelityNote, privacyNote } from './sampleNotes';
import { formatNumber } from '../../scenario/formatNumber';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));

export function FidelityPrivacy({ report }: { readonly report: DatasetReport }) {
  const { fidelity, privacy } = report;
  return (
    <div className="fidelity-privacy" data-testid="fidelity-privacy">
      <section aria-label={`Fidelity of ${report.name}`}>
        <h3>Fidelity of {report.name}</h3>
        <dl className="facts">
          <dt>C2ST AUC{fidelity.c2stFeatures === 'linear' ? ' (linear classifier)' : ''}</dt>
          <dd data-testid="c2st">{num(fidelity.c2stAuc)}</dd>
          <dt>Correlation difference (mean |Δ|)</dt>
          <dd>{num(fidelity.correlation.meanAbs)}</dd>
          <dt>Largest |Δ|</dt>
          <dd>
            {num(fidelity.correlation.maxAbs)}
            {fidelity.correlation.maxPair ? ` (${fidelity.correlation.maxPair.join(' × ')})` : ''}
          </dd>
        </dl>
        {fidelity.sample || fidelity.c2stFeatures === 'linear' ? (
          <p className="hint" data-testid="fidelity-sample">
            {fidelityNote(fidelity)}
          </p>
        ) : null}
        <div className="table-scroll tall">
          <table className="column-fidelity">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">KS</th>
                <th scope="col">TV</th>
              </tr>
            </thead>
            <tbody>
              {fidelity.columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>{num(c.ks)}</td>
                  <td>{num(c.tv)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-label={`Privacy of ${report.name}`}>
        <h3>Privacy of {report.name}</h3>
        <p className={privacy.suspicious ? 'verdict warn' : 'verdict'} data-testid="privacy-verdict">
          {privacy.verdict}
        </p>
        <dl className="facts">
          <dt>Exact copies of real training rows</dt>
          <dd>
            {privacy.exactCopies.length.toLocaleString('en-US')} of{' '}
            {privacy.syntheticRows.toLocaleString('en-US')} ({num(privacy.exactCopyShare * 100)}%)
          </dd>
          <dt>Distance to closest real record, median (hold-out baseline)</dt>
          <dd>
            {num(privacy.synthetic.median)} ({num(privacy.holdout.median)})
          </dd>
          <dt>5th percentile (hold-out baseline)</dt>
          <dd>
            {num(privacy.synthetic.p5)} ({num(privacy.holdout.p5)})
          </dd>
        </dl>
        {privacy.sample ? (
          <p className="hint" data-testid="privacy-sample">
            {privacyNote(privacy.sample)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
