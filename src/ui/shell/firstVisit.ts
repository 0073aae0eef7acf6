/**
 * When the first-visit guide shows, and how its dismissal is remembered. It is for someone who opened the site
 * itself: only on the first look (the empty link, never a lecture, embed or shared link), and only until they
 * dismiss it once. The dismissal lives in localStorage, which may be missing or may throw (storage disabled,
 * private modes, sandboxed iframes): then the guide shows and closes as usual and is simply not remembered.
 */
import type { PageState } from '../../scenario/page';

export const GUIDE_STORAGE_KEY = 'sup.firstVisitGuide';
const DISMISSED = 'dismissed';

/** The part of the Storage interface used here, so tests can hand in a fake (or one that throws). */
export type GuideStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or null where reading the property itself throws (some sandboxed iframes do). */
export function pageStorage(): GuideStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Whether the guide was dismissed before; unreadable storage counts as not dismissed. */
export function guideDismissed(storage: GuideStorage | null): boolean {
  try {
    return storage?.getItem(GUIDE_STORAGE_KEY) === DISMISSED;
  } catch {
    return false;
  }
}

/** Remembers the dismissal; returns whether it was stored (false: the guide will show on the next first look). */
export function rememberGuideDismissed(storage: GuideStorage | null): boolean {
  try {
    if (storage === null) return false;
    storage.setItem(GUIDE_STORAGE_KEY, DISMISSED);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the guide opens by itself when the page starts: on the first look, outside lecture mode and embeds
 * (the first look excludes them already; checked again so that the rule reads whole here), not dismissed before.
 */
export function showsGuideAtStart(
  firstLook: boolean,
  page: Pick<PageState, 'present' | 'embed'>,
  dismissed: boolean,
): boolean {
  return firstLook && !page.present && !page.embed && !dismissed;
}
