/**
 * The CNN's layers and their backward passes, written out (tfjs-core's Node bundle registers no gradients), from
 * kernels every tfjs backend has, tfjs-backend-wasm 4.22 included, which lacks Conv2DBackpropFilter (tfjs issue
 * #8474). For a valid 5x5 convolution z = x * W of x [b, h, w, cin] with W [5, 5, cin, cout]:
 *   forward          tf.fused.conv2d with the bias and the ReLU
 *   dL/dW[u,v,i,o]   = sum_(b,y,x) x[b, y+u, x+v, i] g[b, y, x, o]: itself a valid convolution, of x with batch
 *                    and channels swapped ([cin, h, w, b]) by g as the filter ([h', w', b, cout])
 *   dL/dx            = g zero-padded by 4 and convolved with W turned 180 degrees, its channels swapped (the
 *                    values of tf.conv2dTranspose, which is 3x slower on WASM)
 * and a 2x2 max pool, tf.maxPool forward, its MaxPoolGrad kernel backward (the gradient to each window's first
 * maximum). Measured on tfjs-wasm for 64 digits: these kernels take 1-5 ms each, while im2col from 25 tf.slice
 * views and a concat takes 80 ms (WASM's Slice and Concat copy row by row in JavaScript) and tf.gather 30 ms.
 * Everything is called inside a tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Side of the convolution window. */
export const KERNEL = 5;

/** relu(x * W + bias): [b, h - 4, w - 4, cout]. */
export function convolve(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D): tf.Tensor4D {
  return tf.fused.conv2d({ x, filter, bias, strides: 1, pad: 'valid', activation: 'relu' });
}

/** dL/dW [5, 5, cin, cout] of a convolution of x [b, h, w, cin] whose output has gradient g [b, h', w', cout]. */
export function filterGradient(x: tf.Tensor4D, g: tf.Tensor4D): tf.Tensor4D {
  const swapped = tf.conv2d(tf.transpose(x, [3, 1, 2, 0]), tf.transpose(g, [1, 2, 0, 3]), 1, 'valid');
  return tf.transpose(swapped, [1, 2, 0, 3]);
}

/** dL/dx [b, h, w, cin] of a convolution by `filter` whose output has gradient g [b, h - 4, w - 4, cout]. */
export function inputGradient(g: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D {
  const turned = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]);
  return tf.conv2d(g, turned, 1, KERNEL - 1);
}

/** 2x2 max pool, stride 2: [b, h / 2, w / 2, c]. */
export function pool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'valid');
}

/** The gradient dy of pool(x) = pooled back onto x: to the first maximum of each window. */
export function unpool(dy: tf.Tensor4D, x: tf.Tensor4D, pooled: tf.Tensor4D): tf.Tensor4D {
  const attrs = { filterSize: 2, strides: 2, pad: 'valid' as const };
  return tf.engine().runKernel(tf.MaxPoolGrad, { dy, input: x, output: pooled }, attrs) as tf.Tensor4D;
}
