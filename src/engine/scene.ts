/**
 * A scenario run for the page: the replicate runner (run.ts) plus a picture of replicate 0 (points, E[Y | x],
 * fitted curves along x1 when p = 1), streamed to `onProgress` after every replicate.
 */
import { assertScenario } from '../scenario/sanitize';
import type { Scenario } from '../scenario/schema';
import { planFromScenario, type ExperimentPlan } from './experiment';
import { matrix, type Matrix } from './matrix';
import { conditionalMean, type Sample } from './populations/population';
import type { SceneResult, SceneVisual } from './results';
import { drawReplicate, runExperiment, type Replicate0 } from './run';

export { Cancelled } from './run';

/** Points per sample sent to the scatter plot (draws are i.i.d., so the first ones are a fair subsample). */
export const DISPLAY_POINTS = 300;
export const CURVE_POINTS = 161;

function displayed(sample: Sample): SceneVisual['real'] {
  const count = Math.min(DISPLAY_POINTS, sample.x.rows);
  const p = sample.x.cols;
  return {
    x: Array.from({ length: count }, (_, i) => sample.x.data[i * p]!),
    y: Array.from(sample.y.subarray(0, count)),
    total: sample.x.rows,
  };
}

/** Grid over the central 99.4% of both samples' x1, widened a little. */
function gridFor(real: Sample, synthetic: Sample): Matrix {
  const sorted = Float64Array.from([...real.x.data, ...synthetic.x.data]).sort();
  const lo = sorted[Math.floor(0.003 * (sorted.length - 1))]!;
  const hi = sorted[Math.ceil(0.997 * (sorted.length - 1))]!;
  const pad = 0.05 * (hi - lo || 1);
  const grid = Float64Array.from(
    { length: CURVE_POINTS },
    (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (CURVE_POINTS - 1),
  );
  return matrix(CURVE_POINTS, 1, grid);
}

function visualOf(plan: ExperimentPlan, first: Replicate0, grid: Matrix | null): SceneVisual {
  const along = (f: (x: number) => number) => (grid ? Array.from(grid.data, f) : null);
  return {
    real: displayed(first.real),
    synthetic: displayed(first.synthetic),
    grid: grid ? Array.from(grid.data) : null,
    eta: along((x) => conditionalMean(plan.population, [x])),
    // A fitted generator has no closed-form E~[Y | x]: only the oracle's is drawn.
    etaSynthetic: plan.fitted ? null : along((x) => conditionalMean(plan.population, [x], plan.synthetic)),
    curves: first.curves.map((c) => ({
      id: c.id,
      real: c.real && Array.from(c.real),
      synthetic: c.synthetic && Array.from(c.synthetic),
    })),
  };
}

export async function runScene(
  input: Scenario,
  isCancelled: () => boolean = () => false,
  onProgress?: (partial: SceneResult) => void,
  pace?: (completed: number) => Promise<number>,
): Promise<SceneResult> {
  const started = performance.now();
  const scenario = assertScenario(input);
  const plan = planFromScenario(scenario);
  // The grid needs replicate 0's samples; a first pass over their draws is cheap next to the fits.
  const first = plan.population.features.p === 1 ? drawReplicate(plan, 0) : null;
  const grid = first ? gridFor(first.real, first.synthetic) : null;
  let visual: SceneVisual | null = null;
  const records: SceneResult['records'][number][] = [];
  const result = await runExperiment(plan, {
    ...(grid ? { grid } : {}),
    ...(pace ? { pace } : {}),
    isCancelled,
    onReplicate: (record, summary, first, fidelity) => {
      records.push(record);
      if (first && !visual) visual = visualOf(plan, first, grid);
      const done = summary.completed === summary.planned;
      const elapsedMs = performance.now() - started;
      if (!done)
        onProgress?.({ scenario, summary, records: [...records], visual, fidelity, done, elapsedMs });
    },
  });
  const elapsedMs = performance.now() - started;
  return {
    scenario,
    summary: result.summary,
    records: result.records,
    visual,
    fidelity: result.fidelity,
    done: true,
    elapsedMs,
  };
}
