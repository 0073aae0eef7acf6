/** Fidelity of replicate 1's synthetic records next to the utility numbers: fidelity is not utility. */
import type { FidelityReport } from '../engine/results';
import { formatNumber } from './format';

export function FidelityLine({ fidelity }: { fidelity: FidelityReport }) {
  return (
    <p className="fidelity-line" data-testid="fidelity">
      Fidelity of replicate 1 (records (x, y), standardized): C2ST AUC{' '}
      <strong>{formatNumber(fidelity.c2stAuc)}</strong> (0.5 = indistinguishable) · MMD²{' '}
      {formatNumber(fidelity.mmd2)} · sliced W₁ {formatNumber(fidelity.slicedW1)} · Gaussian W₂{' '}
      {formatNumber(fidelity.gaussianW2)} · KL {formatNumber(fidelity.gaussianKL)} · response error ‖η̃ − η‖{' '}
      {formatNumber(fidelity.responseError)}
    </p>
  );
}
