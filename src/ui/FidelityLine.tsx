/** Fidelity of replicate 1's synthetic records in one line (the fidelity view has the full table): fidelity is not utility. */
import type { FidelityReport } from '../engine/results';
import { formatNumber } from './format';
import { MEASURES, measureValue } from './views/fidelity/measures';

export function FidelityLine({ fidelity }: { fidelity: FidelityReport }) {
  return (
    <p className="fidelity-line" data-testid="fidelity-line">
      Fidelity of replicate 1 (records (x, y), standardized):{' '}
      {MEASURES.map((m, i) => (
        <span key={m.key} title={m.help}>
          {i > 0 && ' · '}
          {m.name} <strong>{formatNumber(measureValue(fidelity, m.key))}</strong>
          {m.key === 'c2stAuc' && ' (0.5 = indistinguishable)'}
        </span>
      ))}
    </p>
  );
}
