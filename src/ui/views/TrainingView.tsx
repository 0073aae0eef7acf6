/** The training view (placeholder until it is built). */
export function TrainingView() {
  return <p className="placeholder">The training view is being built.</p>;
}
