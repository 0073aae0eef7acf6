import { beforeAll, describe, expect, it } from 'vitest';
import { runScene } from '../engine/scene';
import {
  describeParts,
  exceedsGate,
  formatDuration,
  formatShort,
  GATE_SECONDS,
  replicatesWithin,
  runEstimate,
  sweepEstimateSeconds,
} from './cost';
import { planFromScenario } from './labs/index';
import { sanitizeScenario } from './sanitize';
import { defaultScenario, type Scenario } from './schema';
import { decodeScenario } from './url';

/** The link of issue 13: kernel ridge and a large MLP at n = m = 5,000, 500 replicates. */
const ISSUE_LINK = 'n=5000&m=5000&models=krr:alpha=1,gamma=1;mlp:width=64,depth=3,epochs=2000,lr=0.01&R=500';

const scenario = (patch: Partial<Scenario>) => sanitizeScenario(patch, defaultScenario()).scenario;

describe('the estimate of a run', () => {
  it('says hours for the issue’s link, led by the MLP and kernel ridge', () => {
    const { scenario: heavy, notices } = decodeScenario(ISSUE_LINK);
    expect(notices).toEqual([]);
    const estimate = runEstimate(heavy, { threads: 1 });
    expect(estimate.seconds).toBeGreaterThan(3 * 3600);
    expect(exceedsGate(estimate)).toBe(true);
    expect(formatDuration(estimate.seconds)).toMatch(/^about \d+\.\d h$/);
    const lines = describeParts(estimate, heavy);
    // The two heavy models lead (their order moves with the kernels' speed): both named, per fit and count.
    const lead = lines.slice(0, 2).join('\n');
    expect(lead).toMatch(/^MLP 3×64, 2,000 epochs at n = 5,000: .+ per fit × 1,000 fits$/m);
    expect(lead).toMatch(/^kernel ridge at n = 5,000: \d+ s per fit × 1,000 fits$/m);
    // Even 2 replicates of it are over the gate: only smaller sizes or models help.
    expect(replicatesWithin(heavy)).toBeNull();
  });

  it('says well under a second for the default link, which the gate lets through', () => {
    const estimate = runEstimate(defaultScenario(), { threads: 1 });
    expect(estimate.seconds).toBeLessThan(1);
    expect(exceedsGate(estimate)).toBe(false);
  });

  it('spreads over threads and scales by the measured pace', () => {
    const s = scenario({ n: 1000, m: 1000, replicates: 40 });
    const one = runEstimate(s).seconds;
    expect(runEstimate(s, { threads: 4 }).seconds).toBeLessThan(one);
    expect(runEstimate(s, { factor: 3 }).seconds).toBeCloseTo(3 * one, 9);
    expect(runEstimate(s, { factor: null }).seconds).toBeCloseTo(one, 9);
  });

  it('finds the largest R within the gate, at least 2', () => {
    const s = scenario({ n: 2000, m: 2000, models: 'krr:alpha=1,gamma=1', replicates: 500 });
    const r = replicatesWithin(s)!;
    expect(r).toBeGreaterThanOrEqual(2);
    expect(r).toBeLessThan(500);
    expect(runEstimate({ ...s, replicates: r }).seconds).toBeLessThanOrEqual(GATE_SECONDS);
    expect(runEstimate({ ...s, replicates: r + 1 }).seconds).toBeGreaterThan(GATE_SECONDS);
    // A slower device (pace 2) or a tighter limit gives fewer; more threads give more.
    expect(replicatesWithin(s, GATE_SECONDS, { factor: 2 })!).toBeLessThan(r);
    expect(replicatesWithin(s, GATE_SECONDS, { threads: 4 })!).toBeGreaterThan(r);
    expect(replicatesWithin({ ...s, replicates: 2 })).toBeNull();
  });

  it('estimates a sweep as the sum of its points', () => {
    const base = scenario({ replicates: 10 });
    const axis = { param: 'n' as const, from: 100, to: 1000, steps: 4 };
    const total = sweepEstimateSeconds(base, [axis]);
    expect(total).toBeGreaterThan(0);
    expect(sweepEstimateSeconds(base, [{ ...axis, steps: 8 }])).toBeGreaterThan(total);
    expect(sweepEstimateSeconds(base, [])).toBe(0);
    // Axis values a control would refuse are estimated as sanitized, never thrown.
    expect(Number.isFinite(sweepEstimateSeconds(base, [{ ...axis, to: 1e9 }]))).toBe(true);
  });

  it('writes durations for people', () => {
    expect(formatDuration(0.2)).toBe('under a second');
    expect(formatDuration(42)).toBe('about 42 s');
    expect(formatDuration(600)).toBe('about 10 min');
    expect(formatDuration(2.3 * 3600)).toBe('about 2.3 h');
    expect(formatDuration(Number.NaN)).toBe('unknown');
    expect(formatShort(0.0004)).toBe('under 1 ms');
    expect(formatShort(0.012)).toBe('12 ms');
    expect(formatShort(0.35)).toBe('0.35 s');
    expect(formatShort(39.4)).toBe('39 s');
    expect(formatShort(600)).toBe('10.0 min');
  });
});

/**
 * The honest test: small real runs in Node (the page's scene, one thread) take within 3× of their estimate. Time
 * is the process's CPU time, what the model estimates (one thread's work, costConstants.ts is measured so too), so
 * that other work on a shared machine (parallel test files) does not decide it. It can fail: on a machine several
 * times slower or faster than the one the constants came from, or when the cost model misses work; then
 * recalibrate (bench/cost-calibrate.ts) or fix the model.
 */
describe('the estimate against measured runs', () => {
  const RUNS: Partial<Scenario>[] = [
    {},
    { n: 600, m: 600, nTest: 2000, replicates: 3, models: 'krr:alpha=1,gamma=1' },
    { p: 3, n: 1000, m: 300, replicates: 5, models: 'ols;knn:k=15;poly:degree=3' },
    { task: 'classification', replicates: 20, models: 'logistic;knn:k=5' },
    { generator: 'gmm', n: 1000, m: 1000, nTest: 2000, replicates: 6, models: 'ridge:alpha=1;knn:k=10' },
  ];
  const cpuSeconds = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };

  beforeAll(async () => {
    // The first run compiles the engine's hot loops; the estimate is of a warm engine.
    await runScene(planFromScenario(scenario({ replicates: 3 })));
  });

  for (const patch of RUNS) {
    it(`within 3× for ${JSON.stringify(patch)}`, async () => {
      const s = scenario(patch);
      const estimate = runEstimate(s).seconds;
      const started = cpuSeconds();
      await runScene(planFromScenario(s));
      const measured = cpuSeconds() - started;
      expect(estimate).toBeGreaterThan(0.1);
      expect(measured / estimate).toBeLessThan(3);
      expect(measured / estimate).toBeGreaterThan(1 / 3);
    });
  }
});
