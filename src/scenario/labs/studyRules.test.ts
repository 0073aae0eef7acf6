/**
 * The studies' parameters in links (docs/theory.md §9): they round-trip, hostile values become notices and a valid
 * scenario, and the cross rules keep each study runnable (real test data, a fitted generator for the loop, only the
 * studies a lab offers).
 */
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../url';
import { planFromScenario } from './index';

describe('study parameters in links', () => {
  it('round-trip, and build the plan’s study', () => {
    const { scenario, notices } = decodeScenario('?study=collapse&gen=gaussian&gens=7&fresh=0.25');
    expect(notices).toEqual([]);
    expect(scenario).toMatchObject({ study: 'collapse', generations: 7, fresh: 0.25 });
    expect(decodeScenario(`?${encodeScenario(scenario)}`)).toEqual({ scenario, notices: [] });
    // A link carries the study's own knobs only: links without a study read as they did before.
    expect(encodeScenario(scenario)).toMatch(/&study=collapse&gens=7&fresh=0.25$/);
    expect(encodeScenario(decodeScenario('').scenario)).not.toMatch(/study|gens|members|holdout|fresh/);
    expect(planFromScenario(scenario).study).toEqual({ kind: 'collapse', generations: 7, fresh: 0.25 });
    expect(planFromScenario(decodeScenario('?study=ensemble&members=4').scenario).study).toEqual({
      kind: 'ensemble',
      members: 4,
    });
    expect(planFromScenario(decodeScenario('?study=select&holdout=0.2').scenario).study).toEqual({
      kind: 'select',
      holdout: 0.2,
    });
    expect(planFromScenario(decodeScenario('?study=mix').scenario).study).toEqual({ kind: 'mix' });
    expect(planFromScenario(decodeScenario('').scenario).study).toBeUndefined();
  });

  it('hostile values give notices and a valid scenario', () => {
    const { scenario, notices } = decodeScenario('?study=bogus&gens=-4&members=99&fresh=NaN&holdout=2');
    expect(scenario).toMatchObject({ study: 'none', generations: 0, members: 10, fresh: 0, holdout: 0.5 });
    expect(notices.length).toBeGreaterThanOrEqual(4);
    expect(notices.join(' ')).toMatch(/study/);
  });

  it('the loop refits a generator, and every study scores on real test data', () => {
    const loop = decodeScenario('?study=collapse&gen=oracle&tstr_on=synthetic');
    expect(loop.scenario).toMatchObject({ generator: 'gaussian', tstrOn: 'real' });
    expect(loop.notices.join(' ')).toMatch(/gen = gaussian/);
    expect(loop.notices.join(' ')).toMatch(/tstr_on = real/);
    // Without a study the oracle and TSTS stay.
    expect(decodeScenario('?tstr_on=synthetic').scenario).toMatchObject({
      generator: 'oracle',
      tstrOn: 'synthetic',
    });
  });

  it('the digits lab offers pooling and selection, not the loop or the ensemble', () => {
    const mix = decodeScenario('?lab=mnist&study=select&holdout=0.25');
    expect(mix.notices).toEqual([]);
    expect(planFromScenario(mix.scenario).study).toEqual({ kind: 'select', holdout: 0.25 });
    const loop = decodeScenario('?lab=mnist&study=collapse');
    expect(loop.scenario.study).toBe('none');
    expect(loop.notices.join(' ')).toMatch(/not offered in the digits lab/);
    // The toy and your-data labs have no study: a link's is ignored.
    expect(decodeScenario('?lab=toy&study=mix').scenario.study).toBe('none');
  });
});
