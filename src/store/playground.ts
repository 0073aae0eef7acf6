/**
 * The page's state (zustand): the scenario, notices about what was changed in it, the engine's latest results
 * and backend. Views read from here; only the runner (runner.ts) writes results.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../engine/backend';
import type { SceneResult } from '../engine/results';
import { sanitizeParam, enforceCrossRules } from '../scenario/sanitize';
import type { Scenario } from '../scenario/schema';
import { decodeScenario } from '../scenario/url';

export type RunStatus = 'starting' | 'running' | 'done' | 'error';

export interface PlaygroundState {
  scenario: Scenario;
  notices: string[];
  status: RunStatus;
  results: SceneResult | null;
  error: string | null;
  backend: BackendInfo | null;
  /** Milliseconds from navigation start until the first numbers were on screen. */
  firstResultsMs: number | null;
  setParam<K extends keyof Scenario>(key: K, raw: unknown): void;
  dismissNotices(): void;
}

function initialScenario(): { scenario: Scenario; notices: string[] } {
  const { scenario, notices } = decodeScenario(typeof location === 'undefined' ? '' : location.search);
  return { scenario, notices: [...notices] };
}

export const usePlayground = create<PlaygroundState>()((set, get) => ({
  ...initialScenario(),
  status: 'starting',
  results: null,
  error: null,
  backend: null,
  firstResultsMs: null,
  setParam(key, raw) {
    const { value, notice } = sanitizeParam(key, raw);
    const current = get().scenario;
    // Inputs may report the same value twice (input + change events): an unchanged scenario must not rerun.
    if (Object.is(current[key], value) && notice === undefined) return;
    const crossed = enforceCrossRules({ ...current, [key]: value });
    const notices = [notice, crossed.notice].filter((n): n is string => n !== undefined);
    set((state) => ({
      scenario: crossed.value,
      notices: notices.length > 0 ? [...state.notices, ...notices].slice(-6) : state.notices,
    }));
  },
  dismissNotices() {
    set({ notices: [] });
  },
}));
