/**
 * Synthetic "digits" for unit tests (no MNIST): class c is a Gaussian blob exp(-|p - centre|^2 / 2 w^2) whose
 * centre sits on a ring by class, jittered per image, with a random width; pixels in [0, 1], ~85 % exactly 0.
 */
import { matrix } from '../matrix';
import * as portable from '../portable';
import { stream } from '../rng';
import { CLASSES, PIXELS, SIDE, type Sample } from './types';

/** Where class c's blob is centred: 10 points on a circle of radius 6 px around the image centre. */
export function blobCentre(c: number): [number, number] {
  const angle = (2 * Math.PI * c) / CLASSES;
  return [13.5 + 6 * portable.sin(angle), 13.5 + 6 * portable.cos(angle)];
}

/** n blob digits, labels cycling 0..9 unless `labels` says otherwise; jitter +-1 px, width 1.5..2.5 px. */
export function blobDigits(n: number, seed: number, labels?: (i: number) => number): Sample {
  const rand = stream(seed, 'blobs');
  const x = matrix(n, PIXELS);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels ? labels(i) : i % CLASSES;
    y[i] = c;
    const [cr, cc] = blobCentre(c);
    const r0 = cr + 2 * rand.uniform() - 1;
    const c0 = cc + 2 * rand.uniform() - 1;
    const w = 1.5 + rand.uniform();
    for (let r = 0; r < SIDE; r++) {
      for (let col = 0; col < SIDE; col++) {
        const v = portable.exp(-((r - r0) ** 2 + (col - c0) ** 2) / (2 * w * w));
        // Below 1e-3 is background: exact zeros, as in real digits.
        x.data[i * PIXELS + r * SIDE + col] = v < 1e-3 ? 0 : v;
      }
    }
  }
  return { x, y };
}
