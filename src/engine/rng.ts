/**
 * Seeded random streams: every draw in the playground comes from here, so one seed gives one set of numbers.
 * Streams are keyed by (seed, label): the real sample, the synthetic sample and the test sample each get their
 * own xoroshiro128+ stream, so moving a synthetic-data slider never changes the real data (TRTR stays put).
 */
import * as portable from './portable';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** 32-bit mix (murmur3 finalizer): spreads small seed differences over all bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Four state words derived from the seed and the stream's label (FNV-1a over the label, then mixed). */
function stateFor(seed: number, label: string): number[] {
  let h = 0x811c9dc5 ^ mix32(seed | 0) ^ mix32(Math.floor(seed / 2 ** 32));
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const words = [mix32(h ^ 0x9e3779b9), mix32(h ^ 0x7f4a7c15), mix32(h ^ 0x94d049bb), mix32(h ^ 0x1ce4e5b9)];
  // xoroshiro's all-zero state is a fixed point; the mix makes it practically impossible, but guard anyway.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  return words;
}

export class RandomStream {
  private readonly gen: RandomGenerator;
  private spareNormal: number | null = null;

  constructor(seed: number, label: string) {
    this.gen = xoroshiro128plusFromState(stateFor(seed, label));
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /** Standard normal by the Marsaglia polar method (exact, no tables, pairs cached). */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * portable.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through the boost U^(1/shape). */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new Error(`gamma: shape must be > 0, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * portable.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4 || portable.log(u) < 0.5 * x * x + d * (1 - v + portable.log(v)))
        return d * v;
    }
  }

  /** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
  categorical(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fills a new array with `count` standard normal draws. */
  normals(count: number): Float64Array {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.normal();
    return out;
  }
}

export function stream(seed: number, label: string): RandomStream {
  return new RandomStream(seed, label);
}
