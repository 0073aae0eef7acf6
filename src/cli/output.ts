/** Output files for the CLI: written whole to a temporary name and renamed, so a failure never leaves half a file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { ExperimentSummary } from '../engine/summary';
import { CliError } from './errors';

export function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`${path}: cannot write (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function formatOf(path: string): 'json' | 'csv' {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  throw new CliError(`--out ${path}: the file name must end in .json or .csv`);
}

export function toCsv(rows: readonly Record<string, string | number | boolean | null>[]): string {
  return `${Papa.unparse(rows as Record<string, unknown>[])}\n`;
}

/** One row per model: means with 95% intervals (null bounds with one replicate), and the point's ranking. */
export function summaryRows(summary: ExperimentSummary): Record<string, number | string | null>[] {
  const r = summary.ranking;
  return summary.models.map((m) => ({
    model: m.id,
    fitted: m.fitted,
    trtr: m.trtr?.mean ?? null,
    trtr_lo: m.trtr?.lo ?? null,
    trtr_hi: m.trtr?.hi ?? null,
    tstr: m.tstr?.mean ?? null,
    tstr_lo: m.tstr?.lo ?? null,
    tstr_hi: m.tstr?.hi ?? null,
    utility: m.utility?.value ?? null,
    utility_lo: m.utility?.lo ?? null,
    utility_hi: m.utility?.hi ?? null,
    ratio: m.ratio,
    kendall_tau_b: r?.kendallTauB?.mean ?? null,
    spearman_rho: r?.spearmanRho?.mean ?? null,
    sra: r?.sra?.mean ?? null,
    top1: r?.top1?.estimate ?? null,
    error: m.error,
  }));
}
