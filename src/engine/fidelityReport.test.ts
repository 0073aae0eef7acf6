import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { simulatedPlan as planFromScenario } from '../scenario/labs/simulated/lab';
import { fidelityReport } from './fidelityReport';
import { drawOracle } from './generators/oracle';
import { drawReal } from './populations/population';

async function report(s: Partial<Scenario>) {
  const plan = planFromScenario({ ...defaultScenario(), n: 1000, m: 1000, ...s });
  const real = drawReal(plan.source.population, plan.n, plan.seed, 'real');
  const synthetic = drawOracle(plan.source.population, plan.source.synthetic, plan.m, plan.seed, 'synthetic');
  return fidelityReport(plan, real, synthetic);
}

describe('fidelity beside utility', () => {
  it('an unperturbed synthetic population is indistinguishable: AUC ≈ 0.5, MMD² ≈ 0, no response error', async () => {
    const same = await report({});
    // AUC of a null classifier on 500 + 500 held-out points has SE about 0.018.
    expect(Math.abs(same.c2stAuc! - 0.5)).toBeLessThan(0.07);
    expect(Math.abs(same.mmd2!)).toBeLessThan(0.01);
    expect(same.responseError).toBe(0);
  });

  it('a shift is seen by every measure, and a response bias by the response error', async () => {
    const same = await report({});
    const shifted = await report({ shift: 1.5 });
    expect(shifted.c2stAuc!).toBeGreaterThan(0.8);
    expect(shifted.mmd2!).toBeGreaterThan(same.mmd2! + 0.1);
    expect(shifted.slicedW1!).toBeGreaterThan(same.slicedW1!);
    expect(shifted.gaussianW2!).toBeGreaterThan(same.gaussianW2!);
    expect(shifted.gaussianKL!).toBeGreaterThan(same.gaussianKL!);
    expect((await report({ bias: 0.4 })).responseError).toBeCloseTo(0.4, 10);
  });
});
