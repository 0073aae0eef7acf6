/**
 * One file input of the your-data lab, with its accessible name, a drop zone around it, and the files loaded in
 * its role (each removable, with rows and columns, and its progress bar while it is read).
 */
import { useId, useState, type DragEvent } from 'react';
import { addFiles, removeFile } from '../../store/dataActions';
import { useDataLab } from '../../store/dataLab';
import type { FileRole } from '../../scenario/labs/data/files';

interface Props {
  readonly role: FileRole;
  readonly label: string;
  readonly multiple?: boolean;
  readonly hint: string;
}

const ACCEPT = '.csv,.tsv,.txt,.json,.parquet,text/csv,text/tab-separated-values,application/json';

export function FilePicker({ role, label, multiple = false, hint }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const files = useDataLab((s) => s.files).filter((f) => f.role === role);
  const loading = useDataLab((s) => s.loading).filter((l) =>
    role === 'synthetic' ? l.slot.startsWith('synthetic') : l.slot === role,
  );
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = [...event.dataTransfer.files];
    if (dropped.length > 0) void addFiles(role, multiple ? dropped : dropped.slice(0, 1));
  };
  return (
    <div
      className={`file-drop${over ? ' over' : ''}`}
      data-role={role}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        multiple={multiple}
        aria-label={label}
        onChange={(e) => {
          const chosen = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (chosen.length > 0) void addFiles(role, chosen);
        }}
      />
      <p className="hint">{hint}</p>
      {loading.map((l) => (
        <div key={l.slot} className="file-progress">
          <span>Reading {l.name}…</span>
          <progress max={Math.max(1, l.total)} value={l.done} aria-label={`Reading ${l.name}`} />
        </div>
      ))}
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.slot} data-testid="loaded-file">
              <span className="file-name">{f.name}</span>
              <span className="file-meta">
                {f.rows.toLocaleString('en')} rows × {f.columns.length} columns · SHA-256{' '}
                <code title={f.fingerprint}>{f.fingerprint.slice(0, 12)}…</code>
              </span>
              <button type="button" className="link" onClick={() => void removeFile(f.slot)}>
                Remove<span className="visually-hidden"> {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
