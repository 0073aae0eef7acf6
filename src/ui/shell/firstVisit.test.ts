import { describe, expect, it } from 'vitest';
import { initialState } from '../../store/playground';
import {
  GUIDE_STORAGE_KEY,
  guideDismissed,
  rememberGuideDismissed,
  showsGuideAtStart,
  type GuideStorage,
} from './firstVisit';

/** A Map-backed storage, like the page's localStorage. */
function memoryStorage(): GuideStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/** Storage that throws on every use, as disabled or sandboxed storage does. */
const broken: GuideStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

/** Whether the guide opens by itself on this link, with this storage. */
function showsOn(search: string, storage: GuideStorage | null): boolean {
  const { firstLook, page } = initialState(search);
  return showsGuideAtStart(firstLook, page, guideDismissed(storage));
}

describe('when the first-visit guide opens by itself', () => {
  it('on the empty link, and on one that names only the view, theme or a forced backend', () => {
    for (const link of ['', '?', '?theme=dark', '?view=ranking', '?backend=cpu'])
      expect(showsOn(link, memoryStorage()), link).toBe(true);
  });

  it('never on a lecture, classroom, embed, preset or scenario link', () => {
    for (const link of [
      '?present=1',
      '?present=1&deck=claim1,counter1',
      '?embed=1',
      '?hide=shift',
      '?preset=claim1',
      '?shift=0.7',
      '?lab=toy',
      '?v=3&lab=simulated&task=regression',
    ])
      expect(showsOn(link, memoryStorage()), link).toBe(false);
  });

  it('not in lecture mode or an embed even when the first look is on (the rule reads whole)', () => {
    expect(showsGuideAtStart(true, { present: true, embed: false }, false)).toBe(false);
    expect(showsGuideAtStart(true, { present: false, embed: true }, false)).toBe(false);
    expect(showsGuideAtStart(true, { present: false, embed: false }, true)).toBe(false);
  });
});

describe('the remembered dismissal', () => {
  it('once dismissed, the empty link no longer opens the guide', () => {
    const storage = memoryStorage();
    expect(guideDismissed(storage)).toBe(false);
    expect(rememberGuideDismissed(storage)).toBe(true);
    expect(storage.items.get(GUIDE_STORAGE_KEY)).toBe('dismissed');
    expect(guideDismissed(storage)).toBe(true);
    expect(showsOn('', storage)).toBe(false);
  });

  it('an unknown stored value is not a dismissal', () => {
    const storage = memoryStorage();
    storage.items.set(GUIDE_STORAGE_KEY, 'maybe');
    expect(guideDismissed(storage)).toBe(false);
  });

  it('storage that throws or is missing: the guide shows and nothing throws', () => {
    expect(guideDismissed(broken)).toBe(false);
    expect(rememberGuideDismissed(broken)).toBe(false);
    expect(showsOn('', broken)).toBe(true);
    expect(guideDismissed(null)).toBe(false);
    expect(rememberGuideDismissed(null)).toBe(false);
  });
});
