/**
 * The digits lab's scenario: links with its own parameters and defaults, hostile values turned into notices and
 * a valid scenario, and the plan it builds (which names the digits but holds none).
 */
import { describe, expect, it } from 'vitest';
import { assertScenario } from '../../sanitize';
import { defaultScenario, isRelevant, optionsIn, PARAM_KEYS } from '../../schema';
import { decodeScenario, encodeScenario } from '../../url';
import { planFromScenario } from '../index';
import { parseDropped } from './lab';

describe('the digits lab', () => {
  it('opens from lab=mnist with its defaults, and its links round-trip', () => {
    const { scenario, notices } = decodeScenario('?lab=mnist');
    expect(notices).toEqual([]);
    expect(scenario).toEqual(defaultScenario('mnist'));
    expect(scenario).toMatchObject({
      task: 'classification',
      n: 2000,
      m: 2000,
      nTest: 1000,
      replicates: 3,
      generator: 'pca-gaussian',
    });
    const link = encodeScenario(scenario);
    expect(link).toMatch(/^v=3&lab=mnist&/);
    expect(link).toContain('gen=pca-gaussian');
    expect(decodeScenario(`?${link}`)).toEqual({ scenario, notices: [] });
    const edited = decodeScenario('?lab=mnist&gen=vae&latent=8&vae_epochs=5&flip=0.2&drop=3,8&blur=1');
    expect(edited.notices).toEqual([]);
    expect(edited.scenario).toMatchObject({
      generator: 'vae',
      vaeLatent: 8,
      vaeEpochs: 5,
      flipSymmetric: 0.2,
      dropClasses: '3,8',
      blur: 1,
    });
    expect(decodeScenario(`?${encodeScenario(edited.scenario)}`).scenario).toEqual(edited.scenario);
  });

  it('offers the digit generators only, and shows the settings of the chosen one', () => {
    const scenario = defaultScenario('mnist');
    expect(optionsIn('generator', scenario)).toEqual([
      'smote',
      'pca-gaussian',
      'diag-gaussian',
      'pca-gmm',
      'deform',
      'vae',
    ]);
    expect(optionsIn('generator', defaultScenario())).not.toContain('vae');
    const shown = PARAM_KEYS.filter((key) => isRelevant(key, scenario));
    expect(shown).toContain('pcaComponents');
    expect(shown).not.toContain('vaeLatent');
    expect(shown).not.toContain('shift');
    expect(PARAM_KEYS.filter((key) => isRelevant(key, { ...scenario, generator: 'vae' }))).toContain(
      'vaeEpochs',
    );
  });

  it('turns hostile links into notices and a valid scenario', () => {
    const { scenario, notices } = decodeScenario(
      '?lab=mnist&gen=oracle&task=regression&test=50000&n=99999&drop=3,x,8,3,12&flip=7&shift=2',
    );
    expect(() => assertScenario(scenario)).not.toThrow();
    expect(scenario).toMatchObject({
      generator: 'pca-gaussian',
      task: 'classification',
      nTest: 10_000,
      n: 5000,
      dropClasses: '3,8',
      flipSymmetric: 0.9,
    });
    const text = notices.join('\n');
    expect(text).toMatch(/gen = oracle is not a generator of the digits lab; using gen = pca-gaussian/);
    expect(text).toMatch(/official test split has 10000 digits/);
    expect(text).toMatch(/drop: "x", "12" is not a digit 0-9; left out/);
    // The lab always classifies: a link's task is not one of its parameters.
    expect(text).toMatch(/Not parameters of the digits lab, ignored: task, shift\./);
    const all = decodeScenario('?lab=mnist&drop=0,1,2,3,4,5,6,7,8,9');
    expect(all.scenario.dropClasses).toBe('');
    expect(all.notices.join()).toMatch(/every digit dropped/);
    // A digits generator in another lab falls back to that lab's own.
    const simulated = decodeScenario('?gen=vae');
    expect(simulated.scenario.generator).toBe('oracle');
    expect(simulated.notices.join()).toMatch(/gen = vae is not a generator of the simulated populations lab/);
  });

  it('builds a digits plan that names its generator and corruptions but holds no digits', () => {
    const { scenario } = decodeScenario(
      '?lab=mnist&gen=pca-gmm&gen_k=4&pca=20&aflip=0.3&drop=7&imbalance=0.5&pixnoise=0.1&n=500&m=700&test=1000&R=2&seed=9',
    );
    const plan = planFromScenario(scenario);
    expect(plan).toMatchObject({
      task: 'classification',
      n: 500,
      m: 700,
      nTest: 1000,
      replicates: 2,
      seed: 9,
    });
    expect(plan.source).toMatchObject({
      kind: 'digits',
      data: null,
      generator: { kind: 'pca-gmm', pcaComponents: 20, mixtureComponents: 4 },
      corruption: { flipAsymmetric: 0.3, dropped: [7], imbalance: 0.5, pixelNoise: 0.1 },
    });
  });

  it('reads dropped digits tolerantly', () => {
    expect(parseDropped('')).toEqual({ digits: [], notice: null });
    expect(parseDropped(' 8; 3 3,1 ')).toEqual({ digits: [1, 3, 8], notice: null });
    expect(parseDropped('3,-1,1.5').digits).toEqual([3]);
    expect(parseDropped('3,-1,1.5').notice).toMatch(/"-1", "1.5"/);
  });
});
