/**
 * The confusion matrix of a classifier on a test sample: C[t][p] = #{i : y_i = t, yhat_i = p} over classes
 * 0..K-1, row-major in one array of K * K counts (a row sums to the test digits of class t).
 */
export function confusionCounts(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  classes: number,
): number[] {
  const counts = new Array<number>(classes * classes).fill(0);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    // A label outside 0..K-1 (a model that predicts no valid class) is counted nowhere rather than misfiled.
    if (Number.isInteger(t) && Number.isInteger(p) && t >= 0 && p >= 0 && t < classes && p < classes)
      counts[t * classes + p]!++;
  }
  return counts;
}
