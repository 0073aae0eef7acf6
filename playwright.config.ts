import { defineConfig, devices } from '@playwright/test';
import type { Options } from './e2e/fixtures/test';
import { chromiumExecutable, WEBGL_FLAGS } from './e2e/browser';

/** E2E_PORT / E2E_DIST let two runs (e.g. two checkouts) share a machine; CI uses the defaults. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
const launchOptions = { executablePath: chromiumExecutable(), args: WEBGL_FLAGS };

export default defineConfig<Options>({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    {
      // The same specs with WebGL forced on every link (SwiftShader on machines without a GPU).
      name: 'desktop-webgl',
      testMatch: /playground\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions,
        backend: 'webgl',
      },
    },
    {
      name: 'phone',
      testMatch: /(layout|lecture|presets)\.spec\.ts/,
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions },
    },
  ],
  webServer: {
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
