/** The generalization view: TRTR vs TSTR per model with 95% intervals. */
import { usePlayground } from '../../store/playground';
import { RiskChart } from '../charts/RiskChart';
import { ChartFrame } from '../export/ChartFrame';

export function GeneralizationView() {
  const results = usePlayground((s) => s.results);
  const tsts = results?.scenario.tstrOn === 'synthetic';
  return (
    <ChartFrame id="risks" title={`Test risk: TRTR vs ${tsts ? 'TSTS' : 'TSTR'}`}>
      <div className="chart">
        {results ? (
          <RiskChart models={results.summary.models} tsts={tsts} />
        ) : (
          <p className="placeholder">Training…</p>
        )}
      </div>
    </ChartFrame>
  );
}
