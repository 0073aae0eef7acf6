import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../scenario/page';
import { sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario } from '../scenario/schema';
import { encodeLink, encodeScenario } from '../scenario/url';
import { PRESETS } from '../teaching/presets';
import { initialState, usePlayground } from './playground';

describe('the store', () => {
  it('does not replace the scenario when a control reports the value it already has', () => {
    const before = usePlayground.getState().scenario;
    usePlayground.getState().setParam('shift', String(before.shift));
    expect(usePlayground.getState().scenario).toBe(before);
    usePlayground.getState().setParam('shift', '1.2');
    expect(usePlayground.getState().scenario).not.toBe(before);
    expect(usePlayground.getState().scenario.shift).toBe(1.2);
  });

  it('keeps the notice when a value had to be changed', () => {
    usePlayground.getState().setParam('shift', '99');
    expect(usePlayground.getState().scenario.shift).toBe(3);
    expect(usePlayground.getState().notices.at(-1)).toMatch(/above the maximum 3/);
  });
});

describe('the state a link opens on', () => {
  it('a preset or deck without scenario parameters opens on the preset scenario and view', () => {
    const byPreset = initialState('?preset=claim1');
    expect(encodeScenario(byPreset.scenario)).toBe(encodeScenario(presetScenarioOf('claim1')));
    expect(byPreset.page.view).toBe(PRESETS.claim1.view);
    const byDeck = initialState('?present=1&deck=claim3,counter3&view=ranking');
    expect(byDeck.page.preset).toBe('claim3');
    expect(encodeScenario(byDeck.scenario)).toBe(encodeScenario(presetScenarioOf('claim3')));
    expect(byDeck.page.view).toBe('ranking');
    expect(byDeck.notices).toEqual([]);
  });

  it('a link that names the scenario keeps it, preset or not', () => {
    const shared = encodeLink({ ...defaultScenario(), shift: 0.7 }, { ...DEFAULT_PAGE, preset: 'claim1' });
    const opened = initialState(`?${shared}`);
    expect(opened.scenario.shift).toBe(0.7);
    expect(encodeScenario(opened.scenario)).toBe(encodeScenario({ ...defaultScenario(), shift: 0.7 }));
    expect(opened.page.preset).toBe('claim1');
  });
});

function presetScenarioOf(id: keyof typeof PRESETS) {
  return sanitizeScenario({ ...PRESETS[id].scenario }, defaultScenario()).scenario;
}
