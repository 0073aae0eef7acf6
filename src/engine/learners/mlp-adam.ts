/**
 * Adam (Kingma & Ba 2015) on one flat float32 parameter vector: m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
 * theta <- theta - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps); 13 kernels a step, whatever the layers.
 */
import * as tf from '@tensorflow/tfjs-core';

export const BETA1 = 0.9;
export const BETA2 = 0.999;
/** Keras's epsilon, on every float32 backend; the backend's own where that is coarser (float16 WebGL). */
export const EPSILON = 1e-7;

export interface Adam {
  /** The parameters, updated in place by each step. */
  readonly theta: tf.Variable<tf.Rank.R1>;
  /** One update with the gradient at the current parameters (disposes nothing it was given). */
  step(grad: tf.Tensor1D): void;
  /** Disposes the parameters and the moment estimates. */
  dispose(): void;
}

/**
 * Adam from the given initial parameters, as tf.train.adam (same formula, same epsilon placement), but on one
 * vector: tf.train's updates each parameter tensor with its own 12 kernels (72 a step for 2 hidden layers), this
 * one all of them with 13. The bias corrections 1 - b^t are computed on the host in float64.
 */
export function adam(initial: Float32Array, lr: number): Adam {
  // tidy disposes the initial tensors; the variables (own copies of their data) stay.
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(initial), false));
  const m = tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([initial.length]), false));
  const v = tf.tidy(() => tf.variable(tf.zeros<tf.Rank.R1>([initial.length]), false));
  const epsilon = Math.max(EPSILON, tf.backend().epsilon());
  let t = 0;
  return {
    theta,
    step(grad: tf.Tensor1D): void {
      t++;
      const firstCorrection = 1 - BETA1 ** t;
      const secondCorrection = 1 - BETA2 ** t;
      tf.tidy(() => {
        const mNext = tf.add<tf.Tensor1D>(tf.mul(m, BETA1), tf.mul(grad, 1 - BETA1));
        const vNext = tf.add<tf.Tensor1D>(tf.mul(v, BETA2), tf.mul(tf.square(grad), 1 - BETA2));
        const denominator = tf.add(tf.sqrt(tf.div(vNext, secondCorrection)), epsilon);
        const update = tf.mul(tf.div(mNext, denominator), lr / firstCorrection);
        m.assign(mNext);
        v.assign(vNext);
        theta.assign(tf.sub(theta, update));
      });
    },
    dispose(): void {
      tf.dispose([theta, m, v]);
    },
  };
}
