/**
 * Playback of a run: how replicates are released. Play releases all at once, slow one per SLOW_MS, pause one
 * per step(). The engine's runner awaits `pace(handedOut)` before each chunk of replicates (run.ts
 * RunOptions.pace); the first replicate always comes, so a paused page still answers a slider with numbers.
 */
export type Playback = 'play' | 'slow' | 'pause';

export const SLOW_MS = 450;
/** Steps asked for while no run waits are kept, up to this many (a step during a replicate's fits is not lost). */
const MAX_CREDITS = 8;

export interface Pacer {
  /** Resolves with the largest chunk allowed next (>= 1; infinite while playing). */
  pace(handedOut: number): Promise<number>;
  setPlayback(mode: Playback): void;
  /** Lets a paused run fit one more replicate. */
  step(): void;
  /** A newer run starts: wake the older run's wait (so it notices it is cancelled) and forget old steps. */
  newRun(): void;
}

export function createPacer(initial: Playback = 'play'): Pacer {
  let playback = initial;
  /** Wakes a paused or slowed run: after step() (one replicate) or a playback change. */
  let wake: ((allowed: number) => void) | null = null;
  let credits = 0;
  const release = (allowed: number) => {
    const w = wake;
    wake = null;
    w?.(allowed);
  };
  return {
    pace(handedOut) {
      if (playback === 'play') return Promise.resolve(Number.POSITIVE_INFINITY);
      if (handedOut === 0) return Promise.resolve(1);
      if (credits > 0) {
        credits--;
        return Promise.resolve(1);
      }
      return new Promise<number>((resolve) => {
        wake = resolve;
        if (playback === 'slow') setTimeout(() => wake === resolve && release(1), SLOW_MS);
      });
    },
    setPlayback(mode) {
      playback = mode;
      if (mode === 'play') release(Number.POSITIVE_INFINITY);
      else if (mode === 'slow') release(1);
    },
    step() {
      if (wake) release(1);
      else credits = Math.min(credits + 1, MAX_CREDITS);
    },
    newRun() {
      credits = 0;
      release(1);
    },
  };
}
