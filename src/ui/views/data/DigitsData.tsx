/**
 * The digits lab's data picture: replicate 1's real training digits beside its synthetic ones (a gallery per
 * class, with each sample's class counts), and a chosen model's confusion matrices on the real test digits,
 * trained on real and on synthetic digits.
 */
import { useState } from 'react';
import type { DigitsVisual } from '../../../engine/digits/visual';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitGallery } from './DigitGallery';

const PER_CLASS = 8;

function countsLine(counts: readonly number[]): string {
  return counts.map((n, c) => `${c}: ${n}`).join(' · ');
}

export function DigitsData({
  digits,
  labels,
  scoredOn,
}: {
  digits: DigitsVisual;
  labels: Readonly<Record<string, string>>;
  /** Where the synthetic-trained models are scored (TSTR on real test digits, or a synthetic hold-out). */
  scoredOn: 'real' | 'synthetic';
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const fitted = digits.confusion.filter((c) => c.real || c.synthetic);
  const shown = fitted.find((c) => c.id === chosen) ?? fitted[0] ?? null;
  return (
    <div className="digits-data">
      <div className="digit-galleries">
        <DigitGallery
          images={digits.gallery.real}
          perClass={PER_CLASS}
          label="Real training digits"
          testId="gallery-real"
        />
        <DigitGallery
          images={digits.gallery.synthetic}
          perClass={PER_CLASS}
          label="Synthetic digits"
          testId="gallery-synthetic"
        />
      </div>
      <p className="legend-note" data-testid="digit-counts">
        Replicate 1, one row per digit 0–9. Real: {countsLine(digits.counts.real)}. Synthetic:{' '}
        {countsLine(digits.counts.synthetic)}.
      </p>
      {shown ? (
        <div className="confusion-block">
          <label className="data-pick">
            <span>Confusion matrix of</span>
            <select
              value={shown.id}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="confusion-model"
            >
              {fitted.map((c) => (
                <option key={c.id} value={c.id}>
                  {labels[c.id] ?? c.id}
                </option>
              ))}
            </select>
          </label>
          <div className="confusions">
            {shown.real && (
              <ConfusionMatrix counts={shown.real} caption="Trained on real digits" testId="confusion-real" />
            )}
            {shown.synthetic && (
              <ConfusionMatrix
                counts={shown.synthetic}
                caption={`Trained on synthetic digits${scoredOn === 'synthetic' ? ' (scored on synthetic hold-out digits)' : ''}`}
                testId="confusion-synthetic"
              />
            )}
          </div>
        </div>
      ) : (
        <p className="placeholder">The confusion matrices come once replicate 1’s models are fitted…</p>
      )}
    </div>
  );
}
