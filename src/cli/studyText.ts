/**
 * `run`'s study summary for people (docs/theory.md §9), printed after the usual table as `# ` lines, so the
 * output still reads as CSV with comment lines (pandas: `read_csv(..., comment='#')`). Means with 95% t
 * intervals over replicates (the loop's spread and tail width: percentile bootstrap), Wilson intervals for shares,
 * the closed forms where they hold.
 */
import type { MeanInterval } from '../engine/metrics/intervals';
import type { OrderAgreement, StudySummary } from '../engine/studies/types';
import type { ExperimentSummary } from '../engine/summary';
import type { StudyTheory } from '../scenario/studyColumns';

type Of<K extends StudySummary['kind']> = Extract<StudySummary, { kind: K }>;
type Interval = { mean: number; lo: number | null; hi: number | null } | null | undefined;

const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : Number(v.toPrecision(4)).toString();

/** "0.8123 [0.7901, 0.8345]", the mean alone with one replicate, '-' when there is none. */
function mi(e: Interval): string {
  if (!e) return '-';
  return e.lo === null || e.hi === null ? fmt(e.mean) : `${fmt(e.mean)} [${fmt(e.lo)}, ${fmt(e.hi)}]`;
}

const asInterval = (e: MeanInterval | null | undefined): Interval =>
  e && { mean: e.mean, lo: e.lo, hi: e.hi };

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => c.padEnd(widths[j]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function agreement(what: string, r: OrderAgreement | null): string {
  if (!r || r.replicates === 0) return `ranking ${what} vs TRTR: needs two models fitted in a replicate`;
  const top1 = r.top1
    ? `${fmt(r.top1.estimate)} [${fmt(r.top1.lo)}, ${fmt(r.top1.hi)}] (Wilson)`
    : 'undefined';
  const tau = mi(asInterval(r.kendallTauB));
  return `ranking ${what} vs TRTR over ${r.replicates} replicates: Kendall tau-b ${tau === '-' ? 'undefined' : tau}, same best model ${top1}`;
}

function collapse(s: Of<'collapse'>, theory: Extract<StudyTheory, { kind: 'collapse' }> | null): string[] {
  const G = s.spread.length - 1;
  const lines = [
    `study: self-consuming loop, ${G} generation${G === 1 ? '' : 's'}${theory ? `, fresh real share ${fmt(theory.fresh)}, m = ${theory.m}` : ''} (docs/theory.md §9.1); the models' synthetic sample comes from generation ${G}'s fit`,
    `spread = ML feature variance of generation g's training data over the real sample's; tail width = its 1%-99% quantile range over that of m fresh real points; mean [95% CI] over ${s.spread[0]?.n ?? 0} replicates`,
    ...table(
      ['g', 'spread', 'tail width', ...(theory?.spread ? ['((m-1)/m)^g'] : [])],
      s.spread.map((spread, g) => [
        String(g),
        g === 0 ? '1 (the real sample)' : mi(asInterval(spread)),
        g === 0 ? '1' : mi(asInterval(s.tail[g])),
        ...(theory?.spread ? [fmt(theory.spread[g])] : []),
      ]),
    ),
  ];
  if (theory?.spread)
    lines.push(`closed form ((m-1)/m)^g: exact in expectation (Gaussian refit, regression, no fresh data)`);
  else if (theory?.reason) lines.push(`closed form ((m-1)/m)^g: none here, ${theory.reason}`);
  return lines;
}

function mix(
  s: Of<'mix'>,
  summary: ExperimentSummary,
  theory: Extract<StudyTheory, { kind: 'mix' }> | null,
): string[] {
  const sizes = theory
    ? `, n = ${theory.n} real + m = ${theory.m} synthetic points, lambda = m/n = ${fmt(theory.m / theory.n)}`
    : '';
  const closed = theory?.tmtr.some((v) => v !== null) ?? false;
  return [
    `study: real + synthetic training data${sizes} (docs/theory.md §9.2)`,
    `TMTR = real test risk of the model trained on real + synthetic; gain = TRTR - TMTR per replicate (> 0: the synthetic points helped); mean [95% CI]`,
    ...table(
      ['model', 'TRTR', 'TMTR', 'gain', ...(closed ? ['E TMTR (closed form)'] : [])],
      summary.models.map((m, k) => [
        m.id,
        mi(asInterval(m.trtr)),
        mi(asInterval(s.models[k]?.tmtr)),
        mi(asInterval(s.models[k]?.gain)),
        ...(closed ? [fmt(theory!.tmtr[k])] : []),
      ]),
    ),
    agreement('TMTR', s.ranking),
    closed
      ? 'closed form: OLS on N = n + m points, sigma^2 (1 + 1/N + p(N+1)/(N(N-p-2))) (synthetic data drawn like the real)'
      : 'closed form: none here (OLS with the synthetic data drawn like the real only)',
  ];
}

function ensemble(
  s: Of<'ensemble'>,
  summary: ExperimentSummary,
  theory: Extract<StudyTheory, { kind: 'ensemble' }> | null,
): string[] {
  const K = theory?.members;
  const closed = theory?.tstr.some((v) => v !== null) ?? false;
  const lines = [
    `study: ensemble of ${K === undefined ? 'K' : `K = ${K}`} synthetic datasets (docs/theory.md §9.3): the table's TSTR and U are the ensemble's (the K models' predictions averaged); one member = member 1`,
    `benefit = member TSTR - ensemble TSTR per replicate (> 0: the ensemble is better); mean [95% CI]`,
    ...table(
      [
        'model',
        'member TSTR',
        'member U',
        'ensemble TSTR',
        'ensemble U',
        'benefit',
        ...(closed ? ['E TSTR member / ensemble (closed form)'] : []),
      ],
      summary.models.map((m, k) => {
        const e = s.models[k];
        const u = e?.memberUtility;
        return [
          m.id,
          mi(asInterval(e?.member)),
          mi(u && { mean: u.value, lo: u.lo, hi: u.hi }),
          mi(asInterval(m.tstr)),
          mi(m.utility && { mean: m.utility.value, lo: m.utility.lo, hi: m.utility.hi }),
          mi(asInterval(e?.benefit)),
          ...(closed ? [`${fmt(theory!.memberTstr[k])} / ${fmt(theory!.tstr[k])}`] : []),
        ];
      }),
    ),
    agreement("one member's TSTR", s.memberRanking),
  ];
  if (K === 1) lines.push('K = 1: the ensemble is its one member (no benefit by construction)');
  if (closed)
    lines.push(
      "closed form (OLS, section 6.8 conditions): sigma^2 + one member's estimation part / K + bias^2 E h^2",
    );
  return lines;
}

function select(s: Of<'select'>, summary: ExperimentSummary, theory: StudyTheory | null): string[] {
  const holdout = theory?.kind === 'select' ? `, validation share ${fmt(theory.holdout)}` : '';
  const same = s.sameChoice;
  const lines = [
    `study: hyperparameter choice on synthetic validation${holdout} (docs/theory.md §9.4); the models are the candidates`,
    `regret = TRTR of the candidate chosen on synthetic validation - TRTR of the candidate chosen on real validation`,
    `regret ${mi(asInterval(s.regret))}; relative regret ${mi(asInterval(s.relativeRegret))}; ` +
      (same
        ? `same choice in ${fmt(same.successes)} of ${same.trials} replicates, ${fmt(same.estimate)} [${fmt(same.lo)}, ${fmt(same.hi)}] (Wilson)`
        : 'same choice: no replicate with every candidate validated'),
    ...table(
      ['candidate', 'TRTR', 'val real', 'val synthetic', 'chosen on real', 'chosen on synthetic'],
      summary.models.map((m, k) => [
        m.id,
        mi(asInterval(m.trtr)),
        mi(asInterval(s.valReal[k])),
        mi(asInterval(s.valSynthetic[k])),
        String(s.chosenReal[k] ?? 0),
        String(s.chosenSynthetic[k] ?? 0),
      ]),
    ),
  ];
  if (summary.models.length < 2)
    lines.push(
      'one candidate: nothing to choose (give the candidates as the models, e.g. models=knn:k=1;knn:k=5;knn:k=20)',
    );
  return lines;
}

/** The study's summary as `# ` lines (empty without a study or before a replicate carries one). */
export function studyText(summary: ExperimentSummary, theory: StudyTheory | null): string[] {
  const s = summary.study;
  if (!s) return [];
  const of = <K extends StudyTheory['kind']>(kind: K) =>
    theory?.kind === kind ? (theory as Extract<StudyTheory, { kind: K }>) : null;
  const lines =
    s.kind === 'collapse'
      ? collapse(s, of('collapse'))
      : s.kind === 'mix'
        ? mix(s, summary, of('mix'))
        : s.kind === 'ensemble'
          ? ensemble(s, summary, of('ensemble'))
          : select(s, summary, theory);
  return lines.map((line) => `# ${line}`);
}
