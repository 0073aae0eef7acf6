/**
 * The teaching presets run through the real engine (tfjs CPU backend): every preset's scenario is valid as it
 * stands, every preset reaches its intended verdict with the default seed and with another seed (with the
 * population references and the exact-response run it needs, computed as the page computes them, on smaller
 * reference samples), stays pending until those are in, and every preset's verdict fails in a scenario where its
 * statement does not hold.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { populationReferences } from '../engine/references';
import { runScene } from '../engine/scene';
import { planFromScenario } from '../scenario/labs/index';
import type { Scenario } from '../scenario/schema';
import { PRESET_IDS, PRESETS, exactResponses, type PresetId, type VerdictContext } from './presets';
import { presetScenario, runWithPartials } from './testing';

/**
 * The simulated lab's presets of the paper's claims (the digits lab's run on MNIST: digitsPresets.test.ts runs them;
 * the studies beyond the paper: studyPresets.test.ts).
 */
const SIMULATED_IDS = PRESET_IDS.filter(
  (id) => PRESETS[id].scenario.lab === undefined && PRESETS[id].claim !== null,
);

/** Reference sample size in these tests: 10,000 in the page; 4,000 keeps kNN's references quick here. */
const REFERENCE_SIZE = 4000;

function scenarioOf(id: PresetId, overrides: Partial<Scenario> = {}): Scenario {
  const { scenario, notices } = presetScenario(id, overrides);
  expect(notices).toEqual([]);
  return scenario;
}

async function verdictOf(id: PresetId, overrides: Partial<Scenario> = {}) {
  const scenario = scenarioOf(id, overrides);
  const { result, partials } = await runWithPartials(scenario);
  const needs = PRESETS[id].needs;
  const exactScenario = exactResponses(scenario);
  const context: VerdictContext = {
    references: needs.includes('references')
      ? await populationReferences(planFromScenario(scenario), REFERENCE_SIZE)
      : null,
    exact: needs.includes('exact-responses')
      ? { ...(await runScene(planFromScenario(exactScenario))), scenario: exactScenario }
      : null,
  };
  return { result, partials, context, verdict: PRESETS[id].verdict(result, context) };
}

describe('the presets', () => {
  it('cover every preset id, with a title, a card and a view', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_IDS].sort());
    expect(SIMULATED_IDS).toHaveLength(8);
    for (const id of SIMULATED_IDS) {
      const preset = PRESETS[id];
      expect(preset.id).toBe(id);
      expect(preset.title).toMatch(id.startsWith('claim') ? /^Claim \d/ : /^Counter-example \d/);
      expect(preset.kind).toBe(id.startsWith('claim') ? 'claim' : 'counter');
      expect(preset.card.statement.length).toBeGreaterThan(40);
      expect(preset.card.formula.length).toBeGreaterThan(10);
      expect(preset.card.lookAt.length).toBeGreaterThan(40);
      // The formula is valid TeX for KaTeX.
      expect(() =>
        katex.renderToString(preset.card.formula, { displayMode: true, throwOnError: true }),
      ).not.toThrow();
      // Valid as it stands: sanitizing changes nothing.
      scenarioOf(id);
    }
  });

  for (const id of SIMULATED_IDS) {
    for (const seed of [1, 2]) {
      it(`${id} (seed ${seed}): pending while replicates stream in, then holds`, async () => {
        const { partials, result, context, verdict } = await verdictOf(id, { seed });
        console.log(`[${id} seed ${seed}] ${verdict.status}: ${verdict.text}`);
        expect(partials.length).toBeGreaterThan(0);
        for (const partial of partials) expect(PRESETS[id].verdict(partial, context).status).toBe('pending');
        // Until what it needs is in, the verdict waits and says for what.
        if (PRESETS[id].needs.length > 0) {
          const waiting = PRESETS[id].verdict(result);
          expect(waiting.status).toBe('pending');
          expect(waiting.text).toMatch(/references|exact responses/);
        }
        expect(verdict.status).toBe('holds');
        expect(verdict.text).toMatch(/\d\.\d/);
      });
    }
  }
});

describe('every preset’s verdict fails where its statement does not hold', () => {
  it('claim 1 fails with a quadratic η (OLS misspecified: the premise does not hold)', async () => {
    const { verdict } = await verdictOf('claim1', { eta: 'quadratic' });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/premise does not hold.*misspecified/);
  });

  it('claim 1 fails when nothing is shifted (the claim is not put to the test)', async () => {
    const { verdict } = await verdictOf('claim1', { shift: 0, replicates: 5 });
    expect(verdict.status).toBe('fails');
  });

  it('counter-example 1 fails with a linear η (OLS correctly specified)', async () => {
    const { verdict } = await verdictOf('counter1', { eta: 'linear', replicates: 10 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/linear/);
  });

  it('claim 2 fails with the counter-example’s sine η and cubic', async () => {
    const { verdict } = await verdictOf('claim2', { eta: 'sine', models: 'ols;poly:degree=3', shift: 2 });
    expect(verdict.status).toBe('fails');
  });

  it('counter-example 2 fails with a linear η (both models correctly specified keep their order)', async () => {
    const { verdict } = await verdictOf('counter2', { eta: 'linear', replicates: 10 });
    expect(verdict.status).toBe('fails');
  });

  it('claim 3 fails, on its premise, with counter-example 3’s small gap', async () => {
    const { verdict } = await verdictOf('claim3', PRESETS.counter3.scenario);
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/premise does not hold.*Δ = 0\.0\d.*population gap/);
  });

  it('counter-example 3 fails with claim 3’s gap (the gap protects the order)', async () => {
    const { verdict } = await verdictOf('counter3', { eta: 'quadratic', replicates: 20 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/protects the order/);
  });

  it('counter-example 3 fails for near-tied models whose disagreement is estimation noise alone', async () => {
    // The case: quadratic vs cubic regression of a quadratic η under a linear bias disagree about as
    // often with exact responses; the verdict must not credit the responses with it.
    const { verdict } = await verdictOf('counter3', {
      eta: 'quadratic',
      models: 'poly:degree=2;poly:degree=3',
      biasShape: 'linear',
    });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/with exact responses \(same seed\).*not clearly above 0/);
  });

  it('counter-example 3 fails with exact responses', async () => {
    const { verdict } = await verdictOf('counter3', { bias: 0, replicates: 5 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/exact/);
  });

  it('claim 3 (classification) fails, on its premise, for near-tied learners (η linear)', async () => {
    const { verdict } = await verdictOf('claim3-classification', { eta: 'linear', replicates: 10 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/premise does not hold/);
  });

  it('counter-example 3 (classification) fails with claim 3’s gap (η quadratic): the same flips do not reorder', async () => {
    const { verdict } = await verdictOf('counter3-classification', { eta: 'quadratic' });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/not clearly above 0|protects the order/);
  });

  it('a run with too few replicates is not judged', async () => {
    const { verdict } = await verdictOf('claim1', { replicates: 2 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/too few/);
  });
});
