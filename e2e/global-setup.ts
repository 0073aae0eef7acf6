import { chromium } from '@playwright/test';
import { chromiumExecutable, WEBGL_FLAGS } from './browser';

export default async function globalSetup(): Promise<void> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ executablePath, args: WEBGL_FLAGS });
  console.log(`[e2e] Chromium ${browser.version()} at ${executablePath ?? "Playwright's bundled browser"}`);
  await browser.close();
}
