/**
 * The JavaScript the first screen loads: every script the page fetches until its first numbers are shown (the
 * entry, React, the app chunk, the engine worker; not what loads later on demand, such as KaTeX or the QR
 * code), measured in Chromium and gzipped from dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface BundleSize {
  readonly files: readonly { file: string; gzipKB: number }[];
  readonly initialGzipKB: number;
}

export async function initialBundle(browser: Browser, base: string, dist = 'dist'): Promise<BundleSize> {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(base).origin && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => (window.playground.results?.completed ?? 0) >= 1, undefined, {
    timeout: 120_000,
  });
  await page.close();
  const files = [...scripts].map((path) => ({
    file: path,
    gzipKB: gzipSync(readFileSync(join(dist, path.replace(/^\//, '')))).length / 1024,
  }));
  return { files, initialGzipKB: files.reduce((sum, f) => sum + f.gzipKB, 0) };
}
