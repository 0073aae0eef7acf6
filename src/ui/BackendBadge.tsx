/** Which tfjs backend runs the tensor work, whether WebGL is a real GPU or software, and why it was chosen. */
import { usePlayground } from '../store/playground';

export function BackendBadge() {
  const backend = usePlayground((s) => s.backend);
  if (!backend) return <span className="badge pending">starting engine…</span>;
  const kind =
    backend.active === 'webgl' || backend.active === 'webgpu'
      ? backend.software
        ? 'software GPU'
        : 'GPU'
      : backend.active === 'wasm'
        ? 'CPU, SIMD'
        : 'CPU';
  const title = [
    backend.reason,
    backend.renderer && `${backend.active === 'webgpu' ? 'Adapter' : 'Renderer'}: ${backend.renderer}`,
    `Engine thread: ${backend.thread === 'worker' ? 'Web Worker' : 'main thread (workers unavailable)'}`,
    backend.started
      ? `Started in ${Math.round(backend.initMs)} ms`
      : 'Not started yet: tfjs loads when a model needs tensors (an MLP, or kNN on a GPU); the other models run in float64 JavaScript',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span
      className={`badge ${backend.reason && backend.requested !== 'auto' ? 'fallback' : ''}`}
      title={title}
      data-testid="backend-badge"
    >
      <strong>{backend.active.toUpperCase()}</strong> <span>({kind})</span>
      {backend.reason && <span className="badge-reason">{backend.reason}</span>}
    </span>
  );
}
