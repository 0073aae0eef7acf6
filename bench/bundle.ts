/** The JavaScript the first screen loads: the entry script of dist/index.html and its modulepreloads, gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly files: readonly { file: string; gzipKB: number }[];
  readonly initialGzipKB: number;
}

export function initialBundle(dist = 'dist'): BundleSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(sources)].map((src) => ({
    file: src,
    gzipKB: gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length / 1024,
  }));
  return { files, initialGzipKB: files.reduce((sum, f) => sum + f.gzipKB, 0) };
}
