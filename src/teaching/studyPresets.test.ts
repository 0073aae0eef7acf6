/**
 * The presets of the studies beyond the paper, run through the real engine (tfjs CPU backend) as the page runs
 * them: every scenario is valid as it stands, every verdict is pending while the replicates stream in and then
 * holds with seed 1 and with seed 2, and every verdict says "does not hold" where its statement does not hold: on a
 * modified scenario run for real, and on a real run whose study numbers are replaced by hand-built ones.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { expectedSpread } from '../engine/studies/collapse';
import { bootstrapMeanInterval } from '../engine/metrics/intervals';
import type { ScenarioResult } from '../scenario/results';
import type { Scenario } from '../scenario/schema';
import { PRESET_IDS, PRESETS, STUDY_PRESETS, type PresetId } from './presets';
import {
  collapseVerdict,
  ensembleVerdict,
  freshVerdict,
  REGRET_TOLERANCE,
  SPREAD_KEPT,
} from './studyVerdicts';
import { presetScenario, runWithPartials } from './testing';

const STUDY_IDS = STUDY_PRESETS.map((p) => p.id);

function scenarioOf(id: PresetId, overrides: Partial<Scenario> = {}): Scenario {
  const { scenario, notices } = presetScenario(id, overrides);
  expect(notices).toEqual([]);
  return scenario;
}

/** The run of a preset's scenario (with overrides), and its partial results as they stream in. */
async function run(id: PresetId, overrides: Partial<Scenario> = {}) {
  return runWithPartials(scenarioOf(id, overrides));
}

async function verdictOf(id: PresetId, overrides: Partial<Scenario> = {}) {
  const { result } = await run(id, overrides);
  const verdict = PRESETS[id].verdict(result);
  console.log(`[${id} ${JSON.stringify(overrides)}] ${verdict.status}: ${verdict.text}`);
  return verdict;
}

describe('the presets beyond the paper', () => {
  it('are registered, with a card, a source, the Study view and a valid scenario', () => {
    expect(STUDY_IDS).toEqual([
      'collapse',
      'collapse-fresh',
      'mix-helps',
      'mix-hurts',
      'ensemble',
      'select',
      'select-noisy',
    ]);
    for (const id of STUDY_IDS) {
      const preset = PRESETS[id];
      expect(PRESET_IDS).toContain(id);
      expect(preset.id).toBe(id);
      expect(preset.claim).toBeNull();
      expect(preset.scenario.lab).toBeUndefined();
      expect(preset.view).toBe('study');
      expect(preset.needs).toEqual([]);
      expect(preset.card.statement.length).toBeGreaterThan(40);
      expect(preset.card.lookAt.length).toBeGreaterThan(40);
      expect(preset.card.source?.length).toBeGreaterThan(20);
      expect(() =>
        katex.renderToString(preset.card.formula, { displayMode: true, throwOnError: true }),
      ).not.toThrow();
      expect(scenarioOf(id).study).not.toBe('none');
    }
    expect(PRESETS.collapse.sweep?.x.param).toBe('generations');
  });

  for (const id of STUDY_IDS) {
    for (const seed of [1, 2]) {
      it(`${id} (seed ${seed}): pending while replicates stream in, then holds`, async () => {
        const started = Date.now();
        const { result, partials } = await run(id, { seed });
        const verdict = PRESETS[id].verdict(result);
        console.log(
          `[${id} seed ${seed}] ${verdict.status}: ${verdict.text} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        expect(partials.length).toBeGreaterThan(0);
        for (const partial of partials) expect(PRESETS[id].verdict(partial).status).toBe('pending');
        expect(verdict.status).toBe('holds');
        expect(verdict.text).toMatch(/\d\.\d/);
      });
    }
  }
});

describe('every study verdict says “does not hold” where its statement does not hold', () => {
  it('collapse: fresh real data (the premise), no generations, or no loop at all', async () => {
    const fresh = await verdictOf('collapse', { fresh: 0.5 });
    expect(fresh).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(/not a fully synthetic loop/),
    });
    const none = await verdictOf('collapse', { generations: 0, replicates: 5 });
    expect(none).toMatchObject({ status: 'fails', text: expect.stringMatching(/no loop/) });
    const study = await verdictOf('collapse', { study: 'none', replicates: 5 });
    expect(study).toMatchObject({ status: 'fails', text: expect.stringMatching(/no self-consuming loop/) });
  });

  it('collapse: a spread whose interval reaches 1, or misses the closed form (hand-built numbers)', async () => {
    const { result } = await run('collapse', { replicates: 5 });
    const g = result.scenario.generations;
    const withSpread = (values: number[]): ScenarioResult => {
      if (result.summary.study?.kind !== 'collapse') throw new Error('not a loop');
      const spread = [...result.summary.study.spread];
      spread[g] = bootstrapMeanInterval(values, 1);
      return { ...result, summary: { ...result.summary, study: { ...result.summary.study, spread } } };
    };
    const flat = collapseVerdict(withSpread([0.8, 1.2, 0.9, 1.1, 1.0]));
    expect(flat).toMatchObject({ status: 'fails', text: expect.stringMatching(/reaches 1/) });
    // Shrinking, but far below ((m − 1)/m)^g = 0.599: not the Gaussian loop's rate.
    expect(expectedSpread(20, g)).toBeCloseTo(0.599, 3);
    const fast = collapseVerdict(withSpread([0.1, 0.12, 0.11, 0.09, 0.1]));
    expect(fast).toMatchObject({ status: 'fails', text: expect.stringMatching(/misses the closed form/) });
    expect(collapseVerdict(withSpread([0.55, 0.65, 0.6, 0.58, 0.62])).status).toBe('holds');
  });

  it('collapse-fresh: a fully synthetic loop (the premise), and too small a fresh share (the numbers)', async () => {
    const loop = await verdictOf('collapse-fresh', { fresh: 0 });
    expect(loop).toMatchObject({ status: 'fails', text: expect.stringMatching(/fully synthetic/) });
    const little = await verdictOf('collapse-fresh', { fresh: 0.05 });
    expect(little).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(new RegExp(`reaches below ${SPREAD_KEPT}`)),
    });
    // The fully synthetic preset's own run, read by the fresh-data verdict: it does not hold.
    const { result } = await run('collapse');
    expect(freshVerdict(result).status).toBe('fails');
    // Two generations: a fully synthetic loop itself keeps (19/20)^2 = 0.90 > 0.8, so the run cannot tell.
    const short = await verdictOf('collapse-fresh', { fresh: 0.05, generations: 2 });
    expect(short).toMatchObject({ status: 'fails', text: expect.stringMatching(/too short to tell/) });
  });

  it('mix-helps fails with biased responses; mix-hurts fails with exact ones', async () => {
    const biased = await verdictOf('mix-helps', { shift: 0, bias: 1 });
    expect(biased).toMatchObject({ status: 'fails', text: expect.stringMatching(/hurts.*not above 0/) });
    const exact = await verdictOf('mix-hurts', { bias: 0, shift: 1 });
    expect(exact).toMatchObject({ status: 'fails', text: expect.stringMatching(/helps.*not below 0/) });
    const study = await verdictOf('mix-helps', { study: 'none', replicates: 5 });
    expect(study.status).toBe('fails');
  });

  it('ensemble fails where a bias every member shares dominates U, and with K = 1', async () => {
    const biased = await verdictOf('ensemble', { noiseScale: 1, bias: 1.5 });
    expect(biased).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(/averaging cannot remove it/),
    });
    const one = await verdictOf('ensemble', { members: 1, replicates: 5 });
    expect(one).toMatchObject({ status: 'fails', text: expect.stringMatching(/K = 1/) });
  });

  it('ensemble fails where the benefit overshoots: the ensemble lands further from TRTR than a member', async () => {
    const { result } = await run('ensemble');
    const study = result.summary.study;
    if (study?.kind !== 'ensemble') throw new Error('not an ensemble');
    // Hand-built: each ensemble's U twice a member's (a member below TRTR, moved further by the averaging).
    const models = result.summary.models.map((m, k) => ({
      ...m,
      utility: { ...m.utility!, value: 2 * study.models[k]!.memberUtility!.value },
    }));
    const verdict = ensembleVerdict({ ...result, summary: { ...result.summary, models } });
    expect(verdict).toMatchObject({ status: 'fails', text: expect.stringMatching(/ensemble’s U is above/) });
  });

  it('select fails on noisy synthetic responses; select-noisy fails on exact ones', async () => {
    const noisy = await verdictOf('select', { noiseScale: 3 });
    expect(noisy).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(
        new RegExp(`above ${100 * REGRET_TOLERANCE}%.*does not pick as well as real`),
      ),
    });
    const exact = await verdictOf('select-noisy', { noiseScale: 1 });
    expect(exact).toMatchObject({ status: 'fails', text: expect.stringMatching(/holds 0/) });
    const one = await verdictOf('select', { models: 'knn:k=10', replicates: 5 });
    expect(one).toMatchObject({ status: 'fails', text: expect.stringMatching(/One candidate/) });
  });

  it('a run with too few replicates is not judged', async () => {
    const verdict = await verdictOf('mix-helps', { replicates: 2 });
    expect(verdict).toMatchObject({ status: 'fails', text: expect.stringMatching(/too few/) });
  });
});
