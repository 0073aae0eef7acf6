/**
 * Fits the digits lab's cost constants (src/engine/costDigitsConstants.ts) on this machine: times softmax
 * regression, the minibatch MLP and the CNN on real MNIST digits and a replicate's draws with each generator, in
 * Node on one thread (tfjs on WASM, as the CLI), in CPU time, and fits each group's constants by least squares on
 * relative error (costFit.ts), as bench/cost-calibrate.ts does for the other labs. Prints measured and fitted times.
 *
 *   npx tsx bench/cost-digits.ts            # print only (about 3 minutes)
 *   npx tsx bench/cost-digits.ts --write    # also rewrite src/engine/costDigitsConstants.ts
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeDigits } from '../src/cli/digits';
import { startNodeBackend } from '../src/cli/nodeBackend';
import { fidelityTerms, learnerTerms, termSeconds, type Terms } from '../src/engine/cost';
import { fidelityReport } from '../src/engine/fidelityReport';
import { digitsDrawTerms, digitsLearnerTerms } from '../src/engine/costDigits';
import { drawDigitsReplicate } from '../src/engine/digits/draw';
import { parseSpecText } from '../src/engine/learners/catalog';
import { parseModelSpec } from '../src/engine/learners/spec';
import { meanLoss } from '../src/engine/metrics/risk';
import { withDigits, type ExperimentPlan } from '../src/engine/plan';
import { planFromScenario } from '../src/scenario/labs/index';
import { sanitizeScenario } from '../src/scenario/sanitize';
import { defaultScenario, type Scenario } from '../src/scenario/schema';
import { fitConstants } from './costFit';

const { values: args } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Case {
  readonly group: string;
  readonly name: string;
  readonly terms: Terms;
  readonly run: () => Promise<unknown>;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Median CPU seconds of 3 runs after a warm-up. */
async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const began = cpuSeconds();
    await run();
    runs.push(cpuSeconds() - began);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

if (!(await startNodeBackend('wasm'))) throw new Error('tfjs-wasm did not start');
const data = await nodeDigits();

function plan(patch: Partial<Scenario>): ExperimentPlan {
  const scenario = sanitizeScenario({ lab: 'mnist', ...patch }, defaultScenario('mnist')).scenario;
  return withDigits(planFromScenario(scenario), data);
}

const base = plan({ n: 2000, m: 2000, nTest: 1000 });
if (base.source.kind !== 'digits') throw new Error('a digits plan');
const replicate = await drawDigitsReplicate(base, base.source, 0);

function learnerCase(spec: string, rows: number, synthetic = false): Case {
  const parsed = parseSpecText(spec, 'classification');
  const learner = parseModelSpec(spec, 'classification');
  const from = synthetic ? replicate.synthetic : replicate.real;
  const x = { rows, cols: from.x.cols, data: from.x.data.subarray(0, rows * from.x.cols) };
  const y = from.y.subarray(0, rows);
  const { test } = replicate;
  return {
    group: parsed.name,
    name: `${spec} n=${rows}${synthetic ? ' (synthetic)' : ''}`,
    terms:
      digitsLearnerTerms(parsed, rows, test.x.rows) ??
      learnerTerms(parsed, rows, 784, test.x.rows, 'classification'),
    run: async () => meanLoss('classification', await learner.fit(x, y).predict(test.x), test.y),
  };
}

function drawCase(patch: Partial<Scenario>): Case {
  const p = plan({ nTest: 1000, ...patch });
  if (p.source.kind !== 'digits') throw new Error('a digits plan');
  const source = p.source;
  return {
    group: 'digits-draws',
    name: `draws gen=${patch.generator} n=${p.n} m=${p.m}`,
    terms: digitsDrawTerms(p, source),
    run: () => drawDigitsReplicate(p, source, 0),
  };
}

function fidelityCase(n: number, m: number): Case {
  const real = {
    x: { ...replicate.real.x, rows: n, data: replicate.real.x.data.subarray(0, n * 784) },
    y: replicate.real.y.subarray(0, n),
  };
  const synthetic = {
    x: { ...replicate.synthetic.x, rows: m, data: replicate.synthetic.x.data.subarray(0, m * 784) },
    y: replicate.synthetic.y.subarray(0, m),
  };
  const p = { ...base, n, m };
  return {
    group: 'fidelity',
    name: `fidelity n=${n} m=${m}`,
    terms: fidelityTerms(p),
    run: () => fidelityReport(p, real, synthetic),
  };
}

const cases: Case[] = [
  fidelityCase(500, 500),
  fidelityCase(1000, 2000),
  fidelityCase(2000, 2000),
  ...[500, 1000, 2000].map((n) => learnerCase('logistic:C=0.1', n)),
  learnerCase('logistic:C=0.1', 2000, true),
  ...[1000, 2000].map((n) => learnerCase('cnn:filters=8,epochs=2,lr=0.005,batch=64', n)),
  learnerCase('cnn:filters=4,epochs=2,lr=0.005,batch=16', 1000),
  learnerCase('cnn:filters=16,epochs=1,lr=0.005,batch=64', 1000),
  ...[1000, 2000].map((n) => learnerCase('mlp:width=128,depth=1,epochs=5,lr=0.001,batch=64', n)),
  learnerCase('mlp:width=64,depth=2,epochs=5,lr=0.001,batch=16', 1000),
  ...(['pca-gaussian', 'pca-gmm', 'diag-gaussian', 'smote', 'deform'] as const).flatMap((generator) =>
    [1000, 2000].map((n) => drawCase({ generator, n, m: 2000 })),
  ),
  drawCase({ generator: 'vae', n: 500, m: 1000, vaeEpochs: 2 }),
  drawCase({ generator: 'vae', n: 1000, m: 1000, vaeEpochs: 3 }),
];

const measured: number[] = [];
for (const c of cases) {
  measured.push(await time(c.run));
  log(`${c.name}: ${measured.at(-1)!.toFixed(3)} s`);
}
const groups: Record<string, Record<string, number>> = {};
for (const name of [...new Set(cases.map((c) => c.group))]) {
  const mine = cases.map((c, i) => ({ c, t: measured[i]! })).filter(({ c }) => c.group === name);
  const fitted = fitConstants(
    mine.map(({ c }) => c.terms),
    mine.map(({ t }) => t),
  );
  groups[name] = Object.fromEntries(Object.entries(fitted).map(([k, v]) => [k, Number(v.toPrecision(4))]));
  for (const { c, t } of mine)
    log(
      `  ${c.name}: measured ${t.toFixed(3)} s, fitted ${termSeconds(c.terms, groups[name]!).toFixed(3)} s`,
    );
}
console.log(JSON.stringify(groups, null, 2));
if (args.write) {
  const text = `/**
 * The digits lab's cost constants (costDigits.ts's terms, and the tfjs networks' in cost.ts): seconds per unit by
 * group, fitted by \`npx tsx bench/cost-digits.ts --write\` on real MNIST digits in Node, one thread (tfjs-wasm);
 * edit by rerunning it.
 */
import type { CostGroup } from './costConstants';

export const DIGITS_COST_CONSTANTS: { readonly measured: string; readonly groups: Record<string, CostGroup> } = {
  measured: '${new Date().toISOString().slice(0, 10)}',
  groups: ${JSON.stringify(groups, null, 2).replace(/"([a-zA-Z]\w*)":/g, '$1:')},
};
`;
  writeFileSync('src/engine/costDigitsConstants.ts', text);
  log('wrote src/engine/costDigitsConstants.ts');
}
