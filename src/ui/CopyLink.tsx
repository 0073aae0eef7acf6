/**
 * Copies the full share link (this page's address with the scenario and the page state: view, preset, lecture
 * mode, sweep), built from the store rather than read from the address bar, so it is right even before the
 * address bar has caught up; shows it in a field if the clipboard refuses.
 */
import { useState } from 'react';
import { usePlayground } from '../store/playground';
import { shareUrl } from './export/names';

function currentLink(): string {
  const { scenario, page } = usePlayground.getState();
  return shareUrl(location, scenario, page);
}

export function CopyLink() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [link, setLink] = useState('');
  const copy = async (): Promise<void> => {
    const text = currentLink();
    setLink(text);
    try {
      await navigator.clipboard.writeText(text);
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
          value={link}
          onFocus={(e) => e.target.select()}
          autoFocus
        />
      )}
    </span>
  );
}
