/**
 * Seeds from the data. The Learner interface carries no seed, so a network's initial weights (and its minibatch
 * shuffles) come from a stream seeded by a hash of n, p and every bit of x and y, labelled with what it is for:
 * the same data and model id give the same network every time, while the scenario's seed still reaches the net
 * through the data it drew. No tfjs here.
 */
import type { Matrix } from '../matrix';
import { mix32, RandomStream } from '../rng';

/** A stream seeded by (x, y), labelled `label` (e.g. "mlp-init|mlp:width=32,..."). */
export function dataStream(label: string, x: Matrix, y: Float64Array): RandomStream {
  let h = mix32(x.rows ^ mix32(x.cols + 0x9e3779b9));
  const fold = (values: Float64Array): void => {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
    h = mix32(h);
  };
  fold(x.data);
  fold(y);
  return new RandomStream(h, label);
}

/** A permutation of 0..n-1 in place by Fisher-Yates, from `rand`. */
export function shuffleInPlace(order: Int32Array, rand: RandomStream): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand.uniform() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
