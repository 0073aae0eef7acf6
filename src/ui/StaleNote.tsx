/** Says that the numbers on screen belong to the previous settings while a new run is on its way. */
export function StaleNote({ stale }: { stale: boolean }) {
  if (!stale) return null;
  return (
    <p className="stale-note" role="status" data-testid="stale">
      Updating: the numbers below are from the previous settings until the new run reports.
    </p>
  );
}
