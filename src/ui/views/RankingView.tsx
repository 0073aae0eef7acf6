/** The ranking view (placeholder until it is built). */
export function RankingView() {
  return <p className="placeholder">The ranking view is being built.</p>;
}
