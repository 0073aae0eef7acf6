import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE } from '../scenario/page';
import { enforceCrossRules, sanitizeScenario } from '../scenario/sanitize';
import { defaultScenario } from '../scenario/schema';
import { encodeLink, encodeScenario } from '../scenario/url';
import { PRESETS } from '../teaching/presets';
import { applyPreset, loadScenario, setPage, setParam } from './actions';
import { initialState, startState, usePlayground } from './playground';

describe('the store', () => {
  // One store per module: each test starts from the state a plain link opens on.
  beforeEach(() => usePlayground.setState(startState(''), true));

  it('does not replace the scenario when a control reports the value it already has', () => {
    const before = usePlayground.getState().scenario;
    setParam('shift', String(before.shift));
    expect(usePlayground.getState().scenario).toBe(before);
    setParam('shift', '1.2');
    expect(usePlayground.getState().scenario).not.toBe(before);
    expect(usePlayground.getState().scenario.shift).toBe(1.2);
  });

  it('keeps the notice when a value had to be changed', () => {
    setParam('shift', '99');
    expect(usePlayground.getState().scenario.shift).toBe(3);
    expect(usePlayground.getState().notices.at(-1)).toMatch(/above the maximum 3/);
  });

  it('a preset card closes when the scenario leaves the simulated lab, by control or by a loaded file', () => {
    applyPreset('claim1');
    expect(usePlayground.getState().page.preset).toBe('claim1');
    loadScenario({ lab: 'toy', n: 100 });
    expect(usePlayground.getState().scenario.lab).toBe('toy');
    expect(usePlayground.getState().page.preset).toBeNull();
    setPage({ preset: 'claim2' }); // a file's page state cannot reopen it there
    expect(usePlayground.getState().page.preset).toBeNull();
    applyPreset('claim2'); // a preset brings its own (simulated) scenario
    expect(usePlayground.getState().scenario.lab).toBe('simulated');
    setParam('lab', 'toy');
    expect(usePlayground.getState().page.preset).toBeNull();
  });

  it("switching the lab starts from that lab's defaults, keeping seed, backend and replicates", () => {
    setParam('seed', '7');
    setParam('backend', 'cpu');
    setParam('replicates', '3');
    setParam('nTest', '5000');
    setParam('shift', '1.5');
    setParam('lab', 'toy');
    const toy = usePlayground.getState().scenario;
    const expected = { ...defaultScenario('toy'), seed: 7, backend: 'cpu' as const, replicates: 3 };
    expect(toy).toEqual(enforceCrossRules(expected).value);
    expect(toy.nTest).toBe(1000); // the toy lab's own default, not the 5000 set before
    expect(toy.generator).toBe('gaussian');

    setParam('lab', 'toy'); // the same lab again: nothing changes, not even the object
    expect(usePlayground.getState().scenario).toBe(toy);

    setParam('lab', 'simulated');
    const back = usePlayground.getState().scenario;
    expect(back).toEqual({ ...defaultScenario('simulated'), seed: 7, backend: 'cpu', replicates: 3 });
    expect(back.shift).toBe(defaultScenario().shift); // the 1.5 belonged to the old scenario
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

  it('so does a v2 classroom link, and one that names only the lab or the backend', () => {
    for (const link of ['?v=2&preset=claim1', '?lab=simulated&preset=claim1', '?backend=cpu&preset=claim1']) {
      const opened = initialState(link);
      expect({ ...opened.scenario, backend: 'auto' }).toEqual(presetScenarioOf('claim1'));
    }
    const deck = initialState('?v=2&present=1&deck=claim1,counter1');
    expect(deck.scenario).toEqual(presetScenarioOf('claim1'));
  });

  it('another lab opens with no preset card, and says why', () => {
    const opened = initialState('?lab=toy&preset=claim1');
    expect(opened.scenario.lab).toBe('toy');
    expect(opened.page.preset).toBeNull();
    expect(opened.notices.join()).toMatch(
      /preset claim1 belongs to the simulated populations lab; none is shown in the toy dataset lab/,
    );
  });

  it('a digits preset opens the digits lab with its card; another lab’s link drops it', () => {
    const opened = initialState('?preset=digits-claim3');
    expect(opened.scenario).toMatchObject({ lab: 'mnist', flipSymmetric: 0.3, generator: 'smote' });
    expect(opened.page.preset).toBe('digits-claim3');
    expect(opened.page.view).toBe('ranking');
    expect(opened.notices).toEqual([]);
    const other = initialState('?n=300&preset=digits-claim3');
    expect(other.page.preset).toBeNull();
    expect(other.notices.join()).toMatch(/belongs to the digits lab/);
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
