/**
 * Which tfjs backend runs the tensor work, and why. Pure policy over what the browser offers, so it can be
 * tested without a browser: auto = WebGPU on a hardware adapter, else WebGL on a hardware GPU, WASM when both
 * are software-rendered or missing (on CPU-only machines WASM is several times faster than SwiftShader), CPU
 * last. A forced choice is honoured when possible; every fallback carries a reason for the badge.
 */
/** What a user may ask for: a backend by name, or auto (the policy below chooses). */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The backends that run tensor work on a GPU (one batched program pays there; helpers would contend). */
export function isGpuBackend(name: BackendName | null): boolean {
  return name === 'webgpu' || name === 'webgl';
}

export interface WebgpuProbe {
  readonly available: boolean;
  /** A software adapter (SwiftShader, a fallback adapter): usable when asked for, never chosen by auto. */
  readonly software: boolean;
  /** "vendor architecture description" of the adapter, for the badge. */
  readonly adapter: string;
  /** Why WebGPU is unavailable, when it is. */
  readonly failure?: string;
}

const NO_WEBGPU: WebgpuProbe = { available: false, software: false, adapter: '', failure: 'not probed' };

export interface WebglProbe {
  readonly available: boolean;
  /** Unmasked renderer string, e.g. "ANGLE (NVIDIA ...)" or "... SwiftShader ...". */
  readonly renderer: string;
  /** Why WebGL is unavailable, when it is. */
  readonly failure?: string;
}

export interface BackendCandidate {
  readonly name: BackendName;
  /** Why this candidate is tried instead of the one asked for (absent when it is the one asked for). */
  readonly reason?: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** Candidates in the order they should be tried. */
export function backendCandidates(
  requested: BackendChoice,
  webgl: WebglProbe,
  webgpu: WebgpuProbe = NO_WEBGPU,
): BackendCandidate[] {
  const noWebgl = webgl.available ? undefined : `WebGL unavailable (${webgl.failure ?? 'no context'})`;
  switch (requested) {
    case 'webgpu':
      return webgpu.available
        ? [
            { name: 'webgpu' },
            { name: 'wasm', reason: 'WebGPU failed to start; using WASM' },
            { name: 'cpu', reason: 'WebGPU and WASM failed; using CPU' },
          ]
        : [
            { name: 'wasm', reason: `WebGPU unavailable (${webgpu.failure ?? 'no adapter'}); using WASM` },
            { name: 'cpu', reason: 'WebGPU unavailable and WASM failed; using CPU' },
          ];
    case 'webgl':
      return noWebgl
        ? [
            { name: 'wasm', reason: `${noWebgl}; using WASM` },
            { name: 'cpu', reason: `${noWebgl} and WASM failed; using CPU` },
          ]
        : [{ name: 'webgl' }, { name: 'wasm', reason: 'WebGL failed to start; using WASM' }, { name: 'cpu' }];
    case 'wasm':
      return [{ name: 'wasm' }, { name: 'cpu', reason: 'WASM failed to start; using CPU' }];
    case 'cpu':
      return [{ name: 'cpu' }];
    case 'auto': {
      if (webgpu.available && !webgpu.software) {
        const webglToo = webgl.available && !isSoftwareRenderer(webgl.renderer);
        return [
          { name: 'webgpu', reason: 'auto: hardware GPU (WebGPU)' },
          ...(webglToo
            ? [{ name: 'webgl' as const, reason: 'auto: WebGPU failed to start; using WebGL' }]
            : []),
          { name: 'wasm', reason: 'auto: the GPU failed to start; using WASM' },
          { name: 'cpu', reason: 'auto: the GPU and WASM failed; using CPU' },
        ];
      }
      if (webgl.available && !isSoftwareRenderer(webgl.renderer)) {
        return [
          { name: 'webgl', reason: 'auto: hardware GPU' },
          { name: 'wasm', reason: 'auto: WebGL failed to start; using WASM' },
          { name: 'cpu', reason: 'auto: WebGL and WASM failed; using CPU' },
        ];
      }
      const why = noWebgl ?? 'WebGL is software-rendered, WASM is faster here';
      return [
        { name: 'wasm', reason: `auto: ${why}` },
        { name: 'cpu', reason: `auto: ${why}, and WASM failed; using CPU` },
      ];
    }
  }
}

/** What runs the tensor work, as shown in the badge and in `window.playground.backend`. */
export interface BackendInfo {
  readonly requested: BackendChoice;
  readonly active: BackendName;
  /** Why `active` differs from what was asked, or why auto chose it. */
  readonly reason?: string;
  /**
   * WebGL: the renderer string; WebGPU: the adapter ("vendor architecture"); and whether it is software
   * (SwiftShader, llvmpipe, a fallback adapter).
   */
  readonly renderer?: string;
  readonly software?: boolean;
  readonly contextLost?: boolean;
  /** Where the engine runs: a Web Worker, or the page's main thread when workers failed. */
  readonly thread: 'worker' | 'main';
  /**
   * Whether tfjs runs yet: it starts when a model first needs tensors (an MLP; kNN on WebGL), so `active` is the
   * backend chosen (and the probe's renderer) until then. A start that fails moves on to the next candidate.
   */
  readonly started: boolean;
  /** Milliseconds to choose the backend, plus those to start it once started. */
  readonly initMs: number;
}
