/** The list of keyboard shortcuts, opened with "?", and the way back to the first-visit guide. */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts';

export function ShortcutHelp({ onClose, onShowGuide }: { onClose: () => void; onShowGuide: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-actions">
          <button type="button" ref={close} onClick={onClose}>
            Close
          </button>
          <button type="button" onClick={onShowGuide} data-testid="show-guide">
            Show the first-visit guide
          </button>
        </div>
      </div>
    </div>
  );
}
