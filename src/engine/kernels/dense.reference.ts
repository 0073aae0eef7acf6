/**
 * A float64 reference for the dense kernel's tests: the same network (ReLU hidden layers, linear outputs,
 * parameters layer after layer W [in][out] then b [out]), its loss, its gradient by backpropagation written
 * independently of the kernel (plain loops over points, one at a time), and Adam.
 */
import type { DenseLoss } from './dense';

export interface Network {
  readonly sizes: readonly number[];
  readonly params: ArrayLike<number>;
}

/** Every layer's output for one input row (the last is the network's output). */
function activations({ sizes, params }: Network, row: ArrayLike<number>): number[][] {
  const layers: number[][] = [Array.from(row)];
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const [K, J] = [sizes[l - 1]!, sizes[l]!];
    const h = layers[l - 1]!;
    const out = Array.from({ length: J }, (_, j) => {
      let z = params[at + K * J + j]!;
      for (let k = 0; k < K; k++) z += h[k]! * params[at + k * J + j]!;
      return l < sizes.length - 1 ? Math.max(z, 0) : z;
    });
    layers.push(out);
    at += (K + 1) * J;
  }
  return layers;
}

export function forward(net: Network, x: ArrayLike<number>, rows: number): Float64Array {
  const [p, k] = [net.sizes[0]!, net.sizes.at(-1)!];
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    out.set(
      activations(
        net,
        Array.from({ length: p }, (_, j) => x[i * p + j]!),
      ).at(-1)!,
      i * k,
    );
  }
  return out;
}

/** Mean loss over the n rows and its gradient (paramCount entries). */
export function lossAndGradient(
  net: Network,
  loss: DenseLoss,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
): { loss: number; grad: Float64Array } {
  const { sizes, params } = net;
  const [p, k] = [sizes[0]!, sizes.at(-1)!];
  const grad = new Float64Array(params.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const layers = activations(
      net,
      Array.from({ length: p }, (_, j) => x[i * p + j]!),
    );
    const f = layers.at(-1)!;
    let g = f.map((z, o) => {
      const t = y[i * k + o]!;
      if (loss === 'mse') {
        total += (z - t) ** 2;
        return (2 * (z - t)) / n;
      }
      total += Math.max(z, 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
      return (1 / (1 + Math.exp(-z)) - t) / n;
    });
    let end = params.length;
    for (let l = sizes.length - 1; l >= 1; l--) {
      const [K, J] = [sizes[l - 1]!, sizes[l]!];
      const start = end - (K + 1) * J;
      const h = layers[l - 1]!;
      for (let j = 0; j < J; j++) {
        for (let kk = 0; kk < K; kk++) grad[start + kk * J + j]! += h[kk]! * g[j]!;
        grad[start + K * J + j]! += g[j]!;
      }
      g = h.map((hk, kk) => {
        let s = 0;
        for (let j = 0; j < J; j++) s += g[j]! * params[start + kk * J + j]!;
        return hk > 0 ? s : 0;
      });
      end = start;
    }
  }
  return { loss: total / n, grad };
}

/** Adam's step t (1-based) in float64, in place: m, v and the parameters. */
export function adamStep(
  theta: Float64Array,
  m: Float64Array,
  v: Float64Array,
  grad: ArrayLike<number>,
  t: number,
  lr: number,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-7,
): void {
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i]! + (1 - beta1) * grad[i]!;
    v[i] = beta2 * v[i]! + (1 - beta2) * grad[i]! ** 2;
    const den = Math.sqrt(v[i]! / (1 - beta2 ** t)) + epsilon;
    theta[i]! -= (lr / (1 - beta1 ** t)) * (m[i]! / den);
  }
}
