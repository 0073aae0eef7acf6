/**
 * Loads the digits lab's MNIST assets (scripts/mnistAssets.ts makes them) where the page's worker runs: the
 * manifest, then each gzipped file with progress counted in the bytes fetched, decompressed with the platform's
 * DecompressionStream, checked against the manifest's size and SHA-256 (mnist.ts), and kept in Cache Storage so a
 * second visit reads them offline. A file that is missing, cut short, corrupt or foreign gets one message naming
 * it; a cached copy that fails the check is dropped and fetched again once.
 */
import {
  checkAsset,
  checkDigits,
  MnistError,
  MNIST_SPLITS,
  parseManifest,
  type AssetFile,
  type DigitSet,
  type MnistSplit,
} from './mnist';

/** What loadMnist needs of Cache Storage (a Cache, or a stand-in in tests). */
export interface AssetCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

export interface MnistLoadOptions {
  /** The folder the assets are served from, ending in "/" (e.g. new URL('mnist/', location.origin)). */
  readonly base: string;
  readonly fetch?: (url: string) => Promise<Response>;
  /** Called as bytes arrive, with the bytes fetched (or read from the cache) and the total of every file. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly cache?: AssetCache | null;
  readonly splits?: readonly MnistSplit[];
}

/** The browser's Cache Storage for these assets, where there is one (not in Node, not in some private modes). */
export async function browserAssetCache(name = 'mnist-assets-v1'): Promise<AssetCache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(name);
  } catch {
    return null;
  }
}

async function fetched(
  get: (url: string) => Promise<Response>,
  url: string,
  file: string,
): Promise<Response> {
  let response: Response;
  try {
    response = await get(url);
  } catch (error) {
    throw new MnistError(`${file}: could not be fetched (${error instanceof Error ? error.message : error})`);
  }
  if (!response.ok) throw new MnistError(`${file}: the server answered ${response.status}`);
  return response;
}

/** The response's body, counting its bytes as they arrive. */
async function bodyOf(response: Response, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parts.push(chunk.value);
    length += chunk.value.length;
    onBytes(chunk.value.length);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function gunzip(file: string, gz: Uint8Array): Promise<Uint8Array> {
  try {
    const stream = new Blob([gz as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new MnistError(`${file}: not a gzip file, or cut short`);
  }
}

export async function loadMnist(options: MnistLoadOptions): Promise<Partial<Record<MnistSplit, DigitSet>>> {
  const get = options.fetch ?? ((url: string) => fetch(url));
  const cache = options.cache ?? null;
  const splits = options.splits ?? MNIST_SPLITS;
  const manifestUrl = new URL('manifest.json', options.base).href;
  const manifest = parseManifest(await (await fetched(get, manifestUrl, 'manifest.json')).text());
  const assets = splits.flatMap((s) => [manifest.splits[s].images, manifest.splits[s].labels]);
  const total = assets.reduce((sum, a) => sum + a.gzipBytes, 0);
  let done = 0;
  options.onProgress?.(0, total);

  const load = async (asset: AssetFile): Promise<Uint8Array> => {
    const url = new URL(asset.file, options.base).href;
    const before = done;
    const count = (n: number) => {
      done += n;
      options.onProgress?.(Math.min(done, total), total);
    };
    const cached = await cache?.match(url).catch(() => undefined);
    if (cached) {
      try {
        return await checkAsset(asset, await gunzip(asset.file, await bodyOf(cached, count)));
      } catch {
        // A stale or damaged copy: dropped, and the file fetched again.
        await cache!.delete(url).catch(() => false);
        done = before;
      }
    }
    const response = await fetched(get, url, asset.file);
    const gz = await bodyOf(response, count);
    const bytes = await checkAsset(asset, await gunzip(asset.file, gz));
    await cache
      ?.put(
        url,
        new Response(gz as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/gzip' } }),
      )
      .catch(() => undefined);
    return bytes;
  };

  const out: Partial<Record<MnistSplit, DigitSet>> = {};
  for (const split of splits) {
    const { count, images, labels } = manifest.splits[split];
    out[split] = checkDigits(split, { count, images: await load(images), labels: await load(labels) });
  }
  options.onProgress?.(total, total);
  return out;
}
