/**
 * The digits lab's assets while they load: a progress bar in megabytes (the first visit fetches about 11 MB;
 * later visits read Cache Storage), or why they could not be loaded. Nothing once they are in.
 */
import { usePlayground } from '../store/playground';

const MB = 1024 * 1024;

export function DigitsLoading() {
  const digits = usePlayground((s) => s.digits);
  if (digits.status === 'ready' || digits.status === 'idle') return null;
  if (digits.status === 'error')
    return (
      <p className="card notice error" role="alert" data-testid="digits-error">
        {digits.error} Reload the page to try again; if it persists, run <code>npm install</code> again (it
        makes the assets).
      </p>
    );
  const { done, total } = digits;
  return (
    <div className="card digits-loading" role="status" data-testid="digits-loading">
      <label>
        Loading the MNIST digits (60,000 training and 10,000 test images)
        {total > 0 ? `: ${(done / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB` : '…'}
        <progress max={total || 1} value={total ? done : 0} />
      </label>
    </div>
  );
}
