/** Lecture mode's deck position ("slide 2 / 5") with previous / next buttons (also ← / →). */
import { stepDeck } from '../../store/actions';
import { usePlayground } from '../../store/playground';

export function SlideCounter() {
  const deck = usePlayground((s) => s.page.deck);
  const preset = usePlayground((s) => s.page.preset);
  if (deck.length === 0) return null;
  const at = preset ? deck.indexOf(preset) : -1;
  return (
    <nav className="slides" aria-label="Lecture deck">
      <button type="button" onClick={() => stepDeck(-1)} disabled={at <= 0} aria-label="Previous slide">
        ←
      </button>
      <span data-testid="slide" aria-live="polite">
        slide {at + 1} / {deck.length}
      </span>
      <button
        type="button"
        onClick={() => stepDeck(1)}
        disabled={at >= deck.length - 1}
        aria-label="Next slide"
      >
        →
      </button>
    </nav>
  );
}
