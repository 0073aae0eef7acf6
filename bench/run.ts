/**
 * `npm run bench`: the standard workloads S1–S3 in Node (the CLI's engine) and in headless Chromium on the built
 * app, on every backend, batched and one replicate at a time, next to the plain scikit-learn script for S1.
 * Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                 # everything (builds first); about an hour on 2 cores without a GPU
 *   npm run bench -- --quick      # small workloads, a smoke run of the harness (~5 min)
 *   npm run bench -- --only node,sklearn,bundle   # sections: kernel, cli, node, browser, sklearn, bundle, cost, data, digits, studies
 *   npm run bench -- --only digits --merge          # the digits lab: page, VAE, tensors, CLI beside scikit-learn (~5 min)
 *   npm run bench -- --only studies --merge         # the four studies: the CLI as typed beside scikit-learn (~2 min)
 *   npm run bench -- --only kernel               # the WASM kernels alone: dense GFLOP/s, tfjs-wasm, peak; float64 vs JS
 *   npm run bench -- --only cost                 # the cost estimate next to measured time, one thread (~2 min)
 *   npm run bench -- --backends wasm,cpu          # browser backends (default webgl,wasm,cpu)
 *   npm run bench -- --only browser --merge       # remeasure one section, keep the others from --out
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { initialBundle, type BundleSize } from './bundle';
import { benchCli, type CliFigures } from './cli';
import { benchCost, DEFAULT_CASE, type CostRow } from './cost';
import { benchKernel, kernelLines, type KernelFigures } from './kernel';
import { benchYourData, EVALUATE_LIMIT_S, type YourDataFigures } from './yourData';
import { benchDigits, type DigitsFigures } from './digits';
import { benchStudies, type StudyFigures } from './studies';
import {
  benchBrowser,
  launch,
  PREVIEW_URL,
  startPreview,
  type BrowserBackend,
  type BrowserFigures,
} from './browser';
import { leakCheck, runWorkload, startBackend, type LeakCheck, type NodeBackend } from './node';
import { createNodeFarm, helperCount } from '../src/cli/nodeFarm';
import { findPython, runSklearn, type SklearnFigures } from './sklearn';
import { loadWorkload, WORKLOADS, type Workload } from './workloads';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'bundle,sklearn,kernel,cli,node,browser,cost,data,digits,studies' },
    backends: { type: 'string', default: 'webgl,wasm,cpu' },
    out: { type: 'string', default: 'bench/results/latest.json' },
    /** Keep the sections of an earlier report in --out that this run does not measure. */
    merge: { type: 'boolean', default: false },
  },
});
const sections = new Set(args.only.split(','));
const workloads = Object.fromEntries(
  WORKLOADS.map((name) => [name, loadWorkload(name, args.quick)]),
) as Record<Workload['name'], Workload>;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);

interface NodeFigures {
  backend: NodeBackend;
  /** Helper threads of the batched runs (the CLI's default: one per spare core). */
  helpers?: number;
  runs: { workload: Workload['name']; batchedS: number; oneAtATimeS: number; fits: number }[];
  leak: LeakCheck;
}

const report: {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  quick: boolean;
  workloads: Record<string, { description: string; link: string; fits: number }>;
  bundle?: BundleSize;
  sklearn?: SklearnFigures | { skipped: string };
  kernel?: KernelFigures;
  cli?: CliFigures;
  node?: NodeFigures[];
  browser?: BrowserFigures[];
  cost?: CostRow[];
  data?: YourDataFigures;
  digits?: DigitsFigures;
  studies?: StudyFigures[];
} = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  },
  quick: args.quick,
  workloads: Object.fromEntries(
    Object.values(workloads).map((w) => [w.name, { description: w.description, link: w.link, fits: w.fits }]),
  ),
};

if (args.merge && existsSync(args.out)) {
  const earlier = JSON.parse(readFileSync(args.out, 'utf8')) as typeof report;
  for (const key of [
    'bundle',
    'sklearn',
    'kernel',
    'cli',
    'node',
    'browser',
    'cost',
    'data',
    'digits',
    'studies',
  ] as const)
    if (!sections.has(key) && earlier[key]) Object.assign(report, { [key]: earlier[key] });
}

/** The report so far goes to disk after every section, so a long run that is stopped keeps what it measured. */
const save = () => {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
};

if (sections.has('bundle')) {
  const server = await startPreview();
  const browser = await launch();
  try {
    report.bundle = await initialBundle(browser, PREVIEW_URL);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  log(`initial JS ${fmt(report.bundle.initialGzipKB, 1)} kB gzip`);
  save();
}

if (sections.has('sklearn')) {
  const python = findPython();
  if (python) {
    log(`scikit-learn S1 with ${python}`);
    report.sklearn = runSklearn(python, workloads.S1.scenario.replicates);
  } else {
    report.sklearn = { skipped: 'no python3 with scikit-learn (Debian: apt-get install python3-sklearn)' };
  }
}

if (sections.has('kernel')) {
  log("dense kernel on S1's network: one per call, batched, tfjs-wasm, peak; float64 kernels vs JavaScript");
  report.kernel = await benchKernel(args.quick);
  save();
}

if (sections.has('cli')) {
  const python = findPython();
  log(
    `the CLI as typed on S1, in turn with ${python ? 'the scikit-learn script' : 'nothing (no scikit-learn)'}`,
  );
  report.cli = benchCli(workloads.S1, python, 'wasm', args.quick ? 1 : 2);
  log(
    `  CLI ${report.cli.cliS.map((s) => fmt(s)).join(', ')} s; scikit-learn ${report.cli.sklearnS.map((s) => fmt(s)).join(', ')} s`,
  );
  save();
}

if (sections.has('node')) {
  report.node = [];
  for (const backend of ['wasm', 'cpu'] as const) {
    if (!(await startBackend(backend))) {
      log(`node ${backend}: backend did not start, skipped`);
      continue;
    }
    const runs: NodeFigures['runs'] = [];
    const helpers = helperCount();
    const farm = helpers > 0 ? createNodeFarm(backend, helpers) : undefined;
    for (const workload of Object.values(workloads)) {
      log(`node ${backend} ${workload.name} batched, ${helpers} helper thread(s)`);
      const batchedS = await runWorkload(workload, false, farm);
      log(`node ${backend} ${workload.name} one at a time`);
      const oneAtATimeS = await runWorkload(workload, true);
      runs.push({ workload: workload.name, batchedS, oneAtATimeS, fits: workload.fits });
      log(`  ${fmt(batchedS)} s batched, ${fmt(oneAtATimeS)} s one at a time`);
    }
    await farm?.close();
    log(`node ${backend} leak check`);
    report.node.push({ backend, helpers, runs, leak: await leakCheck(workloads.S1, args.quick ? 10 : 100) });
    save();
  }
}

if (sections.has('browser')) {
  report.browser = [];
  const server = await startPreview();
  const browser = await launch();
  try {
    for (const backend of args.backends.split(',') as BrowserBackend[]) {
      log(`chromium ${backend}`);
      const figures = await benchBrowser(
        browser,
        backend,
        workloads.S1,
        [workloads.S2, workloads.S3],
        args.quick ? 10 : 100,
      );
      report.browser.push(figures);
      log(`  ${JSON.stringify(figures)}`);
      save();
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

if (sections.has('data')) {
  log('your-data lab: a 100,000 × 50 CSV and a 20,000-row synthetic version through the page');
  const server = await startPreview();
  const browser = await launch();
  try {
    report.data = await benchYourData(browser, args.quick ? 20_000 : 100_000);
    log(`  ${JSON.stringify(report.data)}`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  save();
}

if (sections.has('digits')) {
  log('digits lab: the default link in the page (WASM), a VAE, 20 network runs, the CLI beside scikit-learn');
  const server = await startPreview();
  const browser = await launch();
  try {
    report.digits = await benchDigits(browser);
    log(`  ${JSON.stringify(report.digits)}`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
  save();
}

if (sections.has('studies')) {
  log('studies: the CLI as typed beside scikit-learn, R = 50, n = m = 1,000');
  report.studies = benchStudies(args.quick ? 5 : 50);
  log(`  ${JSON.stringify(report.studies)}`);
  save();
}

if (sections.has('cost')) {
  if (await startBackend('wasm')) {
    const cases = [DEFAULT_CASE, ...Object.values(workloads)];
    report.cost = await benchCost(cases, log);
    save();
  } else log('cost: tfjs could not start WASM, skipped');
}

save();

// ---- the table ----
const lines: string[] = [];
const sk = report.sklearn && 'wall_s' in report.sklearn ? report.sklearn : null;
lines.push(
  `Synthetic Utility Playground bench — ${report.date.slice(0, 10)}, ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.node}${args.quick ? ' — QUICK (small workloads)' : ''}`,
);
for (const w of Object.values(workloads)) lines.push(`${w.name}: ${w.fits} fits. ${w.description}`);
lines.push('');
lines.push(
  '| where | backend | workload | batched s | one-at-a-time s | speed-up | helpers | fits/s | vs scikit-learn |',
);
lines.push('| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |');
if (sk)
  lines.push(
    `| scikit-learn ${sk.sklearn} | numpy | S1 | ${fmt(sk.wall_s)} | | | | ${fmt(sk.fits_per_s, 1)} | 1.00 |`,
  );
const ratio = (s: number, w: Workload['name']) => {
  if (!sk || w !== 'S1') return '';
  return sk.wall_s >= s ? `${fmt(sk.wall_s / s)}× faster` : `${fmt(s / sk.wall_s)}× slower`;
};
for (const n of report.node ?? []) {
  for (const r of n.runs) {
    lines.push(
      `| node (CLI) | ${n.backend} | ${r.workload} | ${fmt(r.batchedS)} | ${fmt(r.oneAtATimeS)} | ${fmt(r.oneAtATimeS / r.batchedS)}× | ${n.helpers ? `${n.helpers} thread${n.helpers > 1 ? 's' : ''}` : 'none'} | ${fmt(r.fits / r.batchedS, 1)} | ${ratio(r.batchedS, r.workload)} |`,
    );
  }
}
for (const b of report.browser ?? []) {
  const label = b.active === b.backend ? b.backend : `${b.backend} → ${b.active}`;
  const helpers = b.helpers ?? 0;
  const used = helpers > 0 ? `${helpers} worker${helpers > 1 ? 's' : ''}` : 'none';
  lines.push(
    `| chromium | ${label} | S1 | ${fmt(b.s1BatchedS)} | ${fmt(b.s1OneAtATimeS)} | ${fmt(b.s1OneAtATimeS / b.s1BatchedS)}× | ${used} | ${fmt(workloads.S1.fits / b.s1BatchedS, 1)} | ${ratio(b.s1BatchedS, 'S1')} |`,
  );
  if (helpers > 0 && b.s1SingleThreadS !== undefined)
    lines.push(
      `| chromium | ${label} | S1, helpers off | ${fmt(b.s1SingleThreadS)} | | ${fmt(b.s1OneAtATimeS / b.s1SingleThreadS)}× | none | ${fmt(workloads.S1.fits / b.s1SingleThreadS, 1)} | ${ratio(b.s1SingleThreadS, 'S1')} |`,
    );
  lines.push(
    `| chromium | ${label} | S2 | ${fmt(b.s2S)} | | | ${used} | ${fmt(b.s2S ? workloads.S2.fits / b.s2S : null, 1)} | |`,
  );
  lines.push(
    `| chromium | ${label} | S3 | ${fmt(b.s3S)} | | | ${used} | ${fmt(b.s3S ? workloads.S3.fits / b.s3S : null, 1)} | |`,
  );
}
if (report.browser?.length) {
  lines.push('');
  lines.push(
    `| chromium backend | long tasks > 50 ms during S1 | longest ms | p95 frame ms | slider → first numbers, S1 / default ms | tensors before → after ${report.browser[0]!.leak.runs} runs | JS heap MB before → after |`,
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const b of report.browser) {
    lines.push(
      `| ${b.backend} | ${b.longTasks} | ${fmt(b.longestTaskMs, 0)} | ${fmt(b.frameP95Ms, 1)} | ${fmt(b.firstNumbersS1Ms, 0)} / ${fmt(b.firstNumbersDefaultMs, 0)} | ${b.leak.tensorsBefore} → ${b.leak.tensorsAfter} | ${fmt(b.leak.heapBeforeMB, 1)} → ${fmt(b.leak.heapAfterMB, 1)} |`,
    );
  }
}
if (report.cli) {
  const { cliMedianS, sklearnMedianS } = report.cli;
  const versus =
    sklearnMedianS === null
      ? 'no scikit-learn to compare with'
      : cliMedianS <= sklearnMedianS
        ? `${fmt(sklearnMedianS / cliMedianS)}× faster than scikit-learn's ${fmt(sklearnMedianS)} s`
        : `${fmt(cliMedianS / sklearnMedianS)}× slower than scikit-learn's ${fmt(sklearnMedianS)} s`;
  lines.push('');
  lines.push(
    `S1 as typed (median of ${report.cli.pairs} in turn with python3 bench/reference/s1.py): ${fmt(cliMedianS)} s, ${versus} — ${report.cli.command}`,
  );
}
for (const b of report.browser ?? []) {
  const presets = Object.entries(b.firstNumbersPresetsMs ?? {});
  if (presets.length === 0) continue;
  const worst = Math.max(...presets.map(([, ms]) => ms));
  lines.push(
    `chromium ${b.backend}: slider → first numbers per preset (median of 3, ms): ${presets.map(([id, ms]) => `${id} ${fmt(ms, 0)}`).join(', ')}; worst ${fmt(worst, 0)} (target ≤ 300)`,
  );
}
for (const n of report.node ?? []) {
  lines.push(
    `node ${n.backend}: ${n.leak.runs} runs, tensors ${n.leak.tensorsBefore} → ${n.leak.tensorsAfter}, heap ${fmt(n.leak.heapBeforeMB, 1)} → ${fmt(n.leak.heapAfterMB, 1)} MB`,
  );
}
if (report.kernel) lines.push('', ...kernelLines(report.kernel, fmt), '');
if (report.cost?.length) {
  lines.push('');
  lines.push(
    '| cost estimate (one thread) | estimate s | measured wall s | measured CPU s | CPU / estimate |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const c of report.cost)
    lines.push(
      `| ${c.name} | ${fmt(c.estimateS)} | ${fmt(c.measuredS)} | ${fmt(c.cpuS)} | ${fmt(c.ratio)} |`,
    );
}
if (report.data) {
  const d = report.data;
  lines.push(
    `your data: ${d.rows.toLocaleString('en')} × ${d.columns} CSV (${fmt(d.megabytes, 1)} MB) and a ${(d.rows / 5).toLocaleString('en')}-row synthetic file read in ${fmt(d.parseS)} s (target ≤ 10); default models on every row: ${d.estimateText}, gate offered ${d.gateRows === null ? 'nothing' : `at most ${d.gateRows.toLocaleString('en')} rows per file`}, evaluated in ${d.sampledS === null ? 'unfinished' : `${fmt(d.sampledS)} s`}; OLS and ridge, R = 2, every row: ${d.linearS === null ? `more than ${EVALUATE_LIMIT_S} s (unfinished)` : `${fmt(d.linearS)} s`} (scikit-learn, the fits alone, same files: ${d.sklearnS === null ? 'not run' : `${fmt(d.sklearnS)} s`}); main-thread tasks > 50 ms: ${d.longTasks} (longest ${fmt(d.longestTaskMs, 0)} ms)`,
  );
}
if (report.studies) {
  for (const d of report.studies) {
    const s = (v: number | null) => (v === null ? 'failed' : `${fmt(v)} s`);
    lines.push(
      `study ${d.study} (npm run cli -- run --scenario "${d.link}"): ${s(d.cliS)} as typed, beside scikit-learn ${s(d.sklearnS)} of work (${s(d.sklearnProcessS ?? null)} as a command)`,
    );
  }
}
if (report.digits) {
  const d = report.digits;
  const s = (v: number | null) => (v === null ? 'unfinished' : `${fmt(v)} s`);
  lines.push(
    `digits (${d.link}): assets ${s(d.assetsS)} (cached ${s(d.cachedAssetsS)}), first numbers ${s(d.firstNumbersS)} (target ≤ 5), done ${s(d.doneS)} (target ≤ 60); main-thread tasks > 50 ms: ${d.longTasks} (longest ${fmt(d.longestTaskMs, 0)} ms); VAE fit ${s(d.vaeS)} (target ≤ 30); tensors after 1 run ${d.tensorsAfter1 ?? '—'}, after 21 ${d.tensorsAfter21 ?? '—'}; CLI as typed ${s(d.cliS)} beside scikit-learn ${s(d.sklearnS)} (softmax, kNN, MLP: no CNN)`,
  );
  lines.push(
    `  page TRTR/TSTR: ${d.models.map((m) => `${m.id} ${fmt(m.trtr, 3)}/${fmt(m.tstr, 3)}`).join(', ')}`,
  );
  if (d.sklearnModels)
    lines.push(
      `  scikit-learn TRTR/TSTR: ${Object.entries(d.sklearnModels)
        .map(([id, m]) => `${id} ${fmt(m.trtr, 3)}/${fmt(m.tstr, 3)}`)
        .join(', ')}`,
    );
}
if (report.bundle)
  lines.push(
    `Initial JS: ${fmt(report.bundle.initialGzipKB, 1)} kB gzip (${report.bundle.files.length} files)`,
  );
if (report.sklearn && 'skipped' in report.sklearn)
  lines.push(`scikit-learn: skipped, ${report.sklearn.skipped}`);
lines.push(`Written to ${args.out}`);
console.log(lines.join('\n'));
