/**
 * The schema inferred over the loaded files: the target (default as inferSchema picks it), the task (detected,
 * changeable), what to do with missing cells, and each column's kind, role, missing counts per file and whether
 * it is used (ID-like columns are left out by default and can be kept).
 */
import { setParam } from '../../store/actions';
import { setColumnUsed, setDataTask } from '../../store/dataActions';
import { useDataLab } from '../../store/dataLab';
import { usePlayground } from '../../store/playground';

/** Target, task and missing cells: shown whenever a real file is loaded, so a choice that fails can be undone. */
function SchemaSettings({
  columns,
  target,
  task,
  classes = null,
}: {
  readonly columns: readonly string[];
  readonly target: string;
  readonly task: string;
  /** The target's classes (classification): more than two need a positive class. */
  readonly classes?: readonly string[] | null;
}) {
  const missing = usePlayground((s) => s.scenario.missing);
  const positive = usePlayground((s) => s.scenario.positive);
  // Up to 50 classes are offered; more (a continuous column taken as classes) get the encoder's message.
  const choosePositive = classes !== null && classes.length <= 50 && (classes.length > 2 || positive !== '');
  return (
    <div className="schema-settings">
      <label>
        Target
        <select
          value={target}
          onChange={(e) => {
            // A positive class belongs to the target it was chosen for.
            setParam('positive', '');
            setParam('target', e.currentTarget.value);
          }}
        >
          {!columns.includes(target) && <option value={target}>{target || '(detect)'}</option>}
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Task
        <select
          value={task}
          onChange={(e) => setDataTask(e.currentTarget.value as 'regression' | 'classification')}
        >
          <option value="regression">regression</option>
          <option value="classification">classification</option>
        </select>
      </label>
      {choosePositive && (
        <label>
          Positive class
          <select value={positive} onChange={(e) => setParam('positive', e.currentTarget.value)}>
            <option value="">(choose: {classes.length} classes)</option>
            {classes.map((c) => (
              <option key={c} value={c}>
                {c} vs the rest
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Missing cells
        <select value={missing} onChange={(e) => setParam('missing', e.currentTarget.value)}>
          <option value="impute">impute (median / most frequent)</option>
          <option value="drop">drop rows</option>
        </select>
      </label>
    </div>
  );
}

export function SchemaPanel() {
  const schema = useDataLab((s) => s.schema);
  const schemaError = useDataLab((s) => s.schemaError);
  const realColumns = useDataLab((s) => s.files.find((f) => f.role === 'real')?.columns);
  const target = usePlayground((s) => s.scenario.target);
  const task = usePlayground((s) => s.scenario.task);
  if (schemaError) {
    return (
      <section className="schema" aria-label="Columns">
        {realColumns && <SchemaSettings columns={realColumns} target={target} task={task} />}
        <p className="data-error" role="alert" data-testid="schema-error">
          {schemaError}
        </p>
      </section>
    );
  }
  if (!schema) return null;
  return (
    <section className="schema" aria-label="Columns">
      <SchemaSettings
        columns={schema.columns.map((c) => c.name)}
        target={schema.target}
        task={schema.task}
        classes={schema.classes}
      />
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
