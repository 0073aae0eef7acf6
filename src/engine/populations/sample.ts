/**
 * Draws of the real population: X ~ N(0, 1), Y = eta(X) + sigma * eps with eps ~ N(0, 1).
 * Features and noise use separate streams, so a larger n extends the same sample instead of redrawing it.
 */
import { stream } from '../rng';
import { etaOf, type EtaKind } from './regression';

export interface Sample1d {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface ResponseModel {
  readonly eta: EtaKind;
  /** Noise standard deviation sigma. */
  readonly sigma: number;
}

/** n draws with features location + scale * Z and responses eta(x) + bias + sigma * eps. */
export function drawSample(
  seed: number,
  label: string,
  n: number,
  response: ResponseModel,
  location = 0,
  scale = 1,
  bias = 0,
): Sample1d {
  const z = stream(seed, `${label}/x`).normals(n);
  const eps = stream(seed, `${label}/noise`).normals(n);
  const x = z.map((v) => location + scale * v);
  const eta = etaOf(response.eta, x);
  const y = eta.map((v, i) => v + bias + response.sigma * eps[i]!);
  return { x, y };
}
