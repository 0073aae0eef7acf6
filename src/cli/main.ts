/**
 * The headless CLI: `evaluate` (your CSVs), `run` and `sweep` (a share link or scenario file, the same engine and
 * numbers as the page). Bad input: one line on stderr and exit code 2; never a stack trace (unless --debug).
 */
import { parseArgs } from 'node:util';
import { CliError } from './errors';
import { formatOf, toCsv, writeAtomically } from './output';
import type { NodeFarm } from './nodeFarm';
import { registerTensorBackend } from '../engine/tensorBackend';
import { NODE_BACKENDS, startNodeBackend, type NodeBackend } from './nodeBackend';

/**
 * The tfjs backend the command's tensor work would run on: WASM unless --backend says cpu. Nothing here needs
 * tfjs any more (the MLP trains on the dense WebAssembly kernel, every other model is float64 JavaScript), so it
 * starts only if a model asks for tensors (the MLP where WebAssembly SIMD is missing): no command pays for
 * loading it. A WASM start that fails falls back to CPU with a warning, as the page does.
 */
function chooseBackend(asked: string | undefined, err: (line: string) => void): NodeBackend {
  const choice = asked ?? 'wasm';
  if (!(NODE_BACKENDS as readonly string[]).includes(choice)) {
    throw new CliError(`--backend must be ${NODE_BACKENDS.join(' or ')}, got "${choice}"`);
  }
  const start = async (): Promise<NodeBackend> => {
    if (await startNodeBackend(choice as NodeBackend)) return choice as NodeBackend;
    if (choice === 'wasm' && (await startNodeBackend('cpu'))) {
      err(
        'warning: tfjs could not start WASM here; using its CPU backend (slower; an MLP runs as on a CPU-backend page)',
      );
      return 'cpu';
    }
    throw new CliError(`tfjs could not start the ${choice} backend`);
  };
  let started: Promise<NodeBackend> | null = null;
  registerTensorBackend(choice as NodeBackend, () => (started ??= start()));
  return choice as NodeBackend;
}

const HELP: Record<string, string> = {
  '': `usage: npm run cli -- <command> [options]

commands:
  evaluate   TRTR/TSTR, U and ranking agreement of models on your files (real, 1-8 synthetic, test)
  run        run a scenario (share link or JSON file) exactly as the browser does
  sweep      run a scenario over a grid of one or two parameters

npm run cli -- <command> --help   for the options of a command
--backend wasm|cpu   tfjs's backend (default wasm); an MLP trains on the dense WebAssembly kernel, tfjs only
                     where WebAssembly SIMD is missing (other models are plain float64)`,
  evaluate: `usage: npm run cli -- evaluate --real-train REAL --synthetic-train SYN [--synthetic-train SYN2 ...]
         [--test TEST] [--target NAME] [--task regression|classification] [--models "ols;ridge:alpha=1;knn:k=10"]
         [--replicates R] [--test-fraction 0.25] [--max-rows N] [--seed S] [--missing impute|drop] [--json]
         [--out x.json|x.csv]
         [--threads N] [--progress]
  Files: CSV, TSV, JSON records or Parquet, columns matched by name (README "Reading your files"); categorical
  columns one-hot, ID-like columns left out (notes on stderr). Up to 8 synthetic files, each evaluated against
  the same real data. --target: default y, target, label, class, else the last column; --task: detected from
  the target when left out. --models: default ols;ridge:alpha=1;knn:k=5;knn:k=25 (regression),
  logistic:C=1;knn:k=5;knn:k=25 (classification).
  With --test: R = 1 (default) is the plain fit on the files; R > 1 bootstrap replicates of the training rows.
  Without --test: R (default 10) stratified splits of the real file, --test-fraction of it held out.
  --max-rows N  each replicate uses a seeded sample of at most N rows of each file (default 0: all rows)
  --positive-class NAME  a target of more than two classes: NAME against the rest (one-vs-rest)
  --threads N   threads fitting replicates (default: every core, at most 8, when R > 1); same numbers for any N
  A model that cannot be fitted is reported with its error (null numbers in --json) and the others go on; the
  exit code is 0 when at least one model has both TRTR and TSTR, 2 when none has. --json: README "Headless CLI".`,
  run: `usage: npm run cli -- run --scenario <share-link-or-json-file> [--replicates R] [--out results.json|csv] [--json]
         [--references] [--threads N] [--max-seconds S] [--progress]
  --threads N   threads fitting replicates (default: every core, at most 8); the numbers do not depend on it
  --max-seconds S   stop before starting when the estimate is longer (the estimate is printed above 30 s)
  --references  population risks R(f*), R(fbar) (exact for OLS and poly under Gaussian features, else 5 Monte Carlo
                fits of 10,000 points, 2,000 for kernel ridge, with 95% intervals), the gaps between models, U's
                decomposition, and ranking agreement with the population order
  A study in the link (study=collapse|mix|ensemble|select, with gens, fresh, members, holdout; README "Studies
  beyond the paper") prints its summary after the table as "# " lines, and adds its columns to --out and --json`,
  sweep: `usage: npm run cli -- sweep --scenario <link-or-file> --param shift --from 0 --to 3 --steps 13
         [--param2 bias --from2 0 --to2 1 --steps2 5] [--replicates R] [--out sweep.csv|json] [--threads N] [--max-seconds S] [--progress]`,
};

const OPTIONS = {
  help: { type: 'boolean' },
  debug: { type: 'boolean' },
  progress: { type: 'boolean' },
  json: { type: 'boolean' },
  references: { type: 'boolean' },
  'real-train': { type: 'string' },
  'synthetic-train': { type: 'string', multiple: true },
  'test-fraction': { type: 'string' },
  'max-rows': { type: 'string' },
  'positive-class': { type: 'string' },
  missing: { type: 'string' },
  seed: { type: 'string' },
  test: { type: 'string' },
  task: { type: 'string' },
  models: { type: 'string' },
  target: { type: 'string' },
  scenario: { type: 'string' },
  replicates: { type: 'string' },
  out: { type: 'string' },
  param: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  param2: { type: 'string' },
  from2: { type: 'string' },
  to2: { type: 'string' },
  steps2: { type: 'string' },
  threads: { type: 'string' },
  'max-seconds': { type: 'string' },
  backend: { type: 'string' },
} as const;

/** The options each command takes besides --help, --debug and --progress: any other is an error. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  evaluate: [
    'real-train',
    'synthetic-train',
    'test',
    'task',
    'models',
    'target',
    'json',
    'out',
    'threads',
    'replicates',
    'test-fraction',
    'max-rows',
    'positive-class',
    'seed',
    'missing',
  ],
  run: ['scenario', 'replicates', 'out', 'json', 'references', 'threads', 'max-seconds'],
  sweep: [
    'scenario',
    'threads',
    'max-seconds',
    'replicates',
    'out',
    'param',
    'from',
    'to',
    'steps',
    'param2',
    'from2',
    'to2',
    'steps2',
  ],
};
const GLOBAL_OPTIONS = ['help', 'debug', 'progress', 'backend'];

export async function main(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  let debug = argv.includes('--debug');
  /** Helper threads of run and sweep (nodeFarm.ts), ended whatever happens. */
  let farm: NodeFarm | undefined;
  let limits = { threads: 1, maxSeconds: null as number | null };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
    const { values, positionals } = parsed;
    debug = values.debug === true;
    const command = positionals[0] ?? '';
    if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}"`);
    const allowed = COMMAND_OPTIONS[command];
    if (command !== '' && command !== 'help' && !allowed) {
      throw new CliError(`unknown command "${command}" (${Object.keys(COMMAND_OPTIONS).join(', ')})`);
    }
    const stray = Object.keys(values).find((key) => !GLOBAL_OPTIONS.includes(key) && !allowed?.includes(key));
    if (stray && allowed) throw new CliError(`${command} does not take --${stray} (see ${command} --help)`);
    if (values.help || command === '' || command === 'help') {
      out(HELP[command] ?? HELP['']!);
      return 0;
    }
    const progress = values.progress === true || process.stderr.isTTY === true;
    const log = (message: string) => {
      if (progress) err(message);
    };
    // The engine loads inside the try: a module that fails to load is one line, not a stack trace.
    const backend = chooseBackend(values.backend, err);
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))
      throw new CliError(`--threads must be a whole number from 1 to 64, got "${values.threads}"`);
    if (command === 'evaluate') {
      const { evaluate, evaluateOptions } = await import('./evaluate');
      const options = evaluateOptions(values);
      const format = values.out ? formatOf(values.out) : null;
      // One replicate has nothing to share out: helpers only cost their start unless asked for.
      const { createNodeFarm, helperCount } = await import('./nodeFarm');
      const helpers = options.replicates > 1 || threads !== undefined ? helperCount(threads) : 0;
      farm = helpers > 0 ? createNodeFarm(backend, helpers) : undefined;
      log(`${helpers + 1} thread${helpers > 0 ? 's' : ''} (${helpers} helper${helpers === 1 ? '' : 's'})`);
      const { report } = await evaluate(options, { progress: log, notice: err, ...(farm ? { farm } : {}) });
      const { evaluateRows, formatEvaluate } = await import('./evaluateText');
      if (format === 'json') writeAtomically(values.out!, `${JSON.stringify(report, null, 2)}\n`);
      else if (format === 'csv') writeAtomically(values.out!, toCsv(evaluateRows(report)));
      if (format) log(`wrote ${values.out}`);
      if (farm) log(`helper threads fitted ${farm.fitted} replicates`);
      out(values.json ? JSON.stringify(report) : formatEvaluate(report));
      return 0;
    }
    if (command === 'run' || command === 'sweep') {
      const { createNodeFarm, helperCount } = await import('./nodeFarm');
      const helpers = helperCount(threads);
      farm = helpers > 0 ? createNodeFarm(backend, helpers) : undefined;
      const max = values['max-seconds'] === undefined ? null : Number(values['max-seconds']);
      if (max !== null && !(Number.isFinite(max) && max > 0))
        throw new CliError(`--max-seconds must be a positive number, got "${values['max-seconds']}"`);
      limits = { threads: helpers + 1, maxSeconds: max };
      log(
        `${helpers + 1} thread${helpers > 0 ? 's' : ''} (${helpers} helper${helpers === 1 ? '' : 's'}), tfjs on ${backend}`,
      );
    }
    if (command === 'run') {
      if (!values.scenario) throw new CliError('run needs --scenario');
      const { runCommand } = await import('./commands');
      await runCommand(
        {
          scenario: values.scenario,
          replicates: values.replicates,
          out: values.out,
          json: values.json,
          references: values.references,
        },
        (m) => (m.startsWith('warning') ? err(m) : log(m)),
        out,
        farm,
        limits,
      );
      if (farm) log(`helper threads fitted ${farm.fitted} replicates`);
      return 0;
    }
    if (command === 'sweep') {
      const { sweepCommand } = await import('./commands');
      await sweepCommand(values, (m) => (m.startsWith('warning') ? err(m) : log(m)), out, farm, limits);
      if (farm) log(`helper threads fitted ${farm.fitted} replicates`);
      return 0;
    }
    throw new CliError(`unknown command "${command}" (evaluate, run, sweep)`);
  } catch (error) {
    if (error instanceof CliError) {
      err(`error: ${error.message}`);
      return error.exitCode;
    }
    err(
      `internal error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}`,
    );
    if (debug && error instanceof Error && error.stack) err(error.stack);
    return 1;
  } finally {
    await farm?.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  ).then((code) => {
    process.exitCode = code;
  });
}
