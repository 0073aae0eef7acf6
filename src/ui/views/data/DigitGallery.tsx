/**
 * A gallery of digits on a canvas: one row per class 0-9, up to GALLERY_PER_CLASS digits each, 28 x 28 grey
 * levels drawn dark on light (ink on paper, as the digits were written). A class with no digit shows an empty row
 * with a cross, so a dropped class is visible at a glance.
 */
import { useEffect, useRef } from 'react';

const SIDE = 28;
const GAP = 2;

export function DigitGallery({
  images,
  perClass,
  label,
  testId,
}: {
  /** images[c]: digits of class c, each SIDE * SIDE grey levels 0-255. */
  images: readonly (readonly (readonly number[])[])[];
  perClass: number;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = perClass * (SIDE + GAP) + GAP;
  const height = images.length * (SIDE + GAP) + GAP;
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.fillStyle = '#d9dde3';
    context.fillRect(0, 0, width, height);
    const tile = context.createImageData(SIDE, SIDE);
    images.forEach((row, c) => {
      const top = GAP + c * (SIDE + GAP);
      if (row.length === 0) {
        // A class the sample has none of: a cross over the row's first cell.
        context.strokeStyle = '#b3261e';
        context.lineWidth = 2;
        context.beginPath();
        context.moveTo(GAP + 4, top + 4);
        context.lineTo(GAP + SIDE - 4, top + SIDE - 4);
        context.moveTo(GAP + SIDE - 4, top + 4);
        context.lineTo(GAP + 4, top + SIDE - 4);
        context.stroke();
      }
      row.forEach((pixels, i) => {
        for (let j = 0; j < SIDE * SIDE; j++) {
          const ink = 255 - (pixels[j] ?? 0);
          tile.data[4 * j] = ink;
          tile.data[4 * j + 1] = ink;
          tile.data[4 * j + 2] = ink;
          tile.data[4 * j + 3] = 255;
        }
        context.putImageData(tile, GAP + i * (SIDE + GAP), top);
      });
    });
  }, [images, width, height]);
  return (
    <figure className="digit-gallery">
      <figcaption>{label}</figcaption>
      <canvas
        ref={ref}
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: ${images.map((row, c) => `${row.length} of digit ${c}`).join(', ')}`}
        data-testid={testId}
        data-counts={images.map((row) => row.length).join(',')}
      />
    </figure>
  );
}
