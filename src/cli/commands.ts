/** `run` and `sweep`: the browser's engine on a share link or scenario file, headless, with progress on stderr. */
import { estimationPart, populationReferences, REFERENCE_FITS } from '../engine/references';
import { isPopulationPlan } from '../engine/plan';
import { GeneratorError, runExperiment } from '../engine/run';
import { runSweep } from '../engine/sweep';
import type { NodeFarm } from './nodeFarm';
import { LABS, labParams, planFromScenario } from '../scenario/labs/index';
import { PARAM_KEYS, paramSpec, type Scenario } from '../scenario/schema';
import { sweepPlans, SweepError, type SweepAxis } from '../scenario/sweep';
import { encodeScenario } from '../scenario/url';
import { CliError } from './errors';
import { withNodeDigits } from './digits';
import { MnistError } from '../data/mnist';
import { formatOf, summaryRows, toCsv, writeAtomically } from './output';
import { readScenario } from './scenarioInput';
import { studyText } from './studyText';
import {
  generationRows,
  studyJson,
  studyReplicateCells,
  studySummaryCells,
  studyTheory,
} from '../scenario/studyColumns';
import {
  describeParts,
  formatDuration,
  GATE_SECONDS,
  runEstimate,
  sweepEstimateSeconds,
} from '../scenario/cost';

type Log = (message: string) => void;

function withReplicates(scenario: Scenario, replicates: string | undefined): Scenario {
  if (replicates === undefined) return scenario;
  const value = Number(replicates);
  if (!Number.isInteger(value) || value < 1 || value > 500)
    throw new CliError(`--replicates must be 1..500, got ${replicates}`);
  return { ...scenario, replicates: value };
}

function loadScenario(input: string, replicates: string | undefined, warn: Log): Scenario {
  const { scenario, notices } = readScenario(input);
  for (const notice of notices) warn(`warning: ${notice}`);
  return withReplicates(scenario, replicates);
}

/** How the command runs: its threads (itself and its helpers) and the longest estimate it may start. */
export interface RunLimits {
  readonly threads: number;
  /** --max-seconds: a longer estimate stops the command before it starts (exit 2); null: no limit. */
  readonly maxSeconds: number | null;
}

/**
 * The estimate before a run or sweep (scenario/cost.ts, as the page's gate reads it). Above the page's gate it
 * is always printed, and the command still runs (a command line asks for its work on purpose); below, it is
 * progress. Over --max-seconds it stops, saying what would fit.
 */
export function announce(seconds: number, detail: string, limits: RunLimits, log: Log, warn: Log): void {
  const threads = `${limits.threads} thread${limits.threads === 1 ? '' : 's'}`;
  const line = `estimate: ${formatDuration(seconds)} on ${threads}${detail ? ` (${detail})` : ''}`;
  if (limits.maxSeconds !== null && seconds > limits.maxSeconds) {
    throw new CliError(
      `${line}, over --max-seconds ${limits.maxSeconds}; lower --replicates, n or m, or raise --max-seconds`,
    );
  }
  if (seconds > GATE_SECONDS) warn(`${line}; running (--max-seconds S stops longer runs)`);
  else log(line);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GeneratorError || error instanceof SweepError || error instanceof MnistError)
      throw new CliError(error.message);
    throw error;
  }
}

export async function runCommand(
  options: { scenario: string; replicates?: string; out?: string; json?: boolean; references?: boolean },
  log: Log,
  print: Log,
  farm?: NodeFarm,
  limits: RunLimits = { threads: 1, maxSeconds: null },
): Promise<void> {
  const scenario = loadScenario(options.scenario, options.replicates, log);
  const estimate = runEstimate(scenario, { threads: limits.threads }, { grid: false });
  announce(estimate.seconds, describeParts(estimate, scenario, 2).join('; '), limits, log, (m) =>
    log(`warning: ${m}`),
  );
  const format = options.out ? formatOf(options.out) : null;
  const plan = await guarded(() => withNodeDigits(planFromScenario(scenario)));
  if (options.references && !(isPopulationPlan(plan) && plan.source.fitted === null)) {
    throw new CliError(
      '--references needs a simulated population in oracle mode (gen=oracle): a fitted generator or a dataset has no fixed synthetic population',
    );
  }
  if (options.references)
    log(
      `population references (exact where a closed form exists, else ${REFERENCE_FITS} Monte Carlo fits of 10,000 points)…`,
    );
  const references = options.references ? await populationReferences(plan) : null;
  const result = await guarded(() =>
    runExperiment(plan, {
      ...(farm ? { farm: farm.lanes(plan) } : {}),
      onReplicate: (_r, s) => log(`replicate ${s.completed}/${s.planned}`),
      ...(references ? { populationRisks: references.models.map((m) => m.real) } : {}),
    }),
  );
  const ids = result.summary.models.map((m) => m.id);
  const study = plan.study?.kind ?? null;
  const theory = studyTheory(plan);
  const report = {
    link: `?${encodeScenario(scenario)}`,
    scenario: labParams(scenario),
    summary: summaryRows(result.summary),
    ranking: result.summary.ranking,
    fidelity: result.fidelity,
    references: references && {
      size: references.size,
      fits: references.fits,
      exactUnavailable: references.exactUnavailable,
      gaps: references.gaps,
      models: references.models.map((m, k) => {
        const gap = result.summary.models[k]?.gap;
        const limit = m.synthetic - m.real;
        // U's signed gap = response part + feature x misspecification part (the limit) + estimation (finite n,
        // m), the last with an interval from both the replicates and the reference fits.
        const estimation =
          gap && m.values
            ? estimationPart(
                { mean: gap.mean, lo: gap.hasInterval ? gap.lo : null, hi: gap.hasInterval ? gap.hi : null },
                m.values.limit,
              )
            : null;
        return {
          ...m,
          limit,
          estimation: estimation?.value ?? null,
          estimationInterval: estimation && { lo: estimation.lo, hi: estimation.hi },
        };
      }),
    },
    replicates: result.records.flatMap((r) =>
      ids.map((model, k) => ({
        replicate: r.index + 1,
        model,
        trtr: r.trtr[k] ?? null,
        tstr: r.tstr[k] ?? null,
        error: r.errors[k] ?? null,
        ...(study ? studyReplicateCells(study, r, k) : {}),
      })),
    ),
    // The study's summary as the engine gives it, its closed forms, and the loop's chain per replicate.
    ...(study ? { study: studyJson(result.summary, theory) } : {}),
    ...(study === 'collapse' ? { generations: generationRows(result.records) } : {}),
  };
  if (format === 'json') writeAtomically(options.out!, `${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'csv') writeAtomically(options.out!, toCsv(report.replicates));
  if (options.json) print(JSON.stringify(report));
  else if (!format) {
    print(toCsv(report.summary).trimEnd());
    const lines = studyText(result.summary, theory);
    if (lines.length > 0) print(['', ...lines].join('\n'));
  }
  if (format) log(`wrote ${options.out}`);
}

function axis(
  lab: Scenario['lab'],
  param: string | undefined,
  from: string | undefined,
  to: string | undefined,
  steps: string | undefined,
): SweepAxis {
  if (!param || from === undefined || to === undefined || steps === undefined) {
    throw new CliError('a sweep axis needs --param, --from, --to and --steps');
  }
  const key = PARAM_KEYS.find((k) => paramSpec(k).url === param || k === param);
  if (!key) throw new CliError(`--param ${param}: not a scenario parameter`);
  if (!LABS[lab].keys.has(key))
    throw new CliError(`--param ${param}: not a parameter of the ${LABS[lab].title} lab`);
  const numbers = [from, to, steps].map(Number);
  if (numbers.some((v) => !Number.isFinite(v)))
    throw new CliError(`--from, --to and --steps must be numbers`);
  return { param: key, from: numbers[0]!, to: numbers[1]!, steps: numbers[2]! };
}

export async function sweepCommand(
  options: Record<string, string | boolean | string[] | undefined>,
  log: Log,
  print: Log,
  farm?: NodeFarm,
  limits: RunLimits = { threads: 1, maxSeconds: null },
): Promise<void> {
  const str = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  if (!str('scenario')) throw new CliError('sweep needs --scenario');
  const scenario = loadScenario(str('scenario')!, str('replicates'), log);
  const axes = [axis(scenario.lab, str('param'), str('from'), str('to'), str('steps'))];
  if (str('param2')) axes.push(axis(scenario.lab, str('param2'), str('from2'), str('to2'), str('steps2')));
  // The grid is checked (a bad axis is one line) before its estimate is given.
  const grid = await guarded(async () =>
    Promise.all(
      sweepPlans(scenario, axes).map(async (point) => ({ ...point, plan: await withNodeDigits(point.plan) })),
    ),
  );
  const seconds = sweepEstimateSeconds(scenario, axes, { threads: limits.threads });
  announce(seconds, '', limits, log, (m) => log(`warning: ${m}`));
  const out = str('out');
  const format = out ? formatOf(out) : null;
  const points = await guarded(() =>
    runSweep(grid, {
      ...(farm ? { farm: (plan) => farm.lanes(plan) } : {}),
      onPoint: (_p, i, total) => log(`point ${i + 1}/${total}`),
    }),
  );
  // Each point's study columns (the same names as the page's exports), with its closed forms.
  const rows = points.flatMap((point, i) => {
    const plan = grid[i]!.plan;
    const study = plan.study?.kind;
    const theory = study ? studyTheory(plan) : null;
    return summaryRows(point.summary).map((row, k) => ({
      ...Object.fromEntries(axes.map((a) => [paramSpec(a.param).url, point.values[a.param] ?? null])),
      ...row,
      ...(study ? studySummaryCells(study, point.summary, k, theory) : {}),
    }));
  });
  if (format === 'json')
    writeAtomically(
      out!,
      `${JSON.stringify({ link: `?${encodeScenario(scenario)}`, axes, rows }, null, 2)}\n`,
    );
  else if (format === 'csv') writeAtomically(out!, toCsv(rows));
  else print(toCsv(rows).trimEnd());
  if (format) log(`wrote ${out}`);
}
