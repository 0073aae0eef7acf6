/** The data view: real and synthetic samples of replicate 1, eta and eta~, and each model's fits (p = 1). */
import { useMemo } from 'react';
import { ETA_FORMULAS } from '../../engine/populations/response';
import { usePlayground } from '../../store/playground';
import { SceneChart } from '../charts/SceneChart';
import { ChartFrame } from '../export/ChartFrame';

export function DataView() {
  const results = usePlayground((s) => s.results);
  const labels = useMemo(
    () => Object.fromEntries((results?.summary.models ?? []).map((m) => [m.id, m.label])),
    [results?.summary.models],
  );
  const visual = results?.visual ?? null;
  return (
    <ChartFrame id="data" title="Real and synthetic data">
      <div className="chart">
        {visual ? (
          <SceneChart visual={visual} labels={labels} />
        ) : (
          <p className="placeholder">Drawing samples…</p>
        )}
      </div>
      {results && visual && (
        <p className="legend-note">
          <span className="dot real" /> real ({visual.real.total}, {visual.real.x.length} shown)
          <span className="dot synthetic" /> synthetic ({visual.synthetic.total}, {visual.synthetic.x.length}{' '}
          shown) · replicate 1 · {ETA_FORMULAS[results.scenario.eta]}
          {results.scenario.p > 1
            ? ` · x₁ of ${results.scenario.p} features`
            : ' · solid: trained on real · dashed: trained on synthetic'}
        </p>
      )}
    </ChartFrame>
  );
}
