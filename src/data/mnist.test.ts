import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkDigits, MNIST_PIXELS, parseIdx, parseManifest } from './mnist';
import { loadMnist, type AssetCache } from './mnistLoad';

/** An IDX file of unsigned bytes with these dimensions. */
function idx(dims: number[], fill = (i: number) => i % 256): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, 0x0800 | dims.length);
  dims.forEach((d, i) => header.setUint32(4 + 4 * i, d));
  const items = Uint8Array.from({ length: dims.reduce((p, d) => p * d, 1) }, (_, i) => fill(i));
  const out = new Uint8Array(header.byteLength + items.length);
  out.set(new Uint8Array(header.buffer));
  out.set(items, header.byteLength);
  return out;
}

describe('MNIST files', () => {
  it('reads IDX images and labels, and refuses a wrong type, a cut header or a wrong length', () => {
    const images = parseIdx('images', idx([3, 28, 28]));
    expect(images.count).toBe(3);
    expect(images.shape).toEqual([28, 28]);
    expect(images.data.length).toBe(3 * MNIST_PIXELS);
    expect(parseIdx('labels', idx([5])).shape).toEqual([]);
    const wrong = idx([2]);
    wrong[2] = 0x0d; // float32
    expect(() => parseIdx('f.idx', wrong)).toThrow(/f\.idx: not an IDX file of unsigned bytes/);
    expect(() => parseIdx('short', new Uint8Array(5))).toThrow(/too short for an IDX header/);
    expect(() => parseIdx('cut', idx([3, 28, 28]).subarray(0, 100))).toThrow(
      /cut: 100 bytes, but its header says 3 x 28 x 28 items/,
    );
  });

  it('checks a split: the official count, whole images, labels 0 to 9', () => {
    const count = 10_000;
    const images = new Uint8Array(count * MNIST_PIXELS);
    const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
    expect(checkDigits('test', { count, images, labels }).count).toBe(count);
    expect(() => checkDigits('test', { count: 9_999, images, labels })).toThrow(
      /test: 9999 digits, MNIST has 10000/,
    );
    const bad = labels.slice();
    bad[42] = 11;
    expect(() => checkDigits('test', { count, images, labels: bad })).toThrow(/digit 43 has label 11/);
  });

  it('refuses a manifest that is not JSON or not the assets', () => {
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    expect(() => parseManifest('{"format": 1, "splits": {}}')).toThrow(/does not describe the MNIST assets/);
  });
});

const ASSETS = join(process.cwd(), 'public', 'mnist');
const serve =
  (tamper: (file: string, bytes: Uint8Array) => Uint8Array = (_, b) => b, calls: string[] = []) =>
  async (url: string) => {
    const file = url.split('/').pop()!;
    calls.push(file);
    if (!existsSync(join(ASSETS, file))) return new Response('not found', { status: 404 });
    return new Response(
      tamper(file, new Uint8Array(readFileSync(join(ASSETS, file)))) as Uint8Array<ArrayBuffer>,
    );
  };

function memoryCache(): AssetCache & { urls(): string[] } {
  const kept = new Map<string, Uint8Array>();
  return {
    match: async (url) => (kept.has(url) ? new Response(kept.get(url)!.slice()) : undefined),
    put: async (url, response) => void kept.set(url, new Uint8Array(await response.arrayBuffer())),
    delete: async (url) => kept.delete(url),
    urls: () => [...kept.keys()],
  };
}

// The assets are made by `npm install` (postinstall) and by Vite's build: CI always has them.
describe('loading the MNIST assets', { timeout: 60_000 }, () => {
  const base = 'http://assets.test/mnist/';

  it('loads the official test set with progress, checked, and reads it from the cache the second time', async () => {
    const progress: number[][] = [];
    const cache = memoryCache();
    const { test } = await loadMnist({
      base,
      fetch: serve(),
      cache,
      splits: ['test'],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(test!.count).toBe(10_000);
    // The official test labels: 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 first.
    expect(Array.from(test!.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const counts = new Array(10).fill(0);
    for (const l of test!.labels) counts[l]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    const total = progress[0]![1]!;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([d], i) => i === 0 || d! >= progress[i - 1]![0]!)).toBe(true);
    expect(cache.urls()).toHaveLength(2);
    const calls: string[] = [];
    await loadMnist({ base, fetch: serve(undefined, calls), cache, splits: ['test'] });
    expect(calls).toEqual(['manifest.json']);
  });

  it('says which file is corrupt, cut short or missing, and drops a bad cached copy', async () => {
    const corrupt = serve((file, b) =>
      file === 'test-labels.u8.gzip' ? b.map((v, i) => (i > 20 ? v ^ 0x5a : v)) : b,
    );
    await expect(loadMnist({ base, fetch: corrupt, splits: ['test'] })).rejects.toThrow(
      /test-labels\.u8\.gzip: /,
    );
    const cut = serve((file, b) => (file === 'test-images.u8.gzip' ? b.subarray(0, b.length >> 1) : b));
    await expect(loadMnist({ base, fetch: cut, splits: ['test'] })).rejects.toThrow(
      /test-images\.u8\.gzip: not a gzip file, or cut short/,
    );
    const foreign = serve((file, b) =>
      file === 'test-labels.u8.gzip' ? new Uint8Array(gzipSync(new Uint8Array(10_000))) : b,
    );
    await expect(loadMnist({ base, fetch: foreign, splits: ['test'] })).rejects.toThrow(
      /test-labels\.u8\.gzip: its SHA-256 is not the manifest's/,
    );
    await expect(
      loadMnist({ base: 'http://assets.test/none/', fetch: async () => new Response('', { status: 404 }) }),
    ).rejects.toThrow(/manifest\.json: the server answered 404/);
    const cache = memoryCache();
    await cache.put(`${base}test-labels.u8.gzip`, new Response(new Uint8Array([1, 2, 3])));
    const { test } = await loadMnist({ base, fetch: serve(), cache, splits: ['test'] });
    expect(test!.labels.length).toBe(10_000);
  });
});
