/**
 * What a plan will cost before it runs, model by model. Each piece of work (a replicate's draws and generator, a
 * model's fit on n or m rows with its test predictions, replicate 0's fidelity report and plot grid, the summaries
 * after every replicate) is a sum of terms in the sizes (rows, features, hyperparameters: kernel ridge's n³
 * Cholesky and n² kernel, an MLP's epochs × n × multiply-adds per row, kNN's test × n scan, ...), each term times a
 * constant in seconds per unit. The constants (costConstants.ts) are fitted by least squares to timings of the
 * real learners in Node (bench/cost-calibrate.ts) on one machine: an estimate is "seconds on that machine, one
 * thread"; wallSeconds() spreads it over threads and scales it by a measured pace.
 */
import { MODEL_RULES, parseSpecText, specLabel, type ParsedSpec } from './learners/catalog';
import { COST_CONSTANTS, type CostConstants, type CostGroup } from './costConstants';
import type { Terms } from './costTerms';
import { gramFits } from './kernels/gramLimit';
import { digitsDrawTerms, digitsLearnerTerms } from './costDigits';
import { DIGITS_COST_CONSTANTS } from './costDigitsConstants';
import { studyDrawFactor, studyModelCost } from './studies/cost';
import { featureCount, type ExperimentPlan } from './plan';

export { featureCount } from './plan';
import type { Task } from './task';

export type { Terms } from './costTerms';

/** Seconds of `terms` under a group's constants (a term without a constant costs nothing). */
export function termSeconds(terms: Terms, constants: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [term, units] of Object.entries(terms)) total += (constants[term] ?? 0) * units;
  return total;
}

/** Monomials of degree 1..d in p variables (poly's columns): C(p + d, d) - 1. */
export function monomialCount(p: number, degree: number): number {
  let count = 1;
  for (let i = 1; i <= degree; i++) count = (count * (p + i)) / i;
  return Math.round(count) - 1;
}

/** Rows the page predicts besides the test sample in replicate 0 (the data picture's grid, scene.ts). */
export function gridRows(p: number): number {
  return p === 1 ? 161 : p === 2 ? 48 * 48 : 0;
}

/**
 * One model's work: fit on `rows` training rows with p features, then predict `test` rows. The terms name the
 * dominant loops of the learner's code (learners/*.ts); `fixed` is the per-fit overhead.
 */
export function learnerTerms(
  spec: ParsedSpec,
  rows: number,
  p: number,
  test: number,
  task: Task = 'regression',
): Terms {
  const q = p + 1;
  const { params } = spec;
  switch (spec.name) {
    case 'ols':
      return { qr: rows * q * q, apply: (rows + test) * q, fixed: 1 };
    case 'ridge':
      return { qr: (rows + p) * q * q, apply: (rows + test) * q, fixed: 1 };
    case 'poly': {
      const degree = params.degree ?? 1;
      const terms = monomialCount(p, degree);
      // Fewer rows than coefficients: the fit stops at once with an error (poly.ts).
      if (rows < terms + 1) return { fixed: 1 };
      return { qr: rows * (terms + 1) ** 2, expand: (rows + test) * terms * degree, fixed: 1 };
    }
    case 'knn': {
      // An exact scan per query, plus the insertions into its top-k list (about k (1 + ln(n/k)), k/2 moves each).
      const k = params.k ?? 1;
      // k above the training size: the fit stops at once with an error (knn.ts).
      if (k > rows) return { fixed: 1 };
      // Two features have their own written-out distance (exactScan.ts), faster than the general loop.
      const pairs = test * rows;
      return {
        ...(p === 2 ? { scan2: pairs } : { scanP: pairs * p, scan: pairs }),
        insert: (test * k * k * (1 + Math.log(rows / k))) / 2,
        // Per query: the scan's set-up, then the mean of its k neighbours' responses or the vote of their labels.
        queries: test,
        neighbors: test * k,
        ...(task === 'classification' ? { votes: test * k } : {}),
        fixed: 1,
      };
    }
    case 'krr': {
      // The Gram matrix's n²/2 kernel values and test × n at prediction; the Cholesky factor's n³/6 multiply-adds.
      const pairs = (rows * rows) / 2 + test * rows;
      // Past the float64 kernel's memory (kernels/float64.ts) the fit runs the JavaScript route, ~6× slower.
      if (!gramFits(rows)) return { cubeJs: rows ** 3, pairsPJs: pairs * p, pairsJs: pairs, fixed: 1 };
      return { cube: rows ** 3, pairsP: pairs * p, pairs, fixed: 1 };
    }
    case 'logistic':
      return { newton: rows * q * q, apply: (rows + test) * q, fixed: 1 };
    case 'mlp': {
      const width = params.width ?? 32;
      const depth = params.depth ?? 2;
      const epochs = params.epochs ?? 200;
      // Multiply-adds per row through the net: input layer, depth - 1 hidden-to-hidden layers, the output.
      const macs = p * width + (depth - 1) * width * width + width;
      // Minibatches (batch > 0) train on tfjs, one Adam step per batch (learners/mlp-minibatch.ts): terms of
      // their own, timed with the digits lab's (costDigitsConstants.ts).
      const batch = params.batch ?? 0;
      if (batch > 0)
        return {
          trainMinibatch: epochs * rows * macs,
          batchSteps: epochs * Math.ceil(rows / batch) * depth,
          predictMinibatch: test * macs,
          fixedMinibatch: 1,
        };
      return { train: epochs * rows * macs, steps: epochs * depth, predict: test * macs, fixed: 1 };
    }
    case 'cnn': {
      const filters = params.filters ?? 8;
      const epochs = params.epochs ?? 5;
      // Multiply-adds per 28 x 28 image (learners/cnn-net.ts): the two convolutions, the dense layer of 128, 10
      // outputs; an Adam step per minibatch.
      const macs = 14_400 * filters + 3200 * filters * filters + 4096 * filters + 1280;
      const steps = epochs * Math.ceil(rows / (params.batch ?? 64));
      return { train: epochs * rows * macs, steps, predict: test * macs, fixed: 1 };
    }
    default:
      return { fixed: 1 };
  }
}

/** One replicate's draws (drawReplicate): real, test and synthetic samples, and the fitted generator if any. */
export function drawTerms(plan: ExperimentPlan): Terms {
  const p = featureCount(plan);
  const { source, n, m, nTest } = plan;
  const holdout = plan.tstrOn === 'synthetic' ? nTest : 0;
  const synthetic = m + holdout;
  // The digits lab's generators are costed by the rows they read and write (their fits are linear in them).
  const fitted = source.kind === 'files' || source.kind === 'digits' ? null : source.fitted;
  // Simulated rows (drawn from the population, or picked from a table or the user's files after shuffling).
  let rows = n + nTest + (fitted ? 0 : synthetic);
  if (source.kind === 'table') rows += source.rows.x.rows;
  if (source.kind === 'files') rows += source.real.x.rows;
  const terms: Record<string, number> = { rowsP: rows * p, rows, fixed: 1 };
  if (!fitted) return terms;
  const d = (p + 1) ** 2;
  if (fitted.kind === 'gaussian') terms.gaussian = (n + synthetic) * d;
  if (fitted.kind === 'gmm') {
    terms.gmm = n * fitted.components * d;
    terms.gaussian = synthetic * d;
  }
  if (fitted.kind === 'smote') {
    // Neighbour lists are made for the distinct real points drawn: n (1 - e^(-draws / n)) exact scans of n rows.
    const scans = n * (1 - Math.exp(-synthetic / Math.max(1, n)));
    terms.smote = scans * n * (p + 1);
    terms.rowsP = (terms.rowsP ?? 0) + synthetic * p;
  }
  return terms;
}

/** Replicate 0's fidelity report (fidelityReport.ts): MMD on at most 1,000 rows a side, C2ST, the rest. */
export function fidelityTerms(plan: ExperimentPlan): Terms {
  const p = featureCount(plan);
  const { n, m, source } = plan;
  // Digits: PCA scores and a C2ST on them, linear in the pixels read.
  if (source.kind === 'digits') return { digitsPixels: (n + m) * p, digitsFixed: 1 };
  const pooled = Math.min(n, 1000) + Math.min(m, 1000);
  const quadratic = monomialCount(p + 1, 2);
  const oracle = source.kind === 'population' && source.fitted === null;
  return {
    pairs: (pooled * (pooled - 1)) / 2,
    c2st: (n + m) * quadratic * quadratic,
    rows: (n + m) * (p + 1),
    response: oracle ? 5000 * p : 0,
    fixed: 1,
  };
}

/**
 * The summaries: after every replicate when results stream (the page, the CLI's run), else once at the end (a
 * sweep point). Each summary reads the replicates so far (R(R+1)/2 values in all when streamed); with two models
 * or more, its ranking intervals bootstrap them (2,000 resamples, sorted).
 */
export function summaryTerms(replicates: number, models: number, streamed: boolean): Terms {
  const summaries = streamed ? replicates : 1;
  const values = streamed ? (replicates * (replicates + 1)) / 2 : replicates;
  const ranked = models >= 2 ? 1 : 0;
  return {
    boot: values * ranked,
    sorts: summaries * ranked,
    // Each replicate's ranking compares every pair of models (Kendall, Spearman, SRA).
    ranks: values * models * models * ranked,
    models: values * models,
    fixed: summaries,
  };
}

/** One entry of an estimate: a model's fits, the draws, the fidelity report or the summaries. */
export interface CostPart {
  readonly kind: 'model' | 'draws' | 'fidelity' | 'summaries';
  /** The model's canonical spec (models), else the kind. */
  readonly id: string;
  /** "Kernel ridge", "MLP", "draws and generator", ... */
  readonly label: string;
  /** Models: the plot label with hyperparameters ("KRR (α=1, γ=1)"). */
  readonly detail: string;
  /** Seconds of one fit with its test predictions, on the n real rows and on the m synthetic ones (models). */
  readonly perFit: { readonly real: number; readonly synthetic: number } | null;
  /** How many times it runs: fits (2 per replicate) for a model, replicates for draws, 1 otherwise. */
  readonly count: number;
  /** Seconds in all, on one thread of the calibration machine. */
  readonly seconds: number;
}

export interface PlanCost {
  /** Largest first. */
  readonly parts: readonly CostPart[];
  /** Seconds in all on one thread of the calibration machine. */
  readonly seconds: number;
  /** Seconds of one replicate (draws and every model's two fits): the work helper threads share. */
  readonly perReplicate: number;
  /** Seconds of work done once, on the run's own thread (replicate 0's extras, the summaries). */
  readonly once: number;
  readonly replicates: number;
}

export interface CostOptions {
  /** Replicate 0 also predicts the data picture's grid (the page's runs; p ≤ 2). Default true. */
  readonly grid?: boolean;
  /** Replicate 0's fidelity report (runs; sweep points skip it). Default true. */
  readonly fidelity?: boolean;
  /** A summary after every replicate (the page, the CLI's run) rather than once (a sweep point). Default true. */
  readonly streamed?: boolean;
  readonly constants?: CostConstants;
}

/**
 * Kernel ridge on its JavaScript route (n above the float64 kernel's Gram limit), seconds per unit: fitted by
 * bench/cost-calibrate.ts on 2026-12-01 on the reference machine, before the float64 kernel took the smaller fits
 * (the calibration now times the kernel's route; these stay until it times both).
 */
const KRR_JAVASCRIPT: CostGroup = { cubeJs: 1.706e-10, pairsPJs: 2.312e-9, pairsJs: 7.615e-9 };

const group = (constants: CostConstants, name: string): CostGroup => ({
  ...(name === 'krr' ? KRR_JAVASCRIPT : {}),
  // The digits lab's learners and draws (costDigits.ts): terms of their own, timed on MNIST digits.
  ...DIGITS_COST_CONSTANTS.groups[name],
  ...constants.groups[name],
});

/** Seconds (on the reference machine, one thread, no run overhead) of one fit and its predictions. */
export function learnerSeconds(
  spec: ParsedSpec,
  rows: number,
  p: number,
  test: number,
  task: Task,
  constants: CostConstants = COST_CONSTANTS,
): number {
  return termSeconds(learnerTerms(spec, rows, p, test, task), group(constants, spec.name));
}

/**
 * Seconds of `terms` under a group, times the engine's overhead (costConstants.ts: the pieces timed alone run
 * slower inside a whole run, with its allocations, collections and cold caches); 0 for anything not finite.
 */
function seconds(constants: CostConstants, name: string, terms: Terms): number {
  const overhead = constants.overhead > 0 && Number.isFinite(constants.overhead) ? constants.overhead : 1;
  return finite(overhead * termSeconds(terms, group(constants, name)));
}

/** A spec the catalog cannot read costs its fixed overhead only: an estimate never throws on bad input. */
function parsed(id: string, plan: ExperimentPlan): ParsedSpec {
  try {
    return parseSpecText(id, plan.task);
  } catch {
    return { name: id, params: {}, id };
  }
}

function finite(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The estimate of a plan's run: its parts, largest first, and the totals. */
export function estimatePlanCost(plan: ExperimentPlan, options: CostOptions = {}): PlanCost {
  const constants = options.constants ?? COST_CONSTANTS;
  const p = featureCount(plan);
  const replicates = Math.max(0, plan.replicates);
  const grid = options.grid !== false ? gridRows(p) * (plan.task === 'classification' ? 2 : 1) : 0;
  const parts: CostPart[] = [];
  let perReplicate = 0;
  let once = 0;

  const draws =
    plan.source.kind === 'digits'
      ? seconds(constants, 'digits-draws', digitsDrawTerms(plan, plan.source))
      : seconds(constants, 'draws', drawTerms(plan)) * studyDrawFactor(plan);
  perReplicate += draws;
  parts.push({
    kind: 'draws',
    id: 'draws',
    label:
      plan.source.kind === 'digits' || (plan.source.kind !== 'files' && plan.source.fitted)
        ? 'drawing the samples and fitting the generator'
        : 'drawing the samples',
    detail: '',
    perFit: null,
    count: replicates,
    seconds: draws * replicates,
  });

  for (const id of plan.models) {
    const spec = parsed(id, plan);
    const digits = plan.source.kind === 'digits';
    const fit = (rows: number, test: number) =>
      seconds(
        constants,
        spec.name,
        (digits && digitsLearnerTerms(spec, rows, test)) || learnerTerms(spec, rows, p, test, plan.task),
      );
    const real = fit(plan.n, plan.nTest);
    // The study's extra fits (the pooled fit, members 2..K, the validation fits) count with the synthetic side.
    const studied = studyModelCost(plan, fit);
    const synthetic = fit(plan.m, plan.nTest) + studied.seconds;
    // Replicate 0 predicts the grid too, with each of its two fits.
    const extra =
      replicates > 0
        ? fit(plan.n, plan.nTest + grid) - real + fit(plan.m, plan.nTest + grid) - fit(plan.m, plan.nTest)
        : 0;
    perReplicate += real + synthetic;
    once += extra;
    const known = Object.hasOwn(MODEL_RULES, spec.name);
    parts.push({
      kind: 'model',
      id,
      label: known ? MODEL_RULES[spec.name]!.label : spec.name,
      detail: known ? safeLabel(spec) : id,
      perFit: { real, synthetic },
      count: (2 + studied.fits) * replicates,
      seconds: (real + synthetic) * replicates + extra,
    });
  }

  if (options.fidelity !== false && replicates > 0) {
    const fidelity = seconds(constants, 'fidelity', fidelityTerms(plan));
    once += fidelity;
    parts.push({
      kind: 'fidelity',
      id: 'fidelity',
      label: 'the fidelity report',
      detail: '',
      perFit: null,
      count: 1,
      seconds: fidelity,
    });
  }
  const streamed = options.streamed !== false;
  const summaries = seconds(constants, 'summaries', summaryTerms(replicates, plan.models.length, streamed));
  once += summaries;
  parts.push({
    kind: 'summaries',
    id: 'summaries',
    label: 'the summaries and intervals',
    detail: '',
    perFit: null,
    count: 1,
    seconds: summaries,
  });

  parts.sort((a, b) => b.seconds - a.seconds);
  return { parts, seconds: perReplicate * replicates + once, perReplicate, once, replicates };
}

function safeLabel(spec: ParsedSpec): string {
  try {
    return specLabel(spec);
  } catch {
    return spec.id;
  }
}

export interface Pace {
  /** Threads fitting replicates (the run's own and its helpers); replicate 0 always runs alone. Default 1. */
  readonly threads?: number;
  /** Measured seconds per estimated second on this device (1: as on the calibration machine). Default 1. */
  readonly factor?: number;
}

/**
 * Wall-clock seconds of a run: replicate 0 and the once-only work on the run's thread, the other replicates
 * shared by `threads`, all scaled by the device's measured `factor`.
 */
export function wallSeconds(cost: PlanCost, pace: Pace = {}): number {
  const asked = Math.floor(pace.threads ?? 1);
  const threads = Number.isFinite(asked) && asked > 1 ? asked : 1;
  const factor =
    pace.factor !== undefined && pace.factor > 0 && Number.isFinite(pace.factor) ? pace.factor : 1;
  const rest = Math.max(0, cost.replicates - 1);
  const first = cost.replicates > 0 ? cost.perReplicate : 0;
  return factor * (cost.once + first + (cost.perReplicate * rest) / threads);
}
