/**
 * One run of the 1-D regression scene: draw D (real), D~ (synthetic) and a real test sample, fit every model on
 * D and on D~, and score both fits on the same real test points: TRTR = R^(f^_k), TSTR = R^(f~_k), U = |TSTR - TRTR|.
 */
import { assertScenario } from '../scenario/sanitize';
import type { Scenario } from '../scenario/schema';
import { drawOracleSynthetic } from './generators/oracle';
import { knn } from './learners/knn';
import { ols } from './learners/ols';
import { poly } from './learners/poly';
import { FitError, type Learner } from './learners/types';
import { column, stackRows } from './matrix';
import { pairedGap, meanEstimate, squaredErrors } from './metrics/risk';
import type { ModelOutcome, SceneResult } from './results';
import { etaAt } from './populations/regression';
import { drawSample, type Sample1d } from './populations/sample';

export {
  isFailure,
  type ModelFailure,
  type ModelOutcome,
  type ModelResult,
  type SceneResult,
} from './results';

/** Points per sample sent to the scatter plot (draws are i.i.d., so the first ones are a fair subsample). */
export const DISPLAY_POINTS = 300;
export const CURVE_POINTS = 161;

/** Thrown when a newer request made this run obsolete. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export function sceneLearners(scenario: Scenario): Learner[] {
  return [ols(), poly(3), knn(scenario.k)];
}

function displayed(sample: Sample1d): { x: number[]; y: number[]; total: number } {
  const count = Math.min(DISPLAY_POINTS, sample.x.length);
  return {
    x: Array.from(sample.x.subarray(0, count)),
    y: Array.from(sample.y.subarray(0, count)),
    total: sample.x.length,
  };
}

/** Plot range: both samples' central 99% (or so), widened a little. */
function gridFor(real: Sample1d, synthetic: Sample1d): Float64Array {
  const sorted = Float64Array.from([...real.x, ...synthetic.x]).sort();
  const lo = sorted[Math.floor(0.003 * (sorted.length - 1))]!;
  const hi = sorted[Math.ceil(0.997 * (sorted.length - 1))]!;
  const pad = 0.05 * (hi - lo || 1);
  return Float64Array.from(
    { length: CURVE_POINTS },
    (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (CURVE_POINTS - 1),
  );
}

export async function runScene(
  input: Scenario,
  isCancelled: () => boolean = () => false,
): Promise<SceneResult> {
  const started = performance.now();
  const scenario = assertScenario(input);
  const response = { eta: scenario.eta, sigma: scenario.sigma };
  const real = drawSample(scenario.seed, 'real', scenario.n, response);
  const synthetic = drawOracleSynthetic(scenario.seed, scenario.m, response, scenario);
  const test = drawSample(scenario.seed, 'test', scenario.nTest, response);
  const grid = gridFor(real, synthetic);
  // Test points and plot grid are predicted in one call, so kNN searches them in one batched tensor program.
  const queries = stackRows([column(test.x), column(grid)]);

  const models: ModelOutcome[] = [];
  for (const learner of sceneLearners(scenario)) {
    if (isCancelled()) throw new Cancelled();
    let onReal: Float64Array;
    let onSynthetic: Float64Array;
    try {
      onReal = await learner.fit(column(real.x), real.y).predict(queries);
      onSynthetic = await learner.fit(column(synthetic.x), synthetic.y).predict(queries);
    } catch (error) {
      if (!(error instanceof FitError)) throw error;
      models.push({ id: learner.id, label: learner.label, error: error.message });
      continue;
    }
    const testCount = scenario.nTest;
    const lossReal = squaredErrors(onReal.subarray(0, testCount), test.y);
    const lossSynthetic = squaredErrors(onSynthetic.subarray(0, testCount), test.y);
    const trtr = meanEstimate(lossReal);
    const tstr = meanEstimate(lossSynthetic);
    const { gap, utility } = pairedGap(lossSynthetic, lossReal);
    models.push({
      id: learner.id,
      label: learner.label,
      trtr,
      tstr,
      gap,
      utility,
      ratio: trtr.mean > 0 ? tstr.mean / trtr.mean : null,
      curveReal: Array.from(onReal.subarray(testCount)),
      curveSynthetic: Array.from(onSynthetic.subarray(testCount)),
    });
  }
  return {
    scenario,
    real: displayed(real),
    synthetic: displayed(synthetic),
    grid: Array.from(grid),
    eta: Array.from(grid, (x) => etaAt(scenario.eta, x)),
    etaSynthetic: Array.from(grid, (x) => etaAt(scenario.eta, x) + scenario.bias),
    models,
    elapsedMs: performance.now() - started,
  };
}
