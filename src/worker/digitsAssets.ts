/**
 * The digits lab's MNIST digits where the engine runs in the page: loaded once (data/mnistLoad.ts: fetched with
 * progress, checked, kept in Cache Storage) when the lab first opens, then held in memory for every run. A failed
 * load is forgotten, so the next attempt fetches again; everyone waiting hears the same progress.
 */
import type { DigitsData } from '../engine/digits/types';
import { browserAssetCache, loadMnist } from '../data/mnistLoad';

export type DigitsProgress = (done: number, total: number) => void;

let loading: Promise<DigitsData> | null = null;
const listeners = new Set<DigitsProgress>();
let last: [number, number] = [0, 0];

/** Where the assets are served: `mnist/` beside the page's base (Vite's BASE_URL). */
function assetBase(): string {
  const origin = typeof location === 'undefined' ? 'http://localhost/' : location.origin;
  return new URL(`${import.meta.env.BASE_URL}mnist/`, origin).href;
}

/** The digits, loading them on first call; `onProgress` hears the bytes read so far (and now, where it stands). */
export function digitsData(
  onProgress?: DigitsProgress,
  load: () => Promise<DigitsData> = defaultLoad,
): Promise<DigitsData> {
  if (onProgress) {
    listeners.add(onProgress);
    if (last[1] > 0) onProgress(...last);
  }
  loading ??= load()
    .catch((error: unknown) => {
      loading = null;
      throw error;
    })
    .finally(() => listeners.clear());
  return loading;
}

async function defaultLoad(): Promise<DigitsData> {
  const { train, test } = await loadMnist({
    base: assetBase(),
    cache: await browserAssetCache(),
    onProgress: (done, total) => {
      last = [done, total];
      for (const listener of listeners) listener(done, total);
    },
  });
  if (!train || !test) throw new Error('MNIST: the training or test digits did not load');
  return { train, test };
}

/** Forgets the digits (tests). */
export function resetDigits(): void {
  loading = null;
  last = [0, 0];
  listeners.clear();
}
