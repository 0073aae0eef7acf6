import { usePlayground } from '../store/playground';

/**
 * Says that the numbers on screen belong to the previous settings until the new run reports. While the gate holds
 * the new run (CostGate.tsx), App.tsx says so once above every view instead.
 */
export function StaleNote({ stale }: { stale: boolean }) {
  const held = usePlayground((s) => s.status === 'held');
  if (!stale || held) return null;
  return (
    <p className="stale-note" role="status" data-testid="stale">
      Updating: the numbers below are from the previous settings until the new run reports.
    </p>
  );
}
