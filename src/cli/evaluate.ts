/**
 * `evaluate`: TRTR and TSTR of each model on the user's own CSVs (train on real / on synthetic, test on the test
 * file), U = |TSTR - TRTR|, and ranking agreement between the two orders (Kendall tau-b, Spearman rho, top-1).
 * A model that cannot be fitted (FitError) is reported with its error and null numbers, never stops the others;
 * the ranking compares the models with both numbers. Only when no model has both is it an error (exit code 2).
 */
import { parseModelList, SpecError } from '../engine/learners/spec';
import type { Task } from '../engine/task';
import { FitError } from '../engine/learners/types';
import { kendallTauB, spearmanRho, top1Agreement } from '../engine/metrics/ranking';
import { meanLoss } from '../engine/metrics/risk';
import { checkLabels, checkSameColumns, readTable, type Table } from './csv';
import { CliError } from './errors';

export interface EvaluateOptions {
  readonly realTrain: string;
  readonly syntheticTrain: string;
  readonly test: string;
  readonly task: Task;
  readonly models: string;
  readonly target: string;
  readonly progress?: (message: string) => void;
}

export interface EvaluatedModel {
  model: string;
  /** Null where the fit on that training file failed. */
  trtr: number | null;
  tstr: number | null;
  utility: number | null;
  /** Why a fit failed ("<model> on <file>: <reason>", both failures joined by "; "), or null. */
  error: string | null;
  /** What a fit had to do that the user should know, e.g. minimum-norm least squares ("<model> on <file>: ..."). */
  notices: string[];
}

export interface EvaluateResult {
  models: EvaluatedModel[];
  /** Over the models with both TRTR and TSTR. */
  ranking: { kendall_tau_b: number | null; spearman_rho: number | null; top1: number | null };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export async function evaluate(options: EvaluateOptions): Promise<EvaluateResult> {
  const { task, target } = options;
  let learners;
  try {
    learners = parseModelList(options.models, task);
  } catch (error) {
    if (error instanceof SpecError) throw new CliError(`--models: ${error.message}`);
    throw error;
  }
  const real = readTable(options.realTrain, target);
  const synthetic = readTable(options.syntheticTrain, target);
  const test = readTable(options.test, target);
  checkSameColumns([real, synthetic, test]);
  if (task === 'classification') {
    checkLabels(real, target, true);
    checkLabels(synthetic, target, true);
    checkLabels(test, target, false);
  }
  const models: EvaluatedModel[] = [];
  for (const [k, learner] of learners.entries()) {
    const errors: string[] = [];
    const notices: string[] = [];
    const fitOn = async (train: Table, which: string): Promise<number | null> => {
      options.progress?.(`fitting ${learner.id} on ${which} (${k + 1}/${learners.length})`);
      try {
        const model = learner.fit(train.x, train.y);
        if (model.notice !== undefined) notices.push(`${learner.id} on ${train.file}: ${model.notice}`);
        return meanLoss(task, await model.predict(test.x), test.y);
      } catch (error) {
        if (!(error instanceof FitError)) throw error;
        errors.push(`${learner.id} on ${train.file}: ${error.message}`);
        return null;
      }
    };
    const trtr = await fitOn(real, 'real');
    const tstr = await fitOn(synthetic, 'synthetic');
    const utility = trtr === null || tstr === null ? null : Math.abs(tstr - trtr);
    models.push({ model: learner.id, trtr, tstr, utility, error: errors.join('; ') || null, notices });
  }
  const fitted = models.filter((m) => m.utility !== null);
  if (fitted.length === 0) throw new CliError(models.map((m) => m.error).join('; '));
  const a = fitted.map((m) => m.trtr!);
  const b = fitted.map((m) => m.tstr!);
  return {
    models,
    ranking:
      fitted.length < 2
        ? { kendall_tau_b: null, spearman_rho: null, top1: null }
        : {
            kendall_tau_b: finiteOrNull(kendallTauB(a, b)),
            spearman_rho: finiteOrNull(spearmanRho(a, b)),
            top1: top1Agreement(a, b),
          },
  };
}

/** 1 and 0 in words; a fraction comes from a tie for the best model (docs/theory.md section 4.3). */
function top1Words(top1: number | null): string {
  if (top1 === 1) return 'yes';
  if (top1 === 0) return 'no';
  return top1 === null ? 'undefined' : `tied (counts ${top1.toFixed(4)})`;
}

export function formatEvaluate(result: EvaluateResult, task: Task): string {
  const loss = task === 'regression' ? 'mean squared error' : '0-1 error';
  const width = Math.max(5, ...result.models.map((m) => m.model.length));
  const num = (v: number | null, missing: string) => (v === null ? missing : v.toPrecision(6)).padStart(12);
  const lines = [
    `Test risk (${loss}) on the test file`,
    `${'model'.padEnd(width)}  ${'TRTR'.padStart(12)}  ${'TSTR'.padStart(12)}  ${'U=|TSTR-TRTR|'.padStart(13)}`,
    ...result.models.map(
      (m) =>
        `${m.model.padEnd(width)}  ${num(m.trtr, 'failed')}  ${num(m.tstr, 'failed')}  ${num(m.utility, '-').padStart(13)}`,
    ),
  ];
  const r = result.ranking;
  const fitted = result.models.filter((m) => m.utility !== null).length;
  const over = fitted < result.models.length ? ` (the ${fitted} models fitted)` : '';
  if (r.kendall_tau_b !== null || r.spearman_rho !== null) {
    lines.push(
      `ranking TSTR vs TRTR${over}: Kendall tau-b ${r.kendall_tau_b?.toFixed(4) ?? 'undefined'}, Spearman rho ${r.spearman_rho?.toFixed(4) ?? 'undefined'}, same best model: ${top1Words(r.top1)}`,
    );
  }
  for (const m of result.models) {
    if (m.error !== null) lines.push(`error: ${m.error}`);
    for (const notice of m.notices) lines.push(`note: ${notice}`);
  }
  return lines.join('\n');
}
