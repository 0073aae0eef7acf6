/**
 * Keyboard shortcuts: Space play/pause, → step (in lecture mode with a deck: next slide), ← previous slide,
 * R reset, ? the shortcut list, Escape closes it. Ignored while typing in a field or with a modifier held.
 */
import { useEffect } from 'react';
import { reset, setPaused, step, stepDeck } from '../../store/actions';
import { usePlayground } from '../../store/playground';

export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'step one replicate (lecture deck: next slide)'],
  ['←', 'lecture deck: previous slide'],
  ['R', 'reset: same seed, from replicate 1'],
  ['?', 'show these shortcuts'],
];

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target.isContentEditable;
}

export function useShortcuts(toggleHelp: (open?: boolean) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') return toggleHelp(false);
      // Range inputs take arrows for themselves; Space on a button presses it.
      if (typing(event.target) || (event.key === ' ' && event.target instanceof HTMLButtonElement)) return;
      const state = usePlayground.getState();
      const deck = state.page.present && state.page.deck.length > 0;
      switch (event.key) {
        case ' ':
          setPaused(!state.paused);
          break;
        case 'ArrowRight':
          if (deck) stepDeck(1);
          else step();
          break;
        case 'ArrowLeft':
          if (!deck) return;
          stepDeck(-1);
          break;
        case 'r':
        case 'R':
          reset();
          break;
        case '?':
          toggleHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
