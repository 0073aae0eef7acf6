/**
 * The float64 kernels (kernel ridge regression and kNN's exact scan) in WebAssembly SIMD, bit for bit the
 * engine's JavaScript (src/engine/kernels/float64.ts loads them; the JavaScript stays the reference and the
 * fallback). The caller owns the linear memory: it writes the inputs at addresses from heapBase() up and passes
 * pointers; nothing here allocates. The module imports one function, exp.referenceExp (@stdlib's exp, for
 * expFast's rare arguments outside the fast range), and the host writes expFast's table at expTable() once.
 */
export { expMany, expTable } from './exp';
export { cholesky, gram, krrFit, krrPredict, solve } from './krr';
export { knnScan } from './knn';

/** First byte the caller may use (16-aligned): the module's own data end below it. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}
