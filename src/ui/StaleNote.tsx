import { usePlayground } from '../store/playground';

/**
 * Says that the numbers on screen belong to the previous settings: while a new run is on its way, or while the
 * gate holds the new scenario's run (CostGate.tsx) until the user says.
 */
export function StaleNote({ stale }: { stale: boolean }) {
  const held = usePlayground((s) => s.gate !== null && s.gate.scenario === s.scenario);
  if (!stale) return null;
  return (
    <p className="stale-note" role="status" data-testid="stale">
      {held
        ? 'Not updated: the numbers below are from the previous settings; the new ones have not run (see the estimate above).'
        : 'Updating: the numbers below are from the previous settings until the new run reports.'}
    </p>
  );
}
