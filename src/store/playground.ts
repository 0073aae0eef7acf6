/**
 * The page's state (zustand): the scenario and the page state (view, preset, lecture mode, sweep settings) that
 * share links carry, notices about what was changed in them, playback, the engine's latest results, population
 * references and sweep. Views read from here; only the runner (runner.ts) writes results.
 */
import { create } from 'zustand';
import type { BackendInfo } from '../engine/backend';
import type { PopulationReferences } from '../engine/references';
import type { SceneResult } from '../engine/results';
import type { SweepPoint } from '../engine/sweep';
import { DEFAULT_PAGE, type PageState, type SweepSetting } from '../scenario/page';
import { sanitizeParam, sanitizeScenario, enforceCrossRules } from '../scenario/sanitize';
import { defaultScenario, type Scenario } from '../scenario/schema';
import { decodeLink, encodeScenario } from '../scenario/url';
import { PRESETS, type PresetId } from '../teaching/presets';

export type RunStatus = 'starting' | 'running' | 'paused' | 'done' | 'error';

export interface ReferencesState {
  /** The scenario they belong to (same object as `scenario` while current). */
  readonly scenario: Scenario;
  readonly status: 'running' | 'done' | 'error';
  readonly value: PopulationReferences | null;
  readonly error: string | null;
}

export interface SweepState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  readonly setting: SweepSetting;
  /** The base scenario the sweep varied. */
  readonly base: Scenario | null;
  readonly points: readonly SweepPoint[];
  readonly total: number;
  readonly error: string | null;
}

export interface PlaygroundState {
  scenario: Scenario;
  page: PageState;
  notices: string[];
  status: RunStatus;
  /** Paused: a run computes its first replicate, then one more per step(). */
  paused: boolean;
  /** Bumped by reset(): the runner starts the same scenario again from replicate 1. */
  resets: number;
  results: SceneResult | null;
  error: string | null;
  backend: BackendInfo | null;
  references: ReferencesState | null;
  sweep: SweepState;
  /** Milliseconds from navigation start until the first numbers were on screen. */
  firstResultsMs: number | null;
  setParam<K extends keyof Scenario>(key: K, raw: unknown): void;
  /** Replaces the whole scenario (a loaded file, a preset), sanitized; notices say what was changed. */
  loadScenario(raw: Partial<Record<keyof Scenario, unknown>>, notices?: readonly string[]): void;
  setPage(patch: Partial<PageState>): void;
  applyPreset(id: PresetId): void;
  /** Moves through the deck (lecture mode): +1 next slide, -1 previous. */
  stepDeck(delta: 1 | -1): void;
  setPaused(paused: boolean): void;
  /** One more replicate while paused (the runner forwards it to the engine). */
  step(): void;
  reset(): void;
  addNotices(notices: readonly string[]): void;
  dismissNotices(): void;
  /** Requests population references for the current scenario (the runner computes them). */
  requestReferences(): void;
  startSweep(): void;
  cancelSweep(): void;
}

/** A preset's scenario, on the given compute backend (a preset never forces one). */
function presetScenario(id: PresetId, backend: Scenario['backend']): Scenario {
  return sanitizeScenario({ ...PRESETS[id].scenario, backend }, defaultScenario()).scenario;
}

/**
 * The state a link opens on. A link that names a preset (or a deck) but no scenario parameter is a
 * hand-written classroom link: it opens on that preset's scenario, view and sweep (unless it names them).
 */
export function initialState(search: string): { scenario: Scenario; page: PageState; notices: string[] } {
  const { scenario, page, notices, scenarioKeys } = decodeLink(search);
  if (page.preset === null || scenarioKeys.length > 0) return { scenario, page, notices: [...notices] };
  const preset = PRESETS[page.preset];
  const named = new URLSearchParams(search);
  return {
    scenario: presetScenario(page.preset, scenario.backend),
    page: {
      ...page,
      view: named.has('view') ? page.view : preset.view,
      sweep: preset.sweep && !named.has('sx') ? preset.sweep : page.sweep,
    },
    notices: [...notices],
  };
}

function initial(): { scenario: Scenario; page: PageState; notices: string[] } {
  return initialState(typeof location === 'undefined' ? '' : location.search);
}

/** Hooks the runner registers: the store stays free of the engine client. */
export const engineHooks: {
  step?: () => void;
  references?: (scenario: Scenario) => void;
  startSweep?: () => void;
  cancelSweep?: () => void;
} = {};

const MAX_NOTICES = 6;

/** The new scenario, or the current object when nothing changed: identity is what says "same run" downstream. */
function keepIfSame(current: Scenario, next: Scenario): Scenario {
  return encodeScenario(current) === encodeScenario(next) ? current : next;
}

export const usePlayground = create<PlaygroundState>()((set, get) => ({
  ...initial(),
  status: 'starting',
  paused: false,
  resets: 0,
  results: null,
  error: null,
  backend: null,
  references: null,
  sweep: { status: 'idle', setting: DEFAULT_PAGE.sweep, base: null, points: [], total: 0, error: null },
  firstResultsMs: null,
  setParam(key, raw) {
    const { value, notice } = sanitizeParam(key, raw);
    const current = get().scenario;
    // Inputs may report the same value twice (input + change events): an unchanged scenario must not rerun.
    if (Object.is(current[key], value) && notice === undefined) return;
    const crossed = enforceCrossRules({ ...current, [key]: value });
    get().addNotices([notice, crossed.notice].filter((n): n is string => n !== undefined));
    set({ scenario: keepIfSame(current, crossed.value) });
  },
  loadScenario(raw, notices = []) {
    const { scenario, notices: more } = sanitizeScenario(raw, defaultScenario());
    get().addNotices([...notices, ...more]);
    set({ scenario: keepIfSame(get().scenario, scenario) });
  },
  setPage(patch) {
    set((state) => ({ page: { ...state.page, ...patch } }));
  },
  applyPreset(id) {
    const preset = PRESETS[id];
    if (!preset) return;
    const scenario = presetScenario(id, get().scenario.backend);
    set((state) => ({
      scenario: keepIfSame(state.scenario, scenario),
      page: {
        ...state.page,
        preset: id,
        view: preset.view,
        ...(preset.sweep ? { sweep: preset.sweep } : {}),
      },
    }));
  },
  stepDeck(delta) {
    const { deck, preset } = get().page;
    if (deck.length === 0) return;
    const at = preset === null ? -1 : deck.indexOf(preset);
    const next = Math.min(deck.length - 1, Math.max(0, at + delta));
    if (next !== at) get().applyPreset(deck[next]!);
  },
  setPaused(paused) {
    set({ paused });
  },
  step() {
    if (!get().paused) set({ paused: true });
    engineHooks.step?.();
  },
  reset() {
    set((state) => ({ resets: state.resets + 1, results: null }));
  },
  addNotices(notices) {
    if (notices.length === 0) return;
    set((state) => ({ notices: [...state.notices, ...notices].slice(-MAX_NOTICES) }));
  },
  dismissNotices() {
    set({ notices: [] });
  },
  requestReferences() {
    const { scenario, references } = get();
    if (references?.scenario === scenario) return;
    engineHooks.references?.(scenario);
  },
  startSweep() {
    engineHooks.startSweep?.();
  },
  cancelSweep() {
    engineHooks.cancelSweep?.();
  },
}));
