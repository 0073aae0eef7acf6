/** What was changed in the scenario the user asked for (a hand-edited link, an out-of-range value), dismissable. */
import { usePlayground } from '../store/playground';

export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const dismiss = usePlayground((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      <div>
        <strong>Some settings were adjusted to keep the scenario valid:</strong>
        <ul>
          {notices.map((notice, i) => (
            <li key={i}>{notice}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={dismiss} aria-label="Dismiss these notices">
        Dismiss
      </button>
    </div>
  );
}
