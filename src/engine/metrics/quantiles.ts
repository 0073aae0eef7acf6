/**
 * Quantiles for the interval formulas: Student t, t_v^-1(p), from @stdlib (regularized incomplete beta inverse),
 * and the standard normal, Phi^-1(p), by Wichura's algorithm AS241 (PPND16, about 1e-16 relative).
 */
import * as portable from '../portable';
import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';

function checkProbability(p: number, name: string): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`${name}: probability must lie in (0, 1), got ${p}`);
}

// AS241 coefficients (Applied Statistics 37(3), 1988, 477-484), written as the float64 values they round to.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Polynomial with coefficients c[0] + c[1] x + ... by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let value = 0;
  for (let i = c.length - 1; i >= 0; i--) value = value * x + c[i]!;
  return value;
}

/** Standard normal quantile Phi^-1(p) for p in (0, 1) (AS241); throws outside (0, 1). */
export function normalQuantile(p: number): number {
  checkProbability(p, 'normalQuantile');
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-portable.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    value = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -value : value;
}

/**
 * Student t quantile t_df^-1(p) for p in (0, 1) and df > 0 (df = Infinity gives the normal quantile).
 * Throws on p outside (0, 1) or df <= 0 / NaN. Accuracy, checked against scipy: about 1e-15 relative for the
 * tail probabilities that intervals use; within about 1e-6 of p = 1/2 at df >= 1000 @stdlib returns 0, an
 * absolute error below 3e-7 (the true quantile is that small there).
 */
export function tQuantile(p: number, df: number): number {
  checkProbability(p, 'tQuantile');
  if (!(df > 0)) throw new RangeError(`tQuantile: degrees of freedom must be positive, got ${df}`);
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  return stdlibTQuantile(p, df);
}
