/** `evaluate`'s table for people, and its --out CSV (one row per synthetic dataset and model). */
import type { DatasetJson, ModelJson } from './evaluateJson';
import type { EvaluateReport } from './evaluate';

const SRA_NAME = 'Synthetic Ranking Agreement (Jordon et al. 2018)';

function value(v: number | null, missing: string): string {
  return v === null ? missing : v.toPrecision(6);
}

/** "2904.95 [2801.2, 3010.1]", the mean alone with one replicate, `missing` when there is none. */
function withInterval(v: number | null, lo: number | null, hi: number | null, missing: string): string {
  if (v === null) return missing;
  return lo === null || hi === null
    ? value(v, missing)
    : `${value(v, missing)} [${lo.toPrecision(4)}, ${hi.toPrecision(4)}]`;
}

/** 1 and 0 in words with one replicate; a fraction comes from a tie for the best model (docs/theory.md 4.3). */
function top1Words(r: DatasetJson['ranking']): string {
  if (r.top1 === null) return 'undefined';
  if (r.top1_lo !== null) return withInterval(r.top1, r.top1_lo, r.top1_hi, '');
  if (r.top1 === 1) return 'yes';
  return r.top1 === 0 ? 'no' : `tied (counts ${r.top1.toFixed(4)})`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function modelRow(m: ModelJson): string[] {
  return [
    m.model,
    withInterval(m.trtr, m.trtr_lo, m.trtr_hi, 'failed'),
    withInterval(m.tstr, m.tstr_lo, m.tstr_hi, 'failed'),
    withInterval(m.utility, m.utility_lo, m.utility_hi, '-'),
    m.ratio === null ? '-' : m.ratio.toFixed(3),
  ];
}

function dataset(d: DatasetJson, report: EvaluateReport): string[] {
  const loss = report.task === 'regression' ? 'mean squared error' : '0-1 error';
  const on =
    report.testing === 'test file'
      ? `on ${report.files.test}`
      : `on stratified splits (${report.test_fraction} of the real rows held out)`;
  const intervals =
    (d.replicates === 1 ? 'one replicate: no intervals' : `${d.replicates} replicates, 95% intervals`) +
    (report.max_rows > 0
      ? `; at most ${report.max_rows} rows of each file per replicate (a seeded sample)`
      : '');
  const lines = [
    `${d.name} (${d.rows} rows): test risk (${loss}) ${on}; ${intervals}`,
    ...table(
      ['model', 'TRTR', 'TSTR', 'U=|TSTR-TRTR|', 'TSTR/TRTR'],
      d.models.map((m) => modelRow(m)),
    ),
  ];
  const r = d.ranking;
  const fitted = r.models.length;
  const over = fitted < d.models.length ? ` (the ${fitted} models fitted)` : '';
  if (r.kendall_tau_b !== null || r.spearman_rho !== null || r.sra !== null) {
    lines.push(
      `ranking TSTR vs TRTR${over}: Kendall tau-b ${withInterval(r.kendall_tau_b, r.kendall_tau_b_lo, r.kendall_tau_b_hi, 'undefined')}, ` +
        `Spearman rho ${withInterval(r.spearman_rho, r.spearman_rho_lo, r.spearman_rho_hi, 'undefined')}, ` +
        `same best model: ${top1Words(r)}, ${SRA_NAME}: ${withInterval(r.sra, r.sra_lo, r.sra_hi, 'undefined')}`,
    );
  }
  const f = d.fidelity;
  const parts = [`C2ST AUC ${value(f.c2st_auc, 'undefined')}`];
  if (f.worst_ks) parts.push(`worst KS ${f.worst_ks.ks.toFixed(4)} (${f.worst_ks.column})`);
  if (f.worst_tv) parts.push(`worst TV ${f.worst_tv.tv.toFixed(4)} (${f.worst_tv.column})`);
  if (f.correlation_mean_abs !== null)
    parts.push(
      `correlation difference mean ${f.correlation_mean_abs.toFixed(4)}, max ${f.correlation_max_abs!.toFixed(4)}` +
        (f.correlation_max_pair ? ` (${f.correlation_max_pair.join(', ')})` : ''),
    );
  lines.push(`fidelity: ${parts.join(', ')}`, `privacy: ${d.privacy.verdict}`);
  for (const m of d.models) {
    if (m.error !== null) lines.push(`error: ${m.error}`);
    for (const notice of m.notices) lines.push(`note: ${notice}`);
  }
  return lines;
}

export function formatEvaluate(report: EvaluateReport): string {
  const lines = [
    `${report.task} (${report.task_reason}), target "${report.target}", ${report.features.length} features, ` +
      `${report.replicates} replicate${report.replicates === 1 ? '' : 's'}, seed ${report.seed}`,
  ];
  for (const d of report.datasets) lines.push('', ...dataset(d, report));
  if (report.datasets.length > 1) {
    lines.push(
      '',
      `leaderboard (utility: mean U over models, lower is better; SRA: ${SRA_NAME}, higher is better)`,
      ...table(
        ['dataset', 'mean U', 'place', 'SRA', 'place', 'Kendall tau-b'],
        report.leaderboard.map((row) => [
          String(row.name),
          value(row.mean_utility as number | null, '-'),
          String(row.utility_place ?? '-'),
          value(row.sra as number | null, '-'),
          String(row.ranking_place ?? '-'),
          value(row.kendall_tau_b as number | null, '-'),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** One row per synthetic dataset and model, with the dataset's ranking, fidelity and privacy beside it. */
export function evaluateRows(report: EvaluateReport): Record<string, string | number | boolean | null>[] {
  return report.datasets.flatMap((d) =>
    d.models.map(({ notices, ...m }) => ({
      dataset: d.name,
      ...m,
      notices: notices.join('; '),
      kendall_tau_b: d.ranking.kendall_tau_b,
      spearman_rho: d.ranking.spearman_rho,
      sra: d.ranking.sra,
      top1: d.ranking.top1,
      c2st_auc: d.fidelity.c2st_auc,
      privacy_suspicious: d.privacy.suspicious,
    })),
  );
}
