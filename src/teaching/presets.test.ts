/**
 * The teaching presets run through the real engine (tfjs CPU backend): every preset's scenario is valid as it
 * stands, every preset reaches its intended verdict with the default seed and with another seed, and a claim's
 * verdict can fail when the scenario no longer shows the claim.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { runScene } from '../engine/scene';
import { planFromScenario } from '../scenario/labs/index';
import type { ScenarioResult } from '../scenario/results';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { PRESET_IDS, PRESETS, type PresetId } from './presets';

function scenarioOf(id: PresetId, overrides: Partial<Scenario> = {}): Scenario {
  const { scenario, notices } = sanitizeScenario(
    { ...PRESETS[id].scenario, ...overrides },
    defaultScenario(),
  );
  expect(notices).toEqual([]);
  return scenario;
}

async function verdictOf(id: PresetId, overrides: Partial<Scenario> = {}) {
  const scenario = scenarioOf(id, overrides);
  const partials: ScenarioResult[] = [];
  const scene = await runScene(planFromScenario(scenario), undefined, (p) =>
    partials.push({ ...p, scenario }),
  );
  const result: ScenarioResult = { ...scene, scenario };
  return { result, partials, verdict: PRESETS[id].verdict(result) };
}

describe('the presets', () => {
  it('cover every preset id, with a title, a card and a view', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_IDS].sort());
    for (const id of PRESET_IDS) {
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

  for (const id of PRESET_IDS) {
    for (const seed of [1, 2]) {
      it(`${id} (seed ${seed}): pending while replicates stream in, then holds`, async () => {
        const { partials, verdict } = await verdictOf(id, { seed });
        console.log(`[${id} seed ${seed}] ${verdict.status}: ${verdict.text}`);
        expect(partials.length).toBeGreaterThan(0);
        for (const partial of partials) expect(PRESETS[id].verdict(partial).status).toBe('pending');
        expect(verdict.status).toBe('holds');
        expect(verdict.text).toMatch(/\d\.\d/);
      });
    }
  }
});

describe('the verdicts can fail', () => {
  it('claim 1 fails with a quadratic η (OLS misspecified)', async () => {
    const { verdict } = await verdictOf('claim1', { eta: 'quadratic' });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/misspecified/);
  });

  it('claim 1 fails when nothing is shifted (the claim is not put to the test)', async () => {
    const { verdict } = await verdictOf('claim1', { shift: 0, replicates: 5 });
    expect(verdict.status).toBe('fails');
  });

  it('claim 2 fails with the counter-example’s sine η and cubic', async () => {
    const { verdict } = await verdictOf('claim2', { eta: 'sine', models: 'ols;poly:degree=3', shift: 2 });
    expect(verdict.status).toBe('fails');
  });

  it('claim 3 fails for near-tied models, and counter-example 3 fails for gap-separated ones', async () => {
    expect((await verdictOf('claim3', { models: 'poly:degree=2;poly:degree=3' })).verdict.status).toBe(
      'fails',
    );
    expect((await verdictOf('counter3', { models: 'ols;poly:degree=2' })).verdict.status).toBe('fails');
  });

  it('counter-example 3 (classification) fails with symmetric flips', async () => {
    const { verdict } = await verdictOf('counter3-classification', { flip01: 0.2, flip10: 0.2 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/symmetric/);
  });

  it('a run with too few replicates is not judged', async () => {
    const { verdict } = await verdictOf('claim1', { replicates: 2 });
    expect(verdict.status).toBe('fails');
    expect(verdict.text).toMatch(/too few/);
  });
});
