/**
 * The labs the page offers, as a segmented control in the header: simulated populations, real digits (MNIST) and
 * the user's own data. Switching starts from the lab's defaults (actions.ts setParam 'lab'); the toy lab is for
 * the tests and shows only when a link opened it.
 */
import type { LabId } from '../../scenario/types';
import { setPage, setParam } from '../../store/actions';
import { usePlayground } from '../../store/playground';

const OFFERED: readonly { lab: LabId; label: string }[] = [
  { lab: 'simulated', label: 'Simulated' },
  { lab: 'mnist', label: 'Digits' },
  { lab: 'data', label: 'Your data' },
];

export function LabSwitch() {
  const lab = usePlayground((s) => s.scenario.lab);
  return (
    <div className="lab-switch segmented" role="group" aria-label="Lab">
      {OFFERED.map((o) => (
        <button
          key={o.lab}
          type="button"
          aria-pressed={o.lab === lab}
          data-lab={o.lab}
          onClick={() => {
            if (o.lab === lab) return;
            setParam('lab', o.lab);
            // The your-data lab opens on its results; the digits lab on its gallery.
            if (o.lab === 'data') setPage({ view: 'generalization' });
            if (o.lab === 'mnist') setPage({ view: 'data' });
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
