/**
 * The exports of a run with a study beyond the paper (docs/theory.md §9): the results CSV gets the study's
 * columns per replicate and model, the summary CSV its summary per model with the closed forms, the JSON the
 * engine's summary.study as is (and the self-consuming loop's chain per replicate and generation), the sweep
 * rows the study's metric per point. Without a study the columns are those of files.test.ts.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../engine/run';
import { summarize, type ReplicateRecord } from '../../engine/summary';
import { planFromScenario } from '../../scenario/labs/index';
import type { ScenarioResult } from '../../scenario/results';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import {
  resultsCsv,
  resultsJson,
  RESULTS_COLUMNS,
  summaryCsv,
  SUMMARY_COLUMNS,
  sweepColumns,
  sweepCsv,
  type SweepExport,
} from './files';

const MODELS = [
  { id: 'ols', label: 'OLS' },
  { id: 'knn:k=10', label: 'kNN (k=10)' },
];
const meta = { appVersion: '9.9.9', link: 'http://127.0.0.1/?v=3' };

type Parsed = Record<string, number | string | boolean | null>;
const parse = (text: string) =>
  Papa.parse<Parsed>(text.trimEnd(), { header: true, dynamicTyping: true, skipEmptyLines: true });

function result(overrides: Partial<Scenario>, records: ReplicateRecord[]): ScenarioResult {
  return {
    scenario: { ...defaultScenario(), models: 'ols;knn:k=10', ...overrides },
    summary: summarize(records, MODELS, records.length),
    records,
    visual: null,
    fidelity: null,
    done: true,
    elapsedMs: 1,
  };
}

const base = (index: number, trtr: number[], tstr: number[]) => ({
  index,
  trtr,
  tstr,
  errors: [null, null],
});

describe('a study adds its columns after the usual ones', () => {
  const mix = result({ study: 'mix', eta: 'linear' }, [
    { ...base(0, [0.3, 0.5], [0.4, 0.6]), study: { kind: 'mix', tmtr: [0.28, 0.45] } },
    { ...base(1, [0.32, 0.55], [0.41, 0.7]), study: { kind: 'mix', tmtr: [0.29, null] } },
    { ...base(2, [0.31, 0.52], [0.39, 0.66]), study: { kind: 'mix', tmtr: [0.27, 0.47] } },
  ]);

  it('mix: TMTR and gain = TRTR − TMTR per replicate; TMTR, gain and the OLS closed form per model', () => {
    const rows = parse(resultsCsv(mix));
    expect(rows.meta.fields).toEqual([...RESULTS_COLUMNS, 'tmtr', 'gain']);
    expect(rows.data.map((r) => r.tmtr)).toEqual([0.28, 0.45, 0.29, null, 0.27, 0.47]);
    expect(rows.data[0]!.gain).toBe(0.3 - 0.28);
    expect(rows.data[3]!.gain).toBeNull();
    const summary = parse(summaryCsv(mix));
    const fields = summary.meta.fields!;
    expect(fields.slice(0, SUMMARY_COLUMNS.length)).toEqual([...SUMMARY_COLUMNS]);
    expect(fields.slice(SUMMARY_COLUMNS.length, SUMMARY_COLUMNS.length + 7)).toEqual([
      ...['tmtr', 'tmtr_lo', 'tmtr_hi', 'gain', 'gain_lo', 'gain_hi', 'tmtr_closed_form'],
    ]);
    const [ols, knn] = summary.data;
    const s = mix.summary.study?.kind === 'mix' ? mix.summary.study : null;
    expect(ols!.tmtr).toBe(s!.models[0]!.tmtr!.mean);
    expect(ols!.tmtr).toBeCloseTo((0.28 + 0.29 + 0.27) / 3, 15);
    expect(ols!.gain_lo).toBe(s!.models[0]!.gain!.lo);
    expect(knn!.tmtr).toBeCloseTo(0.46, 15);
    // OLS on N = n + m = 400 points, p = 1, sigma = 0.5: sigma^2 (1 + 1/N + p(N+1)/(N(N-p-2))).
    expect(ols!.tmtr_closed_form).toBeCloseTo(0.25 * (1 + 1 / 400 + 401 / (400 * 397)), 14);
    expect(knn!.tmtr_closed_form).toBeNull();
    expect(ols!.tmtr_kendall_tau_b).toBe(s!.ranking!.kendallTauB!.mean);
    // The same scenario with a quadratic η has no closed form.
    const quadratic = result({ study: 'mix' }, mix.records as ReplicateRecord[]);
    expect(parse(summaryCsv(quadratic)).data[0]!.tmtr_closed_form).toBeNull();
  });

  it('JSON: summary.study as the engine gives it, with its closed forms', () => {
    const json = JSON.parse(resultsJson(mix, meta));
    expect({ ...json.study, closedForm: undefined }).toEqual(
      JSON.parse(JSON.stringify({ ...mix.summary.study, closedForm: undefined })),
    );
    expect(json.study.closedForm).toMatchObject({ kind: 'mix', n: 200, m: 200 });
    expect(json.replicates[0].tmtr).toBe(0.28);
    expect(json.summary[0].tmtr).toBe(json.study.models[0].tmtr.mean);
    expect(json.generations).toBeUndefined();
  });

  it('collapse: the last generation per replicate, the chain per generation in JSON, ((m − 1)/m)^G', () => {
    const chain = (spread: number[], tail: number[]) => ({ kind: 'collapse' as const, spread, tail });
    const loop = result({ study: 'collapse', generator: 'gaussian', generations: 2, m: 50 }, [
      { ...base(0, [0.3, 0.5], [0.4, 0.6]), study: chain([1, 0.97, 0.9], [1, 0.99, 0.95]) },
      { ...base(1, [0.32, 0.55], [0.41, 0.7]), study: chain([1, 0.99, 1.02], [1, 1.01, 1]) },
    ]);
    const rows = parse(resultsCsv(loop)).data;
    expect(rows.map((r) => r.spread)).toEqual([0.9, 0.9, 1.02, 1.02]);
    expect(rows.map((r) => r.tail_width)).toEqual([0.95, 0.95, 1, 1]);
    const summary = parse(summaryCsv(loop)).data[0]!;
    expect(summary.spread).toBeCloseTo(0.96, 15);
    expect(summary.tail_width).toBeCloseTo(0.975, 15);
    expect(summary.spread_closed_form).toBeCloseTo(0.98 ** 2, 15);
    const json = JSON.parse(resultsJson(loop, meta));
    expect(json.generations).toEqual([
      { replicate: 1, generation: 0, spread: 1, tail_width: 1 },
      { replicate: 1, generation: 1, spread: 0.97, tail_width: 0.99 },
      { replicate: 1, generation: 2, spread: 0.9, tail_width: 0.95 },
      { replicate: 2, generation: 0, spread: 1, tail_width: 1 },
      { replicate: 2, generation: 1, spread: 0.99, tail_width: 1.01 },
      { replicate: 2, generation: 2, spread: 1.02, tail_width: 1 },
    ]);
    expect(json.study.closedForm.spread).toEqual([1, 0.98, 0.98 ** 2]);
    // A mixture generator has no closed form, and says why.
    const gmm = result({ ...loop.scenario, generator: 'gmm' }, loop.records as ReplicateRecord[]);
    expect(parse(summaryCsv(gmm)).data[0]!.spread_closed_form).toBeNull();
    expect(JSON.parse(resultsJson(gmm, meta)).study.closedForm.reason).toMatch(/generator is gmm/);
  });

  it('ensemble: one member’s TSTR and the benefit per replicate; member U and benefit per model', () => {
    const ensemble = result({ study: 'ensemble', members: 3 }, [
      { ...base(0, [0.3, 0.5], [0.4, 0.6]), study: { kind: 'ensemble', member: [0.5, 0.65] } },
      { ...base(1, [0.32, 0.55], [0.41, 0.7]), study: { kind: 'ensemble', member: [0.45, 0.8] } },
    ]);
    const rows = parse(resultsCsv(ensemble)).data;
    expect(rows.map((r) => r.member_tstr)).toEqual([0.5, 0.65, 0.45, 0.8]);
    expect(rows[0]!.benefit).toBeCloseTo(0.1, 15);
    const ols = parse(summaryCsv(ensemble)).data[0]!;
    expect(ols.member_tstr).toBeCloseTo(0.475, 15);
    expect(ols.member_utility).toBeCloseTo(Math.abs(0.475 - 0.31), 14);
    expect(ols.benefit).toBeCloseTo((0.1 + 0.04) / 2, 14);
  });

  it('select: the validation risks, the choices and the regret per replicate, recomputed', async () => {
    const scenario: Scenario = {
      ...defaultScenario(),
      study: 'select',
      models: 'knn:k=1;knn:k=5;knn:k=20',
      replicates: 4,
      nTest: 1000,
    };
    const run = await runExperiment(planFromScenario(scenario), { fidelity: false });
    const select: ScenarioResult = { ...run, scenario, visual: null, done: true, elapsedMs: 1 };
    const rows = parse(resultsCsv(select)).data;
    expect(parse(resultsCsv(select)).meta.fields).toEqual([
      ...RESULTS_COLUMNS,
      ...['val_real', 'val_synthetic', 'chosen_real', 'chosen_synthetic', 'regret'],
    ]);
    const regrets = [1, 2, 3, 4].map((r) => {
      const of = rows.filter((row) => row.replicate === r);
      const best = (key: string) => of.reduce((a, b) => ((b[key] as number) < (a[key] as number) ? b : a));
      expect(of.filter((row) => row.chosen_real === true)).toEqual([best('val_real')]);
      expect(of.filter((row) => row.chosen_synthetic === true)).toEqual([best('val_synthetic')]);
      const regret = (best('val_synthetic').trtr as number) - (best('val_real').trtr as number);
      expect(of.every((row) => row.regret === regret)).toBe(true);
      return regret;
    });
    const summary = parse(summaryCsv(select)).data;
    expect(summary[0]!.regret).toBeCloseTo(regrets.reduce((a, b) => a + b, 0) / 4, 14);
    const counts = summary.map((row) => row.chosen_synthetic as number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(summary.every((row) => row.same_choice === summary[0]!.same_choice)).toBe(true);
  });

  it('without a study the columns are as before', () => {
    const none = result({}, [base(0, [0.3, 0.5], [0.4, 0.6]), base(1, [0.32, 0.55], [0.41, 0.7])]);
    expect(parse(resultsCsv(none)).meta.fields).toEqual([...RESULTS_COLUMNS]);
    expect(parse(summaryCsv(none)).meta.fields).toEqual([...SUMMARY_COLUMNS]);
    const json = JSON.parse(resultsJson(none, meta));
    expect(json.study).toBeUndefined();
    expect(Object.keys(json.replicates[0])).toEqual([...RESULTS_COLUMNS]);
  });
});

describe('sweeps with a study', () => {
  it('carry the study metric and the closed form of each point', () => {
    const records = (spread: number): ReplicateRecord[] =>
      [0, 1].map((index) => ({
        ...base(index, [0.3, 0.5], [0.4, 0.6]),
        study: { kind: 'collapse', spread: [1, spread + index / 100], tail: [1, 1] },
      }));
    const sweep: SweepExport = {
      setting: { x: { param: 'm', from: 20, to: 100, steps: 2 }, y: null },
      base: { ...defaultScenario(), study: 'collapse', generator: 'gaussian', generations: 1 },
      points: [20, 100].map((m) => ({ values: { m }, summary: summarize(records(0.9), MODELS, 2) })),
      status: 'done',
      total: 2,
    };
    const parsed = parse(sweepCsv(sweep));
    expect(parsed.meta.fields).toEqual(sweepColumns(sweep.setting, sweep.base));
    expect(parsed.meta.fields!.slice(-7)).toEqual([
      ...['spread', 'spread_lo', 'spread_hi', 'tail_width', 'tail_width_lo', 'tail_width_hi'],
      'spread_closed_form',
    ]);
    expect(parsed.data.map((r) => r.spread_closed_form)).toEqual([0.95, 0.95, 0.99, 0.99]);
    expect(parsed.data[0]!.spread).toBeCloseTo(0.905, 15);
    expect(sweepColumns(sweep.setting)).not.toContain('spread');
  });
});
