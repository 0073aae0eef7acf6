/**
 * Keeps the cost estimate honest (`npm run bench -- --only cost`): for the default link and the workloads S1–S3,
 * the estimate (src/scenario/cost.ts, one thread, pace 1) next to the measured time of the same work in Node on
 * one thread (the page's scene for a run, the sweep's points for a sweep): wall-clock, and the process's CPU time,
 * which the model estimates and which other work on a shared machine hardly moves. Needs tfjs started (the MLP).
 */
import { runScene } from '../src/engine/scene';
import { runSweep } from '../src/engine/sweep';
import { planFromScenario } from '../src/scenario/labs/index';
import { runEstimate, sweepEstimateSeconds } from '../src/scenario/cost';
import { defaultScenario, type Scenario } from '../src/scenario/schema';
import { sweepPlans, type SweepAxis } from '../src/scenario/sweep';

export interface CostRow {
  readonly name: string;
  readonly estimateS: number;
  /** Wall-clock seconds, and the CPU seconds of this process (what the model estimates: one thread's work). */
  readonly measuredS: number;
  readonly cpuS: number;
  /** Measured CPU over estimated (1: exact; the unit tests allow 1/3..3 on small runs). */
  readonly ratio: number;
}

export interface CostCase {
  readonly name: string;
  readonly scenario: Scenario;
  readonly axes: readonly SweepAxis[];
}

/** The default link (the defaults; the first look only moves the shift, which costs nothing). */
export const DEFAULT_CASE: CostCase = { name: 'default link', scenario: defaultScenario(), axes: [] };

export async function benchCost(
  cases: readonly CostCase[],
  log: (line: string) => void = () => {},
): Promise<CostRow[]> {
  const rows: CostRow[] = [];
  for (const { name, scenario, axes } of cases) {
    const estimateS =
      axes.length === 0 ? runEstimate(scenario).seconds : sweepEstimateSeconds(scenario, axes);
    const started = performance.now();
    const cpu = process.cpuUsage();
    if (axes.length === 0) await runScene(planFromScenario(scenario));
    else await runSweep(sweepPlans(scenario, axes));
    const measuredS = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const cpuS = (user + system) / 1e6;
    rows.push({ name, estimateS, measuredS, cpuS, ratio: cpuS / estimateS });
    log(
      `cost ${name}: estimate ${estimateS.toFixed(2)} s, measured ${measuredS.toFixed(2)} s (CPU ${cpuS.toFixed(2)} s)`,
    );
  }
  return rows;
}
