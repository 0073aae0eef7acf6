/**
 * The CNN of cnn-net.ts written out in float64 loops, one image at a time: the reference its tfjs forward pass and
 * its backpropagation are tested against (outputs, and gradients by central differences of this loss). For
 * tests only; slow.
 */
import { HIDDEN, SIDE } from './cnn-net';

const K = 5;

/** Valid 5x5 convolution + bias + ReLU of a [side][side][cin] image, filter [5][5][cin][cout] at w[wAt]. */
function convolve(
  image: Float64Array,
  side: number,
  cin: number,
  cout: number,
  theta: Float64Array,
  wAt: number,
): Float64Array {
  const out = side - K + 1;
  const bAt = wAt + K * K * cin * cout;
  const result = new Float64Array(out * out * cout);
  for (let y = 0; y < out; y++) {
    for (let x = 0; x < out; x++) {
      for (let o = 0; o < cout; o++) {
        let s = theta[bAt + o]!;
        for (let u = 0; u < K; u++) {
          for (let v = 0; v < K; v++) {
            for (let i = 0; i < cin; i++) {
              s +=
                image[((y + u) * side + x + v) * cin + i]! * theta[wAt + ((u * K + v) * cin + i) * cout + o]!;
            }
          }
        }
        result[(y * out + x) * cout + o] = Math.max(0, s);
      }
    }
  }
  return result;
}

/** 2x2 max pool, stride 2, of a [side][side][c] image. */
function pool(image: Float64Array, side: number, c: number): Float64Array {
  const half = side / 2;
  const result = new Float64Array(half * half * c);
  for (let y = 0; y < half; y++) {
    for (let x = 0; x < half; x++) {
      for (let o = 0; o < c; o++) {
        const at = (yy: number, xx: number): number => image[(yy * side + xx) * c + o]!;
        result[(y * half + x) * c + o] = Math.max(
          at(2 * y, 2 * x),
          at(2 * y, 2 * x + 1),
          at(2 * y + 1, 2 * x),
          at(2 * y + 1, 2 * x + 1),
        );
      }
    }
  }
  return result;
}

/** Dense layer out = (relu?)(b + x W), W [in][out] at theta[wAt]. */
function dense(
  input: Float64Array,
  outputs: number,
  theta: Float64Array,
  wAt: number,
  relu: boolean,
): Float64Array {
  const inputs = input.length;
  const bAt = wAt + inputs * outputs;
  const out = new Float64Array(outputs);
  for (let o = 0; o < outputs; o++) {
    let s = theta[bAt + o]!;
    for (let i = 0; i < inputs; i++) s += input[i]! * theta[wAt + i * outputs + o]!;
    out[o] = relu ? Math.max(0, s) : s;
  }
  return out;
}

/** Outputs [rows][classes] of the CNN with parameters theta (cnn-net.ts's layout) on images x [rows][784]. */
export function referenceOutputs(
  theta: Float64Array,
  filters: number,
  classes: number,
  x: Float64Array,
  rows: number,
): Float64Array {
  const out = new Float64Array(rows * classes);
  const conv2At = (K * K + 1) * filters;
  const dense3At = conv2At + (K * K * filters + 1) * 2 * filters;
  const dense4At = dense3At + (16 * 2 * filters + 1) * HIDDEN;
  for (let r = 0; r < rows; r++) {
    const image = x.subarray(r * SIDE * SIDE, (r + 1) * SIDE * SIDE);
    const p1 = pool(convolve(image, SIDE, 1, filters, theta, 0), SIDE - K + 1, filters);
    const p2 = pool(convolve(p1, 12, filters, 2 * filters, theta, conv2At), 8, 2 * filters);
    const hidden = dense(p2, HIDDEN, theta, dense3At, true);
    out.set(dense(hidden, classes, theta, dense4At, false), r * classes);
  }
  return out;
}

/** Mean cross-entropy of outputs [rows][classes] against labels y. */
export function referenceLoss(outputs: Float64Array, y: ArrayLike<number>, classes: number): number {
  let total = 0;
  for (let r = 0; r < y.length; r++) {
    const row = outputs.subarray(r * classes, (r + 1) * classes);
    const max = Math.max(...row);
    let sum = 0;
    for (const v of row) sum += Math.exp(v - max);
    total += max + Math.log(sum) - row[y[r]!]!;
  }
  return total / y.length;
}
