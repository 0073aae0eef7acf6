/**
 * `evaluate`: TRTR and TSTR of each model on the user's own CSVs (train on real / on synthetic, test on the test
 * file), U = |TSTR - TRTR|, and ranking agreement between the two orders (Kendall tau-b, Spearman rho, top-1).
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

export interface EvaluateResult {
  models: { model: string; trtr: number; tstr: number; utility: number }[];
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
  const models: EvaluateResult['models'] = [];
  for (const [k, learner] of learners.entries()) {
    const fitOn = async (train: Table, which: string): Promise<number> => {
      options.progress?.(`fitting ${learner.id} on ${which} (${k + 1}/${learners.length})`);
      try {
        return meanLoss(task, await learner.fit(train.x, train.y).predict(test.x), test.y);
      } catch (error) {
        if (error instanceof FitError) throw new CliError(`${learner.id} on ${train.file}: ${error.message}`);
        throw error;
      }
    };
    const trtr = await fitOn(real, 'real');
    const tstr = await fitOn(synthetic, 'synthetic');
    models.push({ model: learner.id, trtr, tstr, utility: Math.abs(tstr - trtr) });
  }
  const a = models.map((m) => m.trtr);
  const b = models.map((m) => m.tstr);
  return {
    models,
    ranking:
      models.length < 2
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
  const num = (v: number) => v.toPrecision(6).padStart(12);
  const lines = [
    `Test risk (${loss}) on the test file`,
    `${'model'.padEnd(width)}  ${'TRTR'.padStart(12)}  ${'TSTR'.padStart(12)}  ${'U=|TSTR-TRTR|'.padStart(13)}`,
    ...result.models.map(
      (m) => `${m.model.padEnd(width)}  ${num(m.trtr)}  ${num(m.tstr)}  ${num(m.utility).padStart(13)}`,
    ),
  ];
  const r = result.ranking;
  if (r.kendall_tau_b !== null || r.spearman_rho !== null) {
    lines.push(
      `ranking TSTR vs TRTR: Kendall tau-b ${r.kendall_tau_b?.toFixed(4) ?? 'undefined'}, Spearman rho ${r.spearman_rho?.toFixed(4) ?? 'undefined'}, same best model: ${top1Words(r.top1)}`,
    );
  }
  return lines.join('\n');
}
