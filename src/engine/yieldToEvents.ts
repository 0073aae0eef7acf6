/**
 * Lets the thread's event loop run: a long run awaits this between model fits so that messages (a newer
 * scenario, pause, step, cancel) are read while it works. Without it, a run whose awaits all resolve at once
 * (the float64 learners) holds the worker until it ends, and a slider change waits for the whole old run.
 * A MessageChannel task is not clamped to 4 ms like a nested setTimeout; Node uses setImmediate.
 */
type Resolve = () => void;

let channel: MessageChannel | null = null;
const waiting: Resolve[] = [];

export function yieldToEvents(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
      return;
    }
    if (typeof MessageChannel === 'function') {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = () => waiting.shift()?.();
      }
      waiting.push(resolve);
      channel.port2.postMessage(null);
      return;
    }
    setTimeout(resolve, 0);
  });
}
