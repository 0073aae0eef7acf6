/**
 * The schema inferred over the loaded files: the target (default as inferSchema picks it), the task (detected,
 * changeable), what to do with missing cells, and each column's kind, role, missing counts per file and whether
 * it is used (ID-like columns are left out by default and can be kept).
 */
import { setParam } from '../../store/actions';
import { setColumnUsed, setDataTask } from '../../store/dataActions';
import { useDataLab } from '../../store/dataLab';
import { usePlayground } from '../../store/playground';

export function SchemaPanel() {
  const schema = useDataLab((s) => s.schema);
  const schemaError = useDataLab((s) => s.schemaError);
  const missing = usePlayground((s) => s.scenario.missing);
  if (schemaError) {
    return (
      <p className="data-error" role="alert" data-testid="schema-error">
        {schemaError}
      </p>
    );
  }
  if (!schema) return null;
  return (
    <section className="schema" aria-label="Columns">
      <div className="schema-settings">
        <label>
          Target
          <select value={schema.target} onChange={(e) => setParam('target', e.currentTarget.value)}>
            {schema.columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Task
          <select
            value={schema.task}
            onChange={(e) => setDataTask(e.currentTarget.value as 'regression' | 'classification')}
          >
            <option value="regression">regression</option>
            <option value="classification">classification</option>
          </select>
        </label>
        <label>
          Missing cells
          <select value={missing} onChange={(e) => setParam('missing', e.currentTarget.value)}>
            <option value="impute">impute (median / most frequent)</option>
            <option value="drop">drop rows</option>
          </select>
        </label>
      </div>
      <p className="hint">
        Target: {schema.why.target}. Task: {schema.why.task}.
      </p>
      <div className="table-scroll tall">
        <table className="schema-table">
          <thead>
            <tr>
              <th scope="col">Use</th>
              <th scope="col">Column</th>
              <th scope="col">Kind</th>
              <th scope="col">Role</th>
              <th scope="col">Missing (per file)</th>
            </tr>
          </thead>
          <tbody>
            {schema.columns.map((c) => (
              <tr key={c.name} data-role={c.role}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Use ${c.name}`}
                    checked={c.role !== 'left-out'}
                    disabled={c.role === 'target'}
                    onChange={(e) => void setColumnUsed(c.name, e.currentTarget.checked)}
                  />
                </td>
                <th scope="row">{c.name}</th>
                <td>
                  {c.kind}
                  {c.kind === 'categorical' ? ` (${c.categories.length})` : ''}
                </td>
                <td>{c.role === 'left-out' ? `left out: ${c.reason ?? ''}` : c.role}</td>
                <td>{c.missing.map((m) => (m === null ? '–' : m)).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {schema.notices.length > 0 && (
        <ul className="hint">
          {schema.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
