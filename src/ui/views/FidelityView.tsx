/** The fidelity view: fidelity measures of replicate 1 beside utility. */
import { usePlayground } from '../../store/playground';
import { FidelityLine } from '../FidelityLine';

export function FidelityView() {
  const fidelity = usePlayground((s) => s.results?.fidelity ?? null);
  return fidelity ? <FidelityLine fidelity={fidelity} /> : <p className="placeholder">Measuring fidelity…</p>;
}
