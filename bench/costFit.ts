/**
 * Least squares for the cost model's constants: c >= 0 minimizing sum_i (sum_j c_j x_ij / t_i - 1)^2, the
 * relative error of the fitted times (timings span milliseconds to seconds, so absolute error would fit only the
 * longest). Columns are scaled to unit norm before the normal equations are solved; a negative constant drops its
 * term and the rest are refitted (an active-set loop), so every constant is a cost, never a credit.
 */
import type { Terms } from '../src/engine/cost';

function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export function fitConstants(cases: readonly Terms[], seconds: readonly number[]): Record<string, number> {
  const names = [...new Set(cases.flatMap((terms) => Object.keys(terms)))];
  let active = names.filter((name) => cases.some((terms) => (terms[name] ?? 0) > 0));
  for (;;) {
    // Rows: each case's terms over its measured time; columns scaled to unit norm.
    const rows = cases.map((terms, i) => active.map((name) => (terms[name] ?? 0) / seconds[i]!));
    const norms = active.map((_, j) => Math.hypot(...rows.map((row) => row[j]!)) || 1);
    const scaled = rows.map((row) => row.map((v, j) => v / norms[j]!));
    const k = active.length;
    const ata = Array.from({ length: k }, (_, a) =>
      Array.from(
        { length: k },
        (_, b) => scaled.reduce((s, row) => s + row[a]! * row[b]!, 0) + (a === b ? 1e-9 : 0),
      ),
    );
    const atb = Array.from({ length: k }, (_, a) => scaled.reduce((s, row) => s + row[a]!, 0));
    const solution = solve(ata, atb)?.map((v, j) => v / norms[j]!);
    if (!solution) throw new Error(`cost fit: singular system for ${active.join(', ')}`);
    const worst = solution.reduce((w, v, j) => (v < (solution[w] ?? 0) ? j : w), -1);
    if (worst < 0 || solution[worst]! >= 0) {
      return Object.fromEntries(names.map((name) => [name, solution[active.indexOf(name)] ?? 0]));
    }
    active = active.filter((_, j) => j !== worst);
  }
}
