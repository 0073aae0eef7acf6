/** Copies the share link (the address bar always holds the current scenario); shows it if the clipboard refuses. */
import { useState } from 'react';

export function CopyLink() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      setState('copied');
      setTimeout(() => setState('idle'), 2000);
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {state === 'copied' ? 'Link copied ✓' : 'Copy link'}
      </button>
      {state === 'manual' && (
        <input
          readOnly
          aria-label="Share link: copy it from here"
          value={location.href}
          onFocus={(e) => e.target.select()}
          autoFocus
        />
      )}
    </span>
  );
}
