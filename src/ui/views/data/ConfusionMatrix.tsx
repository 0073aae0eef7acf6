/**
 * A confusion matrix as a table: rows the true digit, columns the predicted one, each cell the count of test
 * digits, shaded by its share of its row (so a class the model confuses shows as a dark off-diagonal cell); the
 * last column is the class's accuracy.
 */
export function ConfusionMatrix({
  counts,
  caption,
  testId,
}: {
  /** K * K counts, row-major: counts[t * K + p]. */
  counts: readonly number[];
  caption: string;
  testId: string;
}) {
  const K = Math.round(Math.sqrt(counts.length));
  const rows = Array.from({ length: K }, (_, t) => counts.slice(t * K, (t + 1) * K));
  const total = counts.reduce((s, v) => s + v, 0);
  const right = rows.reduce((s, row, t) => s + (row[t] ?? 0), 0);
  return (
    <table className="confusion" data-testid={testId} data-accuracy={total ? right / total : ''}>
      <caption>
        {caption}: accuracy {total ? (right / total).toFixed(3) : '–'} on {total} test digits
      </caption>
      <thead>
        <tr>
          <th scope="col" aria-label="true digit">
            true ↓ / predicted →
          </th>
          {rows.map((_, p) => (
            <th key={p} scope="col">
              {p}
            </th>
          ))}
          <th scope="col">acc.</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, t) => {
          const sum = row.reduce((s, v) => s + v, 0);
          return (
            <tr key={t}>
              <th scope="row">{t}</th>
              {row.map((v, p) => {
                const share = sum ? v / sum : 0;
                const tone = p === t ? 'hit' : 'miss';
                return (
                  <td
                    key={p}
                    className={v ? tone : undefined}
                    style={{ '--share': share.toFixed(3) } as React.CSSProperties}
                    title={`true ${t}, predicted ${p}: ${v} (${(100 * share).toFixed(1)}% of the ${t}s)`}
                  >
                    {v || ''}
                  </td>
                );
              })}
              <td className="acc">{sum ? (row[t]! / sum).toFixed(2) : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
