/** Asks the browser for a WebGL context (in a worker: on an OffscreenCanvas) and reads its renderer string. */
import type { WebglProbe } from '../engine/backend';

type AnyGl = WebGLRenderingContext | WebGL2RenderingContext;

function newCanvas(): OffscreenCanvas | HTMLCanvasElement | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return null;
}

export function rendererOf(gl: AnyGl): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export function probeWebgl(): WebglProbe {
  try {
    const canvas = newCanvas();
    if (!canvas) return { available: false, renderer: '', failure: 'no canvas in this context' };
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as AnyGl | null;
    if (!gl) return { available: false, renderer: '', failure: 'the browser gave no WebGL context' };
    const renderer = rendererOf(gl);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer };
  } catch (error) {
    return {
      available: false,
      renderer: '',
      failure: error instanceof Error ? error.message : String(error),
    };
  }
}
