/**
 * Asks the browser for a WebGPU adapter (navigator.gpu, in a page or a worker; secure contexts only) and says
 * whether it is a software one (SwiftShader, a fallback adapter), which auto never picks.
 */
import type { WebgpuProbe } from '../engine/backend';

interface AdapterInfo {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}
interface Adapter {
  readonly info?: AdapterInfo;
  readonly isFallbackAdapter?: boolean;
}
interface Gpu {
  requestAdapter(options?: { powerPreference?: 'high-performance' }): Promise<Adapter | null>;
}

/** An adapter stops being looked for after this long (a driver that hangs must not hold the first numbers). */
const PROBE_TIMEOUT_MS = 1500;

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|microsoft basic/i;

export function describeAdapter(adapter: Adapter): { adapter: string; software: boolean } {
  const info = adapter.info ?? {};
  const words = [info.vendor, info.architecture, info.description].filter((w) => !!w).join(' ');
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return { adapter: words || 'unknown adapter', software: fallback || SOFTWARE_ADAPTER.test(words) };
}

export async function probeWebgpu(): Promise<WebgpuProbe> {
  const gpu = (globalThis.navigator as { gpu?: Gpu } | undefined)?.gpu;
  if (!gpu) return { available: false, software: false, adapter: '', failure: 'this browser has no WebGPU' };
  try {
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS),
    );
    const adapter = await Promise.race([
      gpu.requestAdapter({ powerPreference: 'high-performance' }),
      timeout,
    ]);
    if (adapter === 'timeout') {
      return { available: false, software: false, adapter: '', failure: 'the adapter request timed out' };
    }
    if (!adapter)
      return { available: false, software: false, adapter: '', failure: 'the browser gave no adapter' };
    return { available: true, ...describeAdapter(adapter) };
  } catch (error) {
    return {
      available: false,
      software: false,
      adapter: '',
      failure: error instanceof Error ? error.message : String(error),
    };
  }
}
