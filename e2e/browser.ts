/**
 * Which Chromium the end-to-end tests drive: $PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's chromium (browsers
 * cannot be downloaded on CI machines), else Playwright's own download. The flags give headless Chromium WebGL
 * through SwiftShader when there is no GPU (never add --disable-software-rasterizer: it removes WebGL), and a
 * SwiftShader WebGPU adapter.
 */
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return DEBIAN_CHROMIUM.find((path) => existsSync(path));
}

export const WEBGL_FLAGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  // WebGPU on Linux is behind this flag; without a GPU the adapter is SwiftShader's (auto never picks it).
  '--enable-unsafe-webgpu',
];
