/**
 * The first-visit guide: three steps for someone who just opened the site (what the points are, what to move,
 * what to watch). A panel in the page's flow, not a modal: the newcomer reads it beside the chart it explains,
 * and nothing under it is blocked. Escape or "Got it" closes it; App remembers that and puts focus on the "?"
 * button, where the guide can be opened again. The text names no number: the numbers follow the sliders, and
 * the table below has them.
 */
import { useEffect, useRef } from 'react';
import { FIRST_LOOK } from '../../store/firstLook';
import { COLORS } from '../palette';

// The guide may be reopened on any scenario, so what it says about the numbers names the scenario it is about.
const SHIFT = FIRST_LOOK.shift ?? 0;

export interface FirstVisitGuideProps {
  readonly onClose: () => void;
  /** Opened on request (from the "?" help): focus moves to the guide. At start it leaves focus where it is. */
  readonly focusOnOpen: boolean;
}

/**
 * Escape pressed in a dialog (shortcuts, QR code) is that dialog's. Told by where the key was pressed, not by
 * whether a dialog is in the page: the dialog may already be gone when this listener runs.
 */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

export function FirstVisitGuide({ onClose, focusOnOpen }: FirstVisitGuideProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !inDialog(event.target)) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section
      className="card first-visit-guide"
      aria-labelledby="first-visit-title"
      data-testid="first-visit-guide"
    >
      <div className="card-head">
        <h2 id="first-visit-title" ref={heading} tabIndex={-1}>
          New here? Three things to look at
        </h2>
      </div>
      <ol>
        <li>
          <strong>The points.</strong>{' '}
          <span className="swatch" style={{ background: COLORS.real }} aria-hidden="true" /> Blue: a real
          sample. <span className="swatch" style={{ background: COLORS.synthetic }} aria-hidden="true" />{' '}
          Orange: a synthetic one, standing in for it; on the first look its features are shifted right by{' '}
          {SHIFT}. Each model is fitted on both: a solid line when trained on the real points, dashed when
          trained on the synthetic ones. The curve in the text's colour is the true η.
        </li>
        <li>
          <strong>What to move.</strong> The <em>Feature shift</em> slider among the controls (on the right;
          on a phone, behind the Controls button), or a preset from the menu at the top: each one shows a
          claim of the paper or a case where it fails.
        </li>
        <li>
          <strong>What to watch.</strong> U = |TSTR − TRTR| per model, in the table under the chart: how much
          worse a model does when trained on synthetic data (both tested on real data). On the first look, OLS
          (a straight line on a curved truth) pays for the shift and the cubic and kNN hardly do; move the
          shift to 0 and every U is about 0. Then Kendall τ in the line under the chart: 1 means the models
          keep their order.
        </li>
      </ol>
      <div className="guide-actions">
        <button type="button" onClick={onClose}>
          Got it
        </button>
        <span className="guide-hint">
          Open it again with the <kbd>?</kbd> button.
        </span>
      </div>
    </section>
  );
}
