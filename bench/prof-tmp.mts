import { c2stAuc } from '/work/main/src/engine/metrics/c2st';
import { stream } from '/work/main/src/engine/rng';
const r = stream(1, 'x');
const m = (rows: number, cols: number, shift: number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal() + shift) });
for (const [cols, rows, deg] of [[31, 1000, 2], [31, 2000, 2], [20, 4000, 2], [50, 4000, 1], [50, 10000, 1]] as const) {
  const a = performance.now();
  const auc = await c2stAuc(m(rows, cols, 0), m(rows, cols, 0.05), deg);
  console.log(cols, rows, deg, auc?.toFixed(3), (performance.now() - a).toFixed(0), 'ms');
}
