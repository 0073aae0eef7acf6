import { describe, expect, it } from 'vitest';
import { runExperiment } from '../engine/run';
import { planFromScenario } from '../scenario/labs/index';
import { defaultScenario } from '../scenario/schema';
import { decodeLink, encodeLink } from '../scenario/url';
import { FIRST_LOOK, firstLookScenario } from './firstLook';
import { initialState } from './playground';

describe('the first look (what the empty link opens on)', () => {
  it('is the defaults with the first-look diff, and only the empty link opens it', () => {
    const opened = initialState('');
    expect(opened.firstLook).toBe(true);
    expect(opened.scenario).toEqual({ ...defaultScenario(), ...FIRST_LOOK });
    expect(opened.notices).toEqual([]);
    // A forced backend is kept; a link naming any scenario parameter keeps the defaults for the rest.
    expect(initialState('?backend=cpu').scenario).toEqual(firstLookScenario('cpu'));
    expect(initialState('?eta=quadratic').scenario.shift).toBe(defaultScenario().shift);
    // Lecture mode and embeds open on what they always opened on.
    expect(initialState('?present=1').scenario).toEqual(defaultScenario());
    expect(initialState('?embed=1&view=generalization').scenario).toEqual(defaultScenario());
  });

  it('writes a full link, so a reload or a copied link opens the same scenario and no guide', () => {
    const opened = initialState('');
    const reloaded = initialState(`?${encodeLink(opened.scenario, opened.page)}`);
    expect(reloaded.scenario).toEqual(opened.scenario);
    expect(reloaded.firstLook).toBe(false);
    expect(decodeLink(`?${encodeLink(opened.scenario)}`).notices).toEqual([]);
  });

  it('shows something at once: a clear gap for OLS only, and the models keep their order', async () => {
    const { summary } = await runExperiment(planFromScenario(initialState('').scenario));
    const [ols, cubic, knn] = summary.models.map((m) => m.utility!);
    expect(summary.models.map((m) => m.id)).toEqual(['ols', 'poly:degree=3', 'knn:k=10']);
    // Measured (seed 1, 20 replicates): U = 0.592 (0.495–0.688), 0.0059, 0.044; τ_b = 1, same best in 20/20.
    expect(ols!.value).toBeCloseTo(0.592, 3);
    expect(ols!.lo!).toBeGreaterThan(5 * Math.max(cubic!.hi!, knn!.hi!));
    expect(summary.ranking!.kendallTauB!.mean).toBe(1);
    expect(summary.ranking!.top1!.successes).toBe(20);
  });
});
