/**
 * Largest Gram matrix (bytes) a kernel ridge fit puts in the float64 kernel's memory, which never shrinks:
 * n <= 2,896. Larger fits run in JavaScript (the same bits), so a big kernel ridge does not leave hundreds of MB
 * behind in a worker. Kept apart from the kernel's module so the cost model (on the page) can read it cheaply.
 */
export const GRAM_LIMIT_BYTES = 64 * 2 ** 20;

/** Whether a kernel ridge fit on n points runs on the float64 kernel (its Gram matrix fits the limit). */
export function gramFits(n: number): boolean {
  return Math.ceil(n / 2) * n * 16 <= GRAM_LIMIT_BYTES;
}
