import { describe, expect, it } from 'vitest';
import { planFromScenario } from '../scenario/labs/index';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { estimatePlanCost, learnerSeconds, learnerTerms, monomialCount, wallSeconds } from './cost';
import { COST_CONSTANTS } from './costConstants';
import { parseSpecText } from './learners/catalog';
import type { ExperimentPlan } from './plan';

function plan(patch: Partial<Scenario>): ExperimentPlan {
  return planFromScenario(sanitizeScenario(patch, defaultScenario()).scenario);
}

const seconds = (patch: Partial<Scenario>) => estimatePlanCost(plan(patch)).seconds;

describe('the cost model', () => {
  it('has fitted constants for every model of the catalog, with the date and machine they came from', () => {
    for (const name of [
      'ols',
      'ridge',
      'poly',
      'knn',
      'krr',
      'logistic',
      'mlp',
      'draws',
      'fidelity',
      'summaries',
    ])
      expect(
        Object.values(COST_CONSTANTS.groups[name] ?? {}).some((c) => c > 0),
        name,
      ).toBe(true);
    expect(COST_CONSTANTS.measured).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(COST_CONSTANTS.machine).not.toBe('');
  });

  it('counts monomials as poly does', () => {
    expect(monomialCount(1, 3)).toBe(3);
    expect(monomialCount(2, 2)).toBe(5);
    expect(monomialCount(10, 3)).toBe(285);
  });

  it('grows with every size: n, m, test size, replicates, features and the models’ own sizes', () => {
    const models = 'ols;poly:degree=3;knn:k=10;krr:alpha=1,gamma=1;mlp:width=16,depth=2,epochs=50,lr=0.01';
    const base: Partial<Scenario> = { n: 300, m: 300, nTest: 2000, replicates: 5, p: 2, models };
    const grows = (patch: Partial<Scenario>) =>
      expect(seconds({ ...base, ...patch })).toBeGreaterThan(seconds(base));
    grows({ n: 600 });
    grows({ m: 600 });
    grows({ nTest: 4000 });
    grows({ replicates: 10 });
    grows({ p: 3 });
    grows({ models: models.replace('epochs=50', 'epochs=100') });
    grows({ models: models.replace('width=16', 'width=32') });
    grows({ models: models.replace('depth=2', 'depth=3') });
    grows({ models: models.replace('degree=3', 'degree=4') });
    grows({ models: `${models};ridge:alpha=1` });
    // Each model's own terms too, size by size.
    for (const spec of models.split(';')) {
      const parsed = parseSpecText(spec, 'regression');
      const group = COST_CONSTANTS.groups[parsed.name]!;
      const cost = (rows: number, test: number) =>
        Object.entries(learnerTerms(parsed, rows, 2, test)).reduce((s, [t, u]) => s + (group[t] ?? 0) * u, 0);
      expect(cost(2000, 1000), spec).toBeGreaterThan(cost(1000, 1000));
      expect(cost(1000, 2000), spec).toBeGreaterThanOrEqual(cost(1000, 1000));
    }
  });

  it('puts the largest part first and spreads replicates, not replicate 0, over threads', () => {
    const cost = estimatePlanCost(
      plan({ n: 1000, m: 1000, replicates: 10, models: 'ols;krr:alpha=1,gamma=1' }),
    );
    expect(cost.parts[0]!.id).toBe('krr:alpha=1,gamma=1');
    expect(cost.parts[0]!.count).toBe(20);
    const sum = cost.parts.reduce((s, part) => s + part.seconds, 0);
    expect(sum).toBeCloseTo(cost.seconds, 9);
    expect(wallSeconds(cost)).toBeCloseTo(cost.seconds, 9);
    const four = wallSeconds(cost, { threads: 4 });
    expect(four).toBeLessThan(cost.seconds);
    expect(four).toBeGreaterThan(cost.seconds / 4);
    expect(wallSeconds(cost, { factor: 2 })).toBeCloseTo(2 * cost.seconds, 9);
  });

  it('never throws and never answers NaN on bad input', () => {
    const good = plan({});
    const bad: ExperimentPlan[] = [
      { ...good, models: ['nonsense', 'knn:k=abc', ''] },
      { ...good, n: Number.NaN, m: -5, nTest: Infinity },
      { ...good, replicates: 0 },
      { ...good, replicates: -3 },
    ];
    for (const p of bad) {
      const cost = estimatePlanCost(p);
      expect(Number.isFinite(cost.seconds)).toBe(true);
      expect(cost.seconds).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(wallSeconds(cost, { threads: Number.NaN, factor: Number.NaN }))).toBe(true);
    }
  });

  it('charges a fit that fails at once (poly with too few rows, k above n) only its overhead', () => {
    const poly = parseSpecText('poly:degree=6', 'regression');
    expect(Object.keys(learnerTerms(poly, 100, 10, 10_000))).toEqual(['fixed']);
    const knn = parseSpecText('knn:k=500', 'regression');
    expect(Object.keys(learnerTerms(knn, 100, 1, 10_000))).toEqual(['fixed']);
  });
});

describe('kernel ridge past the float64 kernel', () => {
  it('costs the JavaScript route above the Gram limit (n > 2,896): several times dearer per n³', () => {
    const krr = parseSpecText('krr:alpha=1,gamma=1', 'regression');
    const below = learnerSeconds(krr, 2896, 2, 1000, 'regression') / 2896 ** 3;
    const above = learnerSeconds(krr, 2897, 2, 1000, 'regression') / 2897 ** 3;
    expect(above / below).toBeGreaterThan(3);
  });
});
