/**
 * Fits the cost model's constants (src/engine/cost.ts) on this machine: times every learner's fit, prediction and
 * scoring, a replicate's draws with each generator, the fidelity report and the streamed summaries at a few sizes,
 * in Node on one thread (tfjs on WASM for the MLP, as the CLI), in CPU time, and fits each group's
 * seconds-per-unit constants by least squares on relative error, none negative. Prints each case's measured and
 * fitted time.
 *
 *   npx tsx bench/cost-calibrate.ts            # print only (about 3 minutes: 3 rounds, the median of each case)
 *   npx tsx bench/cost-calibrate.ts --write    # also rewrite src/engine/costConstants.ts
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startNodeBackend } from '../src/cli/nodeBackend';
import {
  drawTerms,
  estimatePlanCost,
  fidelityTerms,
  learnerTerms,
  summaryTerms,
  termSeconds,
  type Terms,
} from '../src/engine/cost';
import { drawReplicate } from '../src/engine/draw';
import { fidelityReport } from '../src/engine/fidelityReport';
import { parseSpecText } from '../src/engine/learners/catalog';
import { parseModelSpec } from '../src/engine/learners/spec';
import { runScene } from '../src/engine/scene';
import type { ExperimentPlan, PopulationSource } from '../src/engine/plan';
import { meanLoss } from '../src/engine/metrics/risk';
import { drawReal, type Sample } from '../src/engine/populations/population';
import { summarize, type ReplicateRecord } from '../src/engine/summary';
import type { Task } from '../src/engine/task';
import { planFromScenario } from '../src/scenario/labs/index';
import { sanitizeScenario } from '../src/scenario/sanitize';
import { defaultScenario, type Scenario } from '../src/scenario/schema';
import { fitConstants } from './costFit';

const { values: args } = parseArgs({
  options: { write: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Case {
  readonly name: string;
  readonly terms: Terms;
  readonly run: () => Promise<unknown>;
}

/** CPU seconds this process spent (user and system): unlike wall time, other work on the machine hardly moves it. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Median CPU time of runs after one untimed warm-up (JIT), in seconds: at least `reps` runs, more for quick cases
 * (up to 15, about 0.2 s of them). CPU time, not wall time: the machine is shared with other work, and the model
 * is of one thread's work (the page scales it by its measured pace). The median, not the best: a typical run.
 */
async function time(run: () => Promise<unknown>, reps: number): Promise<number> {
  await run();
  const runs: number[] = [];
  let spent = 0;
  while (runs.length < reps || (runs.length < 15 && spent < 0.2)) {
    const started = cpuSeconds();
    await run();
    const seconds = cpuSeconds() - started;
    runs.push(seconds);
    spent += seconds;
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

function scenario(patch: Partial<Scenario>): Scenario {
  return sanitizeScenario(patch, defaultScenario()).scenario;
}

function plan(patch: Partial<Scenario>): ExperimentPlan {
  return planFromScenario(scenario(patch));
}

/** `rows` draws of the quadratic playground population with p features (labels for classification). */
function sample(rows: number, p: number, task: Task, label: string): Sample {
  const source = plan({ p, task }).source as PopulationSource;
  return drawReal(source.population, rows, 7, label);
}

function learnerCase(spec: string, task: Task, rows: number, p: number, test: number): Case {
  const parsed = parseSpecText(spec, task);
  const train = sample(rows, p, task, `train-${rows}-${p}`);
  const queries = sample(test, p, task, `test-${test}-${p}`);
  const learner = parseModelSpec(spec, task);
  return {
    name: `${spec} n=${rows} p=${p} test=${test}`,
    terms: learnerTerms(parsed, rows, p, test, task),
    // Fit, predict and score the test rows, as a replicate does (replicates.ts).
    run: async () => meanLoss(task, await learner.fit(train.x, train.y).predict(queries.x), queries.y),
  };
}

const LEARNERS: Record<string, Case[]> = {
  ols: [
    [500, 1, 1000],
    [5000, 1, 20000],
    [5000, 10, 1000],
    [1000, 10, 20000],
  ].map(([n, p, t]) => learnerCase('ols', 'regression', n!, p!, t!)),
  ridge: [
    [500, 1, 1000],
    [5000, 1, 20000],
    [5000, 10, 1000],
    [1000, 10, 20000],
  ].map(([n, p, t]) => learnerCase('ridge:alpha=1', 'regression', n!, p!, t!)),
  poly: [
    ['poly:degree=2', 500, 1, 1000],
    ['poly:degree=3', 2000, 2, 10000],
    ['poly:degree=3', 3000, 6, 1000],
    ['poly:degree=5', 1000, 3, 5000],
    ['poly:degree=2', 5000, 10, 1000],
  ].map(([spec, n, p, t]) =>
    learnerCase(spec as string, 'regression', n as number, p as number, t as number),
  ),
  knn: [
    ['knn:k=1', 200, 1, 1000],
    ['knn:k=15', 1000, 2, 5000],
    ['knn:k=10', 3000, 1, 2000],
    ['knn:k=5', 1000, 10, 2000],
    ['knn:k=200', 2000, 2, 1000],
    ['knn:k=1000', 3000, 1, 1000],
    ['knn:k=10', 200, 1, 10000],
    ['knn:k=50', 100, 1, 20000],
    ['knn:k=3', 500, 2, 10000],
    ['knn:k=10', 2000, 2, 3000],
  ]
    .map(([spec, n, p, t]) =>
      learnerCase(spec as string, 'regression', n as number, p as number, t as number),
    )
    .concat(
      [
        ['knn:k=5', 200, 1, 10000],
        ['knn:k=25', 500, 2, 5000],
      ].map(([spec, n, p, t]) =>
        learnerCase(spec as string, 'classification', n as number, p as number, t as number),
      ),
    ),
  krr: [
    [200, 1, 1000],
    [500, 2, 5000],
    [1000, 1, 1000],
    [1000, 8, 2000],
    [1600, 2, 1000],
    [2500, 1, 1000],
  ].map(([n, p, t]) => learnerCase('krr:alpha=1,gamma=1', 'regression', n!, p!, t!)),
  logistic: [
    [500, 1, 1000],
    [5000, 2, 20000],
    [5000, 10, 1000],
    [1000, 10, 10000],
  ].map(([n, p, t]) => learnerCase('logistic:C=1', 'classification', n!, p!, t!)),
  mlp: [
    ['mlp:width=8,depth=1,epochs=200,lr=0.01', 100, 1, 1000],
    ['mlp:width=32,depth=2,epochs=200,lr=0.01', 200, 1, 10000],
    ['mlp:width=32,depth=2,epochs=100,lr=0.01', 1000, 2, 1000],
    ['mlp:width=64,depth=3,epochs=30,lr=0.01', 2000, 5, 1000],
    ['mlp:width=16,depth=4,epochs=300,lr=0.01', 300, 2, 1000],
    ['mlp:width=128,depth=2,epochs=20,lr=0.01', 1000, 1, 1000],
  ].map(([spec, n, p, t]) =>
    learnerCase(spec as string, 'regression', n as number, p as number, t as number),
  ),
};

function drawCase(patch: Partial<Scenario>): Case {
  const p = plan(patch);
  return {
    name: `draws ${JSON.stringify(patch)}`,
    terms: drawTerms(p),
    run: async () => drawReplicate(p, 0),
  };
}

const DRAWS: Case[] = [
  drawCase({ n: 200, nTest: 1000, m: 200, p: 1 }),
  drawCase({ n: 2000, nTest: 20000, m: 2000, p: 1 }),
  drawCase({ n: 1000, nTest: 10000, m: 5000, p: 8 }),
  drawCase({ n: 500, nTest: 5000, m: 500, p: 1, eta: 'mixed', bias: 0.5, biasShape: 'linear' }),
  drawCase({ n: 1000, nTest: 10000, m: 1000, p: 2, task: 'classification' }),
  drawCase({ n: 1000, nTest: 5000, m: 1000, p: 3, generator: 'gaussian' }),
  drawCase({ n: 3000, nTest: 1000, m: 3000, p: 8, generator: 'gaussian' }),
  drawCase({ n: 500, nTest: 1000, m: 500, p: 2, generator: 'gmm', generatorComponents: 3 }),
  drawCase({ n: 2000, nTest: 1000, m: 500, p: 4, generator: 'gmm', generatorComponents: 8 }),
  drawCase({ n: 500, nTest: 1000, m: 500, p: 2, generator: 'smote' }),
  drawCase({ n: 3000, nTest: 1000, m: 3000, p: 5, generator: 'smote' }),
];

function fidelityCase(n: number, m: number, p: number): Case {
  const pl = plan({ n, m, p, nTest: 1000 });
  const draws = drawReplicate(pl, 0);
  return {
    name: `fidelity n=${n} m=${m} p=${p}`,
    terms: fidelityTerms(pl),
    run: () => fidelityReport(pl, draws.real, draws.synthetic),
  };
}

const FIDELITY: Case[] = [
  fidelityCase(200, 200, 1),
  fidelityCase(1000, 1000, 2),
  fidelityCase(3000, 3000, 1),
  fidelityCase(2000, 500, 8),
  fidelityCase(500, 2000, 3),
  fidelityCase(5000, 5000, 2),
];

function summaryCase(replicates: number, models: number): Case {
  const ids = Array.from({ length: models }, (_, k) => ({ id: `m${k}`, label: `m${k}` }));
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const records: ReplicateRecord[] = Array.from({ length: replicates }, (_, index) => ({
    index,
    trtr: ids.map(() => 1 + random()),
    tstr: ids.map(() => 1 + random()),
    errors: ids.map(() => null),
  }));
  return {
    name: `summaries R=${replicates} K=${models}`,
    terms: summaryTerms(replicates, models, true),
    run: async () => {
      for (let r = 1; r <= replicates; r++) summarize(records.slice(0, r), ids, replicates);
    },
  };
}

const SUMMARIES: Case[] = [
  summaryCase(5, 2),
  summaryCase(20, 3),
  summaryCase(100, 2),
  summaryCase(200, 6),
  summaryCase(50, 1),
  summaryCase(300, 1),
  summaryCase(30, 8),
];

if (!(await startNodeBackend('wasm'))) throw new Error('tfjs could not start WASM');

const groups: Record<string, Record<string, number>> = {};
const all: [string, Case[]][] = [
  ...Object.entries(LEARNERS),
  ['draws', DRAWS],
  ['fidelity', FIDELITY],
  ['summaries', SUMMARIES],
];
// Every case is timed once per round, the rounds one after another: a burst of other work on a shared machine
// then spoils one round's timing of a case, and the median over rounds drops it.
const rounds = Math.max(1, Number(args.rounds));
const timings = all.map(([, cases]) => cases.map((): number[] => []));
for (let round = 0; round < rounds; round++) {
  for (const [g, [group, cases]] of all.entries()) {
    for (const [i, c] of cases.entries()) {
      const seconds = await time(c.run, 3);
      timings[g]![i]!.push(seconds);
      log(`round ${round + 1}/${rounds} ${group}: ${c.name}: ${(seconds * 1000).toFixed(1)} ms`);
    }
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const [g, [group, cases]] of all.entries()) {
  const measured = timings[g]!.map(median);
  const constants = fitConstants(
    cases.map((c) => c.terms),
    measured,
  );
  groups[group] = constants;
  for (const [i, c] of cases.entries()) {
    const fitted = termSeconds(c.terms, constants);
    log(
      `  ${c.name}: measured ${(measured[i]! * 1000).toFixed(1)} ms, fitted ${(fitted * 1000).toFixed(1)} ms`,
    );
  }
}

// The overhead: whole small runs (the page's scene, one thread; not the unit tests' runs) against the sum of their
// pieces under the constants just fitted: the median ratio over a few runs (each timed as the cases are).
const WHOLE: Partial<Scenario>[] = [
  { n: 400, m: 400, replicates: 10 },
  { n: 800, m: 800, nTest: 1000, replicates: 2, models: 'krr:alpha=0.5,gamma=0.5' },
  { p: 2, n: 500, m: 500, nTest: 5000, replicates: 8, models: 'ols;poly:degree=3;knn:k=1;knn:k=15' },
  { n: 200, m: 200, nTest: 2000, replicates: 3, models: 'ols;mlp:width=16,depth=2,epochs=100,lr=0.01' },
  { task: 'classification', generator: 'gaussian', replicates: 10, models: 'logistic;knn:k=15' },
];
const provisional = { measured: '', machine: '', overhead: 1, groups };
const ratios: number[] = [];
for (const patch of WHOLE) {
  const p = plan(patch);
  const summed = estimatePlanCost(p, { constants: provisional }).seconds;
  const whole = await time(() => runScene(p), 3);
  ratios.push(whole / summed);
  log(
    `whole run ${JSON.stringify(patch)}: ${(whole * 1000).toFixed(0)} ms, pieces ${(summed * 1000).toFixed(0)} ms`,
  );
}
const overhead = Math.max(1, median(ratios));
log(`overhead: ${overhead.toFixed(3)} (ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`);

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
const measured = new Date().toISOString().slice(0, 10);
const body = Object.entries(groups)
  .map(
    ([name, constants]) =>
      `    ${name}: { ${Object.entries(constants)
        .map(([term, value]) => `${term}: ${value.toPrecision(4)}`)
        .join(', ')} },`,
  )
  .join('\n');
const file = `/**
 * The cost model's constants (cost.ts): seconds per unit of each term, by group (a learner, the draws, the
 * fidelity report, the summaries). Written by \`npx tsx bench/cost-calibrate.ts --write\`, which times the real
 * code in Node on one thread (CPU time: the machine may be shared) and fits these by least squares; edit by
 * rerunning it, not by hand.
 */
export type CostGroup = Readonly<Record<string, number>>;

export interface CostConstants {
  /** When and where they were measured. */
  readonly measured: string;
  readonly machine: string;
  /**
   * Measured over summed seconds for whole small runs: the pieces, timed alone, run this much slower inside a run
   * (allocations, garbage collection, cold caches, the run's bookkeeping). Applied to every part.
   */
  readonly overhead: number;
  readonly groups: Readonly<Record<string, CostGroup>>;
}

export const COST_CONSTANTS: CostConstants = {
  measured: '${measured}',
  machine: '${machine}',
  overhead: ${overhead.toFixed(3)},
  groups: {
${body}
  },
};
`;
if (args.write) {
  writeFileSync(new URL('../src/engine/costConstants.ts', import.meta.url), file);
  log('wrote src/engine/costConstants.ts (run prettier on it)');
} else console.log(file);
