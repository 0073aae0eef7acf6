/**
 * L-BFGS (Nocedal & Wright 2006, algorithm 7.4) in float64 for smooth strictly convex objectives: the direction
 * d = -H g from the last `memory` steps s and gradient changes y (two-loop recursion, H0 = (s'y / y'y) I), then a
 * backtracking line search to Armijo's sufficient decrease f(theta + t d) <= f(theta) + 1e-4 t g'd. Strict
 * convexity makes s'y > 0 at every step, so no Wolfe curvature test is needed to keep H positive definite.
 *
 * The objective is seen along lines (LineFunction): a trial step costs the softmax regression n * k exponentials
 * once X d is known, while a gradient costs a product with the data, so the search tries steps cheaply.
 */

/** A smooth function of `size` coordinates, held at a current point and probed along lines from it. */
export interface LineFunction {
  readonly size: number;
  /** Makes theta the current point: f(theta), and its gradient into grad. */
  start(theta: Float64Array, grad: Float64Array): number;
  /** Prepares the line current + t d. */
  aim(direction: Float64Array): void;
  /** f(current + t d) on the aimed line. */
  along(t: number): number;
  /** Moves the current point to current + t d on the aimed line: its value, and its gradient into grad. */
  move(t: number, grad: Float64Array): number;
}

export interface LbfgsOptions {
  /** Stop once every gradient component is at most this (absolute). */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Step pairs kept (default 20). */
  readonly memory?: number;
}

export interface LbfgsResult {
  readonly iterations: number;
  /** False when maxIterations ran out with the gradient still above the tolerance. */
  readonly converged: boolean;
  /** Largest gradient component at the returned point. */
  readonly gradient: number;
  readonly value: number;
}

const ARMIJO = 1e-4;
/** Backtracking gives up after the step shrank this much: no step along d lowers f in float64. */
const SMALLEST_STEP = 1e-14;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** v += a x. */
function axpy(a: number, x: Float64Array, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) v[i]! += a * x[i]!;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

/**
 * Minimizes f from theta (f's current point moves along; read it from f). Returns when the gradient is within
 * the tolerance, when no step along the search direction lowers f any more (the minimum to float64 precision),
 * or after maxIterations.
 */
export function lbfgs(f: LineFunction, theta: Float64Array, options: LbfgsOptions): LbfgsResult {
  const size = f.size;
  const memory = options.memory ?? 20;
  // The last `kept` pairs (s, y) and 1 / s'y, oldest first from `first`, in a ring of preallocated vectors.
  const s = Array.from({ length: memory }, () => new Float64Array(size));
  const y = Array.from({ length: memory }, () => new Float64Array(size));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  let [first, kept] = [0, 0];
  let grad = new Float64Array(size);
  let next = new Float64Array(size);
  const direction = new Float64Array(size);
  let value = f.start(theta, grad);
  for (let iteration = 0; ; iteration++) {
    const gradient = maxAbs(grad);
    if (gradient <= options.tolerance || !Number.isFinite(value)) {
      return { iterations: iteration, converged: Number.isFinite(value), gradient, value };
    }
    if (iteration === options.maxIterations)
      return { iterations: iteration, converged: false, gradient, value };
    // Two-loop recursion: direction = -H grad.
    for (let i = 0; i < size; i++) direction[i] = -grad[i]!;
    for (let back = kept - 1; back >= 0; back--) {
      const j = (first + back) % memory;
      const a = rho[j]! * dot(s[j]!, direction);
      alpha[j] = a;
      axpy(-a, y[j]!, direction);
    }
    const last = (first + kept - 1) % memory;
    const scale = kept > 0 ? 1 / (rho[last]! * dot(y[last]!, y[last]!)) : 1 / gradient;
    for (let i = 0; i < size; i++) direction[i]! *= scale;
    for (let forth = 0; forth < kept; forth++) {
      const j = (first + forth) % memory;
      axpy(alpha[j]! - rho[j]! * dot(y[j]!, direction), s[j]!, direction);
    }
    let slope = dot(grad, direction);
    if (!(slope < 0)) {
      // Rounding spoiled the model of H: start it again from steepest descent.
      kept = 0;
      for (let i = 0; i < size; i++) direction[i] = -grad[i]! / gradient;
      slope = dot(grad, direction);
    }
    f.aim(direction);
    // Backtracking from t = 1 (the quasi-Newton step), each trial at the minimum of the quadratic through
    // f(0), f'(0) and f(t), kept within [t / 10, t / 2].
    let t = 1;
    let accepted = false;
    while (t >= SMALLEST_STEP) {
      const trial = f.along(t);
      if (trial <= value + ARMIJO * t * slope) {
        accepted = true;
        break;
      }
      const curvature = trial - value - slope * t;
      const quadratic = Number.isFinite(curvature) && curvature > 0 ? (-slope * t * t) / (2 * curvature) : 0;
      t = Math.min(0.5 * t, Math.max(0.1 * t, quadratic));
    }
    if (!accepted) return { iterations: iteration, converged: true, gradient, value };
    value = f.move(t, next);
    // The new pair goes where the oldest was once the ring is full.
    const j = kept < memory ? (first + kept) % memory : first;
    const [step, change] = [s[j]!, y[j]!];
    let sy = 0;
    for (let i = 0; i < size; i++) {
      step[i] = t * direction[i]!;
      change[i] = next[i]! - grad[i]!;
      sy += step[i]! * change[i]!;
    }
    [grad, next] = [next, grad];
    if (sy > 0) {
      rho[j] = 1 / sy;
      if (kept < memory) kept++;
      else first = (first + 1) % memory;
    } else if (kept === memory) {
      // Rounding made s'y <= 0: the pair is dropped, and with it the oldest one it overwrote.
      first = (first + 1) % memory;
      kept--;
    }
  }
}
