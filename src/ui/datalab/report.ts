/**
 * The your-data lab's one-page report (HTML, printable, no script, no outside resource): the settings, the
 * files and their fingerprints, the leaderboard, each dataset's per-model numbers, its fidelity and privacy, and
 * the date. Built from the reports in the page; nothing is sent anywhere.
 */
import { leaderboard, type DatasetReport } from '../../data/evaluate';
import type { MeanInterval } from '../../engine/metrics/intervals';
import { formatInterval, formatNumber } from '../../scenario/formatNumber';
import type { Scenario } from '../../scenario/schema';
import type { LoadedFile } from '../../store/dataLab';
import { fidelityNote, privacyNote } from './sampleNotes';

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));
const row = (cells: readonly string[], head = false) =>
  `<tr>${cells.map((c, i) => (head ? `<th>${c}</th>` : i === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table>${row(head, true)}${rows.map((r) => row(r)).join('')}</table>`;

function interval(m: MeanInterval | null): string {
  if (!m) return '–';
  return m.hasInterval ? `${formatNumber(m.mean)} (${formatInterval(m.lo, m.hi)})` : formatNumber(m.mean);
}

function dataset(report: DatasetReport): string {
  const { summary, fidelity, privacy } = report;
  const models = table(
    ['Model', 'TRTR', 'TSTR', 'U', 'TSTR / TRTR'],
    summary.models.map((m) => [
      esc(m.label),
      interval(m.trtr),
      interval(m.tstr),
      m.utility
        ? `${num(m.utility.value)}${m.utility.lo !== null && m.utility.hi !== null ? ` (${formatInterval(m.utility.lo, m.utility.hi)})` : ''}`
        : esc(m.error ?? '–'),
      num(m.ratio),
    ]),
  );
  const r = summary.ranking;
  return `<section><h2>${esc(report.name)}</h2>${models}
<p>Kendall τ_b ${r?.kendallTauB ? interval(r.kendallTauB) : '–'}; SRA ${r?.sra ? interval(r.sra) : '–'}; ${summary.completed} replicates.</p>
<p>Fidelity: C2ST AUC ${num(fidelity.c2stAuc)}; correlation difference ${num(fidelity.correlation.meanAbs)} (largest ${num(fidelity.correlation.maxAbs)}). ${esc(fidelityNote(fidelity))}</p>
${table(
  ['Column', 'KS', 'TV'],
  fidelity.columns.map((c) => [esc(c.name), num(c.ks), num(c.tv)]),
)}
<p>Privacy: ${esc(privacy.verdict)} Exact copies ${privacy.exactCopies.length} of ${privacy.syntheticRows}; DCR median ${num(privacy.synthetic.median)} (hold-out ${num(privacy.holdout.median)}).${privacy.sample ? ` ${esc(privacyNote(privacy.sample))}` : ''}</p></section>`;
}

export function reportHtml(
  reports: readonly DatasetReport[],
  files: readonly LoadedFile[],
  scenario: Scenario,
  date: Date,
): string {
  const board = leaderboard(reports);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your data: synthetic utility report</title>
<style>body{font:13px/1.4 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}td{font-variant-numeric:tabular-nums}h2{margin-top:1.5rem;break-after:avoid}section{break-inside:avoid}@media print{body{margin:0}}</style></head><body>
<h1>Synthetic utility report</h1>
<p>Made ${esc(date.toISOString().slice(0, 16).replace('T', ' '))} UTC by the Synthetic Utility Playground, in the browser (no data left the page).</p>
<p>Settings: task ${esc(scenario.task)} (risk: ${scenario.task === 'regression' ? 'mean squared error' : '0-1 error'} on real test data; intervals 95% over replicates), models ${esc(scenario.models)}, R = ${scenario.replicates}, seed ${scenario.seed}, held-out share ${scenario.testFraction}, missing cells: ${esc(scenario.missing)}${scenario.target ? `, target ${esc(scenario.target)}` : ''}${scenario.positive ? `, positive class ${esc(scenario.positive)}` : ''}${scenario.maxRows > 0 ? `, at most ${scenario.maxRows} rows of each file per replicate (a seeded sample)` : ''}.</p>
${table(
  ['File', 'Role', 'Rows', 'SHA-256'],
  files.map((f) => [esc(f.name), f.role, String(f.rows), `<code>${f.fingerprint}</code>`]),
)}
<h2>Leaderboard</h2>
${table(
  [
    'Synthetic dataset',
    'Mean U (lower is better)',
    'Place by U',
    'SRA (higher is better)',
    'Kendall τ_b',
    'Place by SRA',
  ],
  board.map((b) => [
    esc(b.name),
    num(b.meanUtility),
    String(b.utilityPlace ?? '–'),
    num(b.sra),
    num(b.kendallTauB),
    String(b.rankingPlace ?? '–'),
  ]),
)}
${reports.map(dataset).join('\n')}
</body></html>`;
}
