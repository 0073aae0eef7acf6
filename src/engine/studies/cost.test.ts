/** A study's extra work shows in the cost estimate the gate and the CLI read (engine/cost.ts). */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../../scenario/schema';
import { simulatedPlan } from '../../scenario/labs/simulated/lab';
import { estimatePlanCost } from '../cost';

const cost = (overrides: Partial<Scenario>) =>
  estimatePlanCost(simulatedPlan({ ...defaultScenario(), models: 'ols;knn:k=10', ...overrides }));

describe('study costs', () => {
  it('grow with the extra fits and draws each study makes', () => {
    const plain = cost({}).seconds;
    expect(cost({ study: 'mix' }).seconds).toBeGreaterThan(plain);
    expect(cost({ study: 'select' }).seconds).toBeGreaterThan(plain);
    const k2 = cost({ study: 'ensemble', members: 2 }).seconds;
    const k8 = cost({ study: 'ensemble', members: 8 }).seconds;
    expect(k8).toBeGreaterThan(2 * k2 - plain);
    const loop1 = cost({ study: 'collapse', generator: 'gaussian', generations: 1 }).seconds;
    const loop20 = cost({ study: 'collapse', generator: 'gaussian', generations: 20 }).seconds;
    expect(loop20).toBeGreaterThan(loop1);
    // The fits a model's part counts: TRTR, TSTR, and the study's.
    const fits = (s: Partial<Scenario>) => cost(s).parts.find((p) => p.kind === 'model')!.count;
    expect(fits({ replicates: 10 })).toBe(20);
    expect(fits({ replicates: 10, study: 'mix' })).toBe(30);
    expect(fits({ replicates: 10, study: 'ensemble', members: 5 })).toBe(60);
  });
});
