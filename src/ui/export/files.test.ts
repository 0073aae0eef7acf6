import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../scenario/results';
import { summarize, type ReplicateRecord } from '../../engine/summary';
import type { SweepPoint } from '../../engine/sweep';
import { labParams } from '../../scenario/labs/index';
import { DEFAULT_PAGE } from '../../scenario/page';
import { defaultScenario } from '../../scenario/schema';
import { decodeLink, URL_VERSION } from '../../scenario/url';
import {
  fileName,
  resultsCsv,
  resultsJson,
  RESULTS_COLUMNS,
  scenarioFileJson,
  scenarioHash,
  shareUrl,
  summaryCsv,
  SUMMARY_COLUMNS,
  sweepCsv,
  sweepJson,
  toCsv,
  type SweepExport,
} from './files';
import { parseScenarioFile } from './scenarioFile';

const MODELS = [
  { id: 'ols', label: 'OLS' },
  { id: 'poly:degree=3', label: 'Poly deg 3' },
  { id: 'knn:k=10', label: 'kNN (k=10)' },
];

const RECORDS: ReplicateRecord[] = [
  { index: 0, trtr: [0.31, 0.27, 0.33], tstr: [0.52, 0.41, 0.47], errors: [null, null, null] },
  { index: 1, trtr: [0.29, 0.26, 0.35], tstr: [0.5, 0.44, 0.3], errors: [null, null, null] },
  { index: 2, trtr: [0.3, null, 0.34], tstr: [0.49, null, 0.46], errors: [null, 'singular, "quoted"', null] },
  { index: 3, trtr: [0.1 + 0.2, 0.25, 1e-12], tstr: [0.55, 0.43, 1 / 3], errors: [null, null, null] },
];

function result(records = RECORDS, models = MODELS): ScenarioResult {
  return {
    scenario: defaultScenario(),
    summary: summarize(records, models, 5),
    records,
    visual: null,
    fidelity: null,
    done: false,
    elapsedMs: 12,
  };
}

type Parsed = Record<string, number | string | null>;
const parse = (text: string) =>
  Papa.parse<Parsed>(text.trimEnd(), { header: true, dynamicTyping: true, skipEmptyLines: true });

const meta = { appVersion: '9.9.9', link: 'http://127.0.0.1/?v=2' };

describe('results CSV', () => {
  it('has one row per replicate and model, in the summary order, with exact numbers', () => {
    const parsed = parse(resultsCsv(result()));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...RESULTS_COLUMNS]);
    expect(parsed.data).toHaveLength(RECORDS.length * MODELS.length);
    parsed.data.forEach((row, i) => {
      const record = RECORDS[Math.floor(i / MODELS.length)]!;
      const k = i % MODELS.length;
      expect(row.replicate).toBe(record.index + 1);
      expect(row.model).toBe(MODELS[k]!.id);
      expect(row.model_label).toBe(MODELS[k]!.label);
      expect(row.trtr).toBe(record.trtr[k]);
      expect(row.tstr).toBe(record.tstr[k]);
      if (record.trtr[k] == null) expect(row.gap).toBeNull();
      else expect(row.gap).toBe(record.tstr[k]! - record.trtr[k]!);
      expect(row.error).toBe(record.errors[k]);
    });
  });

  it('means over the replicate rows equal the summary means', () => {
    const r = result();
    const rows = parse(resultsCsv(r)).data;
    r.summary.models.forEach((m) => {
      const fitted = rows.filter((row) => row.model === m.id && row.trtr !== null);
      const mean = fitted.reduce((sum, row) => sum + (row.trtr as number), 0) / fitted.length;
      expect(mean).toBeCloseTo(m.trtr!.mean, 14);
      expect(fitted).toHaveLength(m.fitted);
    });
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const text = toCsv([{ a: '=HYPERLINK("x")', b: -1, c: '+1', d: '@x' }]);
    const row = parse(text).data[0]!;
    expect(row.a).toBe(`'=HYPERLINK("x")`);
    expect(row.b).toBe(-1);
    expect(row.c).toBe("'+1");
    expect(row.d).toBe("'@x");
  });

  it('writes only the header without replicates', () => {
    expect(resultsCsv(result([])).trim()).toBe(RESULTS_COLUMNS.join(','));
  });
});

describe('summary CSV and JSON', () => {
  it('has one row per model with means, intervals, U and the ranking', () => {
    const r = result();
    const parsed = parse(summaryCsv(r));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...SUMMARY_COLUMNS]);
    expect(parsed.data.map((row) => row.model)).toEqual(MODELS.map((m) => m.id));
    parsed.data.forEach((row, k) => {
      const m = r.summary.models[k]!;
      expect(row.trtr).toBe(m.trtr!.mean);
      expect(row.trtr_lo).toBe(m.trtr!.lo);
      expect(row.tstr_hi).toBe(m.tstr!.hi);
      expect(row.utility).toBe(m.utility!.value);
      expect(row.utility_lo).toBe(m.utility!.lo);
      expect(row.utility_hi).toBe(m.utility!.hi);
      expect(row.kendall_tau_b).toBe(r.summary.ranking!.kendallTauB!.mean);
      expect(row.spearman_rho).toBe(r.summary.ranking!.spearmanRho!.mean);
      expect(row.top1).toBe(r.summary.ranking!.top1!.estimate);
      expect(row.completed).toBe(4);
      expect(row.planned).toBe(5);
    });
    expect(parsed.data[1]!.fitted).toBe(3);
    expect(parsed.data[1]!.error).toBe('singular, "quoted"');
  });

  it('leaves interval bounds empty with one replicate', () => {
    const rows = parse(summaryCsv(result(RECORDS.slice(0, 1)))).data;
    expect(rows[0]!.trtr).toBe(0.31);
    expect(rows[0]!.trtr_lo).toBeNull();
    expect(rows[0]!.utility_hi).toBeNull();
  });

  it('JSON carries the scenario, link, version and every replicate', () => {
    const r = result();
    const json = JSON.parse(resultsJson(r, meta));
    expect(json.format).toBe('synthetic-utility-playground/results');
    expect(json.version).toBe(URL_VERSION);
    expect(json.appVersion).toBe('9.9.9');
    expect(json.link).toBe(meta.link);
    // Files carry the lab's parameters (the simulated lab does not read the your-data lab's).
    expect(json.scenario).toEqual(labParams(r.scenario));
    expect(json.completed).toBe(4);
    expect(json.replicates).toHaveLength(12);
    expect(json.summary[0].tstr).toBe(r.summary.models[0]!.tstr!.mean);
    expect(json.ranking.kendallTauB.mean).toBe(r.summary.ranking!.kendallTauB!.mean);
    const summary = JSON.parse(resultsJson(r, meta, false));
    expect(summary.format).toBe('synthetic-utility-playground/summary');
    expect(summary.replicates).toBeUndefined();
  });
});

describe('sweep CSV and JSON', () => {
  const point = (shift: number, bias: number, scale: number): SweepPoint => ({
    values: { shift, bias },
    summary: summarize(
      RECORDS.map((r) => ({ ...r, tstr: r.tstr.map((v) => (v === null ? null : v * scale)) })),
      MODELS,
      4,
    ),
  });
  const sweep: SweepExport = {
    setting: {
      x: { param: 'shift', from: 0, to: 1, steps: 2 },
      y: { param: 'bias', from: 0, to: 0.5, steps: 2 },
    },
    base: defaultScenario(),
    points: [point(0, 0, 1), point(0, 0.5, 1.5), point(1, 0, 2), point(1, 0.5, 2.5)],
    status: 'done',
    total: 4,
  };

  it('has one row per point and model with the swept values by link name', () => {
    const parsed = parse(sweepCsv(sweep));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields!.slice(0, 3)).toEqual(['shift', 'bias', 'model']);
    expect(parsed.data).toHaveLength(12);
    parsed.data.forEach((row, i) => {
      const p = sweep.points[Math.floor(i / 3)]!;
      const m = p.summary.models[i % 3]!;
      expect(row.shift).toBe(p.values.shift);
      expect(row.bias).toBe(p.values.bias);
      expect(row.model).toBe(m.id);
      expect(row.utility).toBe(m.utility!.value);
      expect(row.utility_lo).toBe(m.utility!.lo);
      expect(row.utility_hi).toBe(m.utility!.hi);
      expect(row.tstr).toBe(m.tstr!.mean);
      expect(row.trtr).toBe(m.trtr!.mean);
      expect(row.kendall_tau_b).toBe(p.summary.ranking!.kendallTauB!.mean);
      expect(row.kendall_tau_b_lo).toBe(p.summary.ranking!.kendallTauB!.lo);
      expect(row.kendall_tau_b_hi).toBe(p.summary.ranking!.kendallTauB!.hi);
    });
  });

  it('uses link names for parameters whose key differs (corr)', () => {
    const one: SweepExport = {
      ...sweep,
      setting: { x: { param: 'correlation', from: 0, to: 0.5, steps: 2 }, y: null },
      points: [{ values: { correlation: 0.5 }, summary: sweep.points[0]!.summary }],
    };
    const rows = parse(sweepCsv(one)).data;
    expect(rows[0]!.corr).toBe(0.5);
  });

  it('JSON has the axes, the base scenario and the rows', () => {
    const json = JSON.parse(sweepJson(sweep, meta));
    expect(json.format).toBe('synthetic-utility-playground/sweep');
    expect(json.axes.map((a: { param: string }) => a.param)).toEqual(['shift', 'bias']);
    expect(json.rows).toHaveLength(12);
    expect(json.scenario).toEqual(labParams(defaultScenario()));
    expect(json.completed).toBe(4);
  });
});

describe('scenario file, names and links', () => {
  it('round-trips through the loader with the page', () => {
    const scenario = { ...defaultScenario(), shift: 1.25, models: 'ols;knn:k=7', seed: 77 };
    const page = {
      ...DEFAULT_PAGE,
      view: 'sweep' as const,
      preset: 'claim2' as const,
      sweep: {
        x: { param: 'correlation' as const, from: 0, to: 0.5, steps: 6 },
        y: { param: 'shift' as const, from: 0, to: 2, steps: 3 },
      },
    };
    const text = scenarioFileJson(scenario, page, meta);
    const json = JSON.parse(text);
    expect(json.format).toBe('synthetic-utility-playground/scenario');
    expect(json.version).toBe(URL_VERSION);
    const loaded = parseScenarioFile(text);
    if (!loaded.ok) throw new Error(loaded.notice);
    expect(loaded.notices).toEqual([]);
    expect({ ...loaded.scenario }).toEqual(labParams(scenario));
    expect(loaded.page).toEqual(page);
  });

  it('share links carry the scenario and the page, and decode back', () => {
    const scenario = { ...defaultScenario(), bias: 0.4 };
    const page = { ...DEFAULT_PAGE, view: 'ranking' as const };
    const url = shareUrl({ origin: 'https://x.test', pathname: '/play/' }, scenario, page);
    expect(url.startsWith('https://x.test/play/?v=3&lab=simulated&')).toBe(true);
    const decoded = decodeLink(url.slice(url.indexOf('?')));
    expect(decoded.scenario).toEqual(scenario);
    expect(decoded.page).toEqual(page);
  });

  it('names files by chart and a short stable scenario hash', () => {
    const a = defaultScenario();
    const b = { ...a, seed: a.seed + 1 };
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{8}$/);
    expect(scenarioHash(a)).toBe(scenarioHash({ ...a }));
    expect(scenarioHash(a)).not.toBe(scenarioHash(b));
    expect(fileName('risks', a, 'png')).toBe(`risks-${scenarioHash(a)}.png`);
    expect(fileName('../../etc/passwd', a, 'svg')).toBe(`etc-passwd-${scenarioHash(a)}.svg`);
  });
});

describe('exports of another lab', () => {
  it('a toy-lab results file names only the toy lab’s parameters, and loads back into the same scenario', async () => {
    const { runScene } = await import('../../engine/scene');
    const { planFromScenario } = await import('../../scenario/labs/index');
    const { sanitizeScenario } = await import('../../scenario/sanitize');
    const scenario = decodeLink('?lab=toy&n=100&m=100&R=2&models=ols;knn:k=3').scenario;
    const toy: ScenarioResult = { ...(await runScene(planFromScenario(scenario))), scenario };
    const json = JSON.parse(resultsJson(toy, meta)) as {
      scenario: Record<string, unknown>;
      models: unknown[];
    };
    expect(Object.keys(json.scenario)).toEqual([
      'lab',
      'task',
      'n',
      'nTest',
      'm',
      'generator',
      'generatorComponents',
      'generatorNeighbors',
      'models',
      'replicates',
      'tstrOn',
      'seed',
      'backend',
    ]);
    const rows = parse(resultsCsv(toy)).data;
    expect(rows).toHaveLength(2 * 2);
    expect(rows.every((r) => typeof r.trtr === 'number' && typeof r.tstr === 'number')).toBe(true);
    const loaded = parseScenarioFile(scenarioFileJson(scenario, DEFAULT_PAGE, meta));
    if (!loaded.ok) throw new Error(loaded.notice);
    expect(loaded.notices).toEqual([]);
    const back = sanitizeScenario(loaded.scenario, defaultScenario());
    expect(back).toEqual({ scenario, notices: [] });
  });
});
