/** The view tabs (an ARIA tablist; arrow keys move between tabs). */
import type { KeyboardEvent } from 'react';
import { shownView, viewsOf, type View } from '../../scenario/page';
import { setPage } from '../../store/actions';
import { usePlayground } from '../../store/playground';

export const VIEW_TITLES: Readonly<Record<View, string>> = {
  data: 'Data',
  generalization: 'Generalization',
  ranking: 'Ranking',
  training: 'Training curves',
  fidelity: 'Fidelity vs utility',
  study: 'Study',
  sweep: 'Sweeps',
};

export function Tabs() {
  const lab = usePlayground((s) => s.scenario.lab);
  const views = viewsOf(lab);
  const view = shownView(
    usePlayground((s) => s.page.view),
    lab,
  );
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = views.indexOf(view);
    const next =
      event.key === 'ArrowRight' ? (at + 1) % views.length : event.key === 'ArrowLeft' ? at - 1 : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    const target = views[(next + views.length) % views.length]!;
    setPage({ view: target });
    document.getElementById(`tab-${target}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {views.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={v === view}
          aria-controls="view-panel"
          tabIndex={v === view ? 0 : -1}
          data-view={v}
          onClick={() => setPage({ view: v })}
          onKeyDown={onKeyDown}
        >
          {VIEW_TITLES[v]}
        </button>
      ))}
    </div>
  );
}
