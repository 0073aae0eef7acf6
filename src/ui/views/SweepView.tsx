/** The sweep view (placeholder until it is built). */
export function SweepView() {
  return <p className="placeholder">The sweep view is being built.</p>;
}
