/**
 * The your-data lab's panel (issue 15): the three file inputs (with drag and drop), every file's message, what a
 * share link expects, the schema, the evaluation and its leaderboard, fidelity and privacy. The files never leave
 * the page: they are read in the engine worker and kept in this browser's IndexedDB until "Forget my data".
 */
import { compareWithLink, dismissDataErrors, useDataLab } from '../../store/dataLab';
import { forgetData } from '../../store/dataActions';
import { generateSynthetic, loadExample } from '../../store/dataExamples';
import { DataResults } from './DataResults';
import { FilePicker } from './FilePicker';
import { SchemaPanel } from './SchemaPanel';
import './datalab.css';

function LinkFiles() {
  const expected = useDataLab((s) => s.expected);
  const files = useDataLab((s) => s.files);
  if (expected.length === 0) return null;
  const { differs, missing } = compareWithLink(expected, files);
  return (
    <div className="link-files" data-testid="link-files">
      {missing.length > 0 && (
        <p>
          This link was made with these files; choose them below (they are not in the link):{' '}
          {missing.map((r) => `${r.name} (${r.role}, SHA-256 ${r.fingerprint.slice(0, 12)}…)`).join(', ')}.
        </p>
      )}
      {differs.map((d) => (
        <p key={d} className="data-error" role="alert">
          {d}
        </p>
      ))}
    </div>
  );
}

/** Examples one click away, and synthetic versions of the real file by the built-in generators (seeded). */
function Makers() {
  const hasReal = useDataLab((s) => s.files.some((f) => f.role === 'real'));
  const busy = useDataLab((s) => s.loading.length > 0 || s.status === 'running');
  return (
    <div className="makers">
      <span>
        Examples: Palmer penguins (vega-datasets, CC0), body mass or sex as the target, with Gaussian and
        SMOTE versions:
      </span>
      <button type="button" disabled={busy} onClick={() => void loadExample('regression')}>
        Example: regression
      </button>
      <button type="button" disabled={busy} onClick={() => void loadExample('classification')}>
        Example: classification
      </button>
      <span>Make a synthetic version of the real file:</span>
      {(['gaussian', 'gmm', 'smote'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={!hasReal || busy}
          onClick={() => void generateSynthetic(kind)}
        >
          {kind === 'gaussian' ? 'Gaussian' : kind === 'gmm' ? 'GMM' : 'SMOTE'}
        </button>
      ))}
    </div>
  );
}

export function DataLab() {
  const errors = useDataLab((s) => s.errors);
  const hasFiles = useDataLab((s) => s.files.length > 0);
  return (
    <section className="card data-lab" aria-label="Your data">
      <div className="data-lab-head">
        <h2>Your data</h2>
        <p className="hint">
          Files are read in this browser only: nothing is uploaded. They are kept in this browser until you
          forget them.
        </p>
        <button type="button" onClick={() => void forgetData()} disabled={!hasFiles}>
          Forget my data
        </button>
      </div>
      <LinkFiles />
      <Makers />
      <div className="file-pickers">
        <FilePicker role="real" label="Real training data" hint="CSV, TSV, JSON or Parquet." />
        <FilePicker
          role="synthetic"
          label="Synthetic data"
          multiple
          hint="Up to 8 files, one per generator or seed."
        />
        <FilePicker
          role="test"
          label="Real test data (optional)"
          hint="Without it, each replicate holds out a share of the real rows."
        />
      </div>
      {errors.length > 0 && (
        <div className="data-errors" role="alert" data-testid="data-errors">
          {errors.map((e, i) => (
            <p key={`${i}-${e}`}>{e}</p>
          ))}
          <button type="button" className="link" onClick={dismissDataErrors}>
            Dismiss
          </button>
        </div>
      )}
      <SchemaPanel />
      <DataResults />
    </section>
  );
}
