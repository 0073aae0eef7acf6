import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from './presetIds';
import {
  DEFAULT_PAGE,
  DEFAULT_SWEEP,
  EXTRA_CONTROLS,
  STUDY_SWEEPS,
  SWEEPABLE,
  THEMES,
  VIEWS,
  decodePage,
  shownView,
  sweepForLab,
  viewsOf,
  type PageState,
} from './page';
import { defaultScenario, paramSpec } from './schema';
import { decodeLink, encodeLink } from './url';

const query = (text: string) => new Map(new URLSearchParams(text));

const axis = (param: (typeof SWEEPABLE)[number]) => {
  const spec = paramSpec(param);
  if (spec.kind !== 'number') throw new Error('not numeric');
  return fc.record({
    param: fc.constant(param),
    from: fc.integer({ min: 0, max: 4 }).map((i) => spec.min + ((spec.max - spec.min) * i) / 4),
    to: fc.integer({ min: 0, max: 4 }).map((i) => spec.min + ((spec.max - spec.min) * i) / 4),
    steps: fc.integer({ min: 2, max: 25 }),
  });
};

const validPage: fc.Arbitrary<PageState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    preset: fc.option(fc.constantFrom(...PRESET_IDS), { nil: null }),
    present: fc.boolean(),
    deck: fc.uniqueArray(fc.constantFrom(...PRESET_IDS), { maxLength: 5 }),
    hide: fc.uniqueArray(fc.constantFrom('shift', 'R', 'models', ...EXTRA_CONTROLS), { maxLength: 4 }),
    embed: fc.boolean(),
    theme: fc.constantFrom(...THEMES),
    speed: fc.constantFrom('fast' as const, 'slow' as const),
    x: fc.constantFrom(...SWEEPABLE).chain(axis),
    y: fc.option(fc.constantFrom(...SWEEPABLE).chain(axis), { nil: null }),
  })
  .map(({ x, y, ...rest }) => ({
    ...rest,
    // A deck without a preset opens on its first slide.
    preset: rest.preset ?? rest.deck[0] ?? null,
    sweep: { x, y: y && y.param !== x.param ? y : null },
  }));

describe('page state in share links', () => {
  it('round-trips any valid page state with the scenario, without notices', () => {
    fc.assert(
      fc.property(validPage, (page) => {
        const decoded = decodeLink(`?${encodeLink(defaultScenario(), page)}`);
        expect(decoded.notices).toEqual([]);
        expect(decoded.page).toEqual(page);
        expect(decoded.scenario).toEqual(defaultScenario());
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the default page, so plain links stay short', () => {
    expect(encodeLink(defaultScenario(), DEFAULT_PAGE)).not.toMatch(/view=|preset=|present=|sx=/);
  });

  it('turns every bad value into a notice and the default', () => {
    const { page, notices } = decodePage(
      query(
        'view=<script>&preset=claim9&present=yes&deck=claim1,nope,claim2&hide=shift,__proto__&embed=2&theme=neon&speed=warp&sx=seed&sy=bias&sy_from=-99&sy_n=1e9',
      ),
    );
    expect(page.view).toBe('data');
    expect(page.preset).toBe('claim1');
    expect(page.present).toBe(false);
    expect(page.deck).toEqual(['claim1', 'claim2']);
    expect(page.hide).toEqual(['shift']);
    expect(page.embed).toBe(false);
    expect(page.theme).toBe('auto');
    expect(page.speed).toBe('fast');
    expect(page.sweep.x).toEqual(DEFAULT_PAGE.sweep.x);
    expect(page.sweep.y).toMatchObject({ param: 'bias', steps: 25 });
    expect(notices.length).toBeGreaterThanOrEqual(9);
    // Notices are shown as text (React escapes them); they quote at most 24 printable characters of a value.
    for (const notice of notices) expect(notice).toMatch(/^[\x20-\x7e…]{1,200}$/);
  });

  it('drops a second sweep axis equal to the first', () => {
    const { page, notices } = decodePage(query('sx=shift&sy=shift'));
    expect(page.sweep.y).toBeNull();
    expect(notices).toEqual(['The two sweep axes must differ; the second axis was dropped.']);
  });

  it('never throws on random queries, and always gives a valid view', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const { page } = decodeLink(`?view=${text}&deck=${text}&sx=${text}&sx_n=${text}`);
        expect(VIEWS).toContain(page.view);
        expect(page.sweep.x.steps).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('leaves page keys out of the unknown-parameter notice', () => {
    const { notices } = decodeLink('?v=2&view=ranking&preset=claim2&present=1');
    expect(notices).toEqual([]);
  });
});

describe('the views of a lab', () => {
  it('the your-data lab shows Generalization and Ranking; a link to another view opens the first', () => {
    expect(viewsOf('data')).toEqual(['generalization', 'ranking']);
    expect(viewsOf('simulated')).toEqual(VIEWS);
    expect(shownView('ranking', 'data')).toBe('ranking');
    for (const view of ['data', 'training', 'fidelity', 'sweep'] as const) {
      expect(shownView(view, 'data')).toBe('generalization');
      expect(shownView(view, 'toy')).toBe(view);
    }
  });

  it('the Study view is in the labs that offer the studies only', () => {
    expect(viewsOf('simulated')).toContain('study');
    for (const lab of ['toy', 'data'] as const) expect(viewsOf(lab)).not.toContain('study');
    expect(shownView('study', 'simulated')).toBe('study');
    expect(shownView('study', 'toy')).toBe('data');
    expect(decodePage(query('view=study')).page.view).toBe('study');
  });
});

describe("a study's first sweep", () => {
  const simulated = defaultScenario('simulated');

  it('replaces the lab’s untouched first sweep while a study is on', () => {
    expect(sweepForLab(DEFAULT_SWEEP, simulated)).toBe(DEFAULT_SWEEP);
    for (const study of ['collapse', 'mix', 'ensemble', 'select'] as const) {
      const setting = sweepForLab({ x: { ...DEFAULT_SWEEP.x }, y: null }, { ...simulated, study });
      expect(setting).toBe(STUDY_SWEEPS[study]);
    }
    expect(STUDY_SWEEPS.collapse.x).toMatchObject({ param: 'generations', from: 0, to: 15 });
    expect(STUDY_SWEEPS.ensemble.x).toMatchObject({ param: 'members', from: 1, to: 10 });
  });

  it('keeps a sweep the user set', () => {
    const own = { x: { param: 'shift' as const, from: 0, to: 2, steps: 5 }, y: null };
    expect(sweepForLab(own, { ...simulated, study: 'collapse' })).toBe(own);
    const twoAxes = { x: DEFAULT_SWEEP.x, y: { param: 'bias' as const, from: 0, to: 1, steps: 3 } };
    expect(sweepForLab(twoAxes, { ...simulated, study: 'mix' })).toBe(twoAxes);
  });
});
