/**
 * The studies beyond the paper in the CLI (docs/theory.md §9), run as a user types them: a share link with
 * `study=…`. The study's summary follows the table as `# ` lines, with its closed forms where they hold; --json
 * carries the engine's summary.study as is; per-replicate rows and sweep rows carry the study's columns; a bad
 * value in the link is a warning and a clamp, never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cli, csvWriter } from './testing';

const { dir } = csvWriter('cli-study-');

type Mean = { mean: number; se: number | null; lo: number | null; hi: number | null };
type Row = Record<string, number | string | boolean | null>;

async function json(link: string): Promise<Record<string, unknown>> {
  const { code, out } = await cli('run', '--scenario', link, '--json');
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

/** The `# ` lines after the table. */
function commentLines(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('# '))
    .map((l) => l.slice(2));
}

describe('cli run with a study', () => {
  it('collapse: spread and tail width per generation after the table, with ((m-1)/m)^g', async () => {
    const link = '?v=3&study=collapse&gens=5&gen=gaussian&m=50&R=20&models=ols;knn:k=5&test=1000';
    const { code, out, err } = await cli('run', '--scenario', link);
    expect(code).toBe(0);
    expect(err).toBe('');
    // The table is untouched: CSV first, then a blank line, then the study's lines.
    expect(out.split('\n')[0]).toMatch(/^model,fitted,trtr,/);
    const lines = commentLines(out);
    expect(lines[0]).toMatch(/^study: self-consuming loop, 5 generations, fresh real share 0, m = 50/);
    const header = lines.findIndex((l) => /^g\s+spread\s+tail width\s+\(\(m-1\)\/m\)\^g$/.test(l));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, header + 7).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '3', '4', '5']);
    // 0.98^g, printed to 4 significant digits.
    expect(rows.map((r) => Number(r.at(-1)))).toEqual([1, 0.98, 0.9604, 0.9412, 0.9224, 0.9039]);
    expect(lines.at(-1)).toMatch(/exact in expectation/);

    const report = await json(link);
    const study = report.study as { spread: Mean[]; tail: Mean[]; closedForm: { spread: number[] } };
    expect(study.spread).toHaveLength(6);
    expect(study.spread[0]!.mean).toBe(1);
    expect(study.closedForm.spread[5]).toBeCloseTo(0.98 ** 5, 14);
    // The printed spread is the JSON's, and the loop's mean is where the closed form says (4 standard errors).
    expect(rows[5]![1]).toBe(
      `${Number(study.spread[5]!.mean.toPrecision(4))} [${Number(study.spread[5]!.lo!.toPrecision(4))}, ${Number(study.spread[5]!.hi!.toPrecision(4))}]`,
    );
    expect(Math.abs(study.spread[5]!.mean - 0.98 ** 5)).toBeLessThan(4 * study.spread[5]!.se!);
    // The chain per replicate and generation, and each replicate row's last-generation spread.
    const generations = report.generations as Row[];
    expect(generations).toHaveLength(20 * 6);
    const replicates = report.replicates as Row[];
    const last = generations.filter((g) => g.generation === 5).map((g) => g.spread);
    expect(replicates.filter((r) => r.model === 'ols').map((r) => r.spread)).toEqual(last);
    const mean = (last as number[]).reduce((a, b) => a + b, 0) / last.length;
    expect(mean).toBeCloseTo(study.spread[5]!.mean, 12);
  });

  it('collapse with another generator or fresh data: no closed form, and the text says why', async () => {
    const { out } = await cli(
      'run',
      '--scenario',
      '?v=3&study=collapse&gens=2&gen=gaussian&fresh=0.5&R=3&models=ols&test=1000',
    );
    expect(commentLines(out).at(-1)).toBe(
      'closed form ((m-1)/m)^g: none here, a fresh real share of 0.5 feeds real spread back into every generation',
    );
    expect(out).not.toMatch(/\(\(m-1\)\/m\)\^g\n/);
  });

  it('mix: TMTR and gain per model, λ = m/n, and pooled OLS as OLS on n + m points', async () => {
    const link = '?v=3&study=mix&eta=linear&p=3&n=20&m=30&R=20&models=ols;knn:k=5&test=1000';
    const { out } = await cli('run', '--scenario', link);
    const lines = commentLines(out);
    expect(lines[0]).toBe(
      'study: real + synthetic training data, n = 20 real + m = 30 synthetic points, lambda = m/n = 1.5 (docs/theory.md §9.2)',
    );
    // sigma^2 (1 + 1/N + p(N+1)/(N(N-p-2))) with sigma = 0.5, p = 3, N = 50: 0.25 * 1.088 = 0.272.
    const ols = lines.find((l) => l.startsWith('ols '))!.split(/\s{2,}/);
    expect(ols.at(-1)).toBe('0.272');
    expect(
      lines
        .find((l) => l.startsWith('knn:k=5 '))!
        .split(/\s{2,}/)
        .at(-1),
    ).toBe('-');
    const report = await json(link);
    const study = report.study as {
      models: { tmtr: Mean; gain: Mean }[];
      closedForm: { tmtr: (number | null)[] };
    };
    expect(study.closedForm.tmtr[0]).toBeCloseTo(0.272, 12);
    expect(study.closedForm.tmtr[1]).toBeNull();
    expect(Math.abs(study.models[0]!.tmtr.mean - 0.272)).toBeLessThan(4 * study.models[0]!.tmtr.se!);
    // Per replicate: TMTR and gain = TRTR - TMTR, whose mean is the summary's gain.
    const rows = (report.replicates as Row[]).filter((r) => r.model === 'ols');
    for (const r of rows) expect(r.gain).toBeCloseTo((r.trtr as number) - (r.tmtr as number), 14);
    const gain = rows.reduce((a, r) => a + (r.gain as number), 0) / rows.length;
    expect(gain).toBeCloseTo(study.models[0]!.gain.mean, 12);
  });

  it('ensemble: one member against the ensemble, with the OLS closed form σ² + estimation part / K', async () => {
    const link =
      '?v=3&study=ensemble&members=4&eta=linear&p=3&m=15&noise=2&shift=1&R=20&models=ols;knn:k=5&test=1000';
    const { out } = await cli('run', '--scenario', link);
    const lines = commentLines(out);
    expect(lines[0]).toMatch(/^study: ensemble of K = 4 synthetic datasets/);
    expect(lines.some((l) => /^ranking one member's TSTR vs TRTR over 20 replicates/.test(l))).toBe(true);
    const report = await json(link);
    const study = report.study as {
      models: { member: Mean; benefit: Mean }[];
      closedForm: { tstr: number[]; memberTstr: number[] };
    };
    const [member, ensemble] = [study.closedForm.memberTstr[0]!, study.closedForm.tstr[0]!];
    expect(ensemble - 0.25).toBeCloseTo((member - 0.25) / 4, 12);
    const rows = (report.replicates as Row[]).filter((r) => r.model === 'ols');
    for (const r of rows) expect(r.benefit).toBeCloseTo((r.member_tstr as number) - (r.tstr as number), 14);
    expect(study.models[0]!.benefit.lo).toBeGreaterThan(0);
  });

  it('select: regret, same choice and the chosen counts; the regret recomputed from the replicate rows', async () => {
    const link = '?v=3&study=select&holdout=0.3&R=20&models=knn:k=1;knn:k=5;knn:k=20;knn:k=50&test=1000';
    const { out } = await cli('run', '--scenario', link);
    const lines = commentLines(out);
    expect(lines[2]).toMatch(
      /^regret -?[\d.e-]+ \[.*\]; relative regret .*; same choice in \d+ of 20 replicates/,
    );
    const report = await json(link);
    const study = report.study as { regret: Mean; chosenReal: number[]; chosenSynthetic: number[] };
    expect(study.chosenReal.reduce((a, b) => a + b, 0)).toBe(20);
    const rows = report.replicates as Row[];
    const chosen = rows.filter((r) => r.chosen_synthetic === true);
    expect(chosen).toHaveLength(20);
    // regret = TRTR of the synthetic choice - TRTR of the real choice, per replicate.
    for (const c of chosen) {
      const real = rows.find((r) => r.replicate === c.replicate && r.chosen_real === true)!;
      expect(c.regret).toBeCloseTo((c.trtr as number) - (real.trtr as number), 14);
    }
    const regret = chosen.reduce((a, r) => a + (r.regret as number), 0) / 20;
    expect(regret).toBeCloseTo(study.regret.mean, 12);
    const counts = study.chosenSynthetic.map(String);
    const table = lines.slice(lines.findIndex((l) => l.startsWith('candidate')) + 1);
    expect(table.map((l) => l.split(/\s{2,}/).at(-1))).toEqual(counts);
  });

  it('--out x.csv: one row per replicate and model with the study columns', async () => {
    const file = join(dir, 'mix.csv');
    const { code } = await cli(
      'run',
      '--scenario',
      '?v=3&study=mix&R=3&models=ols;knn:k=5&test=1000',
      '--out',
      file,
    );
    expect(code).toBe(0);
    const parsed = Papa.parse<Row>(readFileSync(file, 'utf8').trim(), { header: true, dynamicTyping: true });
    expect(parsed.meta.fields).toEqual(['replicate', 'model', 'trtr', 'tstr', 'error', 'tmtr', 'gain']);
    expect(parsed.data).toHaveLength(6);
  });

  it('sweep rows carry the study metric and its closed form at each point', async () => {
    const { code, out } = await cli(
      ...['sweep', '--scenario', '?v=3&study=collapse&gen=gaussian&m=50&R=3&models=ols&test=1000'],
      ...['--param', 'gens', '--from', '0', '--to', '10', '--steps', '3'],
    );
    expect(code).toBe(0);
    const rows = Papa.parse<Row>(out, { header: true, dynamicTyping: true }).data;
    expect(rows.map((r) => r.gens)).toEqual([0, 5, 10]);
    expect(rows[0]!.spread).toBe(1);
    rows.forEach((r) => expect(r.spread_closed_form).toBeCloseTo(0.98 ** (r.gens as number), 12));
    expect(rows[2]!.spread).toBeLessThan(1);
  });
});

describe('cli run with a hostile study', () => {
  it('an unknown study is a warning and a plain run', async () => {
    const { code, out, err } = await cli('run', '--scenario', '?v=3&study=bogus&R=2&models=ols&test=1000');
    expect(code).toBe(0);
    expect(err).toBe(
      'warning: study = "bogus" is not one of none, collapse, mix, ensemble, select; using none.',
    );
    expect(out).not.toMatch(/^# /m);
  });

  it('out-of-range knobs are clamped with a notice, and the run says what it used', async () => {
    const { code, out, err } = await cli(
      ...['run', '--scenario', '?v=3&study=ensemble&members=99&R=2&models=ols&test=1000'],
    );
    expect(code).toBe(0);
    expect(err).toBe('warning: members = 99 is above the maximum 10; using 10.');
    expect(commentLines(out)[0]).toMatch(/^study: ensemble of K = 10 synthetic datasets/);
    const loop = await cli(
      'run',
      '--scenario',
      '?v=3&study=collapse&gens=-4&fresh=7&R=2&models=ols&test=1000',
    );
    expect(loop.code).toBe(0);
    expect(loop.err.split('\n')).toEqual([
      'warning: gens = -4 is below the minimum 0; using 0.',
      'warning: fresh = 7 is above the maximum 1; using 1.',
      'warning: study = collapse refits a generator on its own draws: using gen = gaussian.',
    ]);
    expect(commentLines(loop.out)[0]).toMatch(
      /^study: self-consuming loop, 0 generations, fresh real share 1/,
    );
  });

  it('select with one candidate says there is nothing to choose', async () => {
    const { out } = await cli('run', '--scenario', '?v=3&study=select&R=2&models=ols&test=1000');
    expect(commentLines(out).at(-1)).toMatch(/^one candidate: nothing to choose/);
  });
});
