/**
 * The digits verdicts on constructed results: the order kept, reversed, or not separated, each verdict holding
 * where its statement does and failing where it does not; and the digits presets' cards and scenarios. (The
 * presets run on real MNIST digits in digitsPresets.test.ts.)
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { summarize } from '../engine/summary';
import type { ScenarioResult } from '../scenario/results';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario } from '../scenario/schema';
import {
  digitsOrderKept,
  digitsOrderReversed,
  digitsPairs,
  lowFidelityPremise,
  separation,
} from './digitsVerdicts';
import { DIGITS_PRESETS } from './digitsPresets';

const MODELS = [
  {
    id: 'logistic:C=0.1',
    label: 'Logistic',
    learner: {
      id: 'a',
      label: 'Logistic',
      fit: () => {
        throw new Error('no');
      },
    },
  },
  {
    id: 'cnn',
    label: 'CNN',
    learner: {
      id: 'b',
      label: 'CNN',
      fit: () => {
        throw new Error('no');
      },
    },
  },
];

/** Results of R replicates with the given TRTR and TSTR errors per model (jitter keeps intervals finite). */
function results(trtr: [number, number], tstr: [number, number], replicates = 5, auc = 0.99): ScenarioResult {
  const records = Array.from({ length: replicates }, (_, index) => {
    const wobble = (index % 2 === 0 ? 1 : -1) * 0.002 * (1 + index);
    return {
      index,
      trtr: [trtr[0] + wobble, trtr[1] + wobble / 2],
      tstr: [tstr[0] - wobble, tstr[1] + wobble / 3],
      errors: [null, null],
    };
  });
  const summary = summarize(records, MODELS, replicates, null);
  const scenario = defaultScenario('mnist');
  return {
    summary,
    records,
    visual: null,
    fidelity: {
      gaussianKL: null,
      gaussianW2: null,
      mmd2: null,
      slicedW1: null,
      c2stAuc: auc,
      responseError: null,
      frechetPca: 10,
      pcaComponents: 20,
    },
    done: true,
    elapsedMs: 1,
    scenario,
  };
}

describe('the digits verdicts', () => {
  it('read paired gaps with intervals, separated when the interval excludes 0', () => {
    const [pair] = digitsPairs(results([0.12, 0.04], [0.2, 0.1]));
    expect(pair!.labels).toEqual(['Logistic', 'CNN']);
    expect(pair!.real.mean).toBeCloseTo(0.08, 2);
    expect(separation(pair!.real)).toBe(1);
    expect(separation(pair!.synthetic)).toBe(1);
  });

  it('the order kept holds when synthetic digits separate the pair the same way', () => {
    const verdict = digitsOrderKept(results([0.12, 0.04], [0.2, 0.1]), null);
    expect(verdict.status).toBe('holds');
    expect(verdict.text).toMatch(/Logistic − CNN error gap 0\.08/);
  });

  it('the order kept fails when the pair is reversed, not separated, or the premise is missing', () => {
    expect(digitsOrderKept(results([0.12, 0.04], [0.1, 0.2]), null)).toMatchObject({
      status: 'fails',
      text: expect.stringMatching(/reversed/),
    });
    expect(digitsOrderKept(results([0.12, 0.04], [0.15, 0.15]), null).text).toMatch(/not separated/);
    expect(digitsOrderKept(results([0.1, 0.1], [0.2, 0.1]), null).text).toMatch(/separate no pair/);
    expect(digitsOrderKept(results([0.12, 0.04], [0.2, 0.1]), 'no noise').status).toBe('fails');
  });

  it('the reversal holds only when a separated pair is separated the other way', () => {
    expect(digitsOrderReversed(results([0.12, 0.04], [0.1, 0.2]), null).status).toBe('holds');
    expect(digitsOrderReversed(results([0.12, 0.04], [0.2, 0.1]), null).status).toBe('fails');
    expect(digitsOrderReversed(results([0.12, 0.04], [0.15, 0.15]), null).status).toBe('fails');
  });

  it('waits for the run, and asks for a low-fidelity generator where the claim needs one', () => {
    const running = { ...results([0.12, 0.04], [0.2, 0.1]), done: false };
    expect(digitsOrderKept(running, null).status).toBe('pending');
    expect(lowFidelityPremise(results([0.1, 0.05], [0.2, 0.1], 5, 0.99), 0.9)).toBeNull();
    expect(lowFidelityPremise(results([0.1, 0.05], [0.2, 0.1], 5, 0.6), 0.9)).toMatch(/hard to tell/);
  });
});

describe('the digits presets', () => {
  it('have cards with valid TeX and scenarios valid in the digits lab', () => {
    expect(DIGITS_PRESETS.map((p) => p.id)).toEqual([
      'digits-claim2',
      'digits-counter2',
      'digits-claim3',
      'digits-counter3',
    ]);
    for (const preset of DIGITS_PRESETS) {
      expect(preset.title).toMatch(
        preset.kind === 'claim' ? /^Digits, claim \d/ : /^Digits, counter-example \d/,
      );
      expect(() =>
        katex.renderToString(preset.card.formula, { displayMode: true, throwOnError: true }),
      ).not.toThrow();
      const { notices } = sanitizeScenario(preset.scenario, defaultScenario('mnist'));
      expect(notices).toEqual([]);
    }
  });
});
