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

/** Longest stretch of work between two yields inside a fit (long loops check it; see setSliceMs). */
let sliceMs = 50;
let sliceStart = typeof performance !== 'undefined' ? performance.now() : 0;

/**
 * Sets the slice: 50 ms in a worker (a cancel is read within that), 8 ms when the engine runs on the page's
 * main thread because workers failed (half a frame: the page keeps drawing while it computes).
 */
export function setSliceMs(ms: number): void {
  sliceMs = ms;
}

/** Whether the current slice is used up (cheap: call it every few dozen rows of a long loop). */
export function sliceDue(): boolean {
  return performance.now() - sliceStart >= sliceMs;
}

/** Yields to the event loop and starts a new slice. */
export async function yieldSlice(): Promise<void> {
  await yieldToEvents();
  sliceStart = performance.now();
}
