/** What was changed in the scenario the user asked for (a hand-edited link, an out-of-range value), dismissable. */
import { dismissNotices } from '../store/actions';
import { usePlayground } from '../store/playground';

export function Notices() {
  const notices = usePlayground((s) => s.notices);
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
      <button type="button" onClick={dismissNotices} aria-label="Dismiss these notices">
        Dismiss
      </button>
    </div>
  );
}
